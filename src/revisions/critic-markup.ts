/**
 * CriticMarkup in chapter sources: `{++插入++}`, `{--删除--}`, `{~~原文~>改为~~}`, `{>>批注<<}` and
 * `{==标出的文字==}{>>批注<<}`. Pure: parses a file's text into marks with exact source ranges, so that
 * the checker, the accept/reject commands, the renderers and the status dashboard read them alike.
 */

/**
 * Author of suggestions and comments that name none: Word wants an author on every tracked change and
 * comment, and a Word file read back drops the `@作者：` prefix for this one, so a round trip is exact.
 */
export const DEFAULT_REVIEW_AUTHOR = '编辑部';

export type CriticKind = 'insertion' | 'deletion' | 'substitution' | 'highlight' | 'comment';

/** A piece of a mark's content: its source range (UTF-16 offsets into the file) and its text. */
export interface CriticSpan {
  start: number;
  end: number;
  text: string;
}

export interface CriticComment extends CriticSpan {
  /** The comment without its author prefix. */
  note: string;
  /** From a leading `@作者：`, as Word comments carry one. */
  author?: string;
}

export interface CriticMark {
  /** 1-based, in source order: the number `fangzhi accept --id` takes. */
  id: number;
  kind: CriticKind;
  /** Whole mark including its delimiters (and a highlight's attached comment). */
  start: number;
  end: number;
  /** Text proposed for removal: a deletion, or the old text of a substitution. */
  deleted?: CriticSpan;
  /** Text proposed for addition: an insertion, or the new text of a substitution. */
  inserted?: CriticSpan;
  /** Text a highlight marks. */
  highlighted?: CriticSpan;
  /** A standalone comment, or the comment attached to a highlight. */
  comment?: CriticComment;
}

export interface CriticProblem {
  start: number;
  end: number;
  message: string;
}

export interface CriticMarkup {
  marks: CriticMark[];
  problems: CriticProblem[];
}

