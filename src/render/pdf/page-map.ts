/**
 * Where the parts of a print volume land in the joined book, and what follows from it: the body page
 * each part starts on, the 目录 lines, the index locators (57a) and the folio of every page. Pure:
 * page counts and part reports in, numbers out.
 */
import type { IndexEntry } from '../../model/assembled.js';

/** A 目录 mark or an index mark as a part reports it (fz-report): its page in the part and column. */
export interface PartMark {
  id: string;
  page: number;
  column: string;
  /** 目录 marks only: level (0 = 类目/篇), title and whether it is a 条目. */
  level?: number;
  title?: string;
}

/** What a compiled part tells about itself. */
export interface PartReport {
  pages: number;
  marks: PartMark[];
}

export interface TocLine {
  level: number;
  title: string;
  /** Body page. */
  page: number;
}

export interface IndexLine {
  term: string;
  letter: string;
  /** Page-and-column locators in page order, e.g. 57a, 57b, 112a. */
  locators: string[];
  see: string | null;
}

/** Pages a part takes in the book: every part starts on a recto, so an odd count gets a blank verso. */
export function paddedPages(pages: number): number {
  return pages + (pages % 2);
}

/** Body page where each part starts (the first on page 1), and the page after the last one. */
export function bodyStarts(pageCounts: readonly number[]): { starts: number[]; next: number } {
  const starts: number[] = [];
  let next = 1;
  for (const pages of pageCounts) {
    starts.push(next);
    next += paddedPages(pages);
  }
  return { starts, next };
}

/** The 目录 in reading order, with body pages; the 索引 last when it has a start page. */
export function tocLines(reports: readonly PartReport[], starts: readonly number[], indexStart: number | null): TocLine[] {
  const lines = reports.flatMap((report, part) =>
    report.marks.flatMap((mark) => (mark.level === undefined || mark.title === undefined ? [] : [{ level: mark.level, title: mark.title, page: starts[part]! + mark.page - 1 }])),
  );
  if (indexStart !== null) lines.push({ level: 0, title: '索引', page: indexStart });
  return lines;
}

/** Index entries with their locators: the page and column of each mark, each place once, in page order. */
export function indexLines(entries: readonly IndexEntry[], reports: readonly PartReport[], starts: readonly number[]): IndexLine[] {
  const places = new Map<string, { page: number; column: string }>();
  reports.forEach((report, part) => {
    for (const mark of report.marks) places.set(mark.id, { page: starts[part]! + mark.page - 1, column: mark.column });
  });
  return entries.map((entry) => {
    const found = entry.locators.flatMap((id) => places.get(id) ?? []);
    const sorted = found.sort((a, b) => a.page - b.page || a.column.localeCompare(b.column));
    const locators = [...new Set(sorted.map((place) => `${place.page}${place.column}`))];
    return { term: entry.term, letter: entry.letter, locators, see: entry.see ?? null };
  });
}

/**
 * The folio of every page of the joined book: none on the front matter and on blank versos, the body
 * page number everywhere else. `frontPages` is already even, so body page 1 is a recto.
 */
export function folios(frontPages: number, bodyPageCounts: readonly number[]): Array<number | null> {
  const result: Array<number | null> = Array.from({ length: frontPages }, () => null);
  let page = 1;
  for (const pages of bodyPageCounts) {
    for (let index = 0; index < pages; index++) result.push(page++);
    if (pages % 2) {
      result.push(null);
      page++;
    }
  }
  return result;
}
