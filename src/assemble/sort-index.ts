import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { customPinyin, pinyin } from 'pinyin-pro';
import { parse } from 'yaml';
import { projectRoot } from '../project-root.js';
import type { PolyphonesFile } from '../model/generated/polyphones.js';

let polyphones: PolyphonesFile | undefined;

function loadPolyphones(): PolyphonesFile {
  if (polyphones) return polyphones;
  polyphones = parse(readFileSync(join(projectRoot, 'src/assemble/polyphones.yaml'), 'utf8')) as PolyphonesFile;
  customPinyin(polyphones.words);
  return polyphones;
}

export interface SortKey {
  /** Syllables with tone numbers, e.g. [yi4, wu4, jiao4, yu4]; other characters as themselves. */
  syllables: string[];
  /** Letter group A–Z, or # for terms that start with a digit or a symbol. */
  letter: string;
}

/** The pinyin sort key of an index term: 汉语拼音, then tone, following the override table for place names. */
export function sortKeyOf(term: string, options: { personName?: boolean } = {}): SortKey {
  const table = loadPolyphones();
  const syllables = pinyin(term, { toneType: 'num', type: 'array', nonZh: 'consecutive' }) as string[];
  const surname = options.personName ? table.surnames[term[0]!] : undefined;
  if (surname) syllables[0] = toneNumbers(surname);
  const first = syllables[0]?.[0]?.toUpperCase() ?? '#';
  return { syllables, letter: /[A-Z]/.test(first) ? first : '#' };
}

/** Compares two terms as a Chinese index is ordered: letters of each syllable, then its tone, then the characters. */
export function compareTerms(a: { term: string; key: SortKey }, b: { term: string; key: SortKey }): number {
  if (a.key.letter !== b.key.letter) return a.key.letter === '#' ? -1 : b.key.letter === '#' ? 1 : a.key.letter.localeCompare(b.key.letter);
  const length = Math.min(a.key.syllables.length, b.key.syllables.length);
  for (let i = 0; i < length; i++) {
    const [x, y] = [a.key.syllables[i]!, b.key.syllables[i]!];
    const letters = x.replace(/\d$/, '').localeCompare(y.replace(/\d$/, ''), 'en');
    if (letters) return letters;
    const tones = Number(x.slice(-1)) - Number(y.slice(-1));
    if (tones) return tones;
  }
  return a.key.syllables.length - b.key.syllables.length || a.term.localeCompare(b.term, 'zh-Hans-CN');
}

const TONE_MARKS: Record<string, [string, number]> = Object.fromEntries(
  ['āáǎà:a', 'ēéěè:e', 'īíǐì:i', 'ōóǒò:o', 'ūúǔù:u', 'ǖǘǚǜ:ü'].flatMap((group) => {
    const [marks, base] = group.split(':') as [string, string];
    return [...marks].map((mark, index) => [mark, [base, index + 1] as [string, number]]);
  }),
);

/** zēng → zeng1 (the form pinyin-pro returns with toneType num). */
function toneNumbers(syllable: string): string {
  let tone = 5;
  const plain = [...syllable].map((char) => {
    const mark = TONE_MARKS[char];
    if (!mark) return char;
    tone = mark[1];
    return mark[0];
  });
  return `${plain.join('').replace('ü', 'v')}${tone === 5 ? 0 : tone}`;
}
