import { checkChapterSafely, type ChapterResult, type ChapterTask } from './check-chapter.js';

/** Worker-thread entry: checks a batch of chapters. */
export default function run(tasks: ChapterTask[]): ChapterResult[] {
  return tasks.map(checkChapterSafely);
}
