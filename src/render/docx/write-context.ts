import { basename } from 'node:path';
import type { Finding, Revision } from '../../model/assembled.js';
import { DEFAULT_REVIEW_AUTHOR } from '../../revisions/critic-markup.js';
import { escapeLine, span } from './pandoc-markdown.js';
import type { TocLine } from './word-fields.js';

/** A prepared image in pandoc's working folder, or why it could not be read (drafts go on without it). */
export type ImageSlot = { path: string; width: number; height: number } | { error: string };

/** Where a locator (an index mark or an anchor) points: the entry or heading it belongs to. */
export interface Locator {
  label: string;
  bookmark: string;
}

const SEVERITY: Record<Finding['severity'], string> = { error: '错误', warning: '警告', info: '提示' };
/** Author of the checker's notes in drafts; a Word file read back leaves them out. */
export const CHECKER_COMMENT_AUTHOR = '体例检查';

/**
 * What the Markdown writer collects on its way through the volume: bookmarks, TOC lines, index
 * locators and comment numbers. Bookmark names are short generated ones (Word cuts names at 40
 * characters and wants no punctuation), so anchors of any length stay linkable.
 */
export class WriteContext {
  readonly toc: TocLine[] = [];
  /** Where index marks found now belong, e.g. 学前教育（教育）. */
  place = '';
  /** TOC level of the entries under the current heading. */
  entryLevel = 1;
  /** The chapter file now written, named in comments. */
  chapterPath = '';
  private readonly locators = new Map<string, Locator>();
  private bookmarkCount = 0;
  private commentCount = 0;

  constructor(
    readonly draft: boolean,
    readonly images: ReadonlyMap<string, ImageSlot>,
  ) {}

  /** A new bookmark for an anchor or index mark; the anchor becomes a locator labelled `label`. */
  bookmark(anchor: string, label = this.place): string {
    const bookmark = `fz${++this.bookmarkCount}`;
    if (!this.locators.has(anchor)) this.locators.set(anchor, { label, bookmark });
    return bookmark;
  }

  locator(id: string): Locator | undefined {
    return this.locators.get(id);
  }

  /**
   * A reviewer's comment (CriticMarkup) on `content`, already Markdown; empty content makes a comment
   * at a point. Pandoc turns the spans into a real Word comment with its author and date.
   */
  reviewComment(note: string, revision: Revision, content: string): string {
    const id = ++this.commentCount;
    return `${span(escapeLine(note), `.comment-start id="${id}" ${revisionAttributes(revision)}`)}${content}${span('', `.comment-end id="${id}"`)}`;
  }

  /**
   * Word comments for checker findings (drafts only): `open` goes before the text they concern and
   * `close` after it. Pandoc turns the comment-start/comment-end spans into real Word comments.
   */
  comments(findings: readonly Finding[]): { open: string; close: string } {
    if (!this.draft || findings.length === 0) return { open: '', close: '' };
    const ids = findings.map(() => ++this.commentCount);
    const file = this.chapterPath ? `${basename(this.chapterPath)} ` : '';
    const open = findings.map((finding, index) => span(escapeLine(`${SEVERITY[finding.severity]}：${finding.message}（${finding.ruleId}，${file}第${finding.line}行）`), `.comment-start id="${ids[index]}" author="${CHECKER_COMMENT_AUTHOR}"`)).join('');
    const close = ids.map((id) => span('', `.comment-end id="${id}"`)).join('');
    return { open, close };
  }
}

/** Author and date of a tracked change or comment as pandoc span attributes (quotes cannot be escaped there). */
export function revisionAttributes(revision: Revision): string {
  const author = (revision.author ?? DEFAULT_REVIEW_AUTHOR).replace(/["\\\n]/g, '');
  return `author="${author}"${revision.date ? ` date="${revision.date.replace(/["\\\n]/g, '')}"` : ''}`;
}
