import { basename } from 'node:path';
import type { VFileMessage } from 'vfile-message';
import { createDiagnostic } from '../diagnostics/diagnostic.js';
import type { LineIndex } from '../diagnostics/line-index.js';
import type { LoadedVolume } from '../load/load-volume.js';
import type { ConfigCache } from '../load/load-yaml-file.js';
import { rangeOfPath } from '../parse/parse-yaml.js';
import { blobHash, hashFiles, repoRoot } from './git-store.js';
import { formatDate, replay, type ChapterState } from './ledger.js';
import { loadLedger, rangeOfEvent, type LoadedLedger } from './ledger-store.js';
import { resolveWorkflow, type Workflow } from './workflow.js';

export interface LedgerCheckChapter {
  path: string;
  nodeId: string | undefined;
  bytes: Uint8Array;
  readonly lines: LineIndex;
}

/**
 * The ledger's part of `fangzhi check` (a validate-stage check): the workflow configuration, every
 * ledger file (YAML, schema, order of events), and the locks: a chapter that passed the lock stage must
 * still have the content recorded in the ledger. With `wholeVolume` unset only the given chapters'
 * ledger files are reported.
 */
export async function checkLedger(
  loaded: LoadedVolume,
  chapters: readonly LedgerCheckChapter[],
  options: { cache?: ConfigCache; wholeVolume: boolean },
): Promise<{ messages: VFileMessage[]; lockedPaths: string[] }> {
  const volume = loaded.volume;
  if (!volume) return { messages: [], lockedPaths: [] };
  const messages: VFileMessage[] = [];
  const { workflow, problems } = resolveWorkflow(volume.config.workflow);
  for (const problem of problems) {
    const [start, end] = rangeOfPath(loaded.volumeFile.document!, ['workflow', problem.field]);
    messages.push(createDiagnostic({ file: loaded.volumeFile.path, ruleId: 'workflow-config', source: 'validate', severity: 'error', message: problem.message, start, end }, loaded.volumeFile.lines));
  }
  const ledger = await loadLedger(loaded.dir, options.cache);
  const targeted = new Set(chapters.map((chapter) => chapter.nodeId));
  const reported = (chapter: string) => options.wholeVolume || targeted.has(chapter);
  messages.push(...ledger.messages.filter((message) => reported(basename(message.file ?? '', '.yaml'))));
  const states = replayAll(ledger, workflow, (chapter, message) => reported(chapter) && messages.push(message));
  for (const chapter of ledger.files.keys()) {
    if (!reported(chapter) || volume.nodes.get(chapter)?.isLeaf) continue;
    const entry = ledger.files.get(chapter)!;
    const [start, end] = rangeOfEvent(entry.loaded, 0, 'chapter');
    messages.push(createDiagnostic({ file: entry.path, ruleId: 'ledger-unknown-chapter', source: 'validate', severity: 'warning', message: `篇目框架中没有承编节点「${chapter}」，这份台账不属于本卷的任何稿件`, start, end }, entry.loaded.lines));
  }
  messages.push(...(await lockMessages(loaded.dir, chapters, states, workflow)));
  // Locked chapters are named so that --fix leaves them alone: a fix would break the lock.
  const lockedPaths = chapters.filter((chapter) => chapter.nodeId !== undefined && states.get(chapter.nodeId)?.lock).map((chapter) => chapter.path);
  return { messages, lockedPaths };
}

/** Replays each valid ledger file; a refused event becomes a diagnostic at that event. */
function replayAll(ledger: LoadedLedger, workflow: Workflow, report: (chapter: string, message: VFileMessage) => void): Map<string, ChapterState> {
  const states = new Map<string, ChapterState>();
  for (const entry of ledger.files.values()) {
    const { state, problem } = replay(entry.chapter, entry.events, workflow);
    states.set(entry.chapter, state);
    if (!problem) continue;
    const [start, end] = rangeOfEvent(entry.loaded, problem.index);
    report(entry.chapter, createDiagnostic({ file: entry.path, ruleId: 'ledger-order', source: 'validate', severity: 'error', message: `第${problem.index + 1}条记录不符合审校流程：${problem.message}（此后的记录未计入）`, start, end }, entry.loaded.lines));
  }
  return states;
}

async function lockMessages(volumeDir: string, chapters: readonly LedgerCheckChapter[], states: Map<string, ChapterState>, workflow: Workflow): Promise<VFileMessage[]> {
  const locked = chapters.flatMap((chapter) => {
    const lock = chapter.nodeId === undefined ? undefined : states.get(chapter.nodeId)?.lock;
    return lock ? [{ chapter, lock }] : [];
  });
  const changed = locked.filter(({ chapter, lock }) => blobHash(chapter.bytes, lock.hash.length === 64 ? 'sha256' : 'sha1') !== lock.hash);
  const confirmed = await confirmWithGit(volumeDir, changed);
  return confirmed.map(({ chapter, lock, current }) => {
    const firstLineEnd = chapter.lines.lineCount > 1 ? chapter.lines.lineStart(2) - 1 : 0;
    const message =
      `本稿已于${formatDate(lock.time)}通过${lock.stage}并锁定${lock.stage === workflow.lockStage ? '' : `（${workflow.lockStage}后锁定）`}，此后内容又有改动` +
      `（台账记录 ${lock.hash.slice(0, 7)}，现为 ${current.slice(0, 7)}）。如确需修改，须由编辑部先执行 fangzhi review reopen ${chapter.nodeId} --stage ${workflow.lockStage} --reason …`;
    return createDiagnostic({ file: chapter.path, ruleId: 'locked-chapter-modified', source: 'validate', severity: 'error', message, start: 0, end: firstLineEnd }, chapter.lines);
  });
}

/**
 * Raw bytes differ from the recorded hash: ask git, whose filters (autocrlf, .gitattributes) decided
 * the recorded hash. Outside a repository, or if git fails, the in-process hash stands.
 */
async function confirmWithGit<T extends { chapter: LedgerCheckChapter; lock: { hash: string } }>(volumeDir: string, changed: T[]): Promise<Array<T & { current: string }>> {
  if (!changed.length) return [];
  const fallback = () => changed.map((item) => ({ ...item, current: blobHash(item.chapter.bytes) }));
  const root = await repoRoot(volumeDir);
  if (!root) return fallback();
  try {
    const hashes = await hashFiles(root, changed.map(({ chapter }) => chapter.path), { write: false });
    return changed
      .map((item, index) => ({ ...item, current: hashes[index]! }))
      .filter((item) => item.current !== item.lock.hash);
  } catch {
    return fallback();
  }
}
