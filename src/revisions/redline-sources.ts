import { readFile, stat } from 'node:fs/promises';
import type { RedlineVersion } from '../model/assembled.js';
import type { Workflow } from './workflow.js';
import { lastCommit, readBlob, resolveCommit, showFile } from './git-store.js';
import { stageVersion, type LedgerEvent } from './ledger.js';
import { RevisionError } from './revision-error.js';

/** The side of a redline: a stage of the ledger, a git version, or the files as they are now. */
export type VersionSource = { kind: 'worktree'; label: string } | { kind: 'stage'; label: string; stage: string } | { kind: 'git'; label: string; commit: string };

export interface SourceContext {
  /** Top of the git work tree, if the volume is in one. */
  root?: string;
  workflow: Workflow;
  /** Ledger events of a chapter (node id). */
  events(chapter: string): readonly LedgerEvent[];
}

const WORKTREE = new Set(['worktree', '工作区']);

/**
 * What `--from`/`--to` name: `worktree`, a stage of the volume's workflow (its version is the blob the
 * ledger recorded when the stage was passed), or anything git resolves to a commit (branch, tag, hash,
 * HEAD~2).
 */
export async function resolveSource(spec: string, context: SourceContext): Promise<VersionSource> {
  if (WORKTREE.has(spec)) return { kind: 'worktree', label: '工作区' };
  if (context.workflow.stages.includes(spec)) {
    if (!context.root) throw new RevisionError(`台账记录的「${spec}」版本保存在 git 中，但本卷不在 git 仓库里`);
    return { kind: 'stage', label: spec, stage: spec };
  }
  const stages = `审校阶段（${context.workflow.stages.join('、')}）`;
  if (!context.root) throw new RevisionError(`「${spec}」不是${stages}；本卷不在 git 仓库中，只能比较审校阶段或 worktree`);
  try {
    return { kind: 'git', label: spec, commit: await resolveCommit(context.root, spec) };
  } catch {
    throw new RevisionError(`「${spec}」既不是${stages}，也不是 git 中的分支、标签或提交`);
  }
}

/** A chapter's text at a version (undefined: the file did not exist there) and who made it when. */
export async function readChapterVersion(source: VersionSource, chapter: { node: string; path: string; title: string }, context: SourceContext): Promise<{ text?: string; info: RedlineVersion }> {
  if (source.kind === 'worktree') {
    const info = await stat(chapter.path).catch(() => undefined);
    if (!info) return { info: { label: source.label } };
    return { text: await readFile(chapter.path, 'utf8'), info: { label: source.label, date: info.mtime.toISOString() } };
  }
  const root = context.root!;
  if (source.kind === 'stage') {
    const event = stageVersion(context.events(chapter.node), context.workflow, source.stage);
    if (!event) throw new RevisionError(`「${chapter.title}」的台账中没有「${source.stage}」阶段的版本（尚未${source.stage === context.workflow.stages[0] ? '报送' : '通过该阶段'}）`);
    return { text: (await readBlob(root, event.hash)).toString('utf8'), info: { label: source.label, author: event.actor, date: event.time } };
  }
  const bytes = await showFile(root, source.commit, chapter.path);
  const commit = await lastCommit(root, source.commit, chapter.path);
  const info: RedlineVersion = { label: source.label, ...(commit ? { commit: commit.commit, author: commit.author, date: commit.date } : { commit: source.commit.slice(0, 7) }) };
  return { ...(bytes ? { text: bytes.toString('utf8') } : {}), info };
}
