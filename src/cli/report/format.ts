import type { CheckReport } from '../../pipeline.js';

/** What a reporter prints: the messages per file, and for a check also the volume summaries and counts. */
export type ReportInput = Pick<CheckReport, 'files'> & Partial<Pick<CheckReport, 'volumes' | 'stats'>>;

export type ReportFormat = 'stylish' | 'json' | 'github';

export interface ReportOptions {
  quiet: boolean;
  color: boolean;
  cwd: string;
}

export type Reporter = (report: ReportInput, options: ReportOptions) => string;
