import { readdir, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { runBuild } from '../../pipeline.js';
import { FORMAT_IDS, type FormatId } from '../../render/formats.js';
import { RenderError } from '../../render/output-format.js';
import { createProgress } from '../progress.js';
import { stylish } from '../report/stylish.js';
import { parseJobs } from '../parse-jobs.js';
import { UsageError } from '../usage-error.js';

interface BuildCommandOptions {
  format: string;
  only?: string;
  unit?: string;
  draft?: boolean;
  final?: boolean;
  out: string;
  cache: boolean;
  cacheDir: string;
  jobs?: string;
}

export async function buildCommand(target: string, options: BuildCommandOptions): Promise<number> {
  if (options.draft && options.final) throw new UsageError('--draft 与 --final 只能选一个');
  if (options.only && options.unit) throw new UsageError('--only 与 --unit 只能选一个');
  const formats = options.format.split(',').map((id) => id.trim()).filter(Boolean);
  const unknown = formats.filter((id) => !FORMAT_IDS.includes(id as FormatId));
  if (unknown.length || !formats.length) throw new UsageError(`未知的输出格式「${unknown.join('、')}」，可选：${FORMAT_IDS.join('、')}`);
  const volumes = await findVolumes(resolve(target));
  if (!volumes.length) throw new UsageError(`${target} 下没有卷（含 volume.yaml 的目录）`);
  const mode = options.final ? 'final' : 'draft';
  const jobs = parseJobs(options.jobs);
  let exitCode = 0;
  for (const dir of volumes) {
    const progress = createProgress(3 + formats.length);
    try {
      const report = await runBuild(dir, {
        formats: formats as FormatId[],
        mode,
        outDir: resolve(options.out),
        cache: options.cache,
        cacheDir: resolve(options.cacheDir),
        jobs,
        progress: (message) => progress.step(message),
        ...(options.only ? { only: options.only } : {}),
        ...(options.unit ? { unit: options.unit } : {}),
      });
      progress.done();
      if (report.refused) {
        const errors = { ...report, files: report.files.map((file) => ({ ...file, messages: file.messages.filter((message) => message.fatal === true) })) };
        process.stdout.write(stylish({ files: errors.files }, { quiet: true, color: Boolean(process.stdout.isTTY), cwd: process.cwd() }));
        process.stderr.write(`定稿构建已停止：${relative(process.cwd(), dir)} 仍有上列错误（含缺稿），未生成任何文件。\n`);
        exitCode = 1;
        continue;
      }
      const warnings = report.files.flatMap((file) => file.messages.filter((message) => message.source === 'assemble'));
      for (const warning of warnings) process.stderr.write(`提示：${relative(process.cwd(), warning.file ?? '')}：${warning.reason}\n`);
      const stats = report.volume?.stats;
      if (stats && mode === 'draft' && stats.missing) process.stderr.write(`审读稿中有${stats.missing}篇缺稿，已用“缺稿”标记占位。\n`);
      for (const path of report.written) process.stdout.write(`已生成 ${relative(process.cwd(), path)}\n`);
    } catch (error) {
      progress.done();
      if (error instanceof RenderError || error instanceof UsageError) throw new UsageError(error.message);
      if (error instanceof Error && /^(篇目框架中没有节点|供稿单位名录中没有)/.test(error.message)) throw new UsageError(error.message);
      throw error;
    }
  }
  return exitCode;
}

/** The volume at `path`, or the volumes directly below it. */
export async function findVolumes(path: string): Promise<string[]> {
  const info = await stat(path).catch(() => undefined);
  if (!info?.isDirectory()) throw new UsageError(`找不到卷目录：${path}`);
  if (await stat(join(path, 'volume.yaml')).catch(() => undefined)) return [path];
  const entries = await readdir(path, { withFileTypes: true });
  const found: string[] = [];
  for (const entry of entries) if (entry.isDirectory() && (await stat(join(path, entry.name, 'volume.yaml')).catch(() => undefined))) found.push(join(path, entry.name));
  return found.sort();
}
