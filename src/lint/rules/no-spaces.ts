import { defineRule, type SectionOptions } from '../define-rule.js';
import { isCjkLike, sourceOffset } from '../../parse/text-block.js';

const SPACES = /[ \u3000]+/g;
/** Leading separators that keep one space: 【标题】, 表1/图2, 第一章 in headings, and in 大事记 a day or date (6日　, 同日　, 3月6—8日　). */
const ENTRY_TITLE = /^【[^【】]{1,60}】(?=[ \u3000])/;
/** 志书 headings: 第一章　公路, 第三节　港口. */
const HEADING_NUMBER = /^第[一二三四五六七八九十百零〇\d]{1,4}[编篇章节卷部](?=[ \u3000])/;
const FIGURE_NUMBER = /^(?:续表|附表|表|图)\d+(?:[-—－.．]\d+)*(?=[ \u3000])/;
const DIARY_DATE =
  /^(?:(?:\d{4}年)?(?:\d{1,2}(?:[—～]\d{1,2})?月)?(?:\d{1,2}(?:[—～]\d{1,2})?日|[上中下]旬)|(?:\d{4}年)?\d{1,2}月|同日|同月|是日|是月|当日|当月|月内|年内|同年|是年)(?=[ \u3000])/;
/** A photo or source note inside a caption or paragraph: （张三　摄）, （示例市统计局　供图）. */
const CREDIT_NOTE = /[（(][^（）()]{1,40}(?:摄|供图|供稿|提供|撰稿[：:][^（）()]*|审稿[：:][^（）()]*)[）)]/g;
const HAN = /\p{Script=Han}/u;

export default defineRule<SectionOptions>({
  id: 'no-spaces',
  catalogue: 'PUNCT-13',
  severity: 'error',
  summary: '汉字之间、汉字与标点或数字之间不留空格，段首不用空格缩进',
  why: '印刷稿的字距和段首缩进由排版处理。来稿中的空格多来自网页复制、Word对齐或“2015 年”式的西文排版习惯，排版后成为字间空隙。保留的只有：条目标题【】后、表号图号后、大事记日期后的分隔空格，署名中的空格，以及西文单词之间的空格。',
  fixable: true,
  defaults: { exemptSections: [] },
  optionDocs: { exemptSections: '不检查的类目或分目标题' },
  examples: {
    bad: [
      '【环境质量】2015 年，市区环境空气质量优良天数287天。',
      '全市地区生产总值1865.3亿元，增长 7.6 %。',
      '全市 建成农村生活污水处理设施426处，受益农户5.8万户。',
      '\u3000\u3000全市有公共图书馆6个、文化馆6个。',
      '示例市有 Intel 等世界500强企业投资项目12个 。',
    ],
    good: [
      '【环境质量】\u30002015年，市区环境空气质量优良天数287天。',
      '表1\u30002011—2015年示例市主要经济指标',
      { text: '6日\u3000示例市第十五届人民代表大会第四次会议开幕。\n\n同日\u3000示例市人民政府召开常务会议。', sectionTitles: ['大事记', '2015年大事记'] },
      '示例港与Port of Singapore Authority签订合作协议。',
      '![青江大桥建成通车（张三\u3000摄）](images/qingjiang.jpg)',
    ],
  },
  check(context) {
    const chronicle = context.inSection(context.style.chronicleSections);
    for (const block of context.blocks) {
      const text = block.text;
      const lead =
        block.kind === 'paragraph' || block.kind === 'caption'
          ? (ENTRY_TITLE.exec(text) ?? FIGURE_NUMBER.exec(text) ?? (chronicle ? DIARY_DATE.exec(text) : null))?.[0].length
          : block.kind === 'heading'
            ? HEADING_NUMBER.exec(text)?.[0].length
            : undefined;
      const credits = [...text.matchAll(CREDIT_NOTE)].map((m) => [m.index, m.index + m[0].length] as const);
      for (const match of text.matchAll(SPACES)) {
        let start = match.index;
        const end = start + match[0].length;
        if (start === lead) {
          if (end - start === 1) continue;
          start++; // one separator is allowed; the rest is reported
        }
        if (credits.some(([from, to]) => start > from && end < to)) continue;
        const before = text[start - 1] ?? '';
        const after = text[end] ?? '';
        const report = (message: string, fix: string | undefined) => {
          const source = context.text.slice(sourceOffset(block, start), sourceOffset(block, end - 1) + 1);
          const canFix = fix !== undefined && source === text.slice(start, end);
          context.report(block, start, end, { message, ...(canFix ? { fix } : {}) });
        };
        if (start === 0) {
          report('段首不用空格缩进，缩进由排版处理', '');
          continue;
        }
        const chinese = (isCjkLike(before) || isCjkLike(after)) && before !== '' && after !== '';
        const unit = /\d/.test(before) && /[%‰℃°]/.test(after);
        const trailing = after === '' && isCjkLike(before);
        if (!chinese && !unit && !trailing) continue; // spaces between Latin words stay
        const shown = text.slice(Math.max(0, start - 4), end + 4);
        // 张三　李四　王五: a list of names, removing the space would run them together
        const nameList = match[0].includes('\u3000') && HAN.test(before) && HAN.test(after) && /(?:^|[：:\u3000])\p{Script=Han}{2,4}$/u.test(text.slice(0, start)) && /^\p{Script=Han}{2,4}(?:\u3000|$|[，。；])/u.test(text.slice(end));
        report(`汉字、标点、数字之间不留空格：「${shown}」`, nameList ? undefined : '');
      }
    }
  },
});
