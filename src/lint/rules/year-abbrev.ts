import { defineRule, type SectionOptions } from '../define-rule.js';

const CN_DIGIT = '〇零一二三四五六七八九';
/**
 * 15年3月 (a two-digit year before a month), 05年 (a leading zero), 2015—16年 (the end of a range cut short),
 * 一五年三月 / 〇五年 (Chinese digits) and ’15 / '15.
 * 10年 (ten years), 15年来, 20年代, 15年3个月 are not matched: they are not followed by a month.
 */
const PATTERNS = [
  /(?<![\d.．\-])(\d{2})年(?=\d{1,2}月)/g,
  /(?<![\d.．\-])(0\d)年(?!代)/g,
  /(?<=(?:19|20)\d{2}年?[—～~\-至到])(\d{2})年(?!代)/g,
  new RegExp(`(?<![${CN_DIGIT}十百千])([${CN_DIGIT}]{2})年(?=[一二三四五六七八九十]{1,2}月|\\d{1,2}月)`, 'g'),
  new RegExp(`(?<![${CN_DIGIT}十百千])([〇零][${CN_DIGIT}])年(?!代)`, 'g'),
  /(?<![\u4e00-\u9fffA-Za-z0-9‘’'])['’](\d{2})(?=[\u4e00-\u9fff])/g,
];

const CN: Record<string, string> = { 〇: '0', 零: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

/** 15 → 2015, 98 → 1998 (two-digit years above 30 are read as the 20th century). */
function fullYear(digits: string): string {
  const arabic = [...digits].map((char) => CN[char] ?? char).join('');
  return `${Number(arabic) > 30 ? '19' : '20'}${arabic}`;
}

export default defineRule<SectionOptions>({
  id: 'year-abbrev',
  catalogue: 'DATE-02',
  severity: 'error',
  summary: '年份不简写：写“2015年3月”，不写“15年3月”“一五年”“’15”',
  why: '“15年”可以是15年时间、1915年或2015年，年鉴是供后世查考的资料书，年份必须写全。“10年”“15年来”“20年代”“15年3个月”等表示时长或年代的写法不受影响。',
  defaults: { exemptSections: [] },
  optionDocs: { exemptSections: '不检查的类目或分目标题' },
  examples: {
    bad: [
      '【开工】东湖大桥于15年3月开工建设。',
      '【建成】示例市体育中心于05年建成，2015年完成改造。',
      '【规划】示例市编制2015—16年度城市建设计划。',
      '【历史】示例市第一座自来水厂建于一五年三月。',
      '【赛事】’15示例国际马拉松赛于11月举行，参赛选手2.2万人。',
    ],
    good: [
      '【开工】东湖大桥于2015年3月开工建设，工期3年。',
      '【教育】示例市第一中学建校60年，教师平均教龄15年3个月。',
      '【改革】改革开放30多年来，示例市地区生产总值增长20多倍，15年来首次出现负增长。',
      '【变迁】20世纪80年代，示例市有工业企业326家。',
      '【规划】示例市编制2016—2020年交通发展规划，计划用三五年时间完成改造。',
    ],
  },
  check(context) {
    for (const block of context.blocks) {
      const text = block.text;
      if (!/年|['’]\d/.test(text)) continue;
      const seen = new Set<number>();
      for (const pattern of PATTERNS) {
        for (const match of text.matchAll(pattern)) {
          if (seen.has(match.index!)) continue;
          seen.add(match.index!);
          const year = fullYear(match[1]!);
          const withMark = match[0].endsWith('年');
          context.report(block, match.index!, match.index! + match[0].length, {
            message: `年份「${match[0]}」不能简写，应写作「${year}${withMark ? '年' : ''}」`,
            expected: [`${year}${withMark ? '年' : ''}`],
          });
        }
      }
    }
  },
});
