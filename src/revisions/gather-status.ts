import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { decodeSource } from '../load/read-source.js';
import { parseFrontMatter } from '../parse/parse-chapter.js';
import { parseCriticMarkup } from './critic-markup.js';
import { chapterStates, openReviewVolume, type OpenOptions } from './review-volume.js';
import { buildStatus, type ChapterFacts, type VolumeStatusReport } from './status-model.js';

/** Today's date where the command runs, as YYYY-MM-DD. */
export function today(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

/**
 * Collects what `fangzhi status` shows for a volume: the ledger replayed up to the end of `asOf`
 * (local time), and per chapter its 字数 and checker errors (from the cached check) and its open comments.
 */
export async function gatherStatus(dir: string, options: OpenOptions & { asOf?: string }): Promise<VolumeStatusReport> {
  const asOf = options.asOf ?? today();
  const review = await openReviewVolume(dir, options);
  const facts = new Map<string, ChapterFacts>();
  for (const [node, path] of review.files) {
    const text = decodeSource(path, await readFile(path)).text;
    const comments = parseCriticMarkup(text, parseFrontMatter(text)?.end ?? 0).marks.filter((mark) => mark.comment).length;
    const errors = review.check.files.find((file) => file.path === path)?.messages.filter((message) => message.fatal === true).length ?? 0;
    const chars = review.status.filed.find((chapter) => chapter.path === path)?.chars ?? 0;
    facts.set(node, { file: relative(process.cwd(), path), chars, comments, errors });
  }
  const cutoff = new Date(`${asOf}T23:59:59.999`).getTime();
  const events = [...review.ledger.files.values()].flatMap((file) => file.events).filter((event) => Date.parse(event.time) <= cutoff);
  return buildStatus(review.volume, review.workflow, chapterStates(review, cutoff), facts, events, asOf);
}
