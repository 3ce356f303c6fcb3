import { escapeXml, rawBlock, rawInline } from './pandoc-markdown.js';

/** A line of the table of contents: a heading or an entry title, with the bookmark it links to. */
export interface TocLine {
  /** 1 for 类目, 2 for 分目, … */
  level: number;
  text: string;
  bookmark: string;
}

/** Styles Word itself uses for TOC lines ("toc 1" …), defined in the reference document. */
const TOC_STYLE_LEVELS = 4;

/**
 * Word's table of contents as a field. Headings come in through their styles' outline levels (`\u`),
 * entry titles, which are run-in and so cannot be headings, through TC fields (`\f`). The field result
 * is filled with the lines already (linked, without page numbers) so that viewers that do not update
 * fields still show a contents list; `w:dirty` and the document's updateFields make Word rebuild it
 * with page numbers when the file is opened. The lines come as several raw blocks, one per 类目 or 分目
 * and what lies under it: one new entry then changes one block, and pandoc's cached reading of the
 * others stays valid (pandoc-reader.ts). Word sees the same paragraphs either way.
 */
export function tocField(lines: readonly TocLine[]): string[] {
  const begin = '<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \\o &quot;1-3&quot; \\h \\z \\u \\f </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>';
  const end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>';
  if (lines.length === 0) return [rawBlock(`<w:p>${begin}<w:r><w:t>（打开文档后更新域以生成目录）</w:t></w:r>${end}</w:p>`)];
  const paragraphs = lines.map((line, index) => {
    const style = `TOC${Math.min(line.level, TOC_STYLE_LEVELS)}`;
    const link = `<w:hyperlink w:anchor="${escapeXml(line.bookmark)}" w:history="1"><w:r><w:t xml:space="preserve">${escapeXml(line.text)}</w:t></w:r></w:hyperlink>`;
    return `<w:p><w:pPr><w:pStyle w:val="${style}"/></w:pPr>${index === 0 ? begin : ''}${link}${index === lines.length - 1 ? end : ''}</w:p>`;
  });
  const groups: string[][] = [];
  lines.forEach((line, index) => {
    if (line.level <= 2 || groups.length === 0) groups.push([]);
    groups.at(-1)!.push(paragraphs[index]!);
  });
  return groups.map((group) => rawBlock(group.join('\n')));
}

/** A TC field: an invisible table-of-contents entry at a given level, for titles that are not paragraphs. */
export function tcField(text: string, level: number): string {
  const quoted = escapeXml(text.replace(/["\\]/g, '\\$&'));
  return rawInline(`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TC &quot;${quoted}&quot; \\l ${level} </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`);
}
