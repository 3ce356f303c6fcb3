import { dirname, resolve } from 'node:path';
import type { Root, RootContent, PhrasingContent, Table } from 'mdast';
import type { Block, EntryBlock, Finding, Inline, TableBlock } from '../model/assembled.js';
import { markdownProcessor } from '../parse/parse-chapter.js';
import { matchCredit } from '../parse/credit-line.js';
import { INDEX_MARK } from '../parse/index-marks.js';
import { acceptedInlineText, CriticReader, groupCriticItems, type CriticItem } from '../revisions/critic-inlines.js';
import { criticView } from '../revisions/critic-markup.js';

/** A finding with its offset in the chapter file, before it is attached to a block. */
export interface PlacedFinding extends Finding {
  offset: number;
}

export interface ChapterBlocksInput {
  path: string;
  text: string;
  /** Number of levels of the volume; headings of this depth are entries. */
  levelCount: number;
  /** Level index (0-based) of the chapter's framework node. */
  nodeLevel: number;
  /** Bracket titles 【】 open entries (yearbooks). */
  bracketEntries: boolean;
  /** A chronicle (大事记): its headings are months, printed as headings, not as run-in entry titles. */
  chronicle: boolean;
  /** Prefix for anchors, unique in the volume (the node id). */
  anchorPrefix: string;
  findings: PlacedFinding[];
  /**
   * Prefix of the chapter's index mark ids (i-<node>), numbered within the chapter: a mark added in one
   * chapter leaves the ids of every other chapter as they were.
   */
  indexPrefix: string;
  /** Front-matter index terms: the first occurrence of each in the text is marked. */
  indexTerms: string[];
}

const BRACKET_TITLE = /^【([^【】\n]{1,60})】[ \u3000]?/;
const TABLE_TITLE = /^(表\s*\d+(?:[-—.]\d+)?)[\s\u3000]+(.+)$/;
const TABLE_UNIT = /^(?:计量)?单位[：:]/;
const TABLE_NOTE = /^(?:注|说明|资料来源|数据来源)\s*[：:0-9０-９]/;
const FIGURE_CREDIT = /[（(]\s*([^（）()]*?(?:摄|供图|提供))\s*[）)]\s*$/;

/**
 * Turns one chapter's Markdown into render blocks: entries with run-in titles, credit lines as data,
 * tables with their titles, units and notes, figures with captions and credits, index marks.
 */
export interface ChapterBlocks {
  blocks: Block[];
  findings: Finding[];
  entryTitles: Array<{ anchor: string; title: string }>;
}

/** The input while the chapter is converted, with the counter of its index marks. */
type ChapterContext = ChapterBlocksInput & { nextIndexId(): string };

