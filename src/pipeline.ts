import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { VFileMessage } from 'vfile-message';
import { compareDiagnostics, createDiagnostic, deserializeDiagnostic } from './diagnostics/diagnostic.js';
import { LineIndex } from './diagnostics/line-index.js';
import type { ChapterResult, ChapterTask } from './check/check-chapter.js';
import { hashParts, LintCache } from './cache/lint-cache.js';
import { findUp, loadVolume, type LoadedVolume } from './load/load-volume.js';
import { loadYamlFile } from './load/load-yaml-file.js';
import { resolveTargets } from './load/resolve-targets.js';
import { decodeSource } from './load/read-source.js';
import type { StyleConfig } from './model/generated/style.js';
import { volumeRules } from './lint/rules/volume-rules.js';
import { codeDir } from './project-root.js';
import type { ChapterSource } from './assemble/assemble-volume.js';
import type { PlacedFinding } from './assemble/chapter-blocks.js';
import type { AssembledVolume, BuildMode } from './model/assembled.js';
import type { ChapterFrontMatter } from './model/generated/chapter.js';
import type { FormatId } from './render/formats.js';
import type { Artifact, PrintSettings } from './render/output-format.js';
import { runVolumeRules } from './lint/run-rules.js';
import { resolveStyle } from './lint/style-config.js';
import { validateVolume, type CheckedChapter } from './validate/validate-volume.js';
import { checkLedger } from './revisions/check-ledger.js';

export interface CheckOptions {
  /** Record year for lone files; without it the time-scope rule is off for them. */
  recordYear?: number;
  /** A volume whose style and record period apply to lone files (raw submissions meant for it). */
  styleVolume?: string;
  /** Reuse results of unchanged files (content hash). */
  cache: boolean;
  cacheDir: string;
  /** Final check: a missing chapter is an error. */
  final: boolean;
  /** Worker threads for uncached chapters; 1 checks everything on the main thread. */
  jobs: number;
}

export interface FileReport {
  path: string;
  messages: VFileMessage[];
}

export interface VolumeStatus {
  id: string;
  title: string;
  dir: string;
  leaves: number;
  chapters: number;
  missing: Array<{ nodeId: string; title: string; unit: string }>;
  chars: number;
  quotaChars: number;
  entries: number;
  /** Each checked chapter with its node and 字数, for the workflow status. */
  filed: Array<{ path: string; nodeId?: string; chars: number }>;
}

export interface CheckReport {
  files: FileReport[];
  volumes: VolumeStatus[];
  stats: { files: number; chars: number; fromCache: number; checked: number };
  /** Chapters locked by the workflow ledger: --fix must not touch them. */
  lockedPaths: string[];
}

/** Fewer uncached chapters than this are checked inline: starting worker threads would cost more. */
const PARALLEL_THRESHOLD = 24;

/**
 * `fangzhi check`, stage by stage. The order of the stages is written here and nowhere else:
 * resolve targets → load volumes → check chapters (decode, front matter, parse, lint; cached and
 * parallel) → validate the structure against the framework → volume rules → collect the report.
 */
