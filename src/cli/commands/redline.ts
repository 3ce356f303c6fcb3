import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { parseFrontMatter } from '../../parse/parse-chapter.js';
import { FORMAT_IDS, type FormatId } from '../../render/formats.js';
import { RenderError } from '../../render/output-format.js';
import { locateChapters } from '../../revisions/locate-chapters.js';
import { runRedline, type RedlineRequest } from '../../revisions/redline.js';
import { RevisionError } from '../../revisions/revision-error.js';
import { createProgress } from '../progress.js';
import { UsageError } from '../usage-error.js';
import { findVolumes } from './build.js';

export interface RedlineOptions {
  from: string;
  to: string;
  unit?: string;
  all?: boolean;
  volume?: string;
  format: string;
  out: string;
  cache: boolean;
  cacheDir: string;
}

/** `fangzhi redline <chapter…|--unit u|--all> --from <stage|git-ref> --to <stage|git-ref|worktree> --format html,docx,pdf`. */
export async function redlineCommand(chapters: string[], options: RedlineOptions): Promise<number> {
  const chosen = [chapters.length > 0, Boolean(options.unit), Boolean(options.all)].filter(Boolean).length;
  if (chosen !== 1) throw new UsageError('请指定稿件，或用 --unit 指定供稿单位，或用 --all 比较全卷（三者选一）');
  const formats = options.format.split(',').map((id) => id.trim()).filter(Boolean);
  const unknown = formats.filter((id) => !FORMAT_IDS.includes(id as FormatId));
  if (unknown.length || !formats.length) throw new UsageError(`未知的输出格式「${unknown.join('、')}」，可选：${FORMAT_IDS.join('、')}`);
  const progress = createProgress(2 + formats.length);
  try {
    const { volumeDir, nodes } = await target(chapters, options);
    const request: RedlineRequest = {
      volumeDir,
      select: nodes ? { nodes } : options.unit ? { unit: options.unit } : { all: true },
      from: options.from,
      to: options.to,
      formats: formats as FormatId[],
      outDir: resolve(options.out),
      ...(options.cache ? { cacheDir: resolve(options.cacheDir) } : {}),
      progress: (message) => progress.step(message),
    };
    const result = await runRedline(request);
    progress.done();
    for (const chapter of result.chapters) {
      const { insertions, deletions, moved, changed } = chapter.stats;
      process.stdout.write(`${chapter.title}：${changed ? `改动 ${changed} 段（新增 ${insertions} 处，删除 ${deletions} 处${moved ? `，移动 ${moved} 段` : ''}）` : '两个版本相同'}\n`);
    }
    if (result.unchanged) process.stdout.write(`另有 ${result.unchanged} 篇稿件在两个版本间没有改动，未列入红样\n`);
    if (!result.chapters.length) process.stdout.write(`${options.from} 与 ${options.to} 之间没有改动，未生成红样\n`);
    for (const path of result.written) process.stdout.write(`已生成 ${relative(process.cwd(), path)}\n`);
    return 0;
  } catch (error) {
    progress.done();
    if (error instanceof RevisionError || error instanceof RenderError) throw new UsageError(error.message);
    if (error instanceof Error && /^印刷版 PDF 尚未接入/.test(error.message)) throw new UsageError(`红样 PDF 须由印刷版 PDF 生成，而${error.message}；请先用 --format html,docx`);
    throw error;
  }
}

/** The volume and, for named chapters, their node ids (a file is identified by its front matter). */
async function target(chapters: string[], options: RedlineOptions): Promise<{ volumeDir: string; nodes?: string[] }> {
  const candidates = await findVolumes(resolve(options.volume ?? 'content'));
  if (!chapters.length) {
    if (candidates.length !== 1) throw new UsageError(`${options.volume ?? 'content'} 下有 ${candidates.length} 卷，请用 --volume 指定一卷`);
    return { volumeDir: candidates[0]! };
  }
  const located = await locateChapters(chapters, candidates);
  const volumes = new Set(located.map((item) => item.volumeDir));
  if (volumes.size > 1) throw new UsageError('一次红样只比较同一卷的稿件');
  const nodes = await Promise.all(
    located.map(async (item) => {
      if (!item.path) return item.arg;
      const node = (parseFrontMatter(await readFile(item.path, 'utf8'))?.yaml.data as { node?: unknown } | undefined)?.node;
      if (typeof node !== 'string') throw new UsageError(`${item.arg} 的文件头没有写明节点标识（node）`);
      return node;
    }),
  );
  return { volumeDir: located[0]!.volumeDir, nodes };
}
