/**
 * Column balancing for the last page of each two-column section (Typst 0.14 fills columns one after
 * the other and leaves the last one short). The template reports, per section, where its last page's
 * balance points are (<fz-info>); this module chooses where to put a bottom float across all columns
 * and how high it is, so that the page's columns share the text. Pure: numbers in, numbers out.
 */

/** A balance point on a section's last page: `k` in reading order, its column and y from the column top (pt). */
export interface BalancePoint {
  k: number;
  column: number;
  y: number;
}

/** What the template reports about the end of a section (<fz-info>). */
export interface SectionEndInfo {
  id: string;
  columns: number;
  /** Last page, counted from the section's first page (0 = the opening page). */
  page: number;
  /** Column height on the last page (pt): the text block, less the title on an opening page. */
  height: number;
  /** Balance points on the last page in reading order; the last one is the section's end. */
  points: BalancePoint[];
  /** Column height on the page before the last (pt). */
  previousHeight: number;
  /** Balance points on the page before the last, if the section has one. */
  previous: BalancePoint[];
}

/** The float for one section: placed at balance point `at`, `height` pt high. */
export interface BalanceDecision {
  at: number;
  height: number;
}

export interface BalanceOptions {
  /** Line pitch of the body (pt). */
  pitch: number;
  /**
   * Room each column gets beyond its exact share, in lines. With whole lines, 0.75 leaves the first
   * column level with the second or one line lower and always lets the text fit.
   */
  slack: number;
}

/**
 * Chooses the float for a section from the layout without floats. The float only takes effect where
 * it fits below the text already in its column, so it goes at the last point that lies no lower than
 * the share of one column, or, failing that, at a point on the page before that it cannot fit below.
 * Points are block boundaries: a float inside a paragraph would split it. No float when the last page
 * is nearly full.
 */
export function decideBalance(info: SectionEndInfo, options: BalanceOptions, attempt = 0): BalanceDecision | undefined {
  const end = info.points.at(-1);
  if (!end || info.columns < 2) return undefined;
  const used = end.column * info.height + end.y;
  let share = used / info.columns + options.pitch * options.slack;
  if (attempt > 0) {
    // The first try overflowed: a block that does not break (a figure, a table row, a heading with
    // its first lines) crossed the column end. Let the first column take that whole block.
    const next = info.points.find((point) => point.column === 0 && point.y > share);
    if (!next) return undefined;
    share = next.y + options.pitch * options.slack;
  }
  const height = info.height - share;
  if (height < options.pitch * 2) return undefined;
  const fitting = info.points.filter((point) => point.y <= share);
  const at = fitting.at(-1);
  if (at) return { at: at.k, height: round(height) };
  // The page begins with the rest of a long paragraph, lower than a column's share. A float that does
  // not fit where it stands moves to the top of the next page: a point in the last column of the page
  // before with less room below it than the float's height puts the float on the last page, before the text.
  const deferred = info.previous.filter((point) => point.column === info.columns - 1 && info.previousHeight - point.y < height - 1).at(-1);
  return deferred ? { at: deferred.k, height: round(height) } : undefined;
}

function round(length: number): number {
  return Math.floor(length * 100) / 100;
}

/**
 * Sections whose balanced layout went wrong: the end moved to a later page (the columns were too
 * short for lines that would not split) or the section disappeared from the report.
 */
export function failedSections(measured: SectionEndInfo[], balanced: SectionEndInfo[]): string[] {
  const after = new Map(balanced.map((info) => [info.id, info]));
  return measured.filter((info) => after.get(info.id)?.page !== info.page).map((info) => info.id);
}

/**
 * Decisions for all sections. `attempts` counts earlier failures per section: one failure lets the
 * first column take the block that crossed its end; after two the section gets no float (its last
 * page stays as Typst set it).
 */
export function decideAll(infos: SectionEndInfo[], options: BalanceOptions, attempts: ReadonlyMap<string, number> = new Map()): Record<string, BalanceDecision> {
  const decisions: Record<string, BalanceDecision> = {};
  for (const info of infos) {
    const attempt = attempts.get(info.id) ?? 0;
    const decision = attempt < 2 ? decideBalance(info, options, attempt) : undefined;
    if (decision) decisions[info.id] = decision;
  }
  return decisions;
}
