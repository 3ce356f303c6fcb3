import type { Block, EntryBlock, Figure, FigureBlock, Finding, HeadingBlock, Inline, ListBlock, TableBlock } from '../../model/assembled.js';
import { headingStyle, STYLE } from './docx-styles.js';
import { escapeInline, escapeLine, joinLines, paragraphLines, span, styledDiv } from './pandoc-markdown.js';
import { revisionAttributes, type WriteContext } from './write-context.js';
import { tcField } from './word-fields.js';

/**
 * Chapter blocks as pandoc Markdown, one string per block. `style` is the paragraph style of plain
 * paragraphs; null inside lists and quotes, whose enclosing div gives the style.
 */
export function writeBlocks(blocks: readonly Block[], context: WriteContext, style: string | null = STYLE.body): string[] {
  return blocks.flatMap((block) => writeBlock(block, context, style));
}

function writeBlock(block: Block, context: WriteContext, style: string | null): string[] {
  switch (block.type) {
    case 'entry':
      return writeEntry(block, context, style);
    case 'heading':
      return [writeHeading(block, context)];
    case 'paragraph':
      return [writeParagraph(block.inlines, block.findings, context, style)];
    case 'credit':
      return [styledDiv(STYLE.credit, escapeLine(block.text))];
    case 'table':
      return writeTable(block, context);
    case 'figure':
      return writeFigure(block, block.width, context);
    case 'list':
      return [writeList(block, context)];
    case 'quote':
      return [styledDiv(STYLE.quote, writeBlocks(block.children, context, null).join('\n\n'))];
  }
}

function writeParagraph(inlines: readonly Inline[], findings: readonly Finding[], context: WriteContext, style: string | null, lead = ''): string {
  const comments = context.comments(findings);
  const text = paragraphLines(`${lead}${comments.open}${writeInlines(inlines, context)}${comments.close}`);
  return style ? styledDiv(style, text) : text;
}

/**
 * An entry: 【title】 in the 条目标题 character style, run into its first paragraph, with a hidden TC
 * field so that Word's table of contents lists it although it is not a heading paragraph.
 */
function writeEntry(entry: EntryBlock, context: WriteContext, style: string | null): string[] {
  const section = context.place;
  const title = joinLines(entry.title);
  const label = `${title}（${section}）`;
  const bookmark = context.bookmark(entry.anchor, label);
  context.toc.push({ level: context.entryLevel, text: title, bookmark });
  context.place = label;
  const comments = context.comments(entry.findings);
  const lead = `${comments.open}${span(escapeLine(`【${title}】`), `#${bookmark} custom-style="${STYLE.entryTitle}"`)}${comments.close}${tcField(title, context.entryLevel)}`;
  const [first, ...rest] = entry.body;
  const opening = first?.type === 'paragraph' ? [writeParagraph(first.inlines, first.findings, context, style ?? STYLE.body, lead)] : [styledDiv(style ?? STYLE.body, lead), ...(first ? writeBlock(first, context, style) : [])];
  const out = [...opening, ...writeBlocks(rest, context, style)];
  context.place = section;
  return out;
}

/** A heading inside a chapter (子目, 节): a heading paragraph whose style carries the outline level. */
function writeHeading(heading: HeadingBlock, context: WriteContext): string {
  const text = joinLines(heading.text);
  const bookmark = context.bookmark(heading.anchor, text);
  context.toc.push({ level: heading.level + 1, text, bookmark });
  context.entryLevel = heading.level + 2;
  context.place = text;
  const comments = context.comments(heading.findings);
  return styledDiv(headingStyle(heading.level), `${comments.open}${escapeLine(text)}${comments.close}`, bookmark);
}

/** 三线表 as a pipe table: the title above (表题), the unit at the right, notes below. */
function writeTable(table: TableBlock, context: WriteContext): string[] {
  const comments = context.comments(table.findings);
  const title = [table.number, table.title].filter(Boolean).join('　');
  let bookmark: string | undefined = context.bookmark(table.anchor);
  const out: string[] = [];
  if (title || comments.open) {
    out.push(styledDiv(STYLE.tableTitle, `${comments.open}${escapeLine(title)}${comments.close}`, bookmark));
    bookmark = undefined;
  }
  if (table.unit) out.push(styledDiv(STYLE.tableUnit, escapeLine(table.unit), bookmark));
  out.push(pipeTable(table, context));
  out.push(...table.notes.map((note) => styledDiv(STYLE.tableNote, escapeLine(note))));
  return out;
}