export async function runCheck(paths: readonly string[], options: CheckOptions): Promise<CheckReport> {
  const targets = await resolveTargets(paths);
  const cache = options.cache ? await LintCache.open(options.cacheDir) : undefined;
  const fileMessages = new Map<string, VFileMessage[]>();
  const add = (messages: VFileMessage[]) => {
    for (const message of messages) {
      const list = fileMessages.get(message.file ?? '') ?? [];
      list.push(message);
      fileMessages.set(message.file ?? '', list);
    }
  };
  for (const missing of targets.missing) {
    add([createDiagnostic({ file: missing, ruleId: 'file-unreadable', source: 'load', severity: 'error', message: `找不到文件或目录：${missing}`, start: 0, end: 0 }, new LineIndex(''))]);
  }

  const loadedVolumes = await Promise.all([...targets.volumes.keys()].map((dir) => loadVolume(dir, cache)));
  const jobs: Array<{ task: ChapterTask; key: string; lines?: LineIndex; volume?: LoadedVolume }> = [];
  for (const loaded of loadedVolumes) {
    add(loaded.messages);
    if (!loaded.volume) continue;
    const only = targets.volumes.get(loaded.dir);
    const contextHash = hashParts(JSON.stringify(loaded.volume.context));
    for (const path of loaded.chapterPaths) {
      if (only && !only.has(path)) continue;
      const bytes = await readFile(path);
      jobs.push({ task: { path, bytes, volume: loaded.volume.context }, key: hashParts(contextHash, path, bytes), volume: loaded });
    }
  }
  if (targets.loneFiles.length) {
    const lone = await loneContext(targets.loneFiles[0]!, options, cache);
    add(lone.messages);
    const contextHash = hashParts(JSON.stringify(lone.context));
    for (const path of targets.loneFiles) {
      const bytes = await readFile(path);
      jobs.push({ task: { path, bytes, lone: lone.context }, key: hashParts(contextHash, path, bytes) });
    }
  }

  const results = await checkChapters(jobs, cache, options);

  const linesOf = new Map<string, LineIndex>();
  const jobByPath = new Map(jobs.map((job) => [job.task.path, job]));
  const linesFor = (path: string) => {
    let lines = linesOf.get(path);
    if (!lines) {
      const job = jobByPath.get(path);
      lines = new LineIndex(job ? decodeSource(path, job.task.bytes).text : '');
      linesOf.set(path, lines);
    }
    return lines;
  };
  results.forEach((result) => add(result.messages.map(deserializeDiagnostic)));

  const volumes: VolumeStatus[] = [];
  const lockedPaths: string[] = [];
  for (const loaded of loadedVolumes) {
    const volume = loaded.volume;
    if (!volume) continue;
    const chapters: CheckedChapter[] = [];
    jobs.forEach((job, index) => {
      if (job.volume !== loaded) return;
      chapters.push({ path: job.task.path, summary: results[index]!.summary, get lines() { return linesFor(job.task.path); } });
    });
    const wholeVolume = targets.volumes.get(loaded.dir) === undefined;
    const structure = validateVolume(loaded, chapters, { final: options.final });
    add(wholeVolume ? structure : structure.filter((message) => message.ruleId !== 'missing-chapter'));
    const ledgerChapters = chapters.map((chapter) => ({ path: chapter.path, nodeId: chapter.summary.frontMatter?.node, bytes: jobByPath.get(chapter.path)!.task.bytes, get lines() { return chapter.lines; } }));
    const ledger = await checkLedger(loaded, ledgerChapters, { wholeVolume, ...(cache ? { cache } : {}) });
    add(ledger.messages);
    lockedPaths.push(...ledger.lockedPaths);
    const ordered = chapters
      .map((chapter) => ({ chapter, placed: volume.nodes.get(chapter.summary.frontMatter?.node ?? '') }))
      .filter((item) => item.placed)
      .sort((a, b) => a.placed!.order - b.placed!.order);
    add(
      runVolumeRules(
        ordered.map(({ chapter, placed }) => ({ path: chapter.path, nodeId: placed!.node.id, categoryId: placed!.categoryId, aliasMentions: chapter.summary.aliasMentions })),
        volume.context.style,
        volumeRules,
        linesFor,
      ),
    );
    volumes.push(volumeStatus(loaded, chapters));
  }
  jobs.forEach((job, index) => {
    if (!job.task.lone) return;
    const facts = { path: job.task.path, nodeId: '', categoryId: job.task.path, aliasMentions: results[index]!.summary.aliasMentions };
    add(runVolumeRules([facts], job.task.lone.style, volumeRules, linesFor));
  });
  // Saved after the volume stages, because the ledger files are cached along with the configuration files.
  await cache?.save();

  const allPaths = new Set([...fileMessages.keys(), ...jobs.map((job) => job.task.path)]);
  const files = [...allPaths].sort().map((path) => ({ path, messages: (fileMessages.get(path) ?? []).sort(compareDiagnostics) }));
  return {
    lockedPaths,
    files,
    volumes,
    stats: {
      files: jobs.length,
      chars: results.reduce((sum, result) => sum + result.summary.chars, 0),
      fromCache: results.filter((result) => (result as { cached?: boolean }).cached).length,
      checked: results.filter((result) => !(result as { cached?: boolean }).cached).length,
    },
  };
}

