import { defineRule, type SectionOptions } from '../define-rule.js';

/** A run of Chinese numerals that contains a unit character (十 百 千 万 亿). */
const RUN = /[零〇一二两三四五六七八九十百千万亿]{3,}/g;
const DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SMALL: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Value of a Chinese numeral such as 一万二千 or 三百五十; undefined when it is not a well-formed number. */
function chineseNumber(text: string): number | undefined {
  let yi = 0;
  let wan = 0;
  let section = 0;
  let digit: number | undefined;
  for (const char of text) {
    if (char in DIGIT) {
      if (digit !== undefined && digit !== 0 && DIGIT[char] !== 0) return undefined; // 三四 is an approximation
      digit = DIGIT[char]!;
    } else if (char in SMALL) {
      section += (digit ?? 1) * SMALL[char]!;
      digit = undefined;
    } else if (char === '万') {
      wan = (section + (digit ?? 0) || 1) * 1e4;
      section = 0;
      digit = undefined;
    } else {
      yi = (yi + wan + section + (digit ?? 0) || 1) * 1e8;
      wan = 0;
      section = 0;
      digit = undefined;
    }
  }
  return yi + wan + section + (digit ?? 0);
}

function arabic(value: number): string {
  if (value >= 1e8 && value % 1e6 === 0) return `${value / 1e8}亿`;
  if (value >= 1e4 && value % 100 === 0) return `${value / 1e4}万`;
  return String(value);
}

export default defineRule<SectionOptions>({
  id: 'number-form',
  catalogue: 'NUM-01',
  severity: 'error',
  summary: '统计数字、金额、计量使用阿拉伯数字',
  why: 'GB/T 15835—2011规定，计量和统计数值用阿拉伯数字，醒目易读，也便于与统计表核对。“一万二千个”“三百五十人”应写作“1.2万个”“350人”。固定说法（“十三五”、三中全会、第十五届）、概数（三四个、二三十人、三十多人）和专名中的汉字数字不在此列。本规则只查含十、百、千、万的3字以上汉字数字直接带量词的写法。',
  defaults: { exemptSections: [] },
  optionDocs: { exemptSections: '不检查的类目或分目标题' },
  examples: {
    bad: [
      '【就业创业】2015年，示例市新增城镇就业岗位一万二千个。',
      '【教师培训】全年培训中小学教师三百五十人次。',
      '【招商引资】全年新引进外资企业二十五家，合同利用外资三亿五千万美元。',
      '【农田水利】全年新增有效灌溉面积一万五千亩。',
    ],
    good: [
      '【规划编制】2015年，示例市启动“十三五”规划纲要编制，贯彻中共十八届三中全会精神。',
      '【人大会议】1月6日，示例市第十五届人民代表大会第四次会议开幕。',
      '【志愿服务】每个社区组建三四个志愿服务队，每队二三十人。',
      '【人才工程】示例市实施百千万人才工程，建设百万千瓦级风电基地。',
      '【民族团结】示例市举办五十六个民族大联欢活动，参加群众三十多万人。',
      '【文学创作】示例市作家创作的长篇小说《一千零一夜的城》出版，印数8000册。',
    ],
  },
  check(context) {
    const words = context.words('number-form');
    for (const block of context.blocks) {
      const text = block.text;
      if (!/[十百千万亿]/.test(text)) continue;
      const measures = new Map<number, string>();
      for (const match of words.find(text)) if (!measures.has(match.index) || measures.get(match.index)!.length < match.text.length) measures.set(match.index, match.text);
      const quoted = [...text.matchAll(/《[^《》]*》|“[^“”]*”/g)].map((m) => [m.index!, m.index! + m[0].length] as const);
      for (const match of text.matchAll(RUN)) {
        const start = match.index!;
        let run = match[0];
        let measure: string | undefined;
        // 千米、千瓦、万元、亿元、万千瓦 begin with numeral characters: the measure word takes them back.
        for (const back of [2, 1, 0]) {
          const candidate = measures.get(start + run.length - back);
          if (candidate && (back === 0 || candidate.startsWith(run.slice(run.length - back)))) {
            measure = candidate;
            run = run.slice(0, run.length - back);
            break;
          }
        }
        if (!measure || !/[十百千万亿]/.test(run) || !/^[零〇一二两三四五六七八九十]/.test(run)) continue; // 百万千瓦、千万元 are not counts
        if (/[第几数每余多]$/.test(text.slice(0, start)) || quoted.some(([from, to]) => start > from && start < to)) continue;
        const value = chineseNumber(run);
        if (value === undefined) continue;
        context.report(block, start, start + run.length + measure.length, {
          message: `「${run}${measure}」是统计数字，应使用阿拉伯数字`,
          expected: [`${arabic(value)}${measure}`],
        });
      }
    }
  },
});
