import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { decodeSource } from '../load/read-source.js';
import { parseFrontMatter } from '../parse/parse-chapter.js';
import type { Artifact } from '../render/output-format.js';
import { writeArtifacts } from '../write/write-artifacts.js';
import { hashFiles, repoRoot } from './git-store.js';
import { applyEvent, dateAfter, formatDate, replay, timestamp, TIME_PATTERN, type ChapterState, type LedgerEvent } from './ledger.js';
import { appendLedgerEvents, ledgerPath } from './ledger-store.js';
import { identifyChapter, type ChapterArgument } from './locate-chapters.js';
import { returnSheetDocx } from './return-sheet-docx.js';
import { openComments, sheetFindings, writeReturnSheet, type ReturnSheet } from './return-sheet.js';
import { RevisionError } from './revision-error.js';
import { chapterTitle, formatMessages, openReviewVolume, type OpenOptions, type ReviewVolume } from './review-volume.js';
import { eventPhrase, type Action } from './workflow.js';

export interface ReviewRequest extends OpenOptions {
  action: Action;
  chapters: readonly ChapterArgument[];
  /** Defaults to the chapter's current stage for submit and to the last stage for sign-off. */
  stage?: string;
  by: string;
  notes: readonly string[];
  reason?: string;
  /** Time of the event (recording a paper round afterwards); now when unset. */
  at?: string;
  /** Output folder for 退改单. */
  outDir: string;
}

export interface RecordedReview {
  chapter: string;
  title: string;
  event: LedgerEvent;
  state: ChapterState;
  review: ReviewVolume;
  /** 退改单 files written for a return. */
  written: string[];
  /** Things the editor should know, e.g. checker errors left in a chapter that passed. */
  notices: string[];
}

/**
 * Records one workflow action for one or more chapters. Every chapter is checked against the workflow
 * first; if any is refused, nothing is written and all refusals are reported together. Then each event
 * is appended to its chapter's ledger, with the chapter's blob stored in git, and a return writes its
 * 退改单 (Markdown and Word) into out/<volume>/退改单/.
 */
export async function recordReview(request: ReviewRequest): Promise<RecordedReview[]> {
  const time = request.at ?? timestamp();
  if (!TIME_PATTERN.test(time) || Number.isNaN(Date.parse(time))) throw new RevisionError(`--at 应为带时区的时间，如 2016-04-12T15:30:00+08:00，而不是「${time}」`);
  if (request.action === 'reopen' && !request.reason?.trim()) throw new RevisionError('重新打开须用 --reason 写明理由');
  const volumes = new Map<string, ReviewVolume>();
  const targets: Array<{ review: ReviewVolume; chapter: string; path: string; hash?: string }> = [];
  for (const located of request.chapters) {
    if (!volumes.has(located.volumeDir)) volumes.set(located.volumeDir, await openReviewVolume(located.volumeDir, request));
    const review = volumes.get(located.volumeDir)!;
    const target = identifyChapter(review, located);
    if (targets.some((other) => other.review === review && other.chapter === target.chapter)) throw new RevisionError(`稿件「${target.chapter}」重复列出`);
    const broken = review.ledger.messages.filter((message) => message.file === ledgerPath(review.dir, target.chapter));
    if (broken.length) throw new RevisionError(`${titleOf(review, target.chapter)}的台账文件有误，本次未写入任何记录，请先改正：\n${formatMessages(broken)}`);
    if (request.stage !== undefined && !review.workflow.stages.includes(request.stage)) throw new RevisionError(`阶段「${request.stage}」不在本卷的审校流程中，可选：${review.workflow.stages.join('、')}`);
    targets.push({ review, ...target });
  }
  // Hashing first stores every chapter's text in git; a refused request leaves only unreferenced blobs.
  for (const target of targets) target.hash = await storeContent(target.review.dir, target.path);

  const planned: Array<Omit<RecordedReview, 'written' | 'notices'> & { path: string }> = [];
  const refusals: string[] = [];
  for (const { review, chapter, path, hash } of targets) {
    const { workflow } = review;
    const title = titleOf(review, chapter);
    const stage = request.stage ?? (request.action === 'sign-off' ? workflow.stages.at(-1)! : undefined);
    const { state, problem } = replay(chapter, review.ledger.files.get(chapter)?.events ?? [], workflow);
    if (problem) {
      refusals.push(`${title}：台账第${problem.index + 1}条记录不符合审校流程（${problem.message}），请先改正台账`);
      continue;
    }
    const event: LedgerEvent = {
      chapter,
      stage: stage ?? workflow.stages[Math.min(state.stageIndex, workflow.stages.length - 1)]!,
      action: request.action,
      actor: request.by,
      time,
      hash: hash!,
      ...(request.notes.length ? { note: request.notes.join('\n') } : {}),
      ...(request.reason ? { reason: request.reason.trim() } : {}),
    };
    const result = applyEvent(state, event, workflow);
    if ('error' in result) refusals.push(`${title}：${result.error}`);
    else planned.push({ chapter, title, event, state: result.state, review, path });
  }
  if (refusals.length) throw new RevisionError(`未登记任何记录：\n${refusals.join('\n')}`);

  const recorded: RecordedReview[] = [];
  for (const item of planned) {
    await appendLedgerEvents(item.review.dir, item.chapter, [item.event]);
    const written = item.event.action === 'return' ? await writeReturnSheets(item, request.outDir) : [];
    recorded.push({ ...item, written, notices: notices(item) });
  }
  return recorded;
}