export function chapterBlocks(chapter: ChapterBlocksInput): ChapterBlocks {
  let indexCount = 0;
  const input: ChapterContext = { ...chapter, nextIndexId: () => `${chapter.indexPrefix}-${++indexCount}` };
  const tree = markdownProcessor.parse(input.text) as Root;
  const blocks: Block[] = [];
  const entryTitles: Array<{ anchor: string; title: string }> = [];
  const pendingTerms = new Set(input.indexTerms);
  let entry: EntryBlock | undefined;
  let entryCount = 0;
  let tableCount = 0;
  let figureCount = 0;
  let headingCount = 0;
  const unplaced = [...input.findings].sort((a, b) => a.offset - b.offset);
  const take = (start: number, end: number): Finding[] => {
    const taken: Finding[] = [];
    for (let i = unplaced.length - 1; i >= 0; i--) {
      const finding = unplaced[i]!;
      if (finding.offset >= start && finding.offset < end) {
        taken.unshift(strip(finding));
        unplaced.splice(i, 1);
      }
    }
    return taken;
  };
  const push = (block: Block) => (entry ? entry.body.push(block) : blocks.push(block));
  const openEntry = (title: string, start: number, end: number) => {
    entryCount++;
    const anchor = `${input.anchorPrefix}-${entryCount}`;
    entry = { type: 'entry', anchor, title, body: [], findings: take(start, end) };
    blocks.push(entry);
    entryTitles.push({ anchor, title });
  };
  const inlinesOf = (nodes: PhrasingContent[]) => convertInlines(nodes, input, pendingTerms);

  const children = tree.children.filter((node) => node.type !== 'yaml' && node.type !== 'html' && node.type !== 'definition');
  for (let i = 0; i < children.length; i++) {
    const node = children[i]!;
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? start;
    if (node.type === 'heading') {
      const text = acceptedText(node.children);
      if (node.depth === input.levelCount && !input.chronicle) {
        openEntry(text, start, end);
      } else if (node.depth > input.nodeLevel + 1 && node.depth <= input.levelCount) {
        // A 子目/节 heading, or a month heading of a chronicle (at the entry level, but not an entry).
        entry = undefined;
        headingCount++;
        blocks.push({ type: 'heading', level: node.depth - 1, anchor: `${input.anchorPrefix}-h${headingCount}`, text, findings: take(start, end) });
      }
      continue;
    }
    if (node.type === 'paragraph') {
      const text = acceptedText(node.children);
      const images = node.children.filter((child) => child.type === 'image');
      if (images.length && !text.replace(/\s/g, '')) {
        for (const image of images) {
          figureCount++;
          const { caption, credit } = splitCaption(image.alt ?? '');
          push({
            type: 'figure',
            anchor: `${input.anchorPrefix}-f${figureCount}`,
            src: resolve(dirname(input.path), image.url),
            caption,
            ...(credit ? { credit } : {}),
            width: image.title === 'full' ? 'full' : 'column',
            sourceOffset: image.position?.start.offset ?? start,
          });
        }
        continue;
      }
      if (matchCredit(text)) {
        blocks.push({ type: 'credit', text: text.trim() });
        entry = undefined;
        continue;
      }
      const tableTitle = TABLE_TITLE.exec(text.trim());
      const table = tableTitle ? findTable(children, i) : undefined;
      if (tableTitle && table) {
        tableCount++;
        const unitNode = table.index > i + 1 ? children[i + 1] : undefined;
        const notes: string[] = [];
        let next = table.index + 1;
        while (children[next]?.type === 'paragraph' && TABLE_NOTE.test(acceptedText((children[next] as { children: PhrasingContent[] }).children).trim())) {
          notes.push(acceptedText((children[next] as { children: PhrasingContent[] }).children).trim());
          next++;
        }
        const tableEnd = children[next - 1]?.position?.end.offset ?? end;
        push(tableBlock(table.node, inlinesOf, {
          anchor: `${input.anchorPrefix}-t${tableCount}`,
          number: tableTitle[1]!.replace(/\s/g, ''),
          title: tableTitle[2]!.trim(),
          ...(unitNode && unitNode.type === 'paragraph' ? { unit: acceptedText(unitNode.children).trim() } : {}),
          notes,
          findings: take(start, tableEnd),
        }));
        i = next - 1;
        continue;
      }
      const bracket = input.bracketEntries ? BRACKET_TITLE.exec(text) : null;
      if (bracket) {
        openEntry(bracket[1]!, start, start + bracket[0].length);
        const inlines = inlinesOf(node.children);
        entry!.body.push({ type: 'paragraph', inlines: dropPrefix(inlines, bracket[0].length), findings: take(start, end) });
        continue;
      }
      push({ type: 'paragraph', inlines: inlinesOf(node.children), findings: take(start, end) });
      continue;
    }
    if (node.type === 'table') {
      tableCount++;
      push(tableBlock(node, inlinesOf, { anchor: `${input.anchorPrefix}-t${tableCount}`, notes: [], findings: take(start, end) }));
      continue;
    }
    if (node.type === 'list') {
      push({ type: 'list', ordered: Boolean(node.ordered), items: node.children.map((item) => item.children.flatMap((child) => simpleBlocks(child as RootContent, inlinesOf))) });
      continue;
    }
    if (node.type === 'blockquote') {
      push({ type: 'quote', children: node.children.flatMap((child) => simpleBlocks(child, inlinesOf)) });
    }
  }
  return { blocks, findings: unplaced.map(strip), entryTitles };
}