async function checkChapters(
  jobs: Array<{ task: ChapterTask; key: string }>,
  cache: LintCache | undefined,
  options: CheckOptions,
): Promise<Array<ChapterResult & { cached?: boolean }>> {
  const results: Array<(ChapterResult & { cached?: boolean }) | undefined> = jobs.map((job) => {
    const hit = cache?.get(job.task.path, job.key);
    return hit ? { ...hit, cached: true } : undefined;
  });
  const pending = jobs.map((job, index) => ({ job, index })).filter(({ index }) => !results[index]);
  const workerFile = join(codeDir, 'check', 'chapter-worker.js');
  // Worker threads run the built bundle; under the test runner (src/) everything runs inline.
  const threads = Math.min(options.jobs, Math.ceil(pending.length / PARALLEL_THRESHOLD));
  const canUseWorkers = threads > 1 && codeDir.endsWith('dist');
  if (canUseWorkers) {
    const { Piscina } = await import('piscina');
    const pool = new Piscina({ filename: workerFile, maxThreads: threads, minThreads: threads });
    const batches = splitEvenly(pending, threads * 4);
    await Promise.all(
      batches.map(async (batch) => {
        const out = (await pool.run(batch.map(({ job }) => job.task))) as ChapterResult[];
        batch.forEach(({ index }, position) => (results[index] = out[position]!));
      }),
    );
    await pool.destroy();
  } else if (pending.length) {
    // Imported only when something needs checking: a fully cached run never loads the parser and rules.
    const { checkChapterSafely } = await import('./check/check-chapter.js');
    for (const { job, index } of pending) results[index] = checkChapterSafely(job.task);
  }
  for (const { job, index } of pending) cache?.set(job.task.path, job.key, results[index]!);
  return results as Array<ChapterResult & { cached?: boolean }>;
}

/** Splits items into batches of similar total size (by bytes), so both cores finish together. */
function splitEvenly<T extends { job: { task: ChapterTask } }>(items: T[], count: number): T[][] {
  const batches: Array<{ size: number; items: T[] }> = Array.from({ length: Math.min(count, items.length) }, () => ({ size: 0, items: [] }));
  for (const item of [...items].sort((a, b) => b.job.task.bytes.byteLength - a.job.task.bytes.byteLength)) {
    const smallest = batches.reduce((min, batch) => (batch.size < min.size ? batch : min));
    smallest.items.push(item);
    smallest.size += item.job.task.bytes.byteLength;
  }
  return batches.map((batch) => batch.items).filter((batch) => batch.length);
}

/**
 * What lone files are checked against: the style and record period of the volume named with
 * --volume, or else the office style (content/style.yaml) found above them and --record-year.
 */
async function loneContext(file: string, options: CheckOptions, cache: LintCache | undefined): Promise<{ context: NonNullable<ChapterTask['lone']>; messages: VFileMessage[] }> {
  const recordYears = options.recordYear ? { recordYears: { from: options.recordYear, to: options.recordYear } } : {};
  if (options.styleVolume) {
    const loaded = await loadVolume(options.styleVolume, cache);
    const context = loaded.volume?.context;
    return { context: { style: context?.style ?? resolveStyle(), ...(context ? { recordYears: context.recordYears } : {}), ...recordYears }, messages: loaded.messages };
  }
  const path = await findUp(dirname(file), 'style.yaml', 3);
  if (!path) return { context: { style: resolveStyle(), ...recordYears }, messages: [] };
  const loaded = await loadYamlFile<StyleConfig>(path, 'style', cache);
  return { context: { style: resolveStyle(loaded.data), ...recordYears }, messages: loaded.messages };
}