const OPENERS = /\{(\+\+|--|~~|>>|==)/g;
const CLOSERS: Record<string, string> = { '++': '++}', '--': '--}', '~~': '~~}', '>>': '<<}', '==': '==}' };
const NAMES: Record<string, string> = { '++': '插入', '--': '删除', '~~': '替换', '>>': '批注', '==': '标注' };
/** A mark never runs over a paragraph break. */
const BLANK_LINE = /\n[ \t]*\r?\n/g;
const AUTHOR = /^@([^\s：:@]{1,40})[：:][ \t]*/;

/** Finds the marks in `text`, starting at `from` (the end of the front matter: YAML is never marked up). */
export function parseCriticMarkup(text: string, from = 0): CriticMarkup {
  const marks: CriticMark[] = [];
  const problems: CriticProblem[] = [];
  if (!text.includes('{', from)) return { marks, problems };
  OPENERS.lastIndex = from;
  for (let open = OPENERS.exec(text); open; open = OPENERS.exec(text)) {
    const start = open.index;
    const kind = open[1]!;
    const contentStart = start + 3;
    const close = text.indexOf(CLOSERS[kind]!, contentStart);
    BLANK_LINE.lastIndex = contentStart;
    const blank = BLANK_LINE.exec(text);
    if (close < 0 || (blank && blank.index < close)) {
      problems.push({ start, end: contentStart, message: `${NAMES[kind]}标记「{${kind}」没有闭合的「${CLOSERS[kind]}」` });
      continue;
    }
    const span = (from: number, to: number): CriticSpan => ({ start: from, end: to, text: text.slice(from, to) });
    let end = close + 3;
    const mark: CriticMark = { id: marks.length + 1, kind: 'insertion', start, end };
    if (kind === '++') mark.inserted = span(contentStart, close);
    else if (kind === '--') {
      mark.kind = 'deletion';
      mark.deleted = span(contentStart, close);
    } else if (kind === '~~') {
      const arrow = text.indexOf('~>', contentStart);
      if (arrow < 0 || arrow > close) {
        problems.push({ start, end, message: '替换标记「{~~原文~>改为~~}」缺少「~>」' });
        OPENERS.lastIndex = end;
        continue;
      }
      mark.kind = 'substitution';
      mark.deleted = span(contentStart, arrow);
      mark.inserted = span(arrow + 2, close);
    } else if (kind === '>>') {
      mark.kind = 'comment';
      mark.comment = comment(span(contentStart, close));
    } else {
      mark.kind = 'highlight';
      mark.highlighted = span(contentStart, close);
      if (text.startsWith('{>>', end)) {
        const commentEnd = text.indexOf('<<}', end + 3);
        BLANK_LINE.lastIndex = end + 3;
        const commentBlank = BLANK_LINE.exec(text);
        if (commentEnd >= 0 && !(commentBlank && commentBlank.index < commentEnd)) {
          mark.comment = comment(span(end + 3, commentEnd));
          end = commentEnd + 3;
        }
      }
    }
    mark.end = end;
    marks.push(mark);
    OPENERS.lastIndex = end;
  }
  return { marks, problems };
}

function comment(span: CriticSpan): CriticComment {
  const author = AUTHOR.exec(span.text);
  return author ? { ...span, note: span.text.slice(author[0].length).trim(), author: author[1]! } : { ...span, note: span.text.trim() };
}

/** What to do with a mark: accept it (insertions stay, deletions go), reject it, or leave it in place. */
export type CriticDecision = 'accept' | 'reject' | 'keep';

/**
 * The text after deciding on marks. Comments and highlights are resolved either way: their markup and
 * note go, the highlighted text stays. Everything outside the decided marks is left byte for byte.
 */
export function applyCriticMarkup(text: string, marks: readonly CriticMark[], decide: (mark: CriticMark) => CriticDecision): string {
  let out = '';
  let last = 0;
  for (const mark of marks) {
    const decision = decide(mark);
    if (decision === 'keep') continue;
    out += text.slice(last, mark.start) + resolvedText(mark, decision);
    last = mark.end;
  }
  return out + text.slice(last);
}

function resolvedText(mark: CriticMark, decision: 'accept' | 'reject'): string {
  if (mark.kind === 'highlight') return mark.highlighted!.text;
  if (mark.kind === 'comment') return '';
  return (decision === 'accept' ? mark.inserted?.text : mark.deleted?.text) ?? '';
}

/** The source as it reads with every suggestion accepted (`accepted`) or rejected (`original`). */
export function criticView(text: string, view: 'accepted' | 'original', from = 0): string {
  const { marks } = parseCriticMarkup(text, from);
  return marks.length ? applyCriticMarkup(text, marks, () => (view === 'accepted' ? 'accept' : 'reject')) : text;
}

/**
 * Source ranges to hide from a reader of the text, as flattened sorted pairs [start, end, …]:
 * `accepted` hides delimiters, deleted text and comments (what the checker reads: the text as proposed);
 * `all` hides only delimiters and comments (every word either version has, for matching a Word file).
 */
export function criticHiddenRanges(marks: readonly CriticMark[], view: 'accepted' | 'all'): number[] {
  const ranges: number[] = [];
  for (const mark of marks) {
    const visible = [view === 'all' ? mark.deleted : undefined, mark.inserted, mark.highlighted].filter((span): span is CriticSpan => Boolean(span));
    let at = mark.start;
    for (const span of visible) {
      if (span.start > at) ranges.push(at, span.start);
      at = span.end;
    }
    if (mark.end > at) ranges.push(at, mark.end);
  }
  return ranges;
}

/** A short quotation of a mark for listings and messages: 插入「……」, 替换「旧」为「新」. */
export function describeMark(mark: CriticMark, width = 24): string {
  const quote = (text: string) => `「${shorten(text, width)}」`;
  switch (mark.kind) {
    case 'insertion':
      return `插入${quote(mark.inserted!.text)}`;
    case 'deletion':
      return `删除${quote(mark.deleted!.text)}`;
    case 'substitution':
      return `替换${quote(mark.deleted!.text)}为${quote(mark.inserted!.text)}`;
    case 'highlight':
      return mark.comment ? `批注${quote(mark.highlighted!.text)}：${shorten(mark.comment.note, width)}${mark.comment.author ? `（${mark.comment.author}）` : ''}` : `标注${quote(mark.highlighted!.text)}`;
    case 'comment':
      return `批注：${shorten(mark.comment!.note, width)}${mark.comment!.author ? `（${mark.comment!.author}）` : ''}`;
  }
}

function shorten(text: string, width: number): string {
  const flat = text.replace(/\s*\n\s*/g, ' ');
  return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat;
}

/** Suggestions change the text; comments and highlights only annotate it. */
export function isSuggestion(mark: CriticMark): boolean {
  return mark.kind === 'insertion' || mark.kind === 'deletion' || mark.kind === 'substitution';
}
