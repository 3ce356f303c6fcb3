import { defineRule, type SectionOptions } from '../define-rule.js';

/** A rate or share noun; not 效率 生产率 频率 功率 汇率 速率 概率 利用效率…, whose changes are relative. */
const RATE = '(?:(?<![效频功汇速概]|生产|产出)率(?![先领])|比重|占比|比例)';
const CHANGE = '(?:提高|上升|下降|降低|增加|减少|回落|提升|下滑)了?';
/** Between the noun and the verb: a comparison (比上年, 同比…) and at most a few other characters (分别, 全年). */
const COMPARE = '(?:比上年末?|较上年末?|同比|比上年同期|比\\d{4}年末?|比年初)';
const FILLER = `(?:[^，。；：！？\\d%]{0,3}?${COMPARE})?[^，。；：！？\\d%]{0,2}?`;
const VALUE = '(\\d+(?:\\.\\d+)?)[%％]';
const PATTERNS = [
  // 城镇化率比上年提高1.5%（one clause）
  new RegExp(`${RATE}${FILLER}${CHANGE}${VALUE}`, 'g'),
  // 城镇化率52.3%，比上年提高1.5%（the change in the next clause, which has no subject of its own）
  new RegExp(`${RATE}[^，。；：！？]{0,6}?\\d+(?:\\.\\d+)?[%％]，${COMPARE}?${CHANGE}${VALUE}`, 'g'),
];

/** A few characters before the rate noun, within its clause, so that the message names the indicator. */
function lead(text: string, index: number): string {
  const from = Math.max(index - 6, ...['，', '。', '；', '：', '】'].map((mark) => text.lastIndexOf(mark, index - 1) + 1));
  return text.slice(from, index);
}

export default defineRule<SectionOptions>({
  id: 'percent-vs-point',
  catalogue: 'NUM-10',
  severity: 'warning',
  summary: '比率、比重的增减用“个百分点”，不用“%”',
  why: '比率本身是百分数，它的升降是两个百分数之差，应写“提高1.5个百分点”；写“提高1.5%”就成了在原比率上再增长1.5%，数值完全不同，是统计写作中的常见差错。劳动生产率、效率等“率”的增长属于相对变化，不在此列。',
  defaults: { exemptSections: [] },
  optionDocs: { exemptSections: '不检查的类目或分目标题' },
  examples: {
    bad: [
      '【城镇化】年末示例市常住人口城镇化率56.8%，比上年提高1.5%。',
      '【产业结构】第三产业增加值占地区生产总值的比重比上年上升2.1%。',
      '【就业】年末城镇登记失业率3.2%，同比下降0.3%。',
      '【医疗保障】城乡居民医疗保险参保率较上年提高2.6%。',
    ],
    good: [
      '【城镇化】年末示例市常住人口城镇化率56.8%，比上年提高1.5个百分点。',
      '【工业】全年全员劳动生产率比上年提高6.2%，能源利用效率提高3.5%。',
      '【森林】年末森林覆盖率62.3%，全年造林面积增加12%。',
      '【汇率】人民币汇率下降3.1%，出口增长2.4%。',
      '【配套资金】省级资金按1∶1比例配套，市财政配套资金增加20%。',
      '【产业结构】第三产业增加值占地区生产总值的比重为47.9%，第三产业增加值比上年增长8.1%。',
    ],
  },
  check(context) {
    for (const block of context.blocks) {
      const text = block.text;
      if (!/[率重比例]/.test(text)) continue;
      const seen = new Set<number>();
      for (const pattern of PATTERNS) {
        for (const match of text.matchAll(pattern)) {
          const value = match[1]!;
          const start = match.index! + match[0].length - value.length - 1;
          if (seen.has(start)) continue;
          seen.add(start);
          context.report(block, start, start + value.length + 1, {
            message: `「${lead(text, match.index!)}${match[0]}」比率的增减应以“个百分点”表示`,
            expected: [`${value}个百分点`],
          });
        }
      }
    }
  },
});