function pipeTable(table: TableBlock, context: WriteContext): string {
  const columns = Math.max(1, table.header.length, ...table.rows.map((row) => row.length));
  const cells = (row: readonly Inline[][]) => Array.from({ length: columns }, (_, index) => writeInlines(row[index] ?? [], context, true));
  const header = cells(table.header);
  const rows = table.rows.map(cells);
  // Pandoc sizes wide tables by the dashes under the header: give each column dashes for its widest cell.
  const widths = header.map((_, column) => Math.min(40, Math.max(3, ...[header, ...rows].map((row) => displayWidth(row[column] ?? '')))));
  const rule = widths.map((width, column) => {
    const align = table.align[column] ?? null;
    const dashes = '-'.repeat(width);
    return align === 'left' ? `:${dashes}` : align === 'right' ? `${dashes}:` : align === 'center' ? `:${dashes}:` : dashes;
  });
  const line = (row: string[]) => `| ${row.join(' | ')} |`;
  return [line(header), line(rule), ...rows.map(line)].join('\n');
}

function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += char.charCodeAt(0) > 0x2e7f ? 2 : 1;
  return width;
}

/** Picture widths on the Word page (A4, 14.6 cm of text): one print column, or the full width. */
const FIGURE_WIDTH_CM = { column: 7.5, full: 14 } as const;
const MAX_FIGURE_HEIGHT_CM = 20;

/** A picture paragraph (图片) and its caption (图注), or in a draft a marked placeholder for an unreadable file. */
export function writeFigure(figure: FigureBlock | Figure, width: keyof typeof FIGURE_WIDTH_CM, context: WriteContext): string[] {
  const caption = joinLines(figure.caption);
  const bookmark = context.bookmark(figure.anchor);
  const slot = context.images.get(figure.src);
  const credit = figure.credit ? `　（${joinLines(figure.credit)}）` : '';
  const captionDiv = styledDiv(STYLE.caption, escapeLine(`${caption}${credit}`));
  if (!slot || 'error' in slot) return [styledDiv(STYLE.missing, escapeLine(`图片无法读取：${slot ? slot.error : figure.src}`), bookmark), captionDiv];
  const widthCm = Math.min(FIGURE_WIDTH_CM[width], (MAX_FIGURE_HEIGHT_CM * slot.width) / slot.height);
  return [styledDiv(STYLE.figure, `![${escapeLine(caption)}](${slot.path}){width=${widthCm.toFixed(2)}cm}`, bookmark), captionDiv];
}

/** A list in the 列项 style; each item's blocks are indented four spaces under its marker. */
function writeList(list: ListBlock, context: WriteContext): string {
  const items = list.items.map((blocks, index) => {
    const marker = (list.ordered ? `${index + 1}.` : '-').padEnd(4, ' ');
    const lines = writeBlocks(blocks, context, null).join('\n\n').split('\n');
    return lines.map((line, row) => (row === 0 ? `${marker}${line}` : line ? `    ${line}` : line)).join('\n');
  });
  return styledDiv(STYLE.listItem, items.join('\n\n'));
}

/** Inlines as Markdown; `singleLine` for table cells, where a line break would end the row. */
export function writeInlines(inlines: readonly Inline[], context: WriteContext, singleLine = false): string {
  let out = '';
  for (const inline of inlines) {
    const piece = writeInline(inline, context, singleLine);
    // Delimiters of neighbours must not run together (**a***b* or ~a~~b~): an empty span parts them.
    out += /[*~^]$/.test(out) && /^[*~^]/.test(piece) ? `[]{}${piece}` : piece;
  }
  return out;
}

function writeInline(inline: Inline, context: WriteContext, singleLine: boolean): string {
  switch (inline.type) {
    case 'text':
      return singleLine ? escapeLine(inline.value) : escapeInline(inline.value);
    case 'strong':
      return delimit('**', writeInlines(inline.children, context, singleLine));
    case 'emphasis':
      return delimit('*', writeInlines(inline.children, context, singleLine));
    case 'sup':
      return script('^', inline.value);
    case 'sub':
      return script('~', inline.value);
    case 'index':
      return span(writeInlines(inline.children, context, singleLine), `#${context.bookmark(inline.id)}`);
    case 'insertion':
    case 'deletion': {
      // Real tracked changes: Word's accept and reject buttons work on them.
      const content = writeInlines(inline.children, context, singleLine);
      return content ? span(content, `.${inline.type} ${revisionAttributes(inline)}`) : '';
    }
    case 'highlight':
      return writeInlines(inline.children, context, singleLine);
    case 'comment':
      return context.reviewComment(inline.note, inline, writeInlines(inline.children, context, singleLine));
  }
}

/** Emphasis markers hug their content: spaces and line breaks move outside, or pandoc would not see them. */
function delimit(marker: string, content: string): string {
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(content)!;
  const [, before, inner, after] = match;
  return inner ? `${before}${marker}${inner}${marker}${after}` : content;
}

/** Superscript or subscript: one line, spaces escaped (pandoc ends them at an unescaped space). */
function script(marker: string, value: string): string {
  const text = escapeLine(value).replace(/ /g, '\\ ');
  return text ? `${marker}${text}${marker}` : '';
}
