import { resolve } from 'node:path';
import type { AssembledVolume, Block, BuildMode, BuildScope, IndexEntry, Inline, Section } from '../model/assembled.js';
import type { Volume } from '../model/volume.js';
import type { FrameworkNode } from '../model/generated/framework.js';
import { countChars } from '../parse/text-block.js';
import { chapterBlocks, type ChapterBlocks, type ChapterBlocksInput, type PlacedFinding } from './chapter-blocks.js';
import { compareTerms, sortKeyOf } from './sort-index.js';

export interface ChapterSource {
  path: string;
  text: string;
  node: string;
  writers: string[];
  reviewer?: string;
  index: string[];
}

export interface AssembleInput {
  volume: Volume;
  chapters: ChapterSource[];
  /** Checker findings per chapter path, shown in drafts. */
  findings: Map<string, PlacedFinding[]>;
  mode: BuildMode;
  only?: string;
  unit?: string;
  /** Converts a chapter to render blocks; the caller may pass a cached chapterBlocks. */
  blocksOf?: (input: ChapterBlocksInput) => ChapterBlocks;
}

/** Top-level sections printed across both columns: articles, and the appendix with its wide statistics tables. */
const FULL_WIDTH_TITLES = ['特载', '专文', '专记', '附录'];
/** Sections whose entries are not indexed (卷首, 特载, 大事记, 附录: catalogue INDEX-04). */
const INDEX_EXCLUDED_TITLES = ['特载', '专文', '专记', '大事记', '附录', '统计资料'];

/**
 * Puts a volume together in framework order: sections, chapters as render blocks, placeholders for
 * missing chapters, the picture plates and the pinyin-sorted index. Pure: the caller reads the files.
 */
export function assembleVolume(input: AssembleInput): AssembledVolume {
  const { volume } = input;
  const config = volume.config;
  const byNode = new Map(input.chapters.map((chapter) => [chapter.node, chapter]));
  const scope = buildScope(input);
  const marks: Array<{ term: string; locator: string }> = [];
  const blocksOf = input.blocksOf ?? chapterBlocks;
  const stats = { chapters: 0, missing: 0, entries: 0, chars: 0, figures: 0 };

  const buildSection = (node: FrameworkNode, depth: number, titles: string[], fullWidth: boolean): Section | undefined => {
    const path = [...titles, node.title];
    const section: Section = { id: node.id, title: node.title, kind: config.levels[depth] ?? node.kind, depth, anchor: `n-${node.id}`, fullWidth, children: [] };
    if (node.children?.length) {
      section.children = node.children.map((child) => buildSection(child, depth + 1, path, fullWidth)).filter((child): child is Section => Boolean(child));
      return section.children.length ? section : undefined;
    }
    if (!leafInScope(node, input, volume)) return undefined;
    const source = byNode.get(node.id);
    const unit = volume.units.get(node.unit ?? '');
    if (!source) {
      stats.missing++;
      section.missing = { unitId: node.unit ?? '', unitName: unit?.name ?? node.unit ?? '未指定单位' };
      return section;
    }
    const indexed = !path.some((title) => INDEX_EXCLUDED_TITLES.includes(title));
    const { blocks, findings, entryTitles } = blocksOf({
      path: source.path,
      text: source.text,
      levelCount: config.levels.length,
      nodeLevel: depth,
      bracketEntries: config.kind === 'yearbook',
      chronicle: path.some((title) => volume.context.style.chronicleSections.includes(title)),
      anchorPrefix: `e-${node.id}`,
      findings: input.mode === 'draft' ? (input.findings.get(source.path) ?? []) : [],
      indexPrefix: `i-${node.id}`,
      indexTerms: indexed ? source.index : [],
    });
    stats.chapters++;
    stats.entries += entryTitles.length;
    stats.chars += countChars(source.text.replace(/^---[\s\S]*?\n---\r?\n/, ''));
    stats.figures += countFigures(blocks);
    if (indexed) {
      for (const entry of entryTitles) if (!volume.context.style.overviewTitles.includes(entry.title)) marks.push({ term: entry.title, locator: entry.anchor });
      collectMarks(blocks, marks);
    }
    section.chapter = {
      path: source.path,
      unitId: node.unit ?? '',
      unitName: unit?.name ?? node.unit ?? '',
      writers: source.writers,
      ...(source.reviewer ? { reviewer: source.reviewer } : {}),
      blocks,
      findings,
    };
    return section;
  };

  const sections = config.levels.length
    ? volumeNodes(input, volume)
        .map((node) => buildSection(node, 0, [], FULL_WIDTH_TITLES.includes(node.title)))
        .filter((section): section is Section => Boolean(section))
    : [];

  return {
    id: config.id,
    title: config.title,
    kind: config.kind,
    region: config.region,
    levels: config.levels,
    recordPeriod: config.recordPeriod,
    ...(config.publisher ? { publisher: config.publisher } : {}),
    editorialBoard: config.editorialBoard ?? [],
    editorialNotes: config.editorialNotes ?? [],
    mode: input.mode,
    scope,
    sections,
    plates: scope.kind === 'volume' ? (config.plates ?? []).map((plate, index) => ({ anchor: `p-${index + 1}`, src: resolve(volume.dir, plate.src), caption: plate.caption, ...(plate.credit ? { credit: plate.credit } : {}) })) : [],
    index: buildIndex(marks, volume),
    stats,
  };
}

