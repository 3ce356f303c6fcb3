import { stat } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { fileBlobHash } from '../../revisions/git-store.js';
import { stageLabel } from '../../revisions/ledger.js';
import { identifyChapter, locateChapters, type ChapterArgument } from '../../revisions/locate-chapters.js';
import { recordReview } from '../../revisions/record-review.js';
import { renderReviewLog } from '../../revisions/review-log.js';
import { openReviewVolume } from '../../revisions/review-volume.js';
import { RevisionError } from '../../revisions/revision-error.js';
import { eventPhrase, type Action } from '../../revisions/workflow.js';
import { UsageError } from '../usage-error.js';
import { findVolumes } from './build.js';

export interface ReviewOptions {
  stage?: string;
  by: string;
  note?: string[];
  reason?: string;
  at?: string;
  volume?: string;
  out: string;
  cache: boolean;
  cacheDir: string;
}

/** `fangzhi review submit|pass|return|reopen|sign-off <chapter…>`: records a round in the ledger. */
export async function reviewCommand(action: Action, chapters: string[], options: ReviewOptions): Promise<number> {
  if (action !== 'submit' && action !== 'sign-off' && !options.stage) throw new UsageError(`review ${action} 须用 --stage 指明阶段`);
  if (!options.by.trim()) throw new UsageError('--by 应为经办人姓名');
  const recorded = await asUsage(async () =>
    recordReview({
      action,
      chapters: await locate(chapters, options.volume),
      by: options.by.trim(),
      notes: (options.note ?? []).flatMap((note) => note.split('\n')).map((note) => note.trim()).filter(Boolean),
      outDir: resolve(options.out),
      cache: options.cache,
      cacheDir: resolve(options.cacheDir),
      ...(options.stage ? { stage: options.stage } : {}),
      ...(options.reason ? { reason: options.reason } : {}),
      ...(options.at ? { at: options.at } : {}),
    }),
  );
  for (const item of recorded) {
    const { event, review } = item;
    process.stdout.write(`已登记：${item.title}　${eventPhrase(event.action, event.stage, review.workflow.stages[0]!)}（${event.actor}）→ 现为${stageLabel(item.state, review.workflow)}\n`);
    for (const notice of item.notices) process.stdout.write(`  注意：${notice}\n`);
    for (const path of item.written) process.stdout.write(`  退改单：${relative(process.cwd(), path)}\n`);
  }
  return 0;
}

/** `fangzhi review log <chapter>`: the chapter's history. */
export async function reviewLogCommand(chapter: string, options: Pick<ReviewOptions, 'volume' | 'cache' | 'cacheDir'>): Promise<number> {
  const text = await asUsage(async () => {
    const [located] = await locate([chapter], options.volume);
    const review = await openReviewVolume(located!.volumeDir, { cache: options.cache, cacheDir: resolve(options.cacheDir) });
    const { chapter: node, path } = located!.path ? identifyChapter(review, located!) : { chapter: located!.arg, path: review.files.get(located!.arg) };
    const current = path ? await fileBlobHash(path) : undefined;
    return renderReviewLog(review, node, path, current);
  });
  process.stdout.write(text);
  return 0;
}

/** Chapter arguments with their volumes: --volume, else the volumes under ./content (or the current folder). */
async function locate(chapters: readonly string[], volume: string | undefined): Promise<ChapterArgument[]> {
  const candidates = volume ? await findVolumes(resolve(volume)) : await findVolumes(resolve((await stat('content').catch(() => undefined))?.isDirectory() ? 'content' : '.'));
  return locateChapters(chapters, candidates);
}

async function asUsage<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof RevisionError) throw new UsageError(error.message);
    throw error;
  }
}
