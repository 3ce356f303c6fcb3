import type { Inline } from '../model/assembled.js';

/**
 * CriticMarkup for the render model. Markdown parsing splits a paragraph into nodes (text, strong, …)
 * with the CriticMarkup delimiters left in the text values, so a reader walks the text values of one
 * paragraph in order and keeps its state across nodes: `{++a**b**c++}` is one insertion around a strong.
 */
export type CriticMode = 'plain' | 'inserted' | 'deleted' | 'highlighted' | 'note';

export type CriticPiece = { mode: Exclude<CriticMode, 'note'>; value: string } | CriticCommentPiece;

/** A comment ends here; `attached` when it belongs to the highlight just before it. */
export interface CriticCommentPiece {
  mode: 'comment';
  note: string;
  author?: string;
  attached: boolean;
}

const OPENER = /\{(\+\+|--|~~|>>|==)/g;
const CLOSERS: Record<string, string> = { '++': '++}', '--': '--}', '~~': '~~}', '>>': '<<}', '==': '==}' };
const MODES: Record<string, CriticMode> = { '++': 'inserted', '--': 'deleted', '~~': 'deleted', '>>': 'note', '==': 'highlighted' };
const AUTHOR = /^@([^\s：:@]{1,40})[：:][ \t]*/;

/** Reads the text values of one paragraph (or table cell) in order; create one per paragraph. */
export class CriticReader {
  private state: CriticMode = 'plain';
  private closer = '';
  private substitution = false;
  private note = '';
  private attached = false;

  get mode(): CriticMode {
    return this.state;
  }

  /** Splits a text value into pieces of one mode each; delimiters are consumed, comments become events. */
  split(value: string): CriticPiece[] {
    const pieces: CriticPiece[] = [];
    const push = (text: string) => {
      if (!text) return;
      if (this.state === 'note') this.note += text;
      else pieces.push({ mode: this.state, value: text });
    };
    let at = 0;
    while (at < value.length) {
      if (this.state === 'plain') {
        OPENER.lastIndex = at;
        const open = OPENER.exec(value);
        if (!open) {
          push(value.slice(at));
          break;
        }
        push(value.slice(at, open.index));
        this.state = MODES[open[1]!]!;
        this.closer = CLOSERS[open[1]!]!;
        this.substitution = open[1] === '~~';
        at = open.index + 3;
        continue;
      }
      const close = value.indexOf(this.closer, at);
      const arrow = this.substitution && this.state === 'deleted' ? value.indexOf('~>', at) : -1;
      if (arrow >= 0 && (close < 0 || arrow < close)) {
        push(value.slice(at, arrow));
        this.state = 'inserted';
        at = arrow + 2;
        continue;
      }
      if (close < 0) {
        push(value.slice(at));
        break;
      }
      push(value.slice(at, close));
      at = close + this.closer.length;
      if (this.state === 'note') {
        pieces.push({ mode: 'comment', ...withAuthor(this.note), attached: this.attached });
        this.note = '';
        this.attached = false;
        this.state = 'plain';
      } else if (this.state === 'highlighted' && value.startsWith('{>>', at)) {
        this.state = 'note';
        this.closer = '<<}';
        this.attached = true;
        at += 3;
      } else {
        this.state = 'plain';
      }
    }
    return pieces;
  }
}

function withAuthor(text: string): { note: string; author?: string } {
  const flat = text.replace(/\s*\n\s*/g, ' ').trim();
  const author = AUTHOR.exec(flat);
  return author ? { note: flat.slice(author[0].length).trim(), author: author[1]! } : { note: flat };
}

export type CriticItem = { mode: CriticMode; inlines: Inline[] } | CriticCommentPiece;

/**
 * Groups converted inlines by mode into insertion, deletion, highlight and comment inlines. `base` is
 * the mode the enclosing node (a strong inside an insertion) already stands in: that is not wrapped again.
 */
export function groupCriticItems(items: readonly CriticItem[], base: CriticMode): Inline[] {
  const out: Inline[] = [];
  let group: { mode: CriticMode; children: Inline[] } | undefined;
  const flush = () => {
    if (group?.children.length) out.push(wrap(group.mode, group.children));
    group = undefined;
  };
  for (const item of items) {
    if (item.mode === 'comment') {
      flush();
      const last = out[out.length - 1];
      const comment = { type: 'comment' as const, note: item.note, ...(item.author ? { author: item.author } : {}) };
      if (item.attached && last?.type === 'highlight') out[out.length - 1] = { ...comment, children: last.children };
      else out.push({ ...comment, children: [] });
      continue;
    }
    if (item.mode === 'note') continue;
    if (item.mode === 'plain' || item.mode === base) {
      flush();
      out.push(...item.inlines);
      continue;
    }
    if (group?.mode !== item.mode) {
      flush();
      group = { mode: item.mode, children: [] };
    }
    group.children.push(...item.inlines);
  }
  flush();
  return out;
}

function wrap(mode: CriticMode, children: Inline[]): Inline {
  if (mode === 'inserted') return { type: 'insertion', children };
  if (mode === 'deleted') return { type: 'deletion', children };
  return { type: 'highlight', children };
}

/** The text an inline contributes once every suggestion is accepted: what titles and lengths count. */
export function acceptedInlineText(inline: Inline): string {
  if (inline.type === 'text' || inline.type === 'sup' || inline.type === 'sub') return inline.value;
  if (inline.type === 'deletion') return '';
  return inline.children.map(acceptedInlineText).join('');
}
