import { diffChars } from 'diff';
import { LineIndex } from '../diagnostics/line-index.js';
import { parseChapter, type ParseOptions } from '../parse/parse-chapter.js';
import { sourceOffset, type TextBlock } from '../parse/text-block.js';
import { DEFAULT_REVIEW_AUTHOR, describeMark, parseCriticMarkup, type CriticMark } from './critic-markup.js';
import { similarity } from './text-similarity.js';
import type { WordItem, WordParagraph } from './word-import-ast.js';

/**
 * The Word round trip: a reviewer's tracked changes and comments in a Word file become CriticMarkup
 * in the chapter's Markdown. Each Word paragraph is matched to a paragraph (heading, table cell,
 * caption, credit) of the chapter by its text; inside a matched paragraph the text Word had before the
 * changes is aligned character by character with the chapter's text, so the Markdown around the words
 * (index marks, emphasis, escapes) stays as it was. Only matched paragraphs change; the front matter
 * and everything else keep every byte.
 *
 * CriticMarkup already in the chapter travels to Word as tracked changes and comments (see the DOCX
 * writer); the Word file decides their fate: a change still tracked there stays a suggestion, one
 * accepted or rejected in Word is resolved here, a deleted comment goes.
 */

export interface ImportedChange {
  line: number;
  label: string;
}

export interface ImportReport {
  insertions: number;
  deletions: number;
  substitutions: number;
  comments: number;
  /** Suggestions and comments of the chapter that the Word file accepted, rejected or removed. */
  resolved: number;
  /** Paragraphs rewritten. */
  paragraphs: number;
  /** The new marks with their lines in the new text. */
  changes: ImportedChange[];
  /** Paragraphs whose Word text differs from the chapter without tracked changes: reported, not applied. */
  untracked: Array<{ line: number; sample: string }>;
  /** Word paragraphs with changes or comments that match no paragraph of the chapter: not applied. */
  unmatched: string[];
  /** Chapter paragraphs left alone, with the reason (a heading or 【】 title that carries CriticMarkup). */
  skipped: Array<{ line: number; reason: string }>;
}

export interface ImportResult {
  text: string;
  report: ImportReport;
}

/** Word paragraphs this similar (0–1) to a chapter paragraph are taken for the same paragraph. */
const MATCH_THRESHOLD = 0.6;
const BRACKET_TITLE = /^【[^【】\n]{1,60}】/;