function strip(finding: PlacedFinding): Finding {
  const { offset: _offset, ...rest } = finding;
  return rest;
}

function findTable(children: RootContent[], titleIndex: number): { node: Table; index: number } | undefined {
  for (const index of [titleIndex + 1, titleIndex + 2]) {
    const node = children[index];
    if (node?.type === 'table') return { node, index };
    if (index === titleIndex + 1 && !(node?.type === 'paragraph' && TABLE_UNIT.test(acceptedText(node.children).trim()))) return undefined;
  }
  return undefined;
}

function tableBlock(
  node: Table,
  inlinesOf: (nodes: PhrasingContent[]) => Inline[],
  extra: Pick<TableBlock, 'anchor' | 'notes' | 'findings'> & Partial<Pick<TableBlock, 'number' | 'title' | 'unit'>>,
): TableBlock {
  const [head, ...rows] = node.children;
  const cells = (row: typeof head) => (row?.children ?? []).map((cell) => inlinesOf(cell.children));
  const columns = head?.children.length ?? 0;
  const widest = Math.max(0, ...node.children.map((row) => row.children.reduce((sum, cell) => sum + acceptedText(cell.children).length, 0)));
  return {
    type: 'table',
    align: (node.align ?? []).map((align) => align ?? null),
    header: cells(head),
    rows: rows.map(cells),
    // About 26 characters fit on a line of one column; wider tables span both columns.
    wide: columns > 4 || widest > 26,
    ...extra,
  };
}

function simpleBlocks(node: RootContent, inlinesOf: (nodes: PhrasingContent[]) => Inline[]): Block[] {
  if (node.type === 'paragraph') return [{ type: 'paragraph', inlines: inlinesOf(node.children), findings: [] }];
  if (node.type === 'list') return [{ type: 'list', ordered: Boolean(node.ordered), items: node.children.map((item) => item.children.flatMap((child) => simpleBlocks(child as RootContent, inlinesOf))) }];
  if (node.type === 'blockquote') return [{ type: 'quote', children: node.children.flatMap((child) => simpleBlocks(child, inlinesOf)) }];
  return [];
}

/**
 * Phrasing content to render inlines; raw HTML is dropped here (sub/sup survive as their own inlines).
 * CriticMarkup becomes insertion, deletion, highlight and comment inlines; `critic` carries its state
 * from node to node within one paragraph.
 */
function convertInlines(nodes: PhrasingContent[], input: ChapterContext, pendingTerms: Set<string>, critic = new CriticReader()): Inline[] {
  const out: CriticItem[] = [];
  const base = critic.mode;
  let pendingTag: 'sup' | 'sub' | undefined;
  for (const node of nodes) {
    const mode = critic.mode;
    switch (node.type) {
      case 'text':
        if (pendingTag) {
          out.push({ mode, inlines: [{ type: pendingTag, value: node.value }] });
          continue;
        }
        for (const piece of critic.split(node.value)) {
          if (piece.mode === 'comment') out.push(piece);
          else out.push({ mode: piece.mode, inlines: pieceInlines(piece.mode, piece.value.replace(/[ \t]*\r?\n[ \t]*/g, (match, offset: number, whole: string) => joinLines(whole, offset, match)), input, pendingTerms) });
        }
        break;
      case 'inlineCode':
        out.push({ mode, inlines: [{ type: 'text', value: node.value }] });
        break;
      case 'strong':
      case 'emphasis':
      case 'delete':
        out.push({ mode, inlines: [{ type: node.type === 'delete' ? 'emphasis' : node.type, children: convertInlines(node.children, input, pendingTerms, critic) } as Inline] });
        break;
      case 'link':
      case 'linkReference':
        out.push({ mode, inlines: convertInlines(node.children, input, pendingTerms, critic) });
        break;
      case 'html': {
        const tag = /^<(\/)?(sup|sub)>$/i.exec(node.value.trim());
        pendingTag = tag && !tag[1] ? (tag[2]!.toLowerCase() as 'sup' | 'sub') : undefined;
        break;
      }
      default:
        break;
    }
  }
  return groupCriticItems(out, base);
}

