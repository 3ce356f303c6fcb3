/**
 * A run of prose (paragraph, heading, table cell, caption…) as the rules see it: Markdown syntax and
 * soft line breaks removed, with a map from every text index back to its offset in the original file.
 */
export type BlockKind = 'paragraph' | 'heading' | 'tableCell' | 'caption' | 'credit';

export interface TextBlock {
  kind: BlockKind;
  text: string;
  /** Flattened pairs [textStart, sourceStart, …]; inside one segment characters map one to one. */
  segments: number[];
  /** Source range of the whole block. */
  start: number;
  end: number;
  /** Index of the entry (条目) this block belongs to, or -1. */
  entry: number;
  /** Heading depth for headings; 0 otherwise. */
  depth: number;
  /** True for the first block of a table row that is a header row. */
  tableHeader?: boolean;
}

/** Offset in the original file of text index `index` (use `index === text.length` for an end offset). */
export function sourceOffset(block: TextBlock, index: number): number {
  const segments = block.segments;
  if (segments.length === 0) return block.start;
  if (index >= block.text.length && block.text.length > 0) return sourceOffset(block, block.text.length - 1) + 1;
  let low = 0;
  let high = segments.length / 2 - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (segments[mid * 2]! <= index) low = mid;
    else high = mid - 1;
  }
  return segments[low * 2 + 1]! + (index - segments[low * 2]!);
}

/** Builds a block's text and segment map incrementally. */
export class BlockBuilder {
  private text = '';
  private readonly segments: number[] = [];
  private lastSource = -2;

  /**
   * `hidden`: source ranges the rules must not see, as sorted pairs [start, end, …] (CriticMarkup
   * delimiters, deleted text, comments); characters there are dropped and the map skips over them.
   */
  constructor(private readonly hidden: readonly number[] = []) {}

  /** Appends `value` that stands at `sourceStart` in the file, character for character. */
  appendExact(value: string, sourceStart: number): void {
    if (!value) return;
    if (this.hidden.length) this.appendVisible(value, sourceStart);
    else this.appendPiece(value, sourceStart);
  }

  private appendVisible(value: string, sourceStart: number): void {
    const end = sourceStart + value.length;
    let at = sourceStart;
    // Binary search for the first hidden range that ends after `at`.
    let low = 0;
    let high = this.hidden.length / 2;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.hidden[mid * 2 + 1]! <= at) low = mid + 1;
      else high = mid;
    }
    for (let i = low * 2; i < this.hidden.length && at < end; i += 2) {
      const [from, to] = [this.hidden[i]!, this.hidden[i + 1]!];
      if (to <= at) continue;
      if (from >= end) break;
      if (from > at) this.appendPiece(value.slice(at - sourceStart, from - sourceStart), at);
      at = Math.max(at, to);
    }
    if (at < end) this.appendPiece(value.slice(at - sourceStart), at);
  }

  private appendPiece(value: string, sourceStart: number): void {
    if (sourceStart !== this.lastSource) this.segments.push(this.text.length, sourceStart);
    this.text += value;
    this.lastSource = sourceStart + value.length;
  }

  /**
   * Appends a text node's value, aligning it with its source slice: escapes, entity references,
   * carriage returns and line-prefix whitespace occur in the source but not in the value.
   * Soft line breaks are dropped between CJK characters and become a space between Latin words.
   */
  appendAligned(value: string, source: string, sourceStart: number, sourceEnd: number): void {
    if (source.slice(sourceStart, sourceEnd) === value && !value.includes('\n')) {
      this.appendExact(value, sourceStart);
      return;
    }
    let s = sourceStart;
    for (let v = 0; v < value.length; v++) {
      let char = value[v]!;
      if (char === '\r') {
        if (value[v + 1] === '\n') continue;
        char = '\n';
      }
      if (char === '\n') {
        while (s < sourceEnd && source[s] !== '\n' && source[s] !== '\r') s++;
        if (source[s] === '\r' && source[s + 1] === '\n') s++;
        s++;
        const before = this.text[this.text.length - 1] ?? '';
        const after = value[v + 1] ?? '';
        if (before && after && !isCjkLike(before) && !isCjkLike(after) && before !== ' ' && after !== ' ') {
          this.text += ' ';
          this.segments.push(this.text.length - 1, s - 1);
          this.lastSource = -2;
        }
        continue;
      }
      let probe = s;
      while (probe < sourceEnd && source[probe] !== char && probe - s < 12) probe++;
      if (probe < sourceEnd && source[probe] === char) s = probe;
      this.appendExact(char, s);
      s++;
    }
  }

  finish(kind: BlockKind, start: number, end: number, entry: number, depth = 0): TextBlock {
    return { kind, text: this.text, segments: this.segments, start, end, entry, depth };
  }

  get length(): number {
    return this.text.length;
  }
}

export function isCjkLike(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (
    (code >= 0x2e80 && code <= 0x9fff) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xff00 && code <= 0xffef) ||
    (code >= 0x3000 && code <= 0x303f) ||
    (code >= 0x20000 && code <= 0x3ffff) ||
    code === 0x2014 || code === 0x2026 || code === 0x201c || code === 0x201d || code === 0x2018 || code === 0x2019
  );
}

/** 字数 as editors count it for quotas: every character except white space (Word's 字符数（不计空格）). */
export function countChars(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Whitespace as Word counts it; a surrogate pair is one character.
    if (code === 32 || code === 9 || code === 10 || code === 13 || code === 0x3000 || code === 0xa0 || (code >= 0xdc00 && code <= 0xdfff)) continue;
    count++;
  }
  return count;
}
