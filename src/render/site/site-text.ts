import type { Block, Inline, Section } from '../../model/assembled.js';

/** A unit of text a reader finds and links to: a 条目, one item of a 大事记, or a chapter without entries. */
export interface TextItem {
  kind: 'entry' | 'chronicle' | 'chapter';
  /** Anchor on the chapter's page (the entry, or the month heading of a chronicle item). */
  anchor?: string;
  /** Unique in the volume. */
  id: string;
  title: string;
  text: string;
  /** A chronicle item's date label as printed (4日, 同日) and its group heading (1月). */
  label?: string;
  group?: string;
  /** Month and day of a chronicle item, when the label and the heading give them. */
  month?: number;
  day?: number;
}

/** The leading date of a chronicle item, up to the full-width space: 4日, 同日, 3月10日, 是月, 上旬. */
const CHRONICLE_LABEL = /^([^\u3000\s]{1,12}?(?:日|月|年|旬))[\u3000]/;

export function inlineText(inlines: readonly Inline[]): string {
  return inlines.map((inline) => (inline.type === 'text' || inline.type === 'sup' || inline.type === 'sub' ? inline.value : 'children' in inline ? inlineText(inline.children) : '')).join('');
}

/** Plain text of a block: paragraphs as lines, table cells separated by tabs, pictures by their captions. */
export function blockText(block: Block): string {
  switch (block.type) {
    case 'entry':
      return block.body.map(blockText).filter(Boolean).join('\n');
    case 'heading':
      return block.text;
    case 'paragraph':
      return inlineText(block.inlines);
    case 'credit':
      return '';
    case 'table':
      return [[block.number, block.title].filter(Boolean).join('\u3000'), block.unit ?? '', ...[block.header, ...block.rows].map((row) => row.map(inlineText).join('\t')), ...block.notes].filter(Boolean).join('\n');
    case 'figure':
      return block.caption;
    case 'list':
      return block.items.map((item) => item.map(blockText).join('')).join('\n');
    case 'quote':
      return block.children.map(blockText).join('\n');
  }
}

/**
 * The items of a chapter: its entries, or for a chronicle its dated items grouped under month
 * headings, or (a chapter written without entries) the whole text as one item.
 */
export function chapterItems(section: Section, chronicle: boolean): TextItem[] {
  const blocks = section.chapter?.blocks ?? [];
  if (chronicle) return chronicleItems(section, blocks);
  const entries = blocks.filter((block): block is Extract<Block, { type: 'entry' }> => block.type === 'entry');
  if (entries.length) return entries.map((entry) => ({ kind: 'entry', anchor: entry.anchor, id: entry.anchor, title: entry.title, text: blockText(entry) }));
  const text = blocks.map(blockText).filter(Boolean).join('\n');
  return text ? [{ kind: 'chapter', id: `n-${section.id}`, title: section.title, text }] : [];
}

function chronicleItems(section: Section, blocks: readonly Block[]): TextItem[] {
  const items: TextItem[] = [];
  let group: { text: string; anchor: string; month?: number } | undefined;
  let previous: TextItem | undefined;
  let count = 0;
  for (const block of blocks) {
    if (block.type === 'heading') {
      const month = /^(\d{1,2})月$/.exec(block.text);
      group = { text: block.text, anchor: block.anchor, ...(month ? { month: Number(month[1]) } : {}) };
      continue;
    }
    if (block.type !== 'paragraph') continue;
    const whole = inlineText(block.inlines);
    const label = CHRONICLE_LABEL.exec(whole)?.[1];
    const text = label ? whole.slice(label.length + 1) : whole;
    const dayOnly = label ? /^(\d{1,2})日$/.exec(label) : null;
    const sameDay = label === '同日' && previous;
    const day = dayOnly ? Number(dayOnly[1]) : sameDay ? previous!.day : undefined;
    const month = group?.month ?? (sameDay ? previous!.month : undefined);
    const title = dayOnly && group ? `${group.text}${label}` : sameDay ? previous!.title : [group?.text, label].filter(Boolean).join('') || section.title;
    count++;
    const item: TextItem = {
      kind: 'chronicle',
      id: `${group?.anchor ?? `n-${section.id}`}-${count}`,
      title,
      text,
      ...(group ? { anchor: group.anchor, group: group.text } : {}),
      ...(label ? { label } : {}),
      ...(month !== undefined ? { month } : {}),
      ...(day !== undefined ? { day } : {}),
    };
    items.push(item);
    previous = item;
  }
  return items;
}

/** Dates a text mentions: 2015年3月10日, 3月10日, 2015年3月, 11月. `year` completes dates written without one. */
export function dateMentions(text: string, year: number | undefined): Array<{ text: string; date?: string }> {
  const mentions: Array<{ text: string; date?: string }> = [];
  for (const match of text.matchAll(/(?:(\d{4})年)?(\d{1,2})月(?:(\d{1,2})日)?/g)) {
    const [whole, written, monthText, dayText] = match;
    const month = Number(monthText);
    const day = dayText ? Number(dayText) : undefined;
    if (month < 1 || month > 12 || (day !== undefined && (day < 1 || day > 31))) continue;
    // The end of a range (3—5月) is not a date of its own.
    if (/[—～-]/.test(text[match.index - 1] ?? '')) continue;
    const y = written ? Number(written) : year;
    const pad = (value: number) => String(value).padStart(2, '0');
    mentions.push({ text: whole, ...(y ? { date: `${y}-${pad(month)}${day ? `-${pad(day)}` : ''}` } : {}) });
  }
  return mentions;
}
