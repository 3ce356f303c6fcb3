import type { AssembledVolume, Block, Finding, Inline, Section, TableBlock } from '../../model/assembled.js';
import { escapeMarkup, typstString } from './typst-escape.js';

/** Where each image is inside the Typst project, and why the ones that are not cannot be printed. */
export interface ImageLookup {
  paths: ReadonlyMap<string, string>;
  problems: ReadonlyMap<string, string>;
}

interface WriterContext {
  volume: AssembledVolume;
  images: ImageLookup;
  draft: boolean;
  /** Level of 条目 in the volume's levels (the last level), for the 目录. */
  entryLevel: number;
  /** The two-column section being written: balance points (fz-bp) go before its blocks. */
  balance?: { anchor: string; next: number };
  /** Whether the section is set in two columns; a wide table only floats across columns there. */
  twoColumns: boolean;
}

/** Path of the template inside the Typst project (the renderer maps templates/print/yearbook.typ there). */
export const TEMPLATE_PATH = '/yearbook.typ';

/** The main file of one document of the volume: the template, then `body`. */
function documentMain(body: string): string {
  return `#import ${typstString(TEMPLATE_PATH)}: *\n\n#show: yearbook\n\n${body}\n`;
}

/** The documents of a volume besides its sections; what they print comes from the data file. */
export const FRONT_MATTER_MAIN = documentMain('#front-matter()');
export const INDEX_MAIN = documentMain('#fz-index()');
export const FOLIOS_MAIN = documentMain('#fz-folios()');
/** One empty page, the blank verso after a part that ends on a recto. */
export const BLANK_MAIN = documentMain('');

/** A top-level section (类目/篇) as a document of its own. */
export interface SectionPart {
  title: string;
  main: string;
}

/**
 * One document per top-level section, each reporting where its 目录 and index marks fell. Structure
 * is function calls of the template; every text goes through escapeMarkup or typstString.
 */
export function writeSectionParts(volume: AssembledVolume, images: ImageLookup): SectionPart[] {
  const context: WriterContext = { volume, images, draft: volume.mode === 'draft', entryLevel: Math.max(volume.levels.length - 1, 1), twoColumns: false };
  return volume.sections.map((section) => ({ title: section.title, main: documentMain(`${writeCategory(section, context)}\n\n#fz-report()`) }));
}

function writeCategory(section: Section, context: WriterContext): string {
  const columns = section.fullWidth ? 1 : 2;
  const inner: WriterContext = columns > 1 ? { ...context, balance: { anchor: section.anchor, next: 0 }, twoColumns: true } : context;
  return `#fz-category(${typstString(section.anchor)}, ${typstString(section.title)}, columns: ${columns})[\n${writeSectionContent(section, inner)}\n]`;
}

function writeSectionContent(section: Section, context: WriterContext): string {
  const parts: string[] = [];
  if (section.missing) parts.push(`#fz-missing(${typstString(section.missing.unitName)})`);
  if (section.chapter) {
    parts.push(writeNotes(section.chapter.findings, context));
    parts.push(writeBlocks(section.chapter.blocks, context));
  }
  for (const child of section.children) {
    parts.push(`${balancePoint(context)}#fz-section(${typstString(child.title)}, ${typstString(child.anchor)}, level: ${child.depth})`);
    parts.push(writeSectionContent(child, context));
  }
  return parts.filter(Boolean).join('\n\n');
}

/** Blocks as markup, separated by blank lines (paragraph breaks). */
export function writeBlocks(blocks: Block[], context: WriterContext): string {
  const parts: string[] = [];
  for (const block of blocks) {
    const point = balancePoint(context);
    const markup = writeBlock(block, context);
    if (markup) parts.push(`${point}${markup}`);
  }
  return parts.join('\n\n');
}

/** A place where the section's last page may be balanced (see fz-balance in the template). */
function balancePoint(context: WriterContext): string {
  return context.balance ? `#fz-bp(${typstString(context.balance.anchor)}, ${context.balance.next++})\n\n` : '';
}