function buildScope(input: AssembleInput): BuildScope {
  if (input.only) {
    const placed = input.volume.nodes.get(input.only);
    if (!placed) throw new Error(`篇目框架中没有节点「${input.only}」`);
    return { kind: 'node', id: input.only, title: placed.node.title };
  }
  if (input.unit) {
    const unit = input.volume.units.get(input.unit);
    if (!unit) throw new Error(`供稿单位名录中没有「${input.unit}」`);
    return { kind: 'unit', id: input.unit, name: unit.name };
  }
  return { kind: 'volume' };
}

/** The top-level nodes to build: all of them, or the branch that contains the --only node. */
function volumeNodes(input: AssembleInput, volume: Volume): FrameworkNode[] {
  const roots = [...volume.nodes.values()].filter((placed) => placed.depth === 0).map((placed) => placed.node);
  if (!input.only) return roots;
  const target = volume.nodes.get(input.only)!;
  return roots.filter((root) => root.id === target.categoryId);
}

function leafInScope(node: FrameworkNode, input: AssembleInput, volume: Volume): boolean {
  if (input.unit && node.unit !== input.unit) return false;
  if (!input.only || node.id === input.only) return true;
  const placed = volume.nodes.get(node.id);
  const target = volume.nodes.get(input.only)!;
  // A leaf is in scope when the --only node is one of its ancestors (its titles path passes through it).
  return Boolean(placed && placed.titles.slice(0, target.titles.length).join('\u0000') === target.titles.join('\u0000') && placed.depth > target.depth);
}

function countFigures(blocks: Block[]): number {
  let count = 0;
  for (const block of blocks) {
    if (block.type === 'figure') count++;
    else if (block.type === 'entry') count += countFigures(block.body);
  }
  return count;
}

function collectMarks(blocks: Block[], marks: Array<{ term: string; locator: string }>): void {
  const visit = (inlines: Inline[]) => {
    for (const inline of inlines) {
      if (inline.type === 'index') marks.push({ term: inline.term, locator: inline.id });
      if ('children' in inline) visit(inline.children);
    }
  };
  for (const block of blocks) {
    if (block.type === 'paragraph') visit(block.inlines);
    else if (block.type === 'entry') collectMarks(block.body, marks);
    else if (block.type === 'table') [...block.header, ...block.rows.flat()].forEach(visit);
  }
}

/**
 * One heading per concept: marks of a short name from the alias table are filed under the full name,
 * and the short name gets a 见 reference. Sorted by pinyin with tones.
 */
function buildIndex(marks: Array<{ term: string; locator: string }>, volume: Volume): IndexEntry[] {
  const fullOf = new Map<string, string>();
  for (const alias of volume.context.style.aliases) for (const short of [...(alias.short ?? []), ...(alias.variants ?? [])]) fullOf.set(short, alias.full);
  const locators = new Map<string, string[]>();
  const see = new Map<string, string>();
  for (const mark of marks) {
    const full = fullOf.get(mark.term);
    if (full) see.set(mark.term, full);
    const term = full ?? mark.term;
    locators.set(term, [...(locators.get(term) ?? []), mark.locator]);
  }
  const entries: IndexEntry[] = [...locators].map(([term, list]) => {
    const key = sortKeyOf(term);
    return { term, sortKey: key.syllables.join(' '), letter: key.letter, locators: list };
  });
  for (const [short, full] of see) {
    const key = sortKeyOf(short);
    entries.push({ term: short, sortKey: key.syllables.join(' '), letter: key.letter, locators: [], see: full });
  }
  return entries
    .map((entry) => ({ entry, key: { syllables: entry.sortKey.split(' '), letter: entry.letter } }))
    .sort((a, b) => compareTerms({ term: a.entry.term, key: a.key }, { term: b.entry.term, key: b.key }))
    .map(({ entry }) => entry);
}
