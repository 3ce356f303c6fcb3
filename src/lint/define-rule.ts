import type { Severity } from '../diagnostics/diagnostic.js';
import type { TextBlock } from '../parse/text-block.js';
import type { ParsedChapter } from '../parse/parse-chapter.js';
import type { ResolvedStyle } from './style-config.js';
import type { WordList } from './word-list.js';
import type { AliasMention } from './alias-mentions.js';
import type { StyleConfig } from '../model/generated/style.js';

/** What a chapter is, as far as the rules need to know. */
export interface ChapterContext {
  path: string;
  text: string;
  chapter: ParsedChapter;
  /** `lone` is a file checked outside any volume. */
  kind: 'yearbook' | 'gazetteer' | 'lone';
  /** Years recorded; undefined switches the time-scope rule off. */
  recordYears?: { from: number; to: number };
  /** Titles from the top of the framework down to the chapter's node, e.g. [社会, 教育]. */
  sectionTitles: string[];
  style: ResolvedStyle;
}

export interface ReportInit {
  message: string;
  expected?: string[];
  /** A safe replacement for the reported range; only fixable rules set it. */
  fix?: string;
  severity?: Severity;
}

export interface RuleContext<Options> extends ChapterContext {
  options: Options;
  severity: Severity;
  words(listId: string): WordList;
  /** Body blocks: paragraphs, headings, table cells and captions, credit lines excluded. */
  blocks: TextBlock[];
  /** Reports `block.text.slice(start, end)`. */
  report(block: TextBlock, start: number, end: number, init: ReportInit): void;
  /** Reports a range of the original file. */
  reportRange(start: number, end: number, init: ReportInit & { actual?: string }): void;
  /** Whether the chapter sits under one of these 类目/分目 titles. */
  inSection(titles: readonly string[]): boolean;
}

/** One example of a rule; a string is Markdown checked as a chapter of the 2016 yearbook (record year 2015). */
export type RuleExample =
  | string
  | { text: string; sectionTitles?: string[]; kind?: ChapterContext['kind']; plainText?: boolean; note?: string };

export interface RuleMeta<Options extends object> {
  id: string;
  /** Id in the yearbook style catalogue, e.g. WRITE-01. */
  catalogue: string;
  severity: Severity;
  /** One line, in Chinese. */
  summary: string;
  /** Why the rule exists, in Chinese. */
  why: string;
  fixable?: boolean;
  defaults: Options;
  /** Chinese description of each option. */
  optionDocs?: { [K in keyof Options]?: string };
  examples: { bad: RuleExample[]; good: RuleExample[] };
  /** Style configuration the examples are checked with, e.g. an alias table. */
  exampleStyle?: StyleConfig;
  /** Chapter rules look at one chapter at a time. */
  check?(context: RuleContext<Options>): void;
  /**
   * Volume rules look across chapters in framework order (a lone file is a volume of one chapter).
   * They read the facts the check stage collected for every chapter.
   */
  checkVolume?(chapters: readonly VolumeChapterFacts[], context: { style: ResolvedStyle; options: Options; severity: Severity }): VolumeReport[];
}

/** What a volume rule knows about each chapter. */
export interface VolumeChapterFacts {
  path: string;
  nodeId: string;
  categoryId: string;
  aliasMentions: AliasMention[];
}

export interface VolumeReport {
  path: string;
  start: number;
  end: number;
  message: string;
  actual: string;
  expected?: string[];
}

export interface Rule<Options extends object = Record<string, unknown>> extends RuleMeta<Options> {
  url: string;
}

/** Stamps the documentation address on a rule; everything else is the rule's own metadata. */
export function defineRule<Options extends object>(meta: RuleMeta<Options>): Rule<Options> {
  return { ...meta, url: `docs/rules/${meta.id}.md` };
}

/** Common option: 类目/分目 titles the rule does not apply to. */
export interface SectionOptions {
  exemptSections: string[];
}