function titleOf(review: ReviewVolume, chapter: string): string {
  return `${chapterTitle(review.volume.nodes.get(chapter)!)}（${chapter}）`;
}

/** Stores a chapter's content in git and returns its blob hash. */
async function storeContent(volumeDir: string, path: string): Promise<string> {
  const root = await repoRoot(volumeDir);
  if (!root) throw new RevisionError(`${relative(process.cwd(), volumeDir) || '.'} 不在 git 仓库中：审校台账记录每一轮稿件内容的 git 哈希，请先 git init 或在仓库中操作`);
  const [hash] = await hashFiles(root, [path], { write: true });
  return hash!;
}

function notices(item: { review: ReviewVolume; path: string; event: LedgerEvent; state: ChapterState }): string[] {
  const out: string[] = [];
  const errors = item.review.check.files.find((file) => file.path === item.path)?.messages.filter((message) => message.fatal === true).length ?? 0;
  if (errors && (item.event.action === 'pass' || item.event.action === 'sign-off')) out.push(`稿件仍有${errors}个检查错误（fangzhi check 可查看）`);
  const previous = item.review.ledger.files.get(item.event.chapter)?.events.at(-1);
  if (item.state.lock?.time === item.event.time && previous && previous.hash !== item.event.hash) out.push(`内容自${formatDate(previous.time)}${eventPhrase(previous.action, previous.stage, item.review.workflow.stages[0]!)}以来有改动，已随本次记录锁定新内容`);
  return out;
}

async function writeReturnSheets(item: { review: ReviewVolume; chapter: string; path: string; event: LedgerEvent }, outDir: string): Promise<string[]> {
  const { review, event } = item;
  const placed = review.volume.nodes.get(item.chapter)!;
  const unit = review.volume.units.get(placed.node.unit ?? '');
  const text = decodeSource(item.path, await readFile(item.path)).text;
  const sheet: ReturnSheet = {
    volumeTitle: review.volume.config.title,
    chapterTitle: chapterTitle(placed),
    chapter: item.chapter,
    file: relative(process.cwd(), item.path),
    unit: unit?.name ?? placed.node.unit ?? '',
    ...(unit ? { contact: unit.contact.name } : {}),
    event,
    due: dateAfter(event.time, review.workflow.returnDays),
    notes: (event.note ?? '').split('\n').map((line) => line.trim()).filter(Boolean),
    ...openComments(text, parseFrontMatter(text)?.end ?? 0),
    findings: sheetFindings(review.check.files.find((file) => file.path === item.path)?.messages ?? []),
  };
  const base = `${review.volume.config.id}/退改单/${item.chapter}-${event.stage}-${event.time.slice(0, 10).replace(/-/g, '')}`;
  const artifacts: Artifact[] = [
    { path: `${base}.md`, data: writeReturnSheet(sheet, 'md') },
    { path: `${base}.docx`, data: await returnSheetDocx(sheet) },
  ];
  return writeArtifacts(outDir, artifacts);
}