export function importWordReview(text: string, paragraphs: readonly WordParagraph[], options: Pick<ParseOptions, 'bracketEntries' | 'entryDepth'>): ImportResult {
  const chapter = parseChapter(text, { ...options, criticView: 'all' });
  const marks = chapter.critic.marks;
  const blocks = chapter.blocks.filter((block) => block.text.trim());
  const report: ImportReport = { insertions: 0, deletions: 0, substitutions: 0, comments: 0, resolved: 0, paragraphs: 0, changes: [], untracked: [], unmatched: [], skipped: [] };
  const lines = new LineIndex(text);
  const words = paragraphs.map((paragraph) => ({ paragraph, all: normalize(paragraph.items.map((item) => (item.type === 'char' ? item.text : '')).join('')) }));
  const matches = matchParagraphs(blocks.map((block) => normalize(block.text)), words.map((word) => word.all));

  const splices: Array<{ start: number; end: number; text: string }> = [];
  const matchedWords = new Set<number>();
  blocks.forEach((block, index) => {
    const wordIndex = matches[index];
    if (wordIndex === undefined) return;
    matchedWords.add(wordIndex);
    const paragraph = paragraphs[wordIndex]!;
    const own = marks.filter((mark) => mark.start >= block.start && mark.end <= block.end);
    if (!paragraph.revised && !own.length) {
      if (words[wordIndex]!.all !== normalize(block.text)) report.untracked.push({ line: lines.pointAt(block.start).line, sample: sample(block.text) });
      return;
    }
    if (own.length && titleHasMarks(block, own)) {
      report.skipped.push({ line: lines.pointAt(block.start).line, reason: '标题中已有修改标记，请先处理后再导入该处' });
      return;
    }
    const rewritten = rewriteBlock(text, block, own, paragraph.items);
    if (rewritten.untracked) report.untracked.push({ line: lines.pointAt(block.start).line, sample: sample(block.text) });
    if (rewritten.text !== text.slice(block.start, block.end)) splices.push({ start: block.start, end: block.end, text: rewritten.text });
  });
  // A paragraph typed in Word as a whole with tracking on becomes a new paragraph after its predecessor.
  words.forEach((word, index) => {
    if (matchedWords.has(index) || !word.paragraph.revised) return;
    const chars = word.paragraph.items.filter((item): item is Extract<WordItem, { type: 'char' }> => item.type === 'char');
    const previous = [...matches.entries()].filter(([, w]) => w !== undefined && w < index).map(([b]) => blocks[b]!).pop();
    if (chars.length && chars.every((item) => item.kind === 'ins') && chars.some((item) => item.text.trim())) {
      const inserted = `{++${escapeInserted(chars.map((item) => item.text).join(''))}++}`;
      const at = previous?.end ?? blocks[0]?.start ?? text.length;
      splices.push(previous ? { start: at, end: at, text: `\n\n${inserted}` } : { start: at, end: at, text: `${inserted}\n\n` });
    } else {
      report.unmatched.push(sample(word.paragraph.items.map((item) => (item.type === 'char' ? item.text : '')).join('')));
    }
  });

  // Back to front; a caption inside a paragraph with text would overlap it, and the outer one wins.
  let result = text;
  let limit = Number.POSITIVE_INFINITY;
  const ordered = splices.map((splice, order) => ({ ...splice, order }));
  for (const splice of ordered.sort((a, b) => b.start - a.start || b.end - a.end || b.order - a.order)) {
    if (splice.end > limit) continue;
    result = result.slice(0, splice.start) + splice.text + result.slice(splice.end);
    limit = splice.start;
    report.paragraphs++;
  }
  countChanges(text, result, report);
  return { text: result, report };
}

/**
 * Lists the marks of the new text that the old text did not have, and counts them by kind; marks of
 * the old text that are gone were accepted, rejected or deleted in Word.
 */
function countChanges(before: string, after: string, report: ImportReport): void {
  const key = (mark: CriticMark, source: string) => `${mark.kind}\u0000${source.slice(mark.start, mark.end)}`;
  const old = new Map<string, number>();
  for (const mark of parseCriticMarkup(before).marks) old.set(key(mark, before), (old.get(key(mark, before)) ?? 0) + 1);
  const lines = new LineIndex(after);
  for (const mark of parseCriticMarkup(after).marks) {
    const k = key(mark, after);
    const left = old.get(k) ?? 0;
    if (left > 0) {
      old.set(k, left - 1);
      continue;
    }
    if (mark.kind === 'insertion') report.insertions++;
    else if (mark.kind === 'deletion') report.deletions++;
    else if (mark.kind === 'substitution') report.substitutions++;
    else report.comments++;
    report.changes.push({ line: lines.pointAt(mark.start).line, label: describeMark(mark) });
  }
  for (const left of old.values()) report.resolved += left;
}

/**
 * Pairs chapter paragraphs with Word paragraphs in reading order: identical texts first, then, between
 * those anchors, the most similar Word paragraph above the threshold. Returns a Word index per block.
 */
function matchParagraphs(blocks: readonly string[], words: readonly string[]): Array<number | undefined> {
  const matches: Array<number | undefined> = new Array(blocks.length).fill(undefined);
  const byText = new Map<string, number[]>();
  words.forEach((text, index) => byText.set(text, [...(byText.get(text) ?? []), index]));
  let last = -1;
  blocks.forEach((text, index) => {
    const next = byText.get(text)?.find((candidate) => candidate > last);
    if (next !== undefined) matches[index] = last = next;
  });
  blocks.forEach((text, index) => {
    if (matches[index] !== undefined || !text) return;
    const low = matches.slice(0, index).reduce<number>((max, value) => (value === undefined ? max : Math.max(max, value)), -1);
    const high = matches.slice(index + 1).find((value) => value !== undefined) ?? words.length;
    let best: { index: number; score: number } | undefined;
    for (let candidate = low + 1; candidate < high; candidate++) {
      const word = words[candidate]!;
      if (!word || word.length > text.length * 2 + 20 || text.length > word.length * 2 + 20) continue;
      const score = similarity(text, word);
      if (score >= MATCH_THRESHOLD && (!best || score > best.score)) best = { index: candidate, score };
    }
    if (best) matches[index] = best.index;
  });
  return matches;
}

