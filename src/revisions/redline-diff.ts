import { diffArrays } from 'diff';
import { parseFrontMatter } from '../parse/parse-chapter.js';
import { criticView } from './critic-markup.js';
import { similarity } from './text-similarity.js';

/**
 * A redline (红样) of one chapter as CriticMarkup: the new version with what changed since the old one
 * marked up, so that it goes through the same assembly and renderers as a review draft. Paragraphs are
 * aligned first (identical, edited, moved, added, removed); inside an edited paragraph the diff runs
 * on characters for Chinese (a whitespace word diff is useless there) and on whole Latin words and
 * numbers, so 312 → 313 reads as one replaced number. Markdown syntax is never put inside a mark: the
 * new version's syntax stays, the old one's goes, so the marked-up text still parses as before.
 */

/** Author of the notes the redline adds (moved paragraphs, changed titles). */
export const REDLINE_NOTE_AUTHOR = '红样比对';

export interface RedlineStats {
  insertions: number;
  deletions: number;
  moved: number;
  /** Paragraphs that differ (edited, added, removed or moved). */
  changed: number;
}

/** Paragraphs at least this similar are one paragraph edited; moved paragraphs must be closer still. */
const EDIT_THRESHOLD = 0.5;
const MOVE_THRESHOLD = 0.8;
const BRACKET_TITLE = /^【([^【】\n]{1,60})】[ \u3000]?/;
const HEADING = /^(#{1,6})[ \t]+([^\n]*)$/;

/** Marks up `newText` (undefined: the chapter was removed) with its changes since `oldText` (undefined: added). */
export function redlineMarkup(oldText: string | undefined, newText: string | undefined): { text: string; stats: RedlineStats } {
  const old = split(oldText ?? '');
  const next = split(newText ?? '');
  const stats: RedlineStats = { insertions: 0, deletions: 0, moved: 0, changed: 0 };
  const out: string[] = [];
  const note = (text: string) => `{>>@${REDLINE_NOTE_AUTHOR}：${text}<<}`;

  // Align whole paragraphs; an edited paragraph shows up as one removed and one added.
  const removed: Array<{ index: number; gap: number }> = [];
  const added: Array<{ index: number; gap: number }> = [];
  const layout: Array<{ kind: 'same'; index: number } | { kind: 'gap'; gap: number }> = [];
  let oldIndex = 0;
  let newIndex = 0;
  let gap = -1;
  for (const part of diffArrays(old.blocks, next.blocks)) {
    if (!part.added && !part.removed) {
      for (let i = 0; i < part.count!; i++) layout.push({ kind: 'same', index: newIndex + i });
      oldIndex += part.count!;
      newIndex += part.count!;
      continue;
    }
    if (layout.at(-1)?.kind !== 'gap') layout.push({ kind: 'gap', gap: ++gap });
    for (let i = 0; i < part.count!; i++) (part.removed ? removed : added).push({ index: part.removed ? oldIndex + i : newIndex + i, gap });
    if (part.removed) oldIndex += part.count!;
    else newIndex += part.count!;
  }
  // Within a gap, pair each added paragraph with the most similar removed one: an edit. Across gaps,
  // a close match is a moved paragraph.
  const partner = new Map<number, { old: number; moved: boolean }>();
  const used = new Set<number>();
  const pair = (candidates: typeof removed, threshold: number, moved: boolean) => {
    for (const item of added) {
      if (partner.has(item.index)) continue;
      let best: { index: number; score: number } | undefined;
      for (const candidate of candidates) {
        if (used.has(candidate.index) || (!moved && candidate.gap !== item.gap) || (moved && candidate.gap === item.gap)) continue;
        const score = similarity(old.blocks[candidate.index]!, next.blocks[item.index]!);
        if (score >= threshold && (!best || score > best.score)) best = { index: candidate.index, score };
      }
      if (best && (!moved || next.blocks[item.index]!.length >= 6)) {
        partner.set(item.index, { old: best.index, moved });
        used.add(best.index);
      }
    }
  };
  pair(removed, EDIT_THRESHOLD, false);
  pair(removed, MOVE_THRESHOLD, true);

  for (const slot of layout) {
    if (slot.kind === 'same') {
      out.push(next.blocks[slot.index]!);
      continue;
    }
    for (const item of removed) {
      if (item.gap !== slot.gap || used.has(item.index)) continue;
      out.push(blockDiff(old.blocks[item.index]!, '', stats, note));
      stats.changed++;
    }
    for (const item of added) {
      if (item.gap !== slot.gap) continue;
      const match = partner.get(item.index);
      const before = match ? old.blocks[match.old]! : '';
      const after = next.blocks[item.index]!;
      if (match?.moved) stats.moved++;
      out.push(match?.moved ? movedBlock(before, after, note(`本段由原第${match.old + 1}段的位置移至此处`), stats, note) : blockDiff(before, after, stats, note));
      stats.changed++;
    }
  }
  const header = (next.header || old.header).replace(/\s*$/, '\n\n');
  return { text: `${header.trim() ? header : ''}${out.join('\n\n')}\n`, stats };
}

/** The front matter (kept verbatim) and the body's paragraphs, suggestions in either version accepted. */
function split(text: string): { header: string; blocks: string[] } {
  const end = parseFrontMatter(text)?.end ?? 0;
  const body = criticView(text.slice(end).replace(/\r\n?/g, '\n'), 'accepted');
  return { header: text.slice(0, end), blocks: body.split(/\n[ \t]*\n/).map((block) => block.replace(/^\n+|\s+$/g, '')).filter(Boolean) };
}

/**
 * A moved paragraph is not shown as deleted here and added there: it stands at its new place with a
 * note, marked as a whole when unchanged, with its edits marked when not. Tables and headings take the
 * note in a paragraph of their own: inside them it would break the syntax or vanish.
 */
function movedBlock(before: string, after: string, where: string, stats: RedlineStats, note: (text: string) => string): string {
  if (after.startsWith('|') || HEADING.test(after)) return `${blockDiff(before, after, stats, note)}\n\n${where}`;
  const title = BRACKET_TITLE.exec(after)?.[0] ?? '';
  if (before === after) return `${title}{==${after.slice(title.length)}==}${where}`;
  const marked = blockDiff(before, after, stats, note);
  return title && marked.startsWith(title) ? `${title}${where}${marked.slice(title.length)}` : `${where}${marked}`;
}

function blockDiff(before: string, after: string, stats: RedlineStats, note: (text: string) => string): string {
  if (before === after) return after;
  if (isTable(before || after) && isTable(after || before)) return tableDiff(before, after, stats);
  const oldHeading = HEADING.exec(before);
  const newHeading = HEADING.exec(after);
  if (newHeading) {
    const change = oldHeading ? `标题原为「${oldHeading[2]!.trim()}」` : '新增标题';
    return oldHeading?.[2] === newHeading[2] ? after : `${after}\n\n${note(change)}`;
  }
  const oldTitle = BRACKET_TITLE.exec(before);
  const newTitle = BRACKET_TITLE.exec(after);
  if (newTitle) {
    // The title stays plain (it becomes the entry's title); a change to it is said in a note.
    const title = after.slice(0, newTitle[0].length);
    const change = !oldTitle ? note(before ? '新增条目标题' : '新增条目') : oldTitle[1] !== newTitle[1] ? note(`条目标题原为「${oldTitle[1]}」`) : '';
    return `${title}${change}${inlineDiff(oldTitle ? before.slice(oldTitle[0].length) : before, after.slice(newTitle[0].length), stats)}`;
  }
  return inlineDiff(before, after, stats);
}

function isTable(block: string): boolean {
  return Boolean(block) && block.split('\n').every((line) => line.trimStart().startsWith('|'));
}

/** Tables row by row, so that the marked-up table is still a table: an added or removed row keeps its cells. */
function tableDiff(before: string, after: string, stats: RedlineStats): string {
  const cells = (row: string) => row.trim().replace(/^\||\|$/g, '').split('|');
  const separator = (row: string) => /^\|?[\s:|-]+\|?$/.test(row);
  const oldRows = before ? before.split('\n') : [];
  const newRows = after ? after.split('\n') : [];
  const rows: string[] = [];
  const pending: string[] = [];
  const row = (values: string[]) => `| ${values.map((value) => value.trim()).join(' | ')} |`;
  const flushRemoved = () => {
    for (const removedRow of pending.splice(0)) if (!separator(removedRow)) rows.push(row(cells(removedRow).map((cell) => inlineDiff(cell.trim(), '', stats))));
  };
  for (const part of diffArrays(oldRows, newRows)) {
    if (part.removed) {
      pending.push(...part.value);
      continue;
    }
    for (const line of part.value) {
      if (part.added && separator(line)) {
        rows.push(line);
        continue;
      }
      const previous = part.added ? pending.shift() : undefined;
      if (!part.added) rows.push(line);
      else if (previous !== undefined && cells(previous).length === cells(line).length) rows.push(row(cells(line).map((cell, index) => inlineDiff(cells(previous)[index]!.trim(), cell.trim(), stats))));
      else rows.push(row(cells(line).map((cell) => inlineDiff('', cell.trim(), stats))));
    }
    if (!part.added) flushRemoved();
  }
  flushRemoved();
  return rows.join('\n');
}

interface Token {
  text: string;
  /** Markdown syntax or a line break: never inside a mark. */
  syntax: boolean;
}

// Line breaks, escapes, index marks and images (atomic), heading and list markers, strong delimiters,
// table pipes, Latin words and numbers (with decimals and %), runs of spaces, and any other single character.
const TOKEN = /(\n)|(\\.)|(\[[^[\]\n]+\]\{\.index(?:\s+term="[^"\n]+")?\})|(!\[[^\]\n]*\]\([^)\n]*\))|(^(?:#{1,6}|[-*+]|\d+[.)])[ \t]+)|(\*\*|__)|(\|)|([A-Za-z0-9]+(?:[.,:][0-9]+)*%?)|([ \t]+)|([\s\S])/gmu;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) tokens.push({ text: match[0], syntax: Boolean(match[1] || match[5] || match[6] || match[7]) });
  return tokens;
}

type Segment = { type: 'same' | 'removed' | 'added'; tokens: Token[] };

/** A character-level diff of one paragraph (or cell) as CriticMarkup on the new text. */
export function inlineDiff(before: string, after: string, stats: RedlineStats): string {
  const a = tokenize(before);
  const b = tokenize(after);
  const segments: Segment[] = [];
  let i = 0;
  let j = 0;
  for (const part of diffArrays(a.map((token) => token.text), b.map((token) => token.text))) {
    const count = part.count ?? part.value.length;
    if (part.removed) segments.push({ type: 'removed', tokens: a.slice(i, (i += count)) });
    else if (part.added) segments.push({ type: 'added', tokens: b.slice(j, (j += count)) });
    else {
      segments.push({ type: 'same', tokens: b.slice(j, j + count) });
      i += count;
      j += count;
    }
  }
  // One or two characters left in common between two changes only chop the change up: “学校”→“中小学”
  // reads better as one replacement than as 中小 added, 学 kept, 校 removed.
  for (let k = 1; k < segments.length - 1; k++) {
    const segment = segments[k]!;
    const text = segment.tokens.map((token) => token.text).join('');
    if (segment.type === 'same' && segments[k - 1]!.type !== 'same' && segments[k + 1]!.type !== 'same' && text.length <= 2 && !segment.tokens.some((token) => token.syntax)) {
      segments.splice(k, 1, { type: 'removed', tokens: segment.tokens }, { type: 'added', tokens: segment.tokens });
      k++;
    }
  }
  let out = '';
  let gone: Token[] = [];
  let come: Token[] = [];
  const flush = () => {
    const removedText = gone.filter((token) => !token.syntax).map((token) => token.text).join('');
    const addedPlain = come.every((token) => !token.syntax);
    const addedText = come.map((token) => token.text).join('');
    if (removedText.trim()) stats.deletions++;
    if (removedText.trim() && addedPlain && addedText.trim()) {
      stats.insertions++;
      out += `{~~${removedText}~>${addedText}~~}`;
    } else {
      if (removedText.trim()) out += `{--${removedText}--}`;
      out += markAdded(come, stats);
    }
    gone = [];
    come = [];
  };
  for (const segment of segments) {
    if (segment.type === 'same') {
      flush();
      out += segment.tokens.map((token) => token.text).join('');
    } else if (segment.type === 'removed') gone.push(...segment.tokens);
    else come.push(...segment.tokens);
  }
  flush();
  return out;
}

/** Added tokens: runs of text become insertions, syntax (a new line, a table pipe) stays outside them. */
function markAdded(tokens: readonly Token[], stats: RedlineStats): string {
  let out = '';
  let run = '';
  const flush = () => {
    if (run.trim()) {
      stats.insertions++;
      out += `{++${run}++}`;
    } else out += run;
    run = '';
  };
  for (const token of tokens) {
    if (token.syntax) {
      flush();
      out += token.text;
    } else run += token.text;
  }
  flush();
  return out;
}
