import { decideAll, failedSections, type SectionEndInfo } from './balance-columns.js';
import type { TypstPass, TypstSession } from './compile-typst.js';
import type { PartMark, PartReport } from './page-map.js';
import type { PrintData } from './print-data.js';

/** A laid-out document of the volume: its PDF and what it reports about itself. */
export interface LaidOutDocument {
  pdf: Uint8Array;
  report: PartReport;
}

/** Lays out one document of the volume, with a balanced last page if `balanced`; then frees its layout caches. */
export function layOutDocument(session: TypstSession, main: string, data: PrintData, balanced: boolean): LaidOutDocument {
  try {
    const pass = balanced ? balancedPass(session, main, data) : session.compile(main, data);
    const marks = session.query<PartMark[]>(pass, '<fz-marks>')[0] ?? [];
    return { pdf: session.pdf(pass), report: { pages: pass.pages, marks } };
  } finally {
    // Layout caches of one document are no use to the next; keeping them costs gigabytes on a full volume.
    session.evict();
  }
}

/**
 * A first pass without floats shows where the section ends; the final pass places the balancing
 * float, reusing the first pass's layout. If the end then moved to a later page, the section is tried
 * again with more room, and after a second failure left unbalanced (see decideAll).
 */
function balancedPass(session: TypstSession, main: string, data: PrintData): TypstPass {
  const measured = session.query<SectionEndInfo>(session.compile(main, data), '<fz-info>');
  const options = { pitch: data.geometry.bodySize * 1.5, slack: 0.75 };
  const attempts = new Map<string, number>();
  for (;;) {
    const balance = decideAll(measured, options, attempts);
    const pass = session.compile(main, data, balance);
    const failed = failedSections(measured, session.query<SectionEndInfo>(pass, '<fz-info>')).filter((id) => id in balance);
    if (failed.length === 0) return pass;
    for (const id of failed) attempts.set(id, (attempts.get(id) ?? 0) + 1);
  }
}
