import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { projectRoot } from '../project-root.js';
import type { WordListEntry } from '../model/generated/style.js';
import type { WordListFile } from '../model/generated/wordlist.js';

export interface WordListOverride {
  add?: WordListEntry[];
  remove?: string[];
  replace?: WordListEntry[];
}

export interface WordMatch {
  index: number;
  text: string;
  suggest: string[];
  note?: string;
}

interface NormalizedEntry {
  text: string;
  suggest: string[];
  note?: string;
  pattern?: RegExp;
}

/**
 * Literal words indexed by their first character. A large regex alternation is tried at every
 * position, one alternative after another; the index looks at only the words that can start there.
 * Like a longest-first alternation, the longest word wins and matches do not overlap.
 */
class LiteralIndex {
  private readonly byFirst = new Map<string, string[]>();
  /** A character class of the first characters: the regex engine finds candidates in native code. */
  private readonly starts: RegExp | undefined;

  constructor(words: Iterable<string>) {
    for (const word of words) {
      const list = this.byFirst.get(word[0]!) ?? [];
      list.push(word);
      this.byFirst.set(word[0]!, list);
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.length - a.length);
    const firsts = [...this.byFirst.keys()];
    this.starts = firsts.length ? new RegExp(`[${firsts.map((char) => char.replace(/[\\\]^-]/g, '\\$&')).join('')}]`, 'g') : undefined;
  }

  matches(text: string): Array<{ index: number; text: string }> {
    const found: Array<{ index: number; text: string }> = [];
    const starts = this.starts;
    if (!starts) return found;
    starts.lastIndex = 0;
    for (let hit = starts.exec(text); hit; hit = starts.exec(text)) {
      const index = hit.index;
      const word = this.byFirst.get(hit[0])!.find((candidate) => text.startsWith(candidate, index));
      if (word) {
        found.push({ index, text: word });
        starts.lastIndex = index + word.length;
      }
    }
    return found;
  }
}

/**
 * A compiled word list. Entries are literal words or, written as /…/, regular expressions;
 * matches are returned in text order and never overlap.
 * Exceptions are fixed phrases that contain a listed word but must not be reported
 * (计划 in 计划生育, 本市 in 日本市场); a match overlapping an exception is skipped.
 */
export class WordList {
  private readonly byText = new Map<string, NormalizedEntry>();
  private readonly literals: LiteralIndex;
  private readonly patterns: NormalizedEntry[] = [];
  private readonly literalExceptions: LiteralIndex;
  private readonly patternExceptions: RegExp[];

  constructor(entries: WordListEntry[], exceptions: string[] = []) {
    for (const raw of entries) {
      const entry = normalize(raw);
      if (entry.pattern) this.patterns.push(entry);
      else if (entry.text) this.byText.set(entry.text, entry);
    }
    this.literals = new LiteralIndex(this.byText.keys());
    this.literalExceptions = new LiteralIndex(exceptions.filter((text) => !isPattern(text)));
    this.patternExceptions = exceptions.filter(isPattern).map((text) => new RegExp(text.slice(1, -1), 'g'));
  }

  find(text: string): WordMatch[] {
    const found: WordMatch[] = [];
    const excluded = this.exceptionRanges(text);
    const keep = (index: number, length: number) => !excluded.some(([from, to]) => index < to && index + length > from);
    const add = (index: number, matched: string, entry: NormalizedEntry) => {
      if (keep(index, matched.length)) found.push({ index, text: matched, suggest: entry.suggest, ...(entry.note ? { note: entry.note } : {}) });
    };
    for (const match of this.literals.matches(text)) add(match.index, match.text, this.byText.get(match.text)!);
    if (!this.patterns.length) return found;
    for (const entry of this.patterns) {
      for (const match of text.matchAll(entry.pattern!)) if (match[0]) add(match.index!, match[0], entry);
    }
    // Literal and pattern entries may match the same words: keep the earliest, then the longest.
    found.sort((a, b) => a.index - b.index || b.text.length - a.text.length);
    let end = -1;
    return found.filter((match) => {
      if (match.index < end) return false;
      end = match.index + match.text.length;
      return true;
    });
  }

