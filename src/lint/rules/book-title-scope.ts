import { defineRule, type SectionOptions } from '../define-rule.js';

const TITLE = /《([^《》]{1,80})》/g;
/** A trailing bracketed note inside the title: 《示例市志（1986—2005）》, 《……条例（草案）》. */
const TRAILING_NOTE = /[（(][^（）()]*[）)]$/;
/** Verbs that take an event, not a document, when the title stands alone after them. */
const EVENT_VERB = /(?:举办|举行|召开|承办|主办|协办)$/;
const HONOUR_AFTER = /^(?:荣誉)?称号/;

export default defineRule<SectionOptions>({
  id: 'book-title-scope',
  catalogue: 'PUNCT-04',
  severity: 'warning',
  summary: '书名号只用于书刊、文件、法规和作品，不用于会议、活动、奖项、工程、机构名称',
  why: 'GB/T 15834—2011规定书名号标示书名、篇名、报刊名、文件名和各类作品名。会议、节庆、展览、赛事、奖项、称号、工程项目和机构的名称不是作品，加书名号计为标点差错，应改用引号或不加标点。',
  defaults: { exemptSections: [] },
  optionDocs: { exemptSections: '不检查的类目或分目标题' },
  examples: {
    bad: [
      '4月23日，示例市在市图书馆举办《第三届示例市读书节》，全市开展阅读推广活动126场次。',
      '示例市青山县云雾山茶业有限公司获《第十二届中国国际茶业博览会》金奖。',
      '示例市实施《城乡清洁工程》，全年清运垃圾12.6万吨。',
      '东湖区第一小学获《全国文明校园》称号。',
      '9月18日，示例市召开《2015示例市招商引资推介会》，签约项目28个。',
    ],
    good: [
      '示例市地方志办公室编纂的《示例市志（1986—2005）》出版发行。',
      '示例市人民政府印发《示例市大气污染防治行动计划》和《示例市城区停车设施建设实施方案》。',
      '市住房和城乡建设局组织学习《城镇燃气工程建设规范》。',
      '示例市人民政府出台《关于促进电子商务健康发展的意见》，印发《示例市农村公路养护管理办法》。',
      '市委宣传部组织编写《示例市经济社会发展》，举办第三届示例市读书节。',
    ],
  },
  check(context) {
    const events = context.words('book-title-scope');
    for (const block of context.blocks) {
      const text = block.text;
      for (const match of text.matchAll(TITLE)) {
        const title = match[1]!.replace(TRAILING_NOTE, '');
        const start = match.index;
        const end = start + match[0].length;
        const ending = events.find(title).find((word) => word.index + word.text.length === title.length);
        const byContext =
          HONOUR_AFTER.test(text.slice(end, end + 4)) ||
          (EVENT_VERB.test(text.slice(Math.max(0, start - 2), start)) && !/\p{Script=Han}/u.test(text[end] ?? ''));
        if (!ending && !byContext) continue;
        const name = match[1]!;
        const what = ending ? `以「${ending.text}」结尾，是活动、奖项、工程或机构名称` : '是活动或称号名称';
        context.report(block, start, end, {
          message: `「${match[0]}」${what}，不用书名号，可改用引号或不加标点`,
          expected: [`“${name}”`, name],
        });
      }
    }
  },
});
