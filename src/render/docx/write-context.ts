import { createHash } from 'node:crypto';
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

/** Word keeps 40 characters of a bookmark name; ours are far shorter. */
const BOOKMARK_HASH_LENGTH = 12;
/** Comment ids are w:id values, which Word reads as 32-bit signed integers. */
const MAX_COMMENT_ID = 0x7fffffff;

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * What the Markdown writer collects on its way through the volume: bookmarks, TOC lines, index
 * locators and comment ids. Bookmark names are short hashes (Word cuts names at 40 characters and
 * wants no punctuation), so anchors of any length stay linkable. Names and ids depend on content, not
 * on a running count: a change in one chapter then leaves the Markdown of every other chapter as it
 * was, and the cached pandoc reading of those blocks stays valid.
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
  private readonly bookmarkNames = new Set<string>();
  private readonly commentIds = new Set<number>();
  /** How often each stable key was seen, so that repeats get names of their own. */
  private readonly occurrences = new Map<string, number>();

  constructor(
    readonly draft: boolean,
    readonly images: ReadonlyMap<string, ImageSlot>,
  ) {}

  /**
   * A bookmark for an anchor; the anchor becomes a locator labelled `label`. The name is a hash of
   * the anchor; a repeated anchor or a hash collision gets a suffix.
   */
  bookmark(anchor: string, label = this.place): string {
    const base = `fz${sha256(anchor).slice(0, BOOKMARK_HASH_LENGTH)}`;
    let name = base;
    // Suffixed names are longer than any plain one, so they cannot take another anchor's name.
    for (let suffix = 2; this.bookmarkNames.has(name); suffix++) name = `${base}n${suffix}`;
    this.bookmarkNames.add(name);
    if (!this.locators.has(anchor)) this.locators.set(anchor, { label, bookmark: name });
    return name;
  }

  locator(id: string): Locator | undefined {
    return this.locators.get(id);
  }

  /**
   * A reviewer's comment (CriticMarkup) on `content`, already Markdown; empty content makes a comment
   * at a point. Pandoc turns the spans into a real Word comment with its author and date.
   */
  reviewComment(note: string, revision: Revision, content: string): string {
    const id = this.commentId(['review', basename(this.chapterPath), note, revision.author ?? '', revision.date ?? '']);
    return `${span(escapeLine(note), `.comment-start id="${id}" ${revisionAttributes(revision)}`)}${content}${span('', `.comment-end id="${id}"`)}`;
  }

  /**
   * Word comments for checker findings (drafts only): `open` goes before the text they concern and
   * `close` after it. Pandoc turns the comment-start/comment-end spans into real Word comments.
   */
  comments(findings: readonly Finding[]): { open: string; close: string } {
    if (!this.draft || findings.length === 0) return { open: '', close: '' };
    const ids = findings.map((finding) => this.commentId(['finding', basename(this.chapterPath), finding.ruleId, String(finding.line), finding.message]));
    const file = this.chapterPath ? `${basename(this.chapterPath)} ` : '';
    const open = findings.map((finding, index) => span(escapeLine(`${SEVERITY[finding.severity]}：${finding.message}（${finding.ruleId}，${file}第${finding.line}行）`), `.comment-start id="${ids[index]}" author="${CHECKER_COMMENT_AUTHOR}"`)).join('');
    const close = ids.map((id) => span('', `.comment-end id="${id}"`)).join('');
    return { open, close };
  }

  /**
   * A numeric comment id from stable data and its occurrence, unique in the document. The chapter is
   * named by its file name, so a checkout in another folder reads the same ids (and hits the cache).
   */
  private commentId(parts: readonly string[]): number {
    const key = parts.join('\u0000');
    let id = (Number.parseInt(sha256(`${key}\u0000${this.occurrence(key)}`).slice(0, 8), 16) % MAX_COMMENT_ID) + 1;
    while (this.commentIds.has(id)) id = (id % MAX_COMMENT_ID) + 1;
    this.commentIds.add(id);
    return id;
  }

  /** 1 the first time a key is seen, 2 the second time, … */
  private occurrence(key: string): number {
    const count = (this.occurrences.get(key) ?? 0) + 1;
    this.occurrences.set(key, count);
    return count;
  }
}

/** Author and date of a tracked change or comment as pandoc span attributes (quotes cannot be escaped there). */
export function revisionAttributes(revision: Revision): string {
  const author = (revision.author ?? DEFAULT_REVIEW_AUTHOR).replace(/["\\\n]/g, '');
  return `author="${author}"${revision.date ? ` date="${revision.date.replace(/["\\\n]/g, '')}"` : ''}`;
}
