import { readFile, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { findUp, loadVolume } from '../load/load-volume.js';
import { parseFrontMatter } from '../parse/parse-chapter.js';
import { locateChapters } from './locate-chapters.js';
import { RevisionError } from './revision-error.js';

export interface FoundChapter {
  /** Absolute path of the chapter file. */
  path: string;
  /** The volume folder (with volume.yaml) the chapter belongs to, if any. */
  volumeDir?: string;
}

/**
 * One chapter file named on the command line: a file path (any Markdown file, in a volume or not),
 * or a node id looked up in the volumes `candidates` lists (asked only when needed).
 */
export async function findChapter(name: string, candidates: () => Promise<string[]>): Promise<FoundChapter> {
  const asPath = resolve(name);
  if ((await stat(asPath).catch(() => undefined))?.isFile()) {
    const volumeFile = await findUp(dirname(asPath), 'volume.yaml', 4);
    return { path: asPath, ...(volumeFile ? { volumeDir: dirname(volumeFile) } : {}) };
  }
  const [located] = await locateChapters([name], await candidates());
  const path = await chapterFileOf(located!.volumeDir, name);
  if (!path) throw new RevisionError(`节点「${name}」还没有稿件文件`);
  return { path, volumeDir: located!.volumeDir };
}

/** The chapter file of a node: the one whose front matter names it (the first, if two do). */
export async function chapterFileOf(volumeDir: string, node: string): Promise<string | undefined> {
  return (await chapterFiles(volumeDir)).get(node);
}

/** The chapter file of every node that has one, by the `node:` of the front matter. */
export async function chapterFiles(volumeDir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const path of (await loadVolume(volumeDir)).chapterPaths) {
    const node = (parseFrontMatter(await readFile(path, 'utf8'))?.yaml.data as { node?: unknown } | undefined)?.node;
    if (typeof node === 'string' && !files.has(node)) files.set(node, path);
  }
  return files;
}
