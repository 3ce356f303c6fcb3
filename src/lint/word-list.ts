import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
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
 * A word list compiled to one alternation. Exceptions are fixed phrases that contain a listed word
 * but must not be reported (计划 in 计划生育, 本市 in 日本市场); a match overlapping an exception is skipped.
 */
export class WordList {
  private readonly literal: RegExp | undefined;
  private readonly byText = new Map<string, NormalizedEntry>();
  private readonly patterns: NormalizedEntry[] = [];
  private readonly exceptions: RegExp | undefined;

  constructor(entries: WordListEntry[], exceptions: string[] = []) {
    for (const raw of entries) {
      const entry = normalize(raw);
      if (entry.pattern) this.patterns.push(entry);
      else this.byText.set(entry.text, entry);
    }
    const words = [...this.byText.keys()].sort((a, b) => b.length - a.length);
    this.literal = words.length ? new RegExp(words.map(escapeRegExp).join('|'), 'g') : undefined;
    this.exceptions = exceptions.length ? new RegExp(exceptions.map(toSource).join('|'), 'g') : undefined;
  }

  find(text: string): WordMatch[] {
    const found: WordMatch[] = [];
    const excluded = this.exceptions ? [...text.matchAll(this.exceptions)].map((m) => [m.index!, m.index! + m[0].length] as const) : [];
    const keep = (index: number, length: number) => !excluded.some(([from, to]) => index < to && index + length > from);
    if (this.literal) {
      for (const match of text.matchAll(this.literal)) {
        const entry = this.byText.get(match[0])!;
        if (keep(match.index!, match[0].length)) found.push({ index: match.index!, text: match[0], suggest: entry.suggest, ...(entry.note ? { note: entry.note } : {}) });
      }
    }
    for (const entry of this.patterns) {
      for (const match of text.matchAll(entry.pattern!)) {
        if (!match[0] || !keep(match.index!, match[0].length)) continue;
        found.push({ index: match.index!, text: match[0], suggest: entry.suggest, ...(entry.note ? { note: entry.note } : {}) });
      }
    }
    return found.sort((a, b) => a.index - b.index);
  }

  get size(): number {
    return this.byText.size + this.patterns.length;
  }
}

function normalize(entry: WordListEntry): NormalizedEntry {
  const base = typeof entry === 'string' ? { text: entry, suggest: [] as string[] } : { text: entry.text, suggest: entry.suggest ?? [], ...(entry.note ? { note: entry.note } : {}) };
  const regex = /^\/(.+)\/$/.exec(base.text);
  return regex ? { ...base, pattern: new RegExp(regex[1]!, 'g') } : base;
}

function toSource(text: string): string {
  const regex = /^\/(.+)\/$/.exec(text);
  return regex ? regex[1]! : escapeRegExp(text);
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const wordListDir = join(projectRoot, 'src/lint/wordlists');
let builtIn: Map<string, WordListFile> | undefined;

/** The project's default word lists (src/lint/wordlists/*.yaml). */
export function builtInWordLists(): Map<string, WordListFile> {
  if (builtIn) return builtIn;
  builtIn = new Map();
  for (const name of readdirSync(wordListDir).filter((file) => file.endsWith('.yaml')).sort()) {
    const file = parse(readFileSync(join(wordListDir, name), 'utf8')) as WordListFile;
    builtIn.set(file.id, file);
  }
  return builtIn;
}

/** Applies office and volume overrides, in that order, to a built-in list. */
export function compileWordList(id: string, overrides: readonly WordListOverride[]): WordList {
  const file = builtInWordLists().get(id);
  if (!file) throw new Error(`未知词表：${id}`);
  let entries: WordListEntry[] = [...file.words];
  for (const override of overrides) {
    if (override.replace) entries = [...override.replace];
    if (override.remove) {
      const removed = new Set(override.remove);
      entries = entries.filter((entry) => !removed.has(typeof entry === 'string' ? entry : entry.text));
    }
    if (override.add) entries.push(...override.add);
  }
  return new WordList(entries, file.exceptions ?? []);
}
