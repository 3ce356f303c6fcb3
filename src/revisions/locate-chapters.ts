import { stat } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import { findUp, loadVolume } from '../load/load-volume.js';
import { RevisionError } from './revision-error.js';
import type { ReviewVolume } from './review-volume.js';

/** A chapter named on the command line: by node id or by the path of its file. */
export interface ChapterArgument {
  arg: string;
  volumeDir: string;
  /** Set when the argument was a file. */
  path?: string;
}

/**
 * Finds the volume of each chapter argument. A file belongs to the volume above its chapters/ folder;
 * a node id is looked up in the frameworks of `candidates` (the --volume, or the volumes under content/)
 * and must name an assigned node in exactly one of them.
 */
export async function locateChapters(args: readonly string[], candidates: readonly string[]): Promise<ChapterArgument[]> {
  const frameworks = new Map<string, Set<string>>();
  const leavesOf = async (dir: string) => {
    if (!frameworks.has(dir)) frameworks.set(dir, new Set((await loadVolume(dir)).volume?.leaves.map((leaf) => leaf.node.id) ?? []));
    return frameworks.get(dir)!;
  };
  const located: ChapterArgument[] = [];
  for (const arg of args) {
    const path = resolve(arg);
    if ((await stat(path).catch(() => undefined))?.isFile()) {
      const volumeYaml = await findUp(dirname(path), 'volume.yaml', 4);
      if (!volumeYaml || !relative(dirname(volumeYaml), path).startsWith(`chapters${sep}`)) throw new RevisionError(`${arg} 不是任何卷的稿件（稿件应在 <卷>/chapters/ 下）`);
      located.push({ arg, volumeDir: dirname(volumeYaml), path });
      continue;
    }
    const holders = [];
    for (const dir of candidates) if ((await leavesOf(dir)).has(arg)) holders.push(dir);
    if (holders.length === 1) located.push({ arg, volumeDir: holders[0]! });
    else if (holders.length > 1) throw new RevisionError(`${holders.map((dir) => relative(process.cwd(), dir)).join('、')} 中都有节点「${arg}」，请用 --volume 指定卷`);
    else throw new RevisionError(`找不到稿件「${arg}」：它既不是稿件文件，也不是${candidates.map((dir) => relative(process.cwd(), dir) || '.').join('、') || '当前目录'}篇目框架中的承编节点`);
  }
  return located;
}

/** The node id and file of a located chapter, from the checked volume. */
export function identifyChapter(review: ReviewVolume, located: ChapterArgument): { chapter: string; path: string } {
  if (located.path) {
    const filed = review.status.filed.find((item) => item.path === located.path);
    const chapter = filed?.nodeId;
    if (!chapter || !review.volume.nodes.get(chapter)?.isLeaf) throw new RevisionError(`${located.arg} 的文件头没有写明本卷篇目框架中的承编节点（node），无法登记`);
    return { chapter, path: located.path };
  }
  const path = review.files.get(located.arg);
  if (!path) throw new RevisionError(`「${located.arg}」（${review.volume.nodes.get(located.arg)?.node.title ?? ''}）还没有稿件文件，无法登记`);
  return { chapter: located.arg, path };
}
