import { defineRule, type SectionOptions } from '../define-rule.js';
import { sourceOffset, type TextBlock } from '../../parse/text-block.js';

const HAN = /\p{Script=Han}/u;
/** Chinese text around a straight quote: Han characters, full-width and CJK punctuation. */
const CHINESE = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’—…]/u;
const CORNER: Record<string, string> = { '「': '“', '」': '”', '『': '‘', '』': '’' };
const ANY_QUOTE = /[「」『』"＂'＇]/;
/** 5'30" or 12" as minutes/seconds or feet/inches: primes, not quotation marks. */
const PRIMES = /\d['′]\d{1,2}(?:\.\d+)?["″]/g;

export default defineRule<SectionOptions>({
  id: 'quote-style',
  catalogue: 'PUNCT-02',
  severity: 'error',
  summary: '中文引号用“ ”（外层）和‘ ’（里层），不用直引号和「」『』',
  why: 'GB/T 15834—2011规定横排文字的引号为“ ”，引号里面再用引号时用‘ ’。直引号"、＂和直角引号「」『』多由英文输入法或港台、网页稿件带入，印刷时形态不一，计为标点差错。直引号只有成对出现时才能判断前后引号，才给出自动修改。',
  fixable: true,
  defaults: { exemptSections: [] },
  optionDocs: { exemptSections: '不检查的类目或分目标题' },
  examples: {
    bad: [
      '【治水工作】2015年，示例市开展"五水共治"行动，完成治水投资42.6亿元。',
      '示例市获「全国文明城市」称号，东湖区获「省级生态区」称号。',
      '市文明办开展“争做『最美示例人』”主题活动。',
      '示例市图书馆开展＂书香社区＂创建活动。',
      "全市开展“'四好农村路'示范县”创建，建成农村公路126千米。",
    ],
    good: [
      '【治水工作】2015年，示例市开展“五水共治”行动，完成治水投资42.6亿元。',
      '市文明办开展“争做‘最美示例人’”主题活动。',
      "示例经济技术开发区引进McDonald's等外资餐饮企业6家。",
      '示例市与美国友好城市签署“Sister City”合作备忘录。',
      '示例市选手在全国青年田径锦标赛男子1500米比赛中以3\'52"的成绩获第二名。',
    ],
  },
  check(context) {
    for (const block of context.blocks) {
      const text = block.text;
      if (!ANY_QUOTE.test(text)) continue;
      const primes = new Set<number>();
      for (const match of text.matchAll(PRIMES)) {
        primes.add(match.index + match[0].search(/['′]/));
        primes.add(match.index + match[0].length - 1);
      }
      const report = (index: number, mark: string, replacement: string | undefined) => {
        const canFix = replacement !== undefined && context.text[sourceOffset(block, index)] === mark;
        context.report(block, index, index + 1, {
          message: `引号「${mark}」不规范，中文引号应为“ ”（里层‘ ’）：「${around(text, index)}」`,
          ...(replacement ? { expected: [replacement] } : {}),
          ...(canFix ? { fix: replacement } : {}),
        });
      };
      for (const match of text.matchAll(/[「」『』]/g)) report(match.index, match[0], CORNER[match[0]]);
      pairStraight(block, /["＂]/g, '“', '”', primes, report);
      pairStraight(block, /['＇]/g, '‘', '’', primes, report);
    }
  },
});

/**
 * Straight quotes of one kind in a block. A quote counts as Chinese when a neighbour is Chinese text
 * (so an apostrophe inside Latin words such as McDonald's is left alone); a pair counts when either
 * quote or its content is Chinese. With an even number of quotes they pair up in order and get a fix.
 */
function pairStraight(
  block: TextBlock,
  pattern: RegExp,
  open: string,
  close: string,
  primes: Set<number>,
  report: (index: number, mark: string, replacement: string | undefined) => void,
): void {
  const text = block.text;
  const chinese = (index: number) => CHINESE.test(text[index - 1] ?? '') || CHINESE.test(text[index + 1] ?? '');
  const isApostrophe = (index: number) => /[A-Za-z]/.test(text[index - 1] ?? '') && /[A-Za-z]/.test(text[index + 1] ?? '');
  const quotes = [...text.matchAll(pattern)].map((m) => m.index).filter((index) => !primes.has(index) && !(open === '‘' && isApostrophe(index)));
  if (!quotes.length) return;
  if (quotes.length % 2 === 0) {
    for (let i = 0; i < quotes.length; i += 2) {
      const from = quotes[i]!;
      const to = quotes[i + 1]!;
      if (!chinese(from) && !chinese(to) && !HAN.test(text.slice(from + 1, to))) continue;
      report(from, text[from]!, open);
      report(to, text[to]!, close);
    }
    return;
  }
  for (const index of quotes) if (chinese(index)) report(index, text[index]!, undefined);
}

function around(text: string, index: number): string {
  return text.slice(Math.max(0, index - 6), index + 7);
}
