import { readFile, stat } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { runCheck, type CheckOptions, type CheckReport } from '../../pipeline.js';
import { applyFixes } from '../../lint/apply-fixes.js';
import { decodeSource, encodeSource } from '../../load/read-source.js';
import { writeFileAtomic } from '../../write/write-file-atomic.js';
import { parseJobs } from '../parse-jobs.js';
import { UsageError } from '../usage-error.js';
import { withOwnership } from './check-ownership.js';
import { github } from '../report/github.js';
import { json } from '../report/json.js';
import { stylish } from '../report/stylish.js';
import type { ReportFormat, Reporter } from '../report/format.js';

const reporters: Record<ReportFormat, Reporter> = { stylish, json, github };

interface CheckCommandOptions {
  format: ReportFormat;
  fix?: boolean;
  fixDryRun?: boolean;
  recordYear?: string;
  volume?: string;
  final?: boolean;
  cache: boolean;
  cacheDir: string;
  quiet?: boolean;
  jobs?: string;
  changedSince?: string;
  as?: string;
}

export async function checkCommand(paths: string[], options: CheckCommandOptions): Promise<number> {
  const recordYear = options.recordYear === undefined ? undefined : Number(options.recordYear);
  if (recordYear !== undefined && !(Number.isInteger(recordYear) && recordYear >= 1900 && recordYear <= 2100)) {
    throw new UsageError(`--record-year 应为四位年份，而不是「${options.recordYear}」`);
  }
  const missing = [];
  for (const path of paths) if (!(await stat(path).catch(() => undefined))) missing.push(path);
  if (options.volume && !(await stat(resolve(options.volume, 'volume.yaml')).catch(() => undefined))) throw new UsageError(`--volume 应指向含 volume.yaml 的卷目录：${options.volume}`);
  if (missing.length) throw new UsageError(`找不到文件或目录：${missing.join('、')}`);
  const checkOptions: CheckOptions = {
    cache: options.cache,
    cacheDir: resolve(options.cacheDir),
    final: Boolean(options.final),
    jobs: parseJobs(options.jobs),
    ...(recordYear ? { recordYear } : {}),
    ...(options.volume ? { styleVolume: resolve(options.volume) } : {}),
  };
  let report = await runCheck(paths, checkOptions);
  if (options.fixDryRun) {
    process.stdout.write(await fixDiff(report));
    return 0;
  }
  if (options.fix) {
    const changed = await fixFiles(report);
    if (changed.length) {
      process.stderr.write(`已修正 ${changed.length} 个文件：${changed.map((path) => relative(process.cwd(), path)).join('、')}\n`);
      report = await runCheck(paths, checkOptions);
    }
  }
  if (options.changedSince !== undefined || options.as !== undefined) report = await withOwnership(report, options);
  const output = reporters[options.format](report, { quiet: Boolean(options.quiet), color: options.format === 'stylish' && Boolean(process.stdout.isTTY) && !process.env.NO_COLOR, cwd: process.cwd() });
  process.stdout.write(output);
  return report.files.some((file) => file.messages.some((message) => message.fatal === true)) ? 1 : 0;
}

/** The files that --fix would change, with their new text. GBK files are converted to UTF-8 even without fixes. */
async function plannedFixes(report: CheckReport): Promise<Array<{ path: string; before: string; after: string; hasBom: boolean; reencode: boolean }>> {
  const planned = [];
  const locked = new Set(report.lockedPaths);
  for (const file of report.files) {
    if (locked.has(file.path)) {
      if (file.messages.some((message) => message.fix !== undefined)) process.stderr.write(`${relative(process.cwd(), file.path)} 已通过锁定环节，不自动修正；如需修改请先 fangzhi review reopen\n`);
      continue;
    }
    const fixable = file.messages.filter((message) => message.fix !== undefined);
    const reencode = file.messages.some((message) => message.ruleId === 'encoding');
    if (!fixable.length && !reencode) continue;
    const source = decodeSource(file.path, await readFile(file.path));
    if (source.unreadable) continue;
    const { text } = applyFixes(source.text, fixable);
    if (text !== source.text || reencode) planned.push({ path: file.path, before: source.text, after: text, hasBom: source.hasBom, reencode });
  }
  return planned;
}

async function fixFiles(report: CheckReport): Promise<string[]> {
  const planned = await plannedFixes(report);
  for (const fix of planned) await writeFileAtomic(fix.path, encodeSource(fix.after, { hasBom: fix.hasBom }));
  return planned.map((fix) => fix.path);
}

async function fixDiff(report: CheckReport): Promise<string> {
  const planned = await plannedFixes(report);
  if (!planned.length) return '没有可自动修正的问题。\n';
  return planned
    .map((fix) => {
      const name = relative(process.cwd(), fix.path);
      const note = fix.reencode ? `# ${name}：将由 GBK/GB18030 转存为 UTF-8\n` : '';
      return note + (fix.before === fix.after ? '' : createTwoFilesPatch(`a/${name}`, `b/${name}`, fix.before, fix.after, '', '', { context: 1 }));
    })
    .join('');
}
