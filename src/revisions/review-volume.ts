import { relative } from 'node:path';
import type { VFileMessage } from 'vfile-message';
import { runCheck, type CheckReport, type VolumeStatus } from '../pipeline.js';
import { loadVolume, type LoadedVolume } from '../load/load-volume.js';
import type { PlacedNode, Volume } from '../model/volume.js';
import { LintCache } from '../cache/lint-cache.js';
import { replay, type ChapterState, type LedgerEvent } from './ledger.js';
import { loadLedger, type LoadedLedger } from './ledger-store.js';
import { RevisionError } from './revision-error.js';
import { resolveWorkflow, type Workflow } from './workflow.js';

/** A volume as the workflow commands see it: structure, workflow, ledger and the checker's report. */
export interface ReviewVolume {
  dir: string;
  loaded: LoadedVolume;
  volume: Volume;
  workflow: Workflow;
  ledger: LoadedLedger;
  check: CheckReport;
  status: VolumeStatus;
  /** The chapter file of each node (the first one, if the checker found two). */
  files: Map<string, string>;
}

export interface OpenOptions {
  cache: boolean;
  cacheDir: string;
}

/** `path:line:column：message` lines, relative to the working folder. */
export function formatMessages(messages: readonly VFileMessage[]): string {
  return messages
    .map((message) => {
      const place = message.place && 'start' in message.place ? message.place.start : message.place;
      return `${relative(process.cwd(), message.file ?? '')}:${place?.line ?? 1}:${place?.column ?? 1}：${message.reason}`;
    })
    .join('\n');
}

/**
 * Loads a volume for the workflow commands and runs the checker over it (cached by content hash, so
 * repeated commands cost little). A volume whose configuration does not load is refused with its errors.
 */
export async function openReviewVolume(dir: string, options: OpenOptions): Promise<ReviewVolume> {
  const cache = options.cache ? await LintCache.open(options.cacheDir) : undefined;
  const loaded = await loadVolume(dir, cache);
  if (!loaded.volume) throw new RevisionError(`无法读取卷配置 ${relative(process.cwd(), dir) || dir}：\n${formatMessages(loaded.messages.filter((message) => message.fatal === true))}`);
  const { workflow, problems } = resolveWorkflow(loaded.volume.config.workflow);
  if (problems.length) throw new RevisionError(`${relative(process.cwd(), loaded.volumeFile.path)} 的审校流程（workflow）有误：${problems.map((problem) => problem.message).join('；')}`);
  const [ledger, check] = await Promise.all([loadLedger(dir, cache), runCheck([dir], { cache: options.cache, cacheDir: options.cacheDir, final: false, jobs: 1 })]);
  const status = check.volumes.find((item) => item.dir === dir)!;
  const files = new Map<string, string>();
  for (const chapter of status.filed) if (chapter.nodeId && !files.has(chapter.nodeId)) files.set(chapter.nodeId, chapter.path);
  return { dir, loaded, volume: loaded.volume, workflow, ledger, check, status, files };
}

/** The events of a chapter, none when it has no ledger file yet. */
export function eventsOf(review: ReviewVolume, chapter: string): LedgerEvent[] {
  return review.ledger.files.get(chapter)?.events ?? [];
}

/**
 * The state of every assigned chapter, replaying events up to `asOf` (all when unset). A ledger file
 * the workflow refuses counts up to its last valid event; `fangzhi check` reports the rest.
 */
export function chapterStates(review: ReviewVolume, asOf?: number): Map<string, ChapterState> {
  const states = new Map<string, ChapterState>();
  for (const leaf of review.volume.leaves) {
    const events = eventsOf(review, leaf.node.id).filter((event) => asOf === undefined || Date.parse(event.time) <= asOf);
    states.set(leaf.node.id, replay(leaf.node.id, events, review.workflow).state);
  }
  return states;
}

/** Display name of a chapter: its framework titles below the volume, e.g. 社会 › 教育. */
export function chapterTitle(placed: PlacedNode): string {
  return placed.titles.join(' › ');
}
