import { defineRule, type SectionOptions } from '../define-rule.js';

/** 2015.3.10, 2015/3/10, 2015-3-10 (the same separator twice). */
const FULL_DATE = /(?<![\d.\-/A-Za-z])((?:19|20)\d{2})([./-])(\d{1,2})\2(\d{1,2})(?![\d.\-/])/g;
/** 3.10 or 3·10 as a month and a day. */
const SHORT_DATE = /(?<![\d.·．])(\d{1,2})([.·．])(\d{1,2})(?![\d.·．%％])/g;
/** 14：30 with a full-width colon. */
const TIME = /(?<![\d：:])([01]?\d|2[0-4])：([0-5]\d)(?![\d：:])/g;

const isDate = (month: number, day: number) => month >= 1 && month <= 12 && day >= 1 && day <= 31;

export default defineRule<SectionOptions>({
  id: 'date-form',
  catalogue: 'DATE-01',
  severity: 'error',
  summary: '日期写作“2015年3月10日”，不写“2015.3.10”“2015-3-10”“3.10”',
  why: 'GB/T 15835规定日期用“年月日”汉字书写，如“2015年3月10日”；时刻写作“14时30分”或“14:30”（半角冒号）。“2015.3.10”“2015/3/10”是非正式写法，“3.10”会被读成小数。全数字的“2015-03-10”只用于表格和注释；“3·15”等作专名时加引号。',
  fixable: true,
  defaults: { exemptSections: [] },
  optionDocs: { exemptSections: '不检查的类目或分目标题' },
  examples: {
    bad: [
      { text: '【春耕生产】3.10，示例市农业局在青山县召开春耕生产现场会。', note: '条目正文以“月.日，”开头' },
      '【人大会议】示例市第十五届人民代表大会第四次会议于2015.1.6开幕。',
      '【开工】东湖大桥于2015-3-18开工建设。',
      '【签约】2015/11/20，示例市与南州市签订区域合作框架协议。',
      '【防汛】2015.6.20，示例市完成6.18特大暴雨灾后重建规划。',
      '【会议】2015-12-28，中共示例市委全会于14：30开始。',
      '| 项目 | 开工日期 |\n|---|---|\n| 东湖大桥 | 2015.3.18 |',
    ],
    good: [
      '【人大会议】1月6日，示例市第十五届人民代表大会第四次会议开幕，会议于14时30分开始。',
      '【消费维权】示例市消费者协会在“3·15”国际消费者权益日受理投诉216件。',
      '【投资】全年完成投资3.10亿元，比上年增长6.18%，平均住院日9.5日。',
      '| 项目 | 开工日期 |\n|---|---|\n| 东湖大桥 | 2015-03-18 |',
      '【标准】示例市执行《公路工程技术标准》（JTG B01-2014），按1：500比例尺测绘地形图。',
    ],
  },
  check(context) {
    const events = context.words('date-event-words');
    for (const block of context.blocks) {
      const text = block.text;
      if (!/\d/.test(text)) continue;
      const inTable = block.kind === 'tableCell';
      for (const match of text.matchAll(FULL_DATE)) {
        const [whole, year, separator, month, day] = match;
        if (!isDate(Number(month), Number(day))) continue;
        if (inTable && separator === '-' && month!.length === 2 && day!.length === 2) continue; // ISO form in tables
        const fixed = `${year}年${Number(month)}月${Number(day)}日`;
        context.report(block, match.index!, match.index! + whole!.length, { message: `日期「${whole}」应写作「${fixed}」`, fix: fixed });
      }
      if (/[.·．]/.test(text)) {
        const eventStarts = new Set(events.find(text).map((found) => found.index));
        for (const match of text.matchAll(SHORT_DATE)) {
          const [whole, month, , day] = match;
          const end = match.index! + whole!.length;
          // A date either runs into an event word (3.10召开) or opens the text of an entry: 【春耕】3.10，……
          const opensEntry = text[end] === '，' && (match.index === 0 || /[】。；]/.test(text[match.index! - 1]!));
          if (!isDate(Number(month), Number(day)) || !(eventStarts.has(end) || opensEntry)) continue;
          if (text[match.index! - 1] === '“' && text[end] === '”') continue;
          context.report(block, match.index!, end, {
            message: `「${whole}」用作日期，应写作「${Number(month)}月${Number(day)}日」；作专名时写作“${month}·${day}”并加引号`,
            expected: [`${Number(month)}月${Number(day)}日`, `“${month}·${day}”`],
          });
        }
      }
      if (!text.includes('：')) continue;
      for (const match of text.matchAll(TIME)) {
        const before = text.slice(Math.max(0, match.index! - 2), match.index!);
        const after = text.slice(match.index! + match[0].length, match.index! + match[0].length + 3);
        if (/[比按为]$|比例/.test(before) || /^(?:的?比例|比例尺)/.test(after)) continue; // ratios such as 1：500
        context.report(block, match.index!, match.index! + match[0].length, {
          message: `时间「${match[0]}」不用全角冒号，应写作「${Number(match[1])}时${Number(match[2])}分」或「${match[1]}:${match[2]}」`,
          expected: [`${Number(match[1])}时${Number(match[2])}分`, `${match[1]}:${match[2]}`],
        });
      }
    }
  },
});
