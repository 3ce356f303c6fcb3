import matter from 'gray-matter';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfmTable from './remark-gfm-table.js';
import remarkFrontmatter from 'remark-frontmatter';
import remarkCjkFriendly from 'remark-cjk-friendly';
import type { Root, RootContent, PhrasingContent, Heading, Paragraph, Table } from 'mdast';
import { parseYaml, type ParsedYaml } from './parse-yaml.js';
import { BlockBuilder, countChars, sourceOffset, type TextBlock } from './text-block.js';
import { parseControlComment, type ControlComment } from './control-comments.js';
import { matchCredit, type Credit } from './credit-line.js';
import { INDEX_MARK } from './index-marks.js';
import { criticHiddenRanges, parseCriticMarkup, type CriticMarkup } from '../revisions/critic-markup.js';

/** The one Markdown processor of the project, frozen so that every stage parses alike. */
export const markdownProcessor = unified()
  .use(remarkParse)
  .use(remarkGfmTable)
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkCjkFriendly)
  .freeze();

export interface FrontMatter {
  yaml: ParsedYaml;
  /** Offset of the YAML text inside the file. */
  offset: number;
  /** Range of the whole header including its `---` lines. */
  start: number;
  end: number;
}

export interface Entry {
  title: string;
  form: 'bracket' | 'heading';
  titleStart: number;
  titleEnd: number;
  start: number;
  end: number;
  /** Indices into `blocks`, inclusive. */
  firstBlock: number;
  lastBlock: number;
  /** 字数 of the entry text, title and credit lines excluded. */
  chars: number;
  paragraphs: number;
}

export interface HeadingInfo {
  depth: number;
  text: string;
  start: number;
  end: number;
}

export interface ImageInfo {
  alt: string;
  url: string;
  start: number;
  end: number;
}

export interface RawHtml {
  value: string;
  start: number;
  end: number;
}

export interface ParsedChapter {
  frontMatter?: FrontMatter;
  blocks: TextBlock[];
  entries: Entry[];
  credits: Array<Credit & { start: number; end: number }>;
  headings: HeadingInfo[];
  images: ImageInfo[];
  controls: ControlComment[];
  rawHtml: RawHtml[];
  /** CriticMarkup (suggestions and comments) in source order, with problems such as an unclosed mark. */
  critic: CriticMarkup;
  /** Source ranges the blocks leave out (see `criticView`), as sorted pairs [start, end, …]. */
  hidden: number[];
  /** 字数 of the body (credits excluded). */
  chars: number;
}

export interface ParseOptions {
  /** Heading depth that marks an entry (条目/节); undefined treats every heading as an entry title. */
  entryDepth?: number;
  /** Whether a paragraph starting with 【标题】 opens an entry (yearbooks). */
  bracketEntries: boolean;
  /** Plain text (.txt): each non-empty line is a paragraph. */
  plainText?: boolean;
  /**
   * What blocks hold of CriticMarkup: `accepted` (default; what the rules check) is the text as proposed,
   * insertions in and deletions and comments out; `all` keeps the text of both versions.
   */
  criticView?: 'accepted' | 'all';
}

const BRACKET_TITLE = /^【([^【】\n]{1,60})】[ \u3000]?/;

/**
 * Splits the YAML header with gray-matter, keeping its offset so that schema errors map to file positions.
 * gray-matter leaves the CR of a CRLF closing line on the header; it is dropped before parsing.
 */
export function parseFrontMatter(text: string): FrontMatter | undefined {
  if (!text.startsWith('---')) return undefined;
  let yaml: ParsedYaml | undefined;
  const file = matter(text, { engines: { yaml: { parse: (raw: string) => ((yaml = parseYaml(raw.replace(/\r$/, ''))), {}) } } }) as unknown as {
    matter: string;
    language: string;
    content: string;
  };
  if (!yaml) return undefined;
  const offset = 3 + (file.language && text.startsWith(`---${file.language}`) ? file.language.length : 0);
  const end = text.length - file.content.length;
  return { yaml, offset, start: 0, end };
}

export function parseChapter(text: string, options: ParseOptions): ParsedChapter {
  const chapter: ParsedChapter = {
    blocks: [],
    entries: [],
    credits: [],
    headings: [],
    images: [],
    controls: [],
    rawHtml: [],
    critic: { marks: [], problems: [] },
    hidden: [],
    chars: 0,
  };
  const frontMatter = options.plainText ? undefined : parseFrontMatter(text);
  chapter.critic = parseCriticMarkup(text, frontMatter?.end ?? 0);
  chapter.hidden = criticHiddenRanges(chapter.critic.marks, options.criticView ?? 'accepted');
  if (options.plainText) {
    collectPlainText(text, chapter);
  } else {
    if (frontMatter) chapter.frontMatter = frontMatter;
    const tree = markdownProcessor.parse(text) as Root;
    for (const node of tree.children) collectBlock(node, text, chapter);
  }
  markEntries(chapter, options);
  return chapter;
}

function collectPlainText(text: string, chapter: ParsedChapter): void {
  const pattern = /[^\r\n]+/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (!match[0].trim()) continue;
    const builder = new BlockBuilder(chapter.hidden);
    builder.appendExact(match[0], match.index);
    pushParagraph(builder, match.index, match.index + match[0].length, chapter);
  }
}

