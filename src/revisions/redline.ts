import { realpath } from 'node:fs/promises';
import { join } from 'node:path';
import { assembleVolume, type ChapterSource } from '../assemble/assemble-volume.js';
import { loadVolume } from '../load/load-volume.js';
import type { RedlineInfo, RedlineVersion, Revision } from '../model/assembled.js';
import type { ChapterFrontMatter } from '../model/generated/chapter.js';
import { parseFrontMatter } from '../parse/parse-chapter.js';
import { loadFormat, type FormatId } from '../render/formats.js';
import type { Artifact } from '../render/output-format.js';
import { writeArtifacts } from '../write/write-artifacts.js';
import { chapterFiles } from './find-chapter.js';
import { repoRoot } from './git-store.js';
import { loadLedger } from './ledger-store.js';
import { redlineMarkup, type RedlineStats } from './redline-diff.js';
import { readChapterVersion, resolveSource, type SourceContext } from './redline-sources.js';
import { redlineVolume } from './redline-volume.js';
import { RevisionError } from './revision-error.js';
import { chapterTitle } from './review-volume.js';
import { resolveWorkflow } from './workflow.js';

export interface RedlineRequest {
  volumeDir: string;
  /** Node ids, every chapter of a unit, or the whole volume. */
  select: { nodes: string[] } | { unit: string } | { all: true };
  from: string;
  to: string;
  formats: FormatId[];
  outDir: string;
  cacheDir?: string;
  progress(message: string): void;
}

export interface RedlineResult {
  written: string[];
  chapters: Array<{ node: string; title: string; stats: RedlineStats }>;
  /** Chapters left out because nothing changed between the versions (unit and volume redlines). */
  unchanged: number;
}

/**
 * `fangzhi redline`: each chosen chapter at the two versions, marked up as CriticMarkup (redlineMarkup),
 * assembled like a review draft and rendered by the registered output formats, so the Word file carries
 * real tracked changes and the PDF comes from the print renderer.
 */
export async function runRedline(request: RedlineRequest): Promise<RedlineResult> {
  const loaded = await loadVolume(request.volumeDir);
  const volume = loaded.volume;
  if (!volume) throw new RevisionError(`无法读取卷 ${request.volumeDir}：${loaded.messages.map((message) => message.reason).join('；')}`);
  const { workflow } = resolveWorkflow(volume.config.workflow);
  const ledger = await loadLedger(request.volumeDir);
  const root = await repoRoot(request.volumeDir);
  const context: SourceContext = { workflow, events: (chapter) => ledger.files.get(chapter)?.events ?? [], ...(root ? { root } : {}) };
  const [from, to] = [await resolveSource(request.from, context), await resolveSource(request.to, context)];

  const leaves = selectLeaves(request, volume);
  const explicit = 'nodes' in request.select;
  const chapters: ChapterSource[] = [];
  const result: RedlineResult = { written: [], chapters: [], unchanged: 0 };
  const revisions = new Map<string, Revision>();
  let versions: { from: RedlineVersion; to: RedlineVersion } | undefined;
  const files = await chapterFiles(request.volumeDir);
  for (const leaf of leaves) {
    const title = chapterTitle(leaf);
    const file = files.get(leaf.node.id) ?? join(request.volumeDir, 'chapters', leaf.categoryId, `${leaf.node.id}.md`);
    const path = await realpath(file).catch(() => file);
    const chapter = { node: leaf.node.id, path, title };
    const [before, after] = [await readChapterVersion(from, chapter, context), await readChapterVersion(to, chapter, context)];
    if (before.text === undefined && after.text === undefined) {
      if (explicit) throw new RevisionError(`「${title}」在 ${from.label} 和 ${to.label} 中都没有稿件`);
      continue;
    }
    const { text, stats } = redlineMarkup(before.text, after.text);
    if (!stats.changed && !explicit) {
      result.unchanged++;
      continue;
    }
    versions ??= { from: before.info, to: after.info };
    const data = (parseFrontMatter(after.text ?? before.text ?? '')?.yaml.data ?? {}) as Partial<ChapterFrontMatter>;
    chapters.push({ path, text, node: leaf.node.id, writers: data.writers ?? [], index: [], ...(data.reviewer ? { reviewer: data.reviewer } : {}) });
    revisions.set(path, { ...(after.info.author ? { author: after.info.author } : {}), ...(after.info.date ? { date: wordDate(after.info.date) } : {}) });
    result.chapters.push({ node: leaf.node.id, title, stats });
  }
  if (!chapters.length) return result;

  // One chapter shows its own commits; several show what was asked for.
  const info: RedlineInfo = chapters.length === 1 && versions ? versions : { from: { label: from.label }, to: { label: to.label } };
  const assembled = assembleVolume({
    volume,
    chapters,
    findings: new Map(),
    mode: 'draft',
    ...(explicit && chapters.length === 1 ? { only: chapters[0]!.node } : 'unit' in request.select ? { unit: request.select.unit } : {}),
  });
  const fragment = redlineVolume(assembled, new Set(chapters.map((chapter) => chapter.node)), info, revisions);
  const scope = fragment.scope.kind === 'node' ? fragment.scope.id : fragment.scope.kind === 'unit' ? `unit-${fragment.scope.id}` : explicit ? 'chapters' : 'all';
  const baseName = `${fragment.id}-${scope}-redline-${fileSafe(from.label)}-${fileSafe(to.label)}`;
  const artifacts: Artifact[] = [];
  for (const id of request.formats) {
    const format = await loadFormat(id);
    request.progress(`生成红样：${format.label}`);
    const produced = await format.render(fragment, { baseName, print: { trim: volume.config.print?.trim ?? '16k' }, progress: request.progress, ...(request.cacheDir ? { cacheDir: request.cacheDir } : {}) });
    artifacts.push(...produced.map((artifact) => ({ ...artifact, path: join(fragment.id, artifact.path) })));
  }
  result.written = await writeArtifacts(request.outDir, artifacts);
  return result;
}

function selectLeaves(request: RedlineRequest, volume: NonNullable<Awaited<ReturnType<typeof loadVolume>>['volume']>) {
  const select = request.select;
  if ('all' in select) return volume.leaves;
  if ('unit' in select) {
    if (!volume.units.has(select.unit)) throw new RevisionError(`供稿单位名录中没有「${select.unit}」`);
    const leaves = volume.leaves.filter((leaf) => leaf.node.unit === select.unit);
    if (!leaves.length) throw new RevisionError(`「${volume.units.get(select.unit)!.name}」在本卷没有承编的稿件`);
    return leaves;
  }
  return select.nodes.map((node) => {
    const placed = volume.nodes.get(node);
    if (!placed?.isLeaf) throw new RevisionError(`篇目框架中没有承编节点「${node}」`);
    return placed;
  });
}

/** Word wants revision dates in UTC (xsd:dateTime, as Word writes them). */
function wordDate(date: string): string {
  const time = Date.parse(date);
  return Number.isNaN(time) ? date : new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function fileSafe(label: string): string {
  return label.replace(/[^\p{L}\p{N}._-]+/gu, '_');
}
