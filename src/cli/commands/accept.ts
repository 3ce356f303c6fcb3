import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { LineIndex } from '../../diagnostics/line-index.js';
import { decodeSource, encodeSource } from '../../load/read-source.js';
import { parseFrontMatter } from '../../parse/parse-chapter.js';
import { applyCriticMarkup, describeMark, isSuggestion, parseCriticMarkup, type CriticMark } from '../../revisions/critic-markup.js';
import { findChapter, type FoundChapter } from '../../revisions/find-chapter.js';
import { RevisionError } from '../../revisions/revision-error.js';
import { writeFileAtomic } from '../../write/write-file-atomic.js';
import { UsageError } from '../usage-error.js';
import { findVolumes } from './build.js';

export interface DecideOptions {
  all?: boolean;
  /** Mark numbers as shown by the listing; `--id 2 --id 5` or `--id 2,5`. */
  id?: string[];
  volume?: string;
}

/** `fangzhi accept <chapter> [--all | --id N]`: the suggestions' new text stays; see decideCommand. */
export function acceptCommand(name: string, options: DecideOptions): Promise<number> {
  return decideCommand('accept', name, options);
}

/**
 * `fangzhi accept|reject <chapter> [--all | --id N]`: without a choice, lists the chapter's suggestions
 * and comments with their numbers and positions; with one, applies it and writes the file atomically.
 * Only the chosen marks change: every other byte of the file stays as it was.
 */
export async function decideCommand(decision: 'accept' | 'reject', name: string, options: DecideOptions): Promise<number> {
  if (options.all && options.id?.length) throw new UsageError('--all 与 --id 只能选一个');
  const found = await locateChapter(name, options.volume);
  const shown = relative(process.cwd(), found.path);
  const source = decodeSource(found.path, await readFile(found.path));
  if (source.unreadable) throw new UsageError(`${shown} 不是文本文件`);
  const lines = new LineIndex(source.text);
  const { marks, problems } = parseCriticMarkup(source.text, parseFrontMatter(source.text)?.end ?? 0);
  const at = (offset: number) => {
    const point = lines.pointAt(offset);
    return `${point.line}:${point.column}`;
  };
  if (problems.length) {
    const problem = problems[0]!;
    throw new UsageError(`${shown}:${at(problem.start)}：${problem.message}；请先修正修改标记，再接受或拒绝`);
  }

  const chosen = selectMarks(marks, options, shown);
  if (!chosen) {
    process.stdout.write(listing(marks, shown, at));
    return 0;
  }
  if (source.encoding !== 'utf-8') throw new UsageError(`${shown} 为 GBK/GB18030 编码，请先用 fangzhi check --fix 转为 UTF-8 再处理修改建议`);
  const ids = new Set(chosen.map((mark) => mark.id));
  const text = applyCriticMarkup(source.text, marks, (mark) => (ids.has(mark.id) ? decision : 'keep'));
  await writeFileAtomic(found.path, encodeSource(text, source));
  const verb = decision === 'accept' ? '接受' : '拒绝';
  const suggestions = chosen.filter(isSuggestion).length;
  const notes = chosen.length - suggestions;
  process.stdout.write(`${shown}：已${verb}修改建议 ${suggestions} 条${notes ? `，处理批注 ${notes} 条` : ''}\n`);
  for (const mark of chosen) process.stdout.write(`  #${mark.id}  ${at(mark.start)}  ${describeMark(mark)}\n`);
  const left = marks.length - chosen.length;
  if (left) process.stdout.write(`尚有 ${left} 处修改标记未处理（编号已重排，请重新列出后再按编号处理）\n`);
  return 0;
}

/** The marks the options choose, or undefined when no choice was made (list only). */
function selectMarks(marks: CriticMark[], options: DecideOptions, shown: string): CriticMark[] | undefined {
  if (options.all) return marks;
  if (!options.id?.length) return undefined;
  const ids = options.id.flatMap((value) => value.split(/[,，\s]+/)).filter(Boolean);
  return ids.map((value) => {
    const id = Number(value);
    const mark = Number.isInteger(id) ? marks.find((candidate) => candidate.id === id) : undefined;
    if (!mark) throw new UsageError(`${shown} 中没有编号为「${value}」的修改标记（共 ${marks.length} 处，编号 1—${marks.length}）`);
    return mark;
  });
}

function listing(marks: CriticMark[], shown: string, at: (offset: number) => string): string {
  if (!marks.length) return `${shown}：没有修改建议或批注\n`;
  const suggestions = marks.filter(isSuggestion).length;
  const lines = marks.map((mark) => `  #${String(mark.id).padEnd(3)} ${at(mark.start).padEnd(8)} ${describeMark(mark, 40)}`);
  return [
    `${shown}：修改建议 ${suggestions} 条，批注或标注 ${marks.length - suggestions} 条`,
    ...lines,
    '用 --id N（可写多个：--id 1,3）处理一条，--all 处理全部；accept 接受，reject 拒绝。批注和标注无论接受或拒绝都会移除标记、保留原文。',
    '',
  ].join('\n');
}

/** A chapter argument of the revision commands (file or node id), or a usage error saying why not. */
export async function locateChapter(name: string, volume: string | undefined): Promise<FoundChapter> {
  try {
    return await findChapter(name, () => findVolumes(resolve(volume ?? 'content')));
  } catch (error) {
    if (error instanceof RevisionError) throw new UsageError(error.message);
    throw error;
  }
}
