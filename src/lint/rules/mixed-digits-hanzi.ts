import { defineRule, type SectionOptions } from '../define-rule.js';

/**
 * 0) 1千3百万: several parts;
 * 1) 3亿4500万, 3万4500: a big number split into two parts;
 * 2) 4千, 3百万, 5十: a digit followed by 千/百/十 that is not the start of a unit (千米 千瓦 千克 千伏 千帕 千赫 千卡 千焦
 *    千公顷 千字 千兆) nor of 百分点/百分比/百分之;
 * 3) 一百08: a Chinese numeral followed by digits.
 */
const MIXED = new RegExp(
  [
    '(?<![\\d.])\\d+[千百十](?:\\d+[千百十])+\\d*(?:万|亿)?',
    '(?<![\\d.])\\d+(?:\\.\\d+)?(?:亿\\d+(?:万|千万?|百万?)?|万\\d+[千百]?)(?![\\d.])',
    '(?<![\\d.])\\d+(?:\\.\\d+)?[千百十](?!米|瓦|克|伏|帕|赫|卡|焦|公顷|字|兆|分点|分比|分之|分率|分位)(?:万|亿)?',
    '[一二三四五六七八九两][十百千万亿][零〇]?\\d+',
  ].join('|'),
  'g',
);
const FACTOR: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** The standard form of a simple case: 4千 → 4000, 3千万 → 3000万, 3亿4500万 → 3.45亿. */
function expected(text: string): string[] {
  const single = /^(\d+(?:\.\d+)?)([千百十])(万|亿)?$/.exec(text);
  if (single) return [`${Number((Number(single[1]) * FACTOR[single[2]!]!).toFixed(4))}${single[3] ?? ''}`];
  const split = /^(\d+)亿(\d{1,4})万$/.exec(text);
  if (split) return [`${Number((Number(split[1]) + Number(split[2]) / 1e4).toFixed(4))}亿`];
  return [];
}

export default defineRule<SectionOptions>({
  id: 'mixed-digits-hanzi',
  catalogue: 'NUM-05',
  severity: 'error',
  summary: '阿拉伯数字只与“万”“亿”连用，不写“4千”“3亿4500万”“一百08”',
  why: 'GB/T 15835—2011规定，阿拉伯数字可与“万”“亿”及计量单位词头组合使用，不能与“千”“百”“十”连用，也不能把一个数拆成“3亿4500万”两段；汉字数字与阿拉伯数字不能混在一个数里。千米、千克、千瓦、千伏等单位中的“千”是词头，不在此列。',
  defaults: { exemptSections: [] },
  optionDocs: { exemptSections: '不检查的类目或分目标题' },
  examples: {
    bad: [
      '【就业】全年新增城镇就业4千人。',
      '【财政投入】市财政投入3百万元改造农村危房。',
      '【交通投资】全年完成交通建设投资3亿4500万元。',
      '【房屋征收】全年征收房屋一百08户。',
      '【招商】全年实际利用内资1千3百万元。',
    ],
    good: [
      '【道路建设】全年新建城市道路5千米，铺设供水管网12.6千米。',
      '【电力】新增装机容量120万千瓦，新建110千伏变电站3座，全年用电量86.2亿千瓦时。',
      '【城镇化】年末城镇化率58.6%，比上年提高1.3个百分点；20世纪90年代以来增加10多个百分点。',
      '【粮食生产】全年粮食播种面积126.5千公顷，出版《示例市农业志》，全书120千字。',
      '【人口】年末常住人口286.4万人，户籍人口312.5万人，全市财政收入3.45亿元。',
    ],
  },
  check(context) {
    for (const block of context.blocks) {
      const text = block.text;
      if (!/[千百十亿万]/.test(text)) continue;
      for (const match of text.matchAll(MIXED)) {
        context.report(block, match.index!, match.index! + match[0].length, {
          message: `「${match[0]}」阿拉伯数字与汉字数字混用，阿拉伯数字只能与“万”“亿”连用`,
          expected: expected(match[0]),
        });
      }
    }
  },
});
