import { compareTerms } from '../../assemble/sort-index.js';
import type { Block, IndexEntry, Inline, Section } from '../../model/assembled.js';

/**
 * Replaces one chapter's share of a volume's subject index after the chapter was assembled on its own:
 * the old chapter's locators leave, the new chapter's entries come in, terms are merged and sorted by
 * pinyin as the assembly sorts them, and each term's locators follow the reading order of `sections`
 * (the volume with the new chapter already in place). A 见 reference stays while its target has locators.
 */
export function replaceChapterIndex(index: readonly IndexEntry[], oldChapter: Section, chapterIndex: readonly IndexEntry[], sections: readonly Section[]): IndexEntry[] {
  const leaving = new Set(locatorsIn(oldChapter));
  const byTerm = new Map<string, IndexEntry>();
  const add = (entry: IndexEntry, locators: string[]) => {
    const current = byTerm.get(entry.term);
    if (current) current.locators.push(...locators);
    else byTerm.set(entry.term, { ...entry, locators: [...locators] });
  };
  for (const entry of index) add(entry, entry.locators.filter((locator) => !leaving.has(locator)));
  for (const entry of chapterIndex) add(entry, entry.locators);
  const order = readingOrder(sections);
  const merged = [...byTerm.values()].filter((entry) => entry.see || entry.locators.length);
  for (const entry of merged) entry.locators.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  const living = new Set(merged.filter((entry) => entry.locators.length).map((entry) => entry.term));
  return merged
    .filter((entry) => !entry.see || living.has(entry.see))
    .sort((a, b) => compareTerms({ term: a.term, key: { syllables: a.sortKey.split(' '), letter: a.letter } }, { term: b.term, key: { syllables: b.sortKey.split(' '), letter: b.letter } }));
}

/**
 * Gives the index marks of a chapter assembled on its own ids that cannot clash with the rest of the
 * volume (each assembly numbers its marks from i-1), in the chapter and in its index entries alike.
 */
export function renameIndexIds(section: Section, chapterIndex: IndexEntry[], prefix: string): void {
  const rename = (id: string) => (id.startsWith('i-') ? `${prefix}${id.slice(2)}` : id);
  const marks = (inlines: Inline[]) => {
    for (const inline of inlines) {
      if (inline.type === 'index') inline.id = rename(inline.id);
      if ('children' in inline) marks(inline.children);
    }
  };
  walkBlocks(section.chapter?.blocks ?? [], () => {}, marks);
  for (const entry of chapterIndex) entry.locators = entry.locators.map(rename);
}

/** Entry anchors and index-mark ids of a chapter, in reading order: the locators it can own. */
function locatorsIn(section: Section): string[] {
  const ids: string[] = [];
  const marks = (inlines: Inline[]) => {
    for (const inline of inlines) {
      if (inline.type === 'index') ids.push(inline.id);
      if ('children' in inline) marks(inline.children);
    }
  };
  walkBlocks(section.chapter?.blocks ?? [], (anchor) => ids.push(anchor), marks);
  return ids;
}

function readingOrder(sections: readonly Section[]): Map<string, number> {
  const order = new Map<string, number>();
  const visit = (section: Section) => {
    for (const id of locatorsIn(section)) order.set(id, order.size);
    section.children.forEach(visit);
  };
  sections.forEach(visit);
  return order;
}

/** Visits entry anchors and the inline runs of a chapter's blocks, in reading order. */
function walkBlocks(blocks: readonly Block[], entry: (anchor: string) => void, inlines: (list: Inline[]) => void): void {
  for (const block of blocks) {
    if (block.type === 'entry') {
      entry(block.anchor);
      walkBlocks(block.body, entry, inlines);
    } else if (block.type === 'paragraph') inlines(block.inlines);
    else if (block.type === 'table') [...block.header, ...block.rows.flat()].forEach(inlines);
    else if (block.type === 'list') block.items.forEach((item) => walkBlocks(item, entry, inlines));
    else if (block.type === 'quote') walkBlocks(block.children, entry, inlines);
  }
}