  private exceptionRanges(text: string): Array<readonly [number, number]> {
    const ranges: Array<readonly [number, number]> = [];
    for (const match of this.literalExceptions.matches(text)) ranges.push([match.index, match.index + match.text.length]);
    for (const pattern of this.patternExceptions) for (const match of text.matchAll(pattern)) ranges.push([match.index!, match.index! + match[0].length]);
    return ranges;
  }

  get size(): number {
    return this.byText.size + this.patterns.length;
  }
}

const isPattern = (text: string) => /^\/.+\/$/.test(text);

function normalize(entry: WordListEntry): NormalizedEntry {
  const base = typeof entry === 'string' ? { text: entry, suggest: [] as string[] } : { text: entry.text, suggest: entry.suggest ?? [], ...(entry.note ? { note: entry.note } : {}) };
  const regex = /^\/(.+)\/$/.exec(base.text);
  return regex ? { ...base, pattern: new RegExp(regex[1]!, 'g') } : base;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const wordListDir = join(projectRoot, 'src/lint/wordlists');
/** The word lists compiled to JSON by `npm run build`; parsing the YAML takes longer than a cached check. */
const compiledPath = join(projectRoot, 'dist', 'lint', 'wordlists.json');
let builtIn: Map<string, WordListFile> | undefined;

interface CompiledWordLists {
  sourceHash: string;
  lists: WordListFile[];
}

function readSources(): { hash: string; files: Array<{ name: string; text: string }> } {
  const hash = createHash('sha1');
  const files = readdirSync(wordListDir)
    .filter((file) => file.endsWith('.yaml'))
    .sort()
    .map((name) => {
      const text = readFileSync(join(wordListDir, name), 'utf8');
      hash.update(name).update(text);
      return { name, text };
    });
  return { hash: hash.digest('hex'), files };
}

/**
 * The project's default word lists (src/lint/wordlists/*.yaml, the source of truth). The compiled
 * JSON is used only when its source hash matches the YAML files as they are now.
 */
export function builtInWordLists(): Map<string, WordListFile> {
  if (builtIn) return builtIn;
  const sources = readSources();
  let lists: WordListFile[] | undefined;
  try {
    const compiled = JSON.parse(readFileSync(compiledPath, 'utf8')) as CompiledWordLists;
    if (compiled.sourceHash === sources.hash) lists = compiled.lists;
  } catch {
    // Not built yet: read the YAML.
  }
  lists ??= sources.files.map((file) => parse(file.text) as WordListFile);
  builtIn = new Map(lists.map((list) => [list.id, list]));
  return builtIn;
}

/** Writes dist/lint/wordlists.json; run by `npm run build`. */
export function writeCompiledWordLists(): void {
  const sources = readSources();
  const compiled: CompiledWordLists = { sourceHash: sources.hash, lists: sources.files.map((file) => parse(file.text) as WordListFile) };
  mkdirSync(dirname(compiledPath), { recursive: true });
  writeFileSync(compiledPath, JSON.stringify(compiled));
}

/**
 * Applies office and volume overrides, in that order, to a built-in list. A removed word is also
 * made an exception, so that it stays silent when a pattern entry of the list would match it too.
 */
export function compileWordList(id: string, overrides: readonly WordListOverride[]): WordList {
  const file = builtInWordLists().get(id);
  if (!file) throw new Error(`未知词表：${id}`);
  let entries: WordListEntry[] = [...file.words];
  const exceptions = [...(file.exceptions ?? [])];
  for (const override of overrides) {
    if (override.replace) entries = [...override.replace];
    if (override.remove) {
      const removed = new Set(override.remove);
      entries = entries.filter((entry) => !removed.has(typeof entry === 'string' ? entry : entry.text));
      exceptions.push(...override.remove.filter((text) => !isPattern(text)));
    }
    if (override.add) entries.push(...override.add);
  }
  return new WordList(entries, exceptions);
}
