import { UsageError } from './usage-error.js';

/** The value of --jobs: how many threads check chapters or lay out print sections; 1 when not given. */
export function parseJobs(value: string | undefined): number {
  if (value === undefined) return 1;
  const jobs = Number(value);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) throw new UsageError(`--jobs 应为 1～64 的整数，而不是「${value}」`);
  return jobs;
}