function normalize(text: string): string {
  return text.replace(/\s+/g, '');
}

function sample(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 30 ? `${flat.slice(0, 29)}…` : flat;
}

/** Headings and 【】 titles reach Word as accepted text, so marks in them cannot come back from it. */
function titleHasMarks(block: TextBlock, marks: readonly CriticMark[]): boolean {
  if (block.kind === 'heading') return true;
  const title = BRACKET_TITLE.exec(block.text);
  if (!title) return false;
  const end = sourceOffset(block, title[0].length);
  return marks.some((mark) => mark.start < end);
}

type Role = 'plain' | 'inserted' | 'deleted';
type Out = { t: 'syntax'; text: string } | { t: 'char'; kind: 'same' | 'ins' | 'del'; text: string } | { t: 'start'; id: string } | { t: 'end'; id: string };

/**
 * One chapter paragraph rewritten from its Word counterpart. The chapter's text (both versions of its
 * own marks) is aligned with the Word paragraph's text before the reviewer's changes (unchanged and
 * deleted characters); inserted characters and comment anchors take their place between aligned ones.
 */
function rewriteBlock(text: string, block: TextBlock, own: readonly CriticMark[], items: readonly WordItem[]): { text: string; untracked: boolean } {
  const chapterText = block.text;
  const offsets = Array.from({ length: chapterText.length }, (_, index) => sourceOffset(block, index));
  const roles = offsets.map((offset) => roleAt(offset, own));
  const before = items.filter((item): item is Extract<WordItem, { type: 'char' }> => item.type === 'char' && item.kind !== 'ins');
  const wordBefore = before.map((item) => item.text).join('');
  // Characters of items, so that an item of several characters aligns character by character.
  const charItem: number[] = [];
  before.forEach((item, index) => {
    for (let i = 0; i < item.text.length; i++) charItem.push(index);
  });
  const chapterToWord = alignChars(chapterText, wordBefore);

  const wordToChapter = new Map<number, number>();
  chapterToWord.forEach((w, c) => {
    if (w >= 0) wordToChapter.set(w, c);
  });
  // What to emit before each chapter character (index chapterText.length: at the end).
  const pendingAt: Out[][] = Array.from({ length: chapterText.length + 1 }, () => []);
  const kindOf: Array<'same' | 'del' | undefined> = new Array(chapterText.length).fill(undefined);
  let pending: Out[] = [];
  let untracked = false;
  let wordPosition = 0;
  for (const item of items) {
    if (item.type === 'char' && item.kind !== 'ins') {
      for (let i = 0; i < item.text.length; i++, wordPosition++) {
        const c = wordToChapter.get(wordPosition);
        if (c === undefined) {
          untracked = true;
          continue;
        }
        pendingAt[c]!.push(...pending);
        pending = [];
        kindOf[c] = item.kind === 'del' ? 'del' : 'same';
      }
    } else if (item.type === 'char') {
      for (const char of item.text) pending.push({ t: 'char', kind: 'ins', text: char });
    } else {
      pending.push(item.type === 'comment-start' ? { t: 'start', id: item.id } : { t: 'end', id: item.id });
    }
  }
  pendingAt[chapterText.length]!.push(...pending);

  // Delimiters and comments of the chapter's own marks go: the Word file says which marks remain.
  const hidden = new Set<number>();
  for (const mark of own) {
    const visible = [mark.deleted, mark.inserted, mark.highlighted].filter(Boolean);
    for (let offset = mark.start; offset < mark.end; offset++) if (!visible.some((span) => offset >= span!.start && offset < span!.end)) hidden.add(offset);
  }
  const chapterAt = new Map<number, number>();
  offsets.forEach((offset, index) => {
    if (!chapterAt.has(offset)) chapterAt.set(offset, index);
  });
  const out: Out[] = [];
  for (let offset = block.start; offset < block.end; offset++) {
    const c = chapterAt.get(offset);
    if (c === undefined) {
      if (!hidden.has(offset)) out.push({ t: 'syntax', text: text[offset]! });
      continue;
    }
    out.push(...pendingAt[c]!);
    const kind = kindOf[c];
    if (kind) out.push({ t: 'char', kind, text: text[offset]! });
    else if (roles[c] === 'plain') {
      untracked = true;
      out.push({ t: 'char', kind: 'same', text: text[offset]! });
    }
  }
  out.push(...pendingAt[chapterText.length]!);
  const comments = new Map(items.filter((item): item is Extract<WordItem, { type: 'comment-start' }> => item.type === 'comment-start').map((item) => [item.id, item]));
  return { text: renderOut(out, comments), untracked };
}

