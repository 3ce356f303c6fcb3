import type { AssembledVolume, Section } from '../../model/assembled.js';
import { headingStyle, STYLE } from './docx-styles.js';
import { escapeLine, joinLines, styledDiv } from './pandoc-markdown.js';
import { writeBlocks } from './write-blocks.js';
import { type ImageSlot, WriteContext } from './write-context.js';
import { writeEditorialBoard, writeEditorialNotes, writePlates, writeTitlePage } from './write-front-matter.js';
import { writeIndex } from './write-index.js';
import { tocField } from './word-fields.js';

/**
 * The volume as pandoc Markdown for the Word writer: title page, 编委会, 编辑说明, 彩页, 目录 (a Word
 * TOC field), the body in framework order and the index. Every paragraph names its Chinese style.
 * `images` maps each image source to its prepared copy in pandoc's working folder.
 */
export function writeDocxMarkdown(volume: AssembledVolume, images: ReadonlyMap<string, ImageSlot>): string {
  return `${writeDocxBlocks(volume, images).join('\n\n')}\n`;
}

/**
 * The same Markdown as a list of top-level blocks, each one readable by pandoc on its own: the cache
 * of pandoc's reading (pandoc-reader.ts) works block by block.
 */
export function writeDocxBlocks(volume: AssembledVolume, images: ReadonlyMap<string, ImageSlot>): string[] {
  const context = new WriteContext(volume.mode === 'draft', images);
  const front = [...writeTitlePage(volume), ...writeEditorialBoard(volume), ...writeEditorialNotes(volume), ...writePlates(volume, context)];
  const body = volume.sections.flatMap((section) => writeSection(section, context));
  const index = writeIndex(volume.index, context);
  const contents = [styledDiv(STYLE.frontHeading, '目录'), ...tocField(context.toc)];
  return [...front, ...contents, ...body, ...index];
}

/** A framework node: its heading, then its chapter, a 缺稿 placeholder (drafts) or its children. */
function writeSection(section: Section, context: WriteContext): string[] {
  if (section.missing && !context.draft) return [];
  const title = joinLines(section.title);
  const bookmark = context.bookmark(section.anchor, title);
  context.toc.push({ level: section.depth + 1, text: title, bookmark });
  context.place = title;
  context.entryLevel = section.depth + 2;
  context.chapterPath = section.chapter?.path ?? '';
  const comments = context.comments(section.chapter?.findings ?? []);
  const out = [styledDiv(headingStyle(section.depth), `${comments.open}${escapeLine(title)}${comments.close}`, bookmark)];
  if (section.missing) out.push(styledDiv(STYLE.missing, escapeLine(`缺稿：${section.missing.unitName}`)));
  if (section.chapter) out.push(...writeBlocks(section.chapter.blocks, context));
  for (const child of section.children) out.push(...writeSection(child, context));
  return out;
}
