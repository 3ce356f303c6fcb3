import { relative, resolve } from 'node:path';
import { resolveTargets } from '../../load/resolve-targets.js';
import { RenderError } from '../../render/output-format.js';
import { closeSearchService } from '../../render/site/search-index.js';
import { SiteBuilder, SiteProblems, type SiteReport } from '../../render/site/site-builder.js';
import { siteUrls } from '../../render/site/site-urls.js';
import { createProgress } from '../progress.js';
import { stylish } from '../report/stylish.js';
import { UsageError } from '../usage-error.js';

export interface SiteCommandOptions {
  out: string;
  baseUrl?: string;
  title?: string;
  cache: boolean;
  cacheDir: string;
}

/** `fangzhi site`: builds the 地情网 from every published volume into the output folder. */
export async function siteCommand(paths: string[], options: SiteCommandOptions): Promise<number> {
  const progress = createProgress(5);
  const builder = await createSiteBuilder(paths, options, (message) => progress.step(message));
  try {
    const report = await builder.build();
    progress.done();
    printSiteReport(report, options.out);
    if (report.volumes.length) return 0;
    process.stderr.write('没有可以公开的内容：各卷均未设 published: true，或稿件均为内部资料、含未处理的修订标记；网站只有首页。\n');
    return 1;
  } catch (error) {
    progress.done();
    return reportSiteError(error);
  } finally {
    await closeSearchService();
  }
}

/** Reads the arguments shared by `fangzhi site` and `fangzhi dev` into a builder. */
export async function createSiteBuilder(paths: string[], options: SiteCommandOptions, progress?: (message: string) => void): Promise<SiteBuilder> {
  const urls = siteUrls(options.baseUrl);
  if ('error' in urls) throw new UsageError(urls.error);
  const targets = await resolveTargets(paths.length ? paths : ['content']);
  if (targets.missing.length) throw new UsageError(`找不到文件或目录：${targets.missing.join('、')}`);
  const volumes = [...targets.volumes.keys()].sort();
  if (!volumes.length) throw new UsageError(`${paths.join('、') || 'content'} 下没有卷（含 volume.yaml 的目录）`);
  return new SiteBuilder({
    volumes,
    outDir: resolve(options.out),
    urls,
    ...(options.title ? { title: options.title } : {}),
    ...(options.cache ? { cacheDir: resolve(options.cacheDir) } : {}),
    ...(progress ? { progress } : {}),
  });
}

/** Prints what a build did: volumes, pages, search index, and every chapter kept off the site. */
export function printSiteReport(report: SiteReport, out: string): void {
  const cwd = process.cwd();
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
  process.stdout.write(
    `已生成网站 ${relative(cwd, resolve(out)) || '.'}：${report.volumes.map((volume) => `《${volume.title}》`).join('')}，${report.pages}个页面，` +
      `全文检索索引${report.search.shards}个分片共${mb(report.search.bytes)}；写入${report.written.length}个文件，删除${report.removed.length}个\n`,
  );
  const skipped = new Set(report.skipped.map((item) => item.dir));
  for (const item of report.skipped) process.stderr.write(`未公开：${relative(cwd, item.dir)}（${item.reason}）\n`);
  for (const item of report.withheld) {
    if (![...skipped].some((dir) => item.path.startsWith(dir))) process.stderr.write(`未公开：${relative(cwd, item.path)}（${item.reason}）\n`);
  }
  for (const warning of report.warnings) process.stderr.write(`提示：${warning}\n`);
}

/** Volume problems are reported like `fangzhi check` does (exit 1); other failures are usage errors. */
export function reportSiteError(error: unknown): number {
  if (error instanceof SiteProblems) {
    const files = new Map<string, typeof error.messages>();
    for (const message of error.messages) files.set(message.file ?? '', [...(files.get(message.file ?? '') ?? []), message]);
    const report = { files: [...files].map(([path, messages]) => ({ path, messages })), volumes: [], stats: { files: 0, chars: 0, fromCache: 0, checked: 0 } };
    process.stdout.write(stylish(report, { quiet: true, color: Boolean(process.stdout.isTTY), cwd: process.cwd() }));
    process.stderr.write('网站未生成：卷配置有上列错误。\n');
    return 1;
  }
  if (error instanceof RenderError) throw new UsageError(error.message);
  throw error;
}