function roleAt(offset: number, marks: readonly CriticMark[]): Role {
  for (const mark of marks) {
    if (offset < mark.start || offset >= mark.end) continue;
    if (mark.inserted && offset >= mark.inserted.start && offset < mark.inserted.end) return 'inserted';
    if (mark.deleted && offset >= mark.deleted.start && offset < mark.deleted.end) return 'deleted';
  }
  return 'plain';
}

/** For each character of `a`, the index of the same character in `b`, or -1. */
function alignChars(a: string, b: string): number[] {
  const map = new Array<number>(a.length).fill(-1);
  let i = 0;
  let j = 0;
  for (const part of diffChars(a, b)) {
    const length = part.value.length;
    if (part.removed) i += length;
    else if (part.added) j += length;
    else for (let k = 0; k < length; k++) map[i++] = j++;
  }
  return map;
}

/** Writes the rewritten paragraph with CriticMarkup: runs of inserted and deleted characters, comments. */
function renderOut(out: readonly Out[], comments: ReadonlyMap<string, Extract<WordItem, { type: 'comment-start' }>>): string {
  // A comment on text becomes a highlight with its note; one on no text, or on tracked changes (marks do
  // not nest), a comment at the point where it ends.
  const ranged = new Set<string>();
  for (const [id] of comments) {
    const start = out.findIndex((o) => o.t === 'start' && o.id === id);
    const end = out.findIndex((o) => o.t === 'end' && o.id === id);
    const inside = out.slice(start + 1, end);
    if (start >= 0 && inside.some((o) => o.t === 'char') && !inside.some((o) => o.t === 'char' && o.kind !== 'same')) ranged.add(id);
  }
  const note = (id: string) => {
    const comment = comments.get(id)!;
    const author = comment.author && comment.author !== DEFAULT_REVIEW_AUTHOR ? `@${comment.author.replace(/[\s：:@]/g, '')}：` : '';
    return `{>>${author}${comment.note.replace(/<<\}/g, '<< }')}<<}`;
  };
  let result = '';
  for (let i = 0; i < out.length; i++) {
    const o = out[i]!;
    if (o.t === 'syntax') result += o.text;
    else if (o.t === 'start') result += !comments.has(o.id) ? '' : ranged.has(o.id) ? '{==' : out.some((e) => e.t === 'end' && e.id === o.id) ? '' : note(o.id);
    else if (o.t === 'end') result += !comments.has(o.id) ? '' : ranged.has(o.id) ? `==}${note(o.id)}` : note(o.id);
    else {
      let run = o.text;
      while (out[i + 1]?.t === 'char' && (out[i + 1] as { kind: string }).kind === o.kind) run += (out[++i] as { text: string }).text;
      if (o.kind === 'same') result += run;
      else if (o.kind === 'ins') result += `{++${escapeInserted(run)}++}`;
      else {
        let added = '';
        while (out[i + 1]?.t === 'char' && (out[i + 1] as { kind: string }).kind === 'ins') added += (out[++i] as { text: string }).text;
        result += added ? `{~~${run}~>${escapeInserted(added)}~~}` : `{--${run}--}`;
      }
    }
  }
  return result;
}

/** Text typed in Word becomes Markdown: characters Markdown or CriticMarkup would read as syntax are escaped. */
function escapeInserted(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, '\\$&').replace(/([+\-~=])(?=\1\})/g, '$1\\').replace(/\n/g, ' ');
}
