import { defineRule, type SectionOptions } from '../define-rule.js';

export default defineRule<SectionOptions>({
  id: 'placeholder',
  catalogue: 'EXTRA-01',
  severity: 'error',
  summary: '不留模板和占位符（XX、×××、某某、待补、待定、TODO、0000年……）',
  why: '供稿单位套用上年条目或范文时，“XX镇”“XXX万元”“待补”之类的占位符常常漏改，一直留到付印；文件头和署名行中的占位符同样检查。单独的“某”、拉丁词中的字母（XXL）、案件中隐去姓名的“王某某”和汉字数字中的“〇〇”不是占位符。',
  defaults: { exemptSections: [] },
  optionDocs: { exemptSections: '不检查的类目或分目标题' },
  examples: {
    bad: [
      '【镇村建设】XX镇全年完成固定资产投资XXX万元。',
      '【表彰先进】示例市表彰某某单位等先进集体26个。',
      '【道路建设】东环路改造工程总投资（数据待更新）亿元，竣工日期待定。',
      '【会议】0000年3月10日，示例市召开××工作会议。',
      '【学校建设】示例市新建学校??所。',
      '【镇村建设】城关镇全年完成投资3860万元，新建农家书屋X个。\n\n（撰稿：某某　审稿：×××）',
    ],
    good: [
      '【镇村建设】城关镇全年完成固定资产投资3860万元。',
      '【服装产业】示例市服装企业出口XXL码以上大码服装120万件。',
      '【刑事审判】示例市中级人民法院审结王某某等12人涉黑案件，某企业负责人被判处有期徒刑。',
      '【史志工作】示例市地方志办公室整理二〇〇五年以前的档案资料1.2万卷。',
    ],
  },
  check(context) {
    const words = context.words('placeholder');
    // Placeholders left in the file header and in credit lines are residue too.
    const header = context.chapter.frontMatter;
    if (header) {
      for (const match of words.find(context.text.slice(header.start, header.end))) {
        context.reportRange(header.start + match.index, header.start + match.index + match.text.length, { message: `文件头中的「${match.text}」是未填写的占位符`, expected: match.suggest });
      }
    }
    for (const block of context.chapter.blocks) {
      for (const match of words.find(block.text)) {
        const last = match.index + match.text.length;
        context.report(block, match.index, last, {
          message: `「${match.text}」是未填写的占位符`,
          expected: match.suggest,
        });
      }
    }
  },
});