function collectBlock(node: RootContent, text: string, chapter: ParsedChapter): void {
  const start = node.position?.start.offset ?? 0;
  const end = node.position?.end.offset ?? start;
  switch (node.type) {
    case 'heading': {
      const builder = new BlockBuilder(chapter.hidden);
      collectInline(node.children, text, builder, chapter);
      const block = builder.finish('heading', start, end, -1, (node as Heading).depth);
      chapter.blocks.push(block);
      chapter.headings.push({ depth: block.depth, text: block.text.trim(), start, end });
      return;
    }
    case 'paragraph': {
      const builder = new BlockBuilder(chapter.hidden);
      collectInline((node as Paragraph).children, text, builder, chapter);
      if (builder.length) pushParagraph(builder, start, end, chapter);
      return;
    }
    case 'table':
      collectTable(node as Table, text, chapter);
      return;
    case 'list':
      for (const item of node.children) for (const child of item.children) collectBlock(child as RootContent, text, chapter);
      return;
    case 'blockquote':
      for (const child of node.children) collectBlock(child, text, chapter);
      return;
    case 'html': {
      const control = parseControlComment(node.value, start, end);
      if (control) chapter.controls.push(control);
      else if (!/^<!--[\s\S]*-->$/.test(node.value.trim())) chapter.rawHtml.push({ value: node.value, start, end });
      return;
    }
    default:
      return;
  }
}

function pushParagraph(builder: BlockBuilder, start: number, end: number, chapter: ParsedChapter): void {
  const block = builder.finish('paragraph', start, end, -1);
  const credit = matchCredit(block.text);
  if (credit) {
    block.kind = 'credit';
    chapter.credits.push({ ...credit, start, end });
  }
  chapter.blocks.push(block);
}

function collectTable(table: Table, text: string, chapter: ParsedChapter): void {
  table.children.forEach((row, rowIndex) => {
    for (const cell of row.children) {
      const builder = new BlockBuilder(chapter.hidden);
      collectInline(cell.children, text, builder, chapter);
      if (!builder.length) continue;
      const block = builder.finish('tableCell', cell.position?.start.offset ?? 0, cell.position?.end.offset ?? 0, -1);
      if (rowIndex === 0) block.tableHeader = true;
      chapter.blocks.push(block);
    }
  });
}

function collectInline(nodes: PhrasingContent[], text: string, builder: BlockBuilder, chapter: ParsedChapter): void {
  for (const node of nodes) {
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? start;
    switch (node.type) {
      case 'text':
        appendText(node.value, text, start, end, builder);
        break;
      case 'inlineCode':
        builder.appendAligned(node.value, text, start + 1, end - 1);
        break;
      case 'break':
        break;
      case 'image': {
        chapter.images.push({ alt: node.alt ?? '', url: node.url, start, end });
        if (node.alt) {
          const caption = new BlockBuilder(chapter.hidden);
          const altStart = text.indexOf(node.alt, start);
          caption.appendAligned(node.alt, text, altStart >= 0 ? altStart : start + 2, end);
          chapter.blocks.push(caption.finish('caption', start, end, -1));
        }
        break;
      }
      case 'html': {
        const control = parseControlComment(node.value, start, end);
        if (control) chapter.controls.push(control);
        else if (!/^<!--[\s\S]*-->$/.test(node.value.trim())) chapter.rawHtml.push({ value: node.value, start, end });
        break;
      }
      default:
        if ('children' in node) collectInline(node.children as PhrasingContent[], text, builder, chapter);
    }
  }
}

/** Appends a text node; of an index mark `[义务教育]{.index}` only the words shown reach the rules. */
function appendText(value: string, text: string, start: number, end: number, builder: BlockBuilder): void {
  if (!value.includes('{.index') || text.slice(start, end) !== value) {
    builder.appendAligned(value, text, start, end);
    return;
  }
  let last = 0;
  for (const match of value.matchAll(INDEX_MARK)) {
    builder.appendAligned(value.slice(last, match.index), text, start + last, start + match.index!);
    builder.appendExact(match[1]!, start + match.index! + 1);
    last = match.index! + match[0].length;
  }
  builder.appendAligned(value.slice(last), text, start + last, end);
}

/**
 * Groups blocks into entries (条目). An entry starts at a heading of the entry depth or at a paragraph
 * that opens with 【标题】, and runs until the next entry, a higher heading or a credit line.
 */
function markEntries(chapter: ParsedChapter, options: ParseOptions): void {
  let current: Entry | undefined;
  const close = () => {
    if (!current) return;
    chapter.entries.push(current);
    current = undefined;
  };
  chapter.blocks.forEach((block, index) => {
    if (block.kind === 'heading') {
      close();
      const isEntryHeading = options.entryDepth === undefined || block.depth === options.entryDepth;
      if (!isEntryHeading) return;
      const title = block.text.trim();
      current = { title, form: 'heading', titleStart: block.start, titleEnd: block.end, start: block.start, end: block.end, firstBlock: index, lastBlock: index, chars: 0, paragraphs: 0 };
      block.entry = chapter.entries.length;
      return;
    }
    if (block.kind === 'credit') {
      close();
      return;
    }
    if (block.kind === 'paragraph' && options.bracketEntries) {
      const match = BRACKET_TITLE.exec(block.text);
      if (match) {
        close();
        current = {
          title: match[1]!,
          form: 'bracket',
          titleStart: sourceOffset(block, 0),
          titleEnd: sourceOffset(block, match[1]!.length + 2),
          start: block.start,
          end: block.end,
          firstBlock: index,
          lastBlock: index,
          chars: countChars(block.text.slice(match[0].length)),
          paragraphs: 1,
        };
        block.entry = chapter.entries.length;
        return;
      }
    }
    if (current) {
      block.entry = chapter.entries.length;
      current.lastBlock = index;
      current.end = block.end;
      current.chars += countChars(block.text);
      if (block.kind === 'paragraph') current.paragraphs++;
    }
  });
  close();
  chapter.chars = chapter.blocks.reduce((sum, block) => (block.kind === 'credit' ? sum : sum + countChars(block.text)), 0);
}