function volumeStatus(loaded: LoadedVolume, chapters: CheckedChapter[]): VolumeStatus {
  const volume = loaded.volume!;
  const filed = new Set(chapters.map((chapter) => chapter.summary.frontMatter?.node));
  return {
    id: volume.config.id,
    title: volume.config.title,
    dir: loaded.dir,
    leaves: volume.leaves.length,
    chapters: chapters.length,
    missing: volume.leaves
      .filter((leaf) => !filed.has(leaf.node.id))
      .map((leaf) => ({ nodeId: leaf.node.id, title: leaf.node.title, unit: volume.units.get(leaf.node.unit ?? '')?.name ?? leaf.node.unit ?? '' })),
    chars: chapters.reduce((sum, chapter) => sum + chapter.summary.chars, 0),
    quotaChars: volume.leaves.reduce((sum, leaf) => sum + (leaf.node.quota?.chars ?? 0), 0),
    entries: chapters.reduce((sum, chapter) => sum + chapter.summary.entries.length, 0),
    filed: chapters.map((chapter) => ({ path: chapter.path, ...(chapter.summary.frontMatter?.node ? { nodeId: chapter.summary.frontMatter.node } : {}), chars: chapter.summary.chars })),
  };
}

export interface BuildOptions {
  formats: FormatId[];
  mode: BuildMode;
  only?: string;
  unit?: string;
  outDir: string;
  cacheDir: string;
  cache: boolean;
  /** Threads for checking chapters and laying out print sections. */
  jobs: number;
  progress(message: string): void;
}

export interface BuildReport {
  /** Checker and image messages; in a final build any error means nothing was rendered. */
  files: FileReport[];
  written: string[];
  refused: boolean;
  volume?: AssembledVolume;
}

/**
 * `fangzhi build`, stage by stage: check the volume (the same stages as `fangzhi check`) → in a final
 * build, stop on any error or missing chapter → read the chapters → assemble in framework order →
 * check the pictures → render each format in memory → write everything into out/ atomically.
 */
export async function runBuild(volumeDir: string, options: BuildOptions): Promise<BuildReport> {
  const final = options.mode === 'final';
  options.progress('检查稿件');
  const check = await runCheck([volumeDir], { cache: options.cache, cacheDir: options.cacheDir, final, jobs: options.jobs });
  const loaded = await loadVolume(volumeDir, options.cache ? await LintCache.open(options.cacheDir) : undefined);
  const hasErrors = (files: FileReport[]) => files.some((file) => file.messages.some((message) => message.fatal === true));
  if (!loaded.volume || (final && hasErrors(check.files))) return { files: check.files, written: [], refused: true };
  const volume = loaded.volume;
  // Build-only stages load on demand, so that `fangzhi check` starts without the parser and renderers.
  const [{ checkImages }, { loadFormat }, { writeArtifacts }] = await Promise.all([
    import('./assemble/check-images.js'),
    import('./render/formats.js'),
    import('./write/write-artifacts.js'),
  ]);

  options.progress('汇编全卷');
  const { assembled, texts } = await assembleFromDisk(loaded, check.files, { mode: options.mode, ...(options.only ? { only: options.only } : {}), ...(options.unit ? { unit: options.unit } : {}), ...(options.cache ? { cacheDir: options.cacheDir } : {}) });

  const print: PrintSettings = { trim: volume.config.print?.trim ?? '16k' };
  const lines = new Map<string, LineIndex>();
  const imageMessages = await checkImages(assembled, print, join(volumeDir, 'volume.yaml'), (path) => {
    let index = lines.get(path);
    if (!index) lines.set(path, (index = new LineIndex(texts.get(path) ?? '')));
    return index;
  });
  const files = mergeMessages(check.files, imageMessages);
  if (final && hasErrors(files)) return { files, written: [], refused: true, volume: assembled };

  const baseName = assembled.scope.kind === 'node' ? `${assembled.id}-${assembled.scope.id}` : assembled.scope.kind === 'unit' ? `${assembled.id}-unit-${assembled.scope.id}` : assembled.id;
  const artifacts: Artifact[] = [];
  for (const id of options.formats) {
    const format = await loadFormat(id);
    options.progress(`生成${format.label}`);
    const produced = await format.render(assembled, { baseName, print, jobs: options.jobs, progress: options.progress, ...(options.cache ? { cacheDir: options.cacheDir } : {}) });
    artifacts.push(...produced.map((artifact) => ({ ...artifact, path: join(assembled.id, artifact.path) })));
  }
  options.progress('写入输出目录');
  const written = await writeArtifacts(options.outDir, artifacts);
  return { files, written, refused: false, volume: assembled };
}

