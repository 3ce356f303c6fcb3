import * as OpenCC from 'opencc-js/t2cn';
import { defineRule, type SectionOptions } from '../define-rule.js';

interface Tables {
  /** Characters that the conversion may change; a block without one is skipped without converting it. */
  candidates: Set<string>;
  /** Per UTF-16 code unit: 1 if it is a candidate or the high surrogate of one (a fast prefilter). */
  units: Uint8Array;
  convert: (text: string) => string;
}

/** OpenCC's dictionary format; its own type does not resolve under NodeNext (types/full.d.ts imports './core' without extension). */
type Dict = string | ReadonlyArray<readonly [string, string]>;
const locale = OpenCC.Locale as { to: Record<string, ReadonlyArray<ReadonlyArray<Dict>> | undefined> };

let tables: Tables | undefined;

/**
 * Built once, on first use, from OpenCC's traditional → simplified dictionaries: every character the
 * character table changes, plus characters that change only inside phrases (瞭 in 瞭解, 覆 in 反覆)
 * unless they are themselves a simplified form (坏, 么), plus CJK compatibility ideographs.
 */
function load(): Tables {
  if (tables) return tables;
  const [phrases = [], characters = []] = (locale.to['cn']?.[0] ?? []).map(pairs);
  const candidates = new Set<string>();
  const simplified = new Set<string>();
  for (const [from, to] of characters) {
    if (from === to) continue;
    candidates.add(from);
    for (const char of to) simplified.add(char);
  }
  for (const [from, to] of phrases) {
    const target = [...to];
    [...from].forEach((char, i) => {
      if (char !== target[i] && !simplified.has(char)) candidates.add(char);
    });
  }
  for (let code = 0xf900; code <= 0xfaff; code++) candidates.add(String.fromCharCode(code)); // CJK compatibility ideographs
  const units = new Uint8Array(0x10000);
  for (const char of candidates) units[char.charCodeAt(0)] = 1;
  tables = { candidates, units, convert: OpenCC.Converter({ from: 't', to: 'cn' }) };
  return tables;
}

function hasCandidate(text: string, units: Uint8Array): boolean {
  for (let i = 0; i < text.length; i++) if (units[text.charCodeAt(i)] === 1) return true;
  return false;
}

function pairs(dict: Dict): Array<readonly [string, string]> {
  if (typeof dict !== 'string') return dict.map(([from, to]) => [from, to] as const);
  return dict.split('|').map((entry) => {
    const [from = '', to = ''] = entry.split(' ');
    return [from, to] as const;
  });
}

export default defineRule<SectionOptions>({
  id: 'standard-chars',
  catalogue: 'CHAR-01',
  severity: 'error',
  summary: '使用规范简体字，不用繁体字',
  why: '地方志书和年鉴以《通用规范汉字表》（2013）为用字标准。繁体字多随港台资料、旧档案或繁简混排的网页带入，简繁混用按每处0.5个差错计。检查以 OpenCC 繁简转换为准，结合词语判断（乾隆、著名、瞭望不报）；《通用规范汉字表》保留的地名、人名用字，可加入 standard-chars 词表。',
  defaults: { exemptSections: [] },
  optionDocs: { exemptSections: '不检查的类目或分目标题' },
  examples: {
    bad: [
      '年内，各区县突出地方特色，開展“书香社区”创建活动。',
      '【概况】2015年，示例市經濟社會平稳發展。',
      '市民政局对低保对象实行动态管理，據瞭解，全年新增低保对象2860人。',
      '示例市图书馆藏有清代乾隆年間刻本《示例县志》。',
    ],
    good: [
      '示例市图书馆藏有清代乾隆年间刻本《示例县志》。',
      '示例市与陕西省乾县结为友好县市，开展文化交流活动。',
      '东湖区在湖滨公园建成森林防火瞭望塔1座，著名书法家为公园题写园名。',
      '全市河道整治完成后，水面覆盖率提高2.1个百分点，沈家河恢复通航。',
      '示例市博物馆举办“乾坤清气——馆藏书画精品展”。',
    ],
  },
  check(context) {
    const allowed = context.words('standard-chars');
    let loaded: Tables | undefined;
    for (const block of context.blocks) {
      const text = block.text;
      loaded ??= load();
      if (!hasCandidate(text, loaded.units)) continue;
      const skip = allowed.find(text).map((word) => [word.index, word.index + word.text.length] as const);
      const source = [...text];
      let target = [...loaded.convert(text)];
      if (target.length !== source.length) target = source.map((char) => loaded!.convert(char));
      let index = 0;
      source.forEach((char, i) => {
        const start = index;
        index += char.length;
        const expected = target[i]!;
        if (expected === char) return;
        if (!loaded!.candidates.has(char)) return;
        if (skip.some(([from, to]) => start >= from && start < to)) return;
        const word = text.slice(Math.max(0, start - 2), index + 2);
        context.report(block, start, index, {
          message: `「${char}」不是规范简体字，应改为「${expected}」：「${word}」`,
          expected: [expected],
        });
      });
    }
  },
});
