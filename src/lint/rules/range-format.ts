import { defineRule, type SectionOptions } from '../define-rule.js';

const NUM = '\\d+(?:\\.\\d+)?';
/** 15～30%, 2～5万: the suffix (% ‰ 万 亿) stands only after the second number. */
const SUFFIX = new RegExp(`(?<![\\d.A-Za-z])(${NUM})(——|～|~|—|－|-|至|到)(${NUM})(%|‰|万|亿)`, 'g');
/**
 * 10-20人, 10~20人, 2011-2015年, 10——20人: a half-width hyphen or tilde, a full-width hyphen or a two-em dash
 * between two numbers, followed by Chinese text. Codes (GB/T 15835-2011, G15-1), telephone numbers (0571-88886666),
 * ISO dates (2015-03-10) and scores (3-1战胜) are left alone.
 */
const MARK = new RegExp(`(?<![\\d.A-Za-z/\\-－~])(${NUM})\\s*(~|-|－|——)\\s*(${NUM})(?![\\d.\\-－~])(?=[%‰\\u4e00-\\u9fff])(?![战胜负击平赢输获])`, 'g');
const SUFFIX_AT = new RegExp(`^${NUM}(?:~|-|－|——)${NUM}(?:%|‰|万|亿)`);
/** Time points (3—5月, 10—12日, 8—10时); 5～10年 with small numbers is a duration, a numeric range. */
const TIME_UNIT = /^(?:月|日|时|点|世纪|年代)/;

export default defineRule<SectionOptions>({
  id: 'range-format',
  catalogue: 'NUM-07',
  severity: 'error',
  summary: '数值范围写作“15%～30%”“2万～5万”“10～20人”，时间范围用一字线“2011—2015年”',
  why: 'GB/T 15835和GB/T 15834规定：表示数值范围时，带“%”“万”“亿”的两个数都要写出，“15～30%”会被读作“15”到“30%”；数值范围用浪纹线“～”，时间、地域的起止用一字线“—”；半角的“-”“~”和两字线“——”都不是范围号。',
  defaults: { exemptSections: [] },
  optionDocs: { exemptSections: '不检查的类目或分目标题' },
  examples: {
    bad: [
      '【工资调整】机关事业单位人员基本工资标准提高15～30%。',
      '【创业补贴】对返乡创业人员给予2～5万元补贴。',
      '【学校规模】农村小学每班10-20人。',
      '【规划】示例市编制2016-2020年交通发展规划。',
      '【培训】每期培训学员30~50人，培训时间3-5天，服务期限5-10年。',
      '【补助】每户补助3000——5000元。',
    ],
    good: [
      '【工资调整】机关事业单位人员基本工资标准提高15%～30%，对返乡创业人员给予2万～5万元补贴。',
      '【学校规模】农村小学每班10～20人，2011—2015年新建校舍68栋。',
      '【标准】示例市执行国家标准《出版物上数字用法》（GB/T 15835-2011）。',
      '【咨询电话】示例市开通12345政务服务热线，比赛中示例市代表队以3-1战胜南州市代表队。',
      '【时间】3月10—12日，示例市举办春季人才交流会，15至30岁的求职者占62.4%。',
    ],
  },
  check(context) {
    for (const block of context.blocks) {
      const text = block.text;
      if (!/\d/.test(text)) continue;
      for (const match of text.matchAll(SUFFIX)) {
        const [, left, mark, right, suffix] = match;
        const range = mark === '至' || mark === '到' ? mark : '～';
        context.report(block, match.index!, match.index! + match[0].length, {
          message: `「${match[0]}」是数值范围，前后两个数都要带“${suffix}”`,
          expected: [`${left}${suffix}${range}${right}${suffix}`],
        });
      }
      if (block.kind === 'tableCell') continue;
      for (const match of text.matchAll(MARK)) {
        const [, left, mark, right] = match;
        const end = match.index! + match[0].length;
        if (/^0\d{2,}/.test(left!) || right!.replace('.', '').length >= 7) continue; // telephone numbers
        if (SUFFIX_AT.test(text.slice(match.index!, end + 1))) continue; // already reported above
        if (/[A-Za-z]\s*$|(?:以|比分)$/.test(text.slice(Math.max(0, match.index! - 8), match.index!))) continue; // codes, scores
        const years = /^(?:19|20)\d{2}$/.test(left!) && /^(?:19|20)\d{2}$/.test(right!) && Number(right) > Number(left);
        const time = years || TIME_UNIT.test(text.slice(end));
        const dash = time ? '—' : '～';
        context.report(block, match.index!, end, {
          message: mark === '——' ? `「${match[0]}」表示范围不用两字线“——”，${time ? '时间范围用一字线“—”' : '数值范围用浪纹线“～”'}` : `「${match[0]}」${time ? '时间范围用一字线“—”' : '数值范围用浪纹线“～”'}，不用半角或全角连字符`,
          expected: [`${left}${dash}${right}`],
        });
      }
    }
  },
});