/** Deleted text is shown as it was, but its index marks and terms no longer count. */
function pieceInlines(mode: string, value: string, input: ChapterContext, pendingTerms: Set<string>): Inline[] {
  return mode === 'deleted' ? [{ type: 'text', value: value.replace(INDEX_MARK, '$1') }] : textInlines(value, input, pendingTerms);
}

/** A soft line break disappears between CJK characters and becomes a space between Latin words. */
function joinLines(whole: string, offset: number, match: string): string {
  const before = whole[offset - 1] ?? '';
  const after = whole[offset + match.length] ?? '';
  return /[A-Za-z0-9,.;:]/.test(before) && /[A-Za-z0-9]/.test(after) ? ' ' : '';
}

/** Splits text on inline index marks `[显示文字]{.index}` / `[显示文字]{.index term="索引词"}` and marks front-matter terms. */
function textInlines(value: string, input: ChapterContext, pendingTerms: Set<string>): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const match of value.matchAll(INDEX_MARK)) {
    if (match.index! > last) out.push(...markTerms(value.slice(last, match.index), input, pendingTerms));
    const shown = match[1]!;
    const term = match[2] ?? shown;
    pendingTerms.delete(term);
    out.push({ type: 'index', id: input.nextIndexId(), term, children: [{ type: 'text', value: shown }] });
    last = match.index! + match[0].length;
  }
  if (last < value.length) out.push(...markTerms(value.slice(last), input, pendingTerms));
  return out;
}

/** Marks the first occurrence in the chapter of each front-matter index term. */
function markTerms(value: string, input: ChapterContext, pendingTerms: Set<string>): Inline[] {
  for (const term of pendingTerms) {
    const at = value.indexOf(term);
    if (at < 0) continue;
    pendingTerms.delete(term);
    const mark: Inline = { type: 'index', id: input.nextIndexId(), term, children: [{ type: 'text', value: term }] };
    return [...markTerms(value.slice(0, at), input, pendingTerms), mark, ...markTerms(value.slice(at + term.length), input, pendingTerms)];
  }
  return value ? [{ type: 'text', value }] : [];
}

/**
 * Removes the first `length` characters of text (the 【title】 of a run-in entry, as accepted) from
 * inlines; an insertion or comment that runs past the title keeps the rest, and a comment at the
 * start of the paragraph stays.
 */
function dropPrefix(inlines: Inline[], length: number): Inline[] {
  let remaining = length;
  const out: Inline[] = [];
  for (const inline of inlines) {
    if (remaining <= 0) {
      out.push(inline);
      continue;
    }
    const size = acceptedInlineText(inline).length;
    if (inline.type === 'text') {
      if (inline.value.length <= remaining) remaining -= inline.value.length;
      else {
        out.push({ type: 'text', value: inline.value.slice(remaining) });
        remaining = 0;
      }
    } else if (inline.type === 'comment' && size === 0) {
      out.push(inline);
    } else if (size > remaining && (inline.type === 'insertion' || inline.type === 'comment' || inline.type === 'highlight')) {
      out.push({ ...inline, children: dropPrefix(inline.children, remaining) });
      remaining = 0;
    } else {
      remaining -= size;
    }
  }
  return out;
}

export function plainText(nodes: PhrasingContent[]): string {
  return nodes
    .map((node) => {
      if (node.type === 'text' || node.type === 'inlineCode') return node.value.replace(INDEX_MARK, '$1');
      if ('children' in node) return plainText(node.children as PhrasingContent[]);
      return '';
    })
    .join('')
    .replace(/[ \t]*\r?\n[ \t]*/g, '');
}

/** Text of a paragraph or heading as it reads with its suggestions accepted: titles and layout decisions use it. */
function acceptedText(nodes: PhrasingContent[]): string {
  return criticView(plainText(nodes), 'accepted');
}

function splitCaption(alt: string): { caption: string; credit?: string } {
  const credit = FIGURE_CREDIT.exec(alt);
  return credit ? { caption: alt.slice(0, credit.index).trim(), credit: credit[1]!.trim() } : { caption: alt.trim() };
}
