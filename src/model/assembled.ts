import type { VolumeFile } from './generated/volume.js';

/**
 * A volume put together in framework order, ready for every renderer (print PDF, review HTML, Word,
 * website). It is plain data: renderers never read files or run the checker themselves.
 */
export interface AssembledVolume {
  id: string;
  /** Book title without 《》, e.g. 示例市年鉴（2016）. */
  title: string;
  kind: 'yearbook' | 'gazetteer';
  region: string;
  levels: string[];
  recordPeriod: { from: string; to: string };
  publisher?: string;
  editorialBoard: NonNullable<VolumeFile['editorialBoard']>;
  editorialNotes: string[];
  mode: BuildMode;
  scope: BuildScope;
  /** Top-level sections (类目 or 篇) in framework order. */
  sections: Section[];
  /** Picture plates (彩页) printed before the table of contents. */
  plates: Figure[];
  /** Subject index, sorted by pinyin. */
  index: IndexEntry[];
  stats: { chapters: number; missing: number; entries: number; chars: number; figures: number };
  /** Set for a redline (红样): the body shows the changes between these two versions. */
  redline?: RedlineInfo;
}

export type BuildMode = 'draft' | 'final';

/** What a build covers: the whole volume, one framework node (`--only`) or one unit's share (`--unit`). */
export type BuildScope = { kind: 'volume' } | { kind: 'node'; id: string; title: string } | { kind: 'unit'; id: string; name: string };

export interface Section {
  id: string;
  title: string;
  /** Level name from the volume, e.g. 类目, 分目, 篇, 章. */
  kind: string;
  /** 0 for the top level. */
  depth: number;
  /** Stable anchor for links and cross-references, e.g. n-shehui-jiaoyu. */
  anchor: string;
  /** 特载/专文 and similar run across both columns in print. */
  fullWidth: boolean;
  children: Section[];
  /** The chapter filed for this node (leaves only). */
  chapter?: ChapterContent;
  /** A leaf without a chapter, shown as 缺稿 in a draft. */
  missing?: { unitId: string; unitName: string };
}

export interface ChapterContent {
  path: string;
  unitId: string;
  unitName: string;
  writers: string[];
  reviewer?: string;
  blocks: Block[];
  /** Checker findings of this chapter that no block could hold (e.g. about the front matter). */
  findings: Finding[];
}

export type Block = EntryBlock | HeadingBlock | ParagraphBlock | CreditBlock | TableBlock | FigureBlock | ListBlock | QuoteBlock;

/** An entry (条目): its title is printed in 【】 and the first paragraph runs on after it. */
export interface EntryBlock {
  type: 'entry';
  anchor: string;
  title: string;
  body: Block[];
  findings: Finding[];
}

/** A heading inside a chapter that is not an entry (子目 in 4-level yearbooks, 节 in gazetteers). */
export interface HeadingBlock {
  type: 'heading';
  /** Level index in the volume's levels (0 = top level). */
  level: number;
  anchor: string;
  text: string;
  findings: Finding[];
}

export interface ParagraphBlock {
  type: 'paragraph';
  inlines: Inline[];
  findings: Finding[];
}

/** A credit line: （撰稿：张三　审稿：李四）. */
export interface CreditBlock {
  type: 'credit';
  text: string;
}

/** A statistics table (三线表): title above, unit at the top right, notes below. */
export interface TableBlock {
  type: 'table';
  anchor: string;
  /** 表1 */
  number?: string;
  /** 2015年示例市国民经济主要指标 */
  title?: string;
  /** 单位：亿元 */
  unit?: string;
  align: Array<'left' | 'right' | 'center' | null>;
  header: Inline[][];
  rows: Inline[][][];
  /** 注：…… and 资料来源：…… lines. */
  notes: string[];
  /** Too wide for one column: spans both columns in print. */
  wide: boolean;
  findings: Finding[];
}

export interface FigureBlock {
  type: 'figure';
  anchor: string;
  /** Absolute path of the source image. */
  src: string;
  caption: string;
  /** 张三　摄 or 市文广新局供图. */
  credit?: string;
  width: 'column' | 'full';
  /** Offset of the image in its chapter file, for messages about it. */
  sourceOffset: number;
}

export interface ListBlock {
  type: 'list';
  ordered: boolean;
  items: Block[][];
}

export interface QuoteBlock {
  type: 'quote';
  children: Block[];
}

export type Inline =
  | { type: 'text'; value: string }
  | { type: 'strong'; children: Inline[] }
  | { type: 'emphasis'; children: Inline[] }
  | { type: 'sup'; value: string }
  | { type: 'sub'; value: string }
  /** A term marked for the index; `id` is unique in the volume and locates the term in print. */
  | { type: 'index'; id: string; term: string; children: Inline[] }
  /** Suggested new text (CriticMarkup `{++…++}`, the new side of a redline): a tracked insertion in Word. */
  | ({ type: 'insertion'; children: Inline[] } & Revision)
  /** Text suggested for removal (`{--…--}`, the old side of a redline): a tracked deletion in Word. */
  | ({ type: 'deletion'; children: Inline[] } & Revision)
  /** Text marked for attention without a comment (`{==…==}`). */
  | { type: 'highlight'; children: Inline[] }
  /** A comment (`{>>…<<}`): on the text in `children` (`{==…==}{>>…<<}`), or at a point when it has none. */
  | ({ type: 'comment'; note: string; children: Inline[] } & Revision);

/** Who made a change or comment and when (ISO 8601); Word shows both beside tracked changes. */
export interface Revision {
  author?: string;
  date?: string;
}

/** The two versions a redline (红样) compares, for its heading and legend. */
export interface RedlineInfo {
  from: RedlineVersion;
  to: RedlineVersion;
}

export interface RedlineVersion {
  /** What the user asked for: a stage (初审), a git ref (HEAD~1) or 工作区. */
  label: string;
  /** Short commit hash, when the version comes from git. */
  commit?: string;
  date?: string;
  author?: string;
}

export interface Figure {
  anchor: string;
  src: string;
  caption: string;
  credit?: string;
}

/** A checker finding shown in a draft beside the text it concerns. */
export interface Finding {
  ruleId: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  line: number;
  column: number;
}

export interface IndexEntry {
  /** The heading as printed, a single concept. */
  term: string;
  /** Pinyin with tone numbers, used for sorting and letter groups, e.g. yi4 wu4 jiao4 yu4. */
  sortKey: string;
  /** First letter group, A–Z. */
  letter: string;
  /** Ids of index marks and entry anchors where the term occurs, in reading order. */
  locators: string[];
  /** 见 reference: the term is a short name, see the full name. */
  see?: string;
}