function writeBlock(block: Block, context: WriterContext): string {
  switch (block.type) {
    case 'entry': {
      // A gazetteer's 节 is a heading of its own, not a run-in 【】 title.
      if (context.volume.kind === 'gazetteer') {
        const heading = joinNotes(block.findings, `#fz-heading(${typstString(block.title)}, ${typstString(block.anchor)}, level: ${context.entryLevel})`, context);
        return [heading, writeBlocks(block.body, context)].filter(Boolean).join('\n\n');
      }
      const [first, ...rest] = block.body;
      const runIn = first?.type === 'paragraph' ? first : undefined;
      const notes = writeNotes([...block.findings, ...(runIn?.findings ?? [])], context);
      const head = `#fz-entry(${typstString(block.title)}, ${typstString(block.anchor)}, level: ${context.entryLevel})[${runIn ? writeInlines(runIn.inlines, true, context.draft) : ''}]`;
      const body = writeBlocks(runIn ? rest : block.body, context);
      return [notes, head, body].filter(Boolean).join('\n\n');
    }
    case 'heading':
      return joinNotes(block.findings, `#fz-heading(${typstString(block.text)}, ${typstString(block.anchor)}, level: ${block.level})`, context);
    case 'paragraph':
      return joinNotes(block.findings, writeInlines(block.inlines, true, context.draft), context);
    case 'credit':
      return `#fz-credit[${escapeMarkup(block.text.trim())}]`;
    case 'table':
      return joinNotes(block.findings, writeTable(block, context.draft, context.twoColumns), context);
    case 'figure':
      return writeFigure(block.src, block.caption, block.credit, block.width === 'full', context);
    case 'list':
      return `#fz-list(ordered: ${block.ordered}, ${block.items.map((item) => `[${writeBlocks(item, nested(context))}]`).join(', ')})`;
    case 'quote':
      return `#fz-quote[${writeBlocks(block.children, nested(context))}]`;
  }
}

/** Inside lists and quotes a float would not take effect: no balance points there. */
function nested(context: WriterContext): WriterContext {
  return { ...context, balance: undefined };
}

function writeFigure(src: string, caption: string, credit: string | undefined, full: boolean, context: WriterContext): string {
  const path = context.images.paths.get(src);
  const args = `${typstString(caption)}, credit: ${credit ? typstString(credit) : 'none'}, full: ${full}`;
  if (path) return `#fz-figure(${typstString(path)}, ${args})`;
  return `#fz-image-missing(${typstString(context.images.problems.get(src) ?? src)}, ${args})`;
}

function writeTable(table: TableBlock, draft: boolean, twoColumns: boolean): string {
  const width = Math.max(table.header.length, ...table.rows.map((row) => row.length), 1);
  const cells = (row: Inline[][]) => `(${Array.from({ length: width }, (_, index) => `[${writeInlines(row[index] ?? [], false, draft)}]`).join(', ')},)`;
  const optional = (value: string | undefined) => (value ? typstString(value) : 'none');
  const args = [
    `number: ${optional(table.number)}`,
    `title: ${optional(table.title)}`,
    `unit: ${optional(table.unit)}`,
    `aligns: (${Array.from({ length: width }, (_, index) => typstString(table.align[index] ?? 'auto')).join(', ')},)`,
    `header: ${cells(table.header)}`,
    `rows: (${table.rows.map(cells).join(', ')}${table.rows.length ? ',' : ''})`,
    `notes: (${table.notes.map(typstString).join(', ')}${table.notes.length ? ',' : ''})`,
    `wide: ${table.wide && twoColumns}`,
  ];
  return `#fz-table(${args.join(', ')})`;
}

/**
 * Inline content as markup; `trimStart` drops indentation a writer typed (the template indents).
 * Suggested changes show as proof marks in a draft and are applied in a final build.
 */
export function writeInlines(inlines: Inline[], trimStart: boolean, draft = false): string {
  const out = inlines.map((inline) => writeInline(inline, draft)).join('');
  return trimStart ? out.replace(/^(?:\\?[ \t\u3000])+/, '') : out;
}

function writeInline(inline: Inline, draft: boolean): string {
  const children = (list: Inline[]) => list.map((child) => writeInline(child, draft)).join('');
  switch (inline.type) {
    case 'text':
      return escapeMarkup(inline.value);
    case 'strong':
      return `#strong[${children(inline.children)}]`;
    case 'emphasis':
      return `#fz-em[${children(inline.children)}]`;
    case 'sup':
      return `#super[${escapeMarkup(inline.value)}]`;
    case 'sub':
      return `#sub[${escapeMarkup(inline.value)}]`;
    case 'index':
      return `#fz-ix(${typstString(inline.id)})${children(inline.children)}`;
    case 'insertion':
      return draft ? `#fz-ins[${children(inline.children)}]` : children(inline.children);
    case 'deletion':
      return draft ? `#fz-del[${children(inline.children)}]` : '';
    case 'highlight':
      return draft ? `#fz-mark[${children(inline.children)}]` : children(inline.children);
    case 'comment':
      return draft ? `#fz-comment(${typstString(inline.note)})[${children(inline.children)}]` : children(inline.children);
  }
}

function writeNotes(findings: Finding[], context: WriterContext): string {
  if (!context.draft) return '';
  return findings.map((finding) => `#fz-note(${typstString(finding.ruleId)}, ${typstString(finding.message)})`).join('\n');
}

function joinNotes(findings: Finding[], markup: string, context: WriterContext): string {
  const notes = writeNotes(findings, context);
  return notes ? `${notes}\n${markup}` : markup;
}
