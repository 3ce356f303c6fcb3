import { defineRule } from '../define-rule.js';

const YEAR = /(?<![\d.])((?:1[6-9]|20)\d{2})(?=年|\s*[—～~\-至到]\s*(?:1[6-9]|20)?\d{2}年)/g;
const COMPARISON_BEFORE = /(?:比|较|与|同|相对于|对比)$/;
const COMPARISON_AFTER = /^年?(?:同期|相比|末相比|底相比)/;

export default defineRule<Record<string, never>>({
  id: 'time-scope',
  catalogue: 'WRITE-03',
  severity: 'warning',
  summary: '正文记述记述年内的事（年鉴记上年1月1日至12月31日；志书记上限至下限）',
  why: '年度性是年鉴的根本属性：记述年以外的材料要么与他卷重复，要么预记了下一卷的事；春季撰稿时误写卷年的事尤为常见。特载、专文、附录、统计资料等按配置豁免，与上年的比较不受限制；大事记从严，报为错误。',
  defaults: {},
  examples: {
    bad: ['【开工建设】2014年10月，示例市东湖大桥开工。', '【建成通车】2016年1月，东湖大桥建成通车。', { text: '2014年12月30日　东湖大桥合龙。', sectionTitles: ['大事记', '2015年大事记'] }],
    good: [
      '【建成通车】2015年12月，示例市东湖大桥建成通车。',
      '全市地区生产总值比2014年增长7.6%。',
      { text: '2011—2015年，示例市地区生产总值年均增长9.1%。', sectionTitles: ['特载', '示例市“十二五”时期发展回顾'] },
      '示例市人民政府印发《示例市2016—2020年交通发展规划》。',
    ],
  },
  check(context) {
    const years = context.recordYears;
    if (!years || context.inSection(context.style.timeScopeExemptSections)) return;
    const chronicle = context.inSection(context.style.chronicleSections);
    const period = years.from === years.to ? `${years.from}年` : `${years.from}—${years.to}年`;
    for (const block of context.blocks) {
      if (block.kind === 'tableCell' && block.tableHeader) continue;
      const text = block.text;
      const titleRanges = [...text.matchAll(/《[^《》]*》/g)].map((m) => [m.index!, m.index! + m[0].length] as const);
      for (const match of text.matchAll(YEAR)) {
        const year = Number(match[1]);
        if (year >= years.from && year <= years.to) continue;
        const index = match.index!;
        if (titleRanges.some(([from, to]) => index > from && index < to)) continue;
        if (COMPARISON_BEFORE.test(text.slice(Math.max(0, index - 3), index)) || COMPARISON_AFTER.test(text.slice(index + 4, index + 10))) continue;
        context.report(block, index, index + 4, {
          message: `「${year}年」不在本卷记述时限（${period}）内：「${sentenceAround(text, index)}」`,
          ...(chronicle ? { severity: 'error' as const } : {}),
        });
      }
    }
  },
});

function sentenceAround(text: string, index: number): string {
  const start = Math.max(text.lastIndexOf('。', index) + 1, index - 12);
  const stop = text.indexOf('。', index);
  const end = Math.min(stop < 0 ? text.length : stop + 1, index + 24);
  return text.slice(start, end);
}
