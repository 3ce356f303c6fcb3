import type { CheckReport } from '../../pipeline.js';

export type ReportFormat = 'stylish' | 'json' | 'github';

export interface ReportOptions {
  quiet: boolean;
  color: boolean;
  cwd: string;
}

export type Reporter = (report: CheckReport, options: ReportOptions) => string;
