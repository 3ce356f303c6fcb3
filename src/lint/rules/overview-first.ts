import { defineRule, type SectionOptions } from '../define-rule.js';

export default defineRule<SectionOptions>({
  id: 'overview-first',
  catalogue: 'STRUCT-02',
  severity: 'warning',
  summary: '分目以【概况】（或【综述】【概述】）条目开头，且只设一个',
  why: '“结构栏目化，主体内容条目化”：每个分目先以概况条目交代全貌和主要指标，其余条目记具体事项。概况置后或重复设置，读者难以检索。',
  defaults: { exemptSections: ['特载', '专文', '专记', '大事记', '附录', '统计资料'] },
  optionDocs: { exemptSections: '不要求概况条目的类目或分目标题' },
  examples: {
    bad: [
      '【召开全市教育工作会议】3月5日，示例市教育局召开全市教育工作会议，部署年度工作。\n\n【概况】2015年末，示例市有各级各类学校312所。',
      '【概况】2015年末，示例市有各级各类学校312所。\n\n【概况】全年教育经费投入38.2亿元。',
    ],
    good: ['【概况】2015年末，示例市有各级各类学校312所。\n\n【召开全市教育工作会议】3月5日，示例市教育局召开全市教育工作会议。'],
  },
  check(context) {
    if (context.kind === 'gazetteer') return;
    const entries = context.chapter.entries;
    if (!entries.length) return;
    const overviewTitles = context.style.overviewTitles;
    const overviews = entries.filter((entry) => overviewTitles.includes(entry.title));
    const first = entries[0]!;
    const expected = overviewTitles.map((title) => `【${title}】`);
    if (!overviewTitles.includes(first.title)) {
      const message = overviews.length
        ? `「${overviews[0]!.title}」条目应排在分目第一条，现排在「${first.title}」之后`
        : `分目应以概况条目开头，第一个条目是「${first.title}」`;
      context.reportRange(first.titleStart, first.titleEnd, { message, expected });
    }
    for (const extra of overviews.slice(1)) {
      context.reportRange(extra.titleStart, extra.titleEnd, { message: `分目中只设一个概况条目，「${extra.title}」重复` });
    }
  },
});
