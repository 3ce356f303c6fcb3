import { resolve } from 'node:path';
import { gatherStatus } from '../../revisions/gather-status.js';
import { RevisionError } from '../../revisions/revision-error.js';
import { renderStatusText } from '../../revisions/status-text.js';
import { writeFileAtomic } from '../../write/write-file-atomic.js';
import { UsageError } from '../usage-error.js';
import { findVolumes } from './build.js';

interface StatusOptions {
  html?: boolean;
  json?: boolean;
  asOf?: string;
  out: string;
  cache: boolean;
  cacheDir: string;
}

/** `fangzhi status`: the table, --json for scripts, --html for the dashboard in out/status.html. */
export async function statusCommand(target: string, options: StatusOptions): Promise<number> {
  if (options.asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.asOf)) throw new UsageError(`--as-of 应为日期，如 2016-05-20，而不是「${options.asOf}」`);
  const dirs = await findVolumes(resolve(target));
  if (!dirs.length) throw new UsageError(`${target} 下没有卷（含 volume.yaml 的目录）`);
  const reports = [];
  for (const dir of dirs) {
    try {
      reports.push(await gatherStatus(dir, { cache: options.cache, cacheDir: resolve(options.cacheDir), ...(options.asOf ? { asOf: options.asOf } : {}) }));
    } catch (error) {
      throw error instanceof RevisionError ? new UsageError(error.message) : error;
    }
  }
  if (options.json) process.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
  else process.stdout.write(reports.map(renderStatusText).join('\n'));
  if (options.html) {
    const { renderStatusHtml } = await import('../../revisions/status-html.js');
    const path = resolve(options.out, 'status.html');
    await writeFileAtomic(path, renderStatusHtml(reports));
    process.stderr.write(`已生成 ${path}\n`);
  }
  return 0;
}
