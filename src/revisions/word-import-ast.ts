/**
 * A reviewed Word file as pandoc reads it with `--track-changes=all -t json`: its paragraphs in reading
 * order (table cells and text inside divs included), each a list of characters marked as unchanged,
 * inserted or deleted, with the comment anchors between them.
 */
export type WordItem =
  | { type: 'char'; text: string; kind: 'same' | 'ins' | 'del'; author?: string; date?: string }
  | { type: 'comment-start'; id: string; note: string; author?: string; date?: string }
  | { type: 'comment-end'; id: string };

export interface WordParagraph {
  items: WordItem[];
  /** Tracked changes or comments (other than ignored ones) occur in it. */
  revised: boolean;
}

interface PandocNode {
  t: string;
  c?: unknown;
}

type Attr = [string, string[], Array<[string, string]>];

const CONTAINERS = new Set(['Emph', 'Strong', 'Underline', 'Strikeout', 'Superscript', 'Subscript', 'SmallCaps']);

/**
 * The paragraphs of a pandoc JSON document. Comments by an author in `ignoredAuthors` (the checker's
 * notes in a draft) are left out, both their anchors and their text.
 */
export function readWordParagraphs(ast: unknown, ignoredAuthors: ReadonlySet<string>): WordParagraph[] {
  const paragraphs: WordParagraph[] = [];
  const ignoredIds = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(visit);
      return;
    }
    if (!value || typeof value !== 'object') return;
    const node = value as PandocNode;
    if (node.t === 'Para' || node.t === 'Plain') paragraphs.push(paragraph(node.c as PandocNode[]));
    else if (node.t === 'Header') paragraphs.push(paragraph((node.c as [number, Attr, PandocNode[]])[2]));
    else if (node.t === 'LineBlock') for (const line of node.c as PandocNode[][]) paragraphs.push(paragraph(line));
    else if (node.t !== 'Meta' && node.t !== 'RawBlock' && node.t !== 'CodeBlock') visit(node.c ?? Object.values(node));
  };
  const paragraph = (inlines: PandocNode[]): WordParagraph => {
    const items: WordItem[] = [];
    readInlines(inlines, 'same', {}, items, ignoredAuthors, ignoredIds);
    return { items, revised: items.some((item) => item.type !== 'char' || item.kind !== 'same') };
  };
  visit((ast as { blocks?: unknown }).blocks ?? []);
  return paragraphs;
}

function readInlines(inlines: PandocNode[], kind: 'same' | 'ins' | 'del', revision: { author?: string; date?: string }, items: WordItem[], ignoredAuthors: ReadonlySet<string>, ignoredIds: Set<string>): void {
  const text = (value: string) => {
    if (value) items.push({ type: 'char', text: value, kind, ...revision });
  };
  for (const inline of inlines) {
    switch (inline.t) {
      case 'Str':
        text(inline.c as string);
        break;
      case 'Space':
        text(' ');
        break;
      case 'LineBreak':
        text('\n');
        break;
      case 'Code':
      case 'Math':
        text((inline.c as [unknown, string])[1]);
        break;
      case 'Quoted': {
        const [type, children] = inline.c as [{ t: string }, PandocNode[]];
        const [open, close] = type.t === 'SingleQuote' ? ['‘', '’'] : ['“', '”'];
        text(open);
        readInlines(children, kind, revision, items, ignoredAuthors, ignoredIds);
        text(close);
        break;
      }
      case 'Link':
      case 'Cite':
        readInlines((inline.c as [unknown, PandocNode[]])[1], kind, revision, items, ignoredAuthors, ignoredIds);
        break;
      case 'Span':
        readSpan(inline.c as [Attr, PandocNode[]], kind, revision, items, ignoredAuthors, ignoredIds);
        break;
      default:
        if (CONTAINERS.has(inline.t)) readInlines(inline.c as PandocNode[], kind, revision, items, ignoredAuthors, ignoredIds);
      // Footnotes, images, soft breaks (pandoc joins Chinese lines without a space) and raw fields add no text.
    }
  }
}

function readSpan([attr, children]: [Attr, PandocNode[]], kind: 'same' | 'ins' | 'del', revision: { author?: string; date?: string }, items: WordItem[], ignoredAuthors: ReadonlySet<string>, ignoredIds: Set<string>): void {
  const [, classes, pairs] = attr;
  const attributes = Object.fromEntries(pairs);
  const own = { ...(attributes.author ? { author: attributes.author } : {}), ...(attributes.date ? { date: attributes.date } : {}) };
  if (classes.includes('insertion') || classes.includes('deletion')) {
    readInlines(children, classes.includes('insertion') ? 'ins' : 'del', own, items, ignoredAuthors, ignoredIds);
  } else if (classes.includes('comment-start')) {
    const id = attributes.id ?? '';
    if (attributes.author && ignoredAuthors.has(attributes.author)) ignoredIds.add(id);
    else items.push({ type: 'comment-start', id, note: plainText(children), ...own });
  } else if (classes.includes('comment-end')) {
    const id = attributes.id ?? '';
    if (!ignoredIds.has(id)) items.push({ type: 'comment-end', id });
  } else {
    readInlines(children, kind, revision, items, ignoredAuthors, ignoredIds);
  }
}

/** The text of a comment: its paragraphs joined by a space. */
function plainText(inlines: PandocNode[]): string {
  const items: WordItem[] = [];
  readInlines(inlines, 'same', {}, items, new Set(), new Set());
  return items.map((item) => (item.type === 'char' ? item.text : '')).join('').replace(/\s+/g, ' ').trim();
}
