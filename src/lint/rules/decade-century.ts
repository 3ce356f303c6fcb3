import { defineRule, type SectionOptions } from '../define-rule.js';

interface Options extends SectionOptions {
  allowShangShiji: boolean;
}

const CN_TENS: Record<string, string> = { 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };
/** 80年代, 八十年代 or 七八十年代. */
const DECADE = /(?<![\d〇零一二三四五六七八九十])(\d0|[一二三四五六七八九]{1,2}十)年代/g;
/** 上世纪 / 上个世纪, with the decade if one follows. */
const SHANG = /上个?世纪(?:(\d0|[一二三四五六七八九]十)年代)?/g;
/** A century already stated just before, as in 20世纪70—80年代 or 二十世纪七八十年代. */
const CENTURY_BEFORE = /世纪(?:\d0|[一二三四五六七八九]十|[一二三四五六七八九])?(?:年代)?[—～\-至到、和与]?$/;

/** 八十 → 80; 七八十 → 70—80. */
function decadeDigits(decade: string): string {
  if (/^\d/.test(decade)) return decade;
  const tens = [...decade.slice(0, -1)].map((char) => `${CN_TENS[char]}0`);
  return tens.join('—');
}

function centuries(digits: string): string[] {
  return digits === '00' || digits === '10' ? [`20世纪${digits}年代`, `21世纪${digits}年代`] : [`20世纪${digits}年代`];
}

export default defineRule<Options>({
  id: 'decade-century',
  catalogue: 'DATE-03',
  severity: 'error',
  summary: '年代前写明世纪：写“20世纪80年代”，不写“八十年代”“80年代”“上世纪80年代”',
  why: '年鉴和志书供后世查考，“80年代”离开了世纪便有歧义；“上世纪”是相对说法，百年后读者无从判断。GB/T 15835的示例写法是“20世纪80年代”。不少出版社接受“上世纪80年代”，可用 allowShangShiji 放宽。',
  defaults: { allowShangShiji: false, exemptSections: [] },
  optionDocs: { allowShangShiji: '是否允许“上世纪80年代”的写法', exemptSections: '不检查的类目或分目标题' },
  examples: {
    bad: [
      '【工业】八十年代，示例市纺织工业迅速发展。',
      '【交通】90年代示例市建成第一条一级公路。',
      '【城建】东湖新村始建于上世纪70年代。',
      '【教育】示例市第一中学上个世纪末迁至新址。',
      '【企业】七八十年代，示例市集体企业发展较快。',
    ],
    good: [
      '【工业】20世纪80年代，示例市纺织工业迅速发展。',
      '【交通】20世纪70—80年代，示例市修建县乡公路412千米。',
      '【文艺】示例市歌舞团排演的话剧《八十年代》获省级奖项。',
      '【历史】二十世纪七八十年代，示例市集体企业发展较快，职工人数增加到3.6万人。',
    ],
  },
  check(context) {
    for (const block of context.blocks) {
      const text = block.text;
      if (!text.includes('年代') && !text.includes('世纪')) continue;
      const titles = [...text.matchAll(/《[^《》]*》|“[^“”]*”/g)].map((m) => [m.index!, m.index! + m[0].length] as const);
      const quoted = (index: number) => titles.some(([from, to]) => index > from && index < to);
      const shangEnds = new Set<number>();
      for (const match of text.matchAll(SHANG)) {
        if (quoted(match.index!)) continue;
        shangEnds.add(match.index! + match[0].length);
        if (context.options.allowShangShiji) continue;
        const expected = match[1] ? centuries(decadeDigits(match[1])) : ['20世纪'];
        context.report(block, match.index!, match.index! + match[0].length, {
          message: `「${match[0]}」是相对说法，应写明世纪，如「${expected[0]}」`,
          expected,
        });
      }
      for (const match of text.matchAll(DECADE)) {
        const index = match.index!;
        if (quoted(index) || shangEnds.has(index + match[0].length)) continue;
        if (CENTURY_BEFORE.test(text.slice(Math.max(0, index - 10), index))) continue;
        const expected = centuries(decadeDigits(match[1]!));
        context.report(block, index, index + match[0].length, {
          message: `「${match[0]}」应写明世纪，写作「${expected[0]}」`,
          expected,
        });
      }
    }
  },
});