/**
 * Reads the chapters of a loaded volume and assembles them; checker findings become draft notes. With
 * a cache folder, chapters unchanged since the last build of this scope are not parsed again.
 */
export async function assembleFromDisk(
  loaded: LoadedVolume,
  checkedFiles: FileReport[],
  options: Pick<BuildOptions, 'mode' | 'only' | 'unit'> & { cacheDir?: string },
): Promise<{ assembled: AssembledVolume; texts: Map<string, string> }> {
  const volume = loaded.volume!;
  const [{ assembleVolume }, { chapterBlocks }, { parseFrontMatter }, { AssemblyCache }] = await Promise.all([
    import('./assemble/assemble-volume.js'),
    import('./assemble/chapter-blocks.js'),
    import('./parse/parse-chapter.js'),
    import('./cache/assembly-cache.js'),
  ]);
  const scope = options.only ?? (options.unit ? `unit-${options.unit}` : 'volume');
  const cache = options.cacheDir ? await AssemblyCache.open(options.cacheDir, `${basename(volume.dir)}-${scope}`) : undefined;
  // Only the fields assembly reads, so that a cached copy (JSON) is the same as a fresh one.
  const readFrontMatter = (text: string) => {
    const data = parseFrontMatter(text)?.yaml.data as Partial<ChapterFrontMatter> | undefined;
    return data ? { node: data.node, writers: data.writers, index: data.index, reviewer: data.reviewer } : null;
  };
  const frontMatterOf = cache ? cache.memo('front-matter', readFrontMatter) : readFrontMatter;
  const texts = new Map<string, string>();
  const chapters: ChapterSource[] = [];
  const seen = new Set<string>();
  for (const path of loaded.chapterPaths) {
    const source = decodeSource(path, await readFile(path));
    texts.set(path, source.text);
    const data = frontMatterOf(source.text);
    // Chapters the checker rejects (unknown node, second chapter for a node) are not assembled.
    if (!data?.node || !volume.nodes.get(data.node)?.isLeaf || seen.has(data.node)) continue;
    seen.add(data.node);
    chapters.push({ path, text: source.text, node: data.node, writers: data.writers ?? [], index: data.index ?? [], ...(data.reviewer ? { reviewer: data.reviewer } : {}) });
  }
  const findings = new Map<string, PlacedFinding[]>();
  for (const file of checkedFiles) {
    findings.set(
      file.path,
      file.messages
        // Open CriticMarkup is shown in the text itself (insertions, deletions, margin notes), not as a note.
        .filter((message) => message.fatal !== undefined && message.ruleId !== 'missing-chapter' && message.ruleId !== 'critic-markup-open')
        .map((message) => {
          const start = message.place && 'start' in message.place ? message.place.start : { line: 1, column: 1, offset: 0 };
          return { ruleId: message.ruleId ?? '', severity: message.fatal ? 'error' : 'warning', message: message.reason, line: start.line, column: start.column, offset: start.offset ?? 0 };
        }),
    );
  }
  const assembled = assembleVolume({
    volume,
    chapters,
    findings,
    mode: options.mode,
    ...(options.only ? { only: options.only } : {}),
    ...(options.unit ? { unit: options.unit } : {}),
    ...(cache ? { blocksOf: cache.memo('blocks', chapterBlocks) } : {}),
  });
  await cache?.save();
  return { assembled, texts };
}

/** Adds messages to a report's files, keeping files and messages in report order. */
export function mergeMessages(files: FileReport[], extra: VFileMessage[]): FileReport[] {
  const byPath = new Map(files.map((file) => [file.path, [...file.messages]]));
  for (const message of extra) byPath.set(message.file ?? '', [...(byPath.get(message.file ?? '') ?? []), message]);
  return [...byPath].sort(([a], [b]) => a.localeCompare(b)).map(([path, messages]) => ({ path, messages: messages.sort(compareDiagnostics) }));
}
