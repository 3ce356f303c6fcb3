import { readdir, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { exists, findUp } from './load-volume.js';

export interface Targets {
  /** Volume folders, each with the chapter files to check (undefined = all of them). */
  volumes: Map<string, Set<string> | undefined>;
  /** Files outside any volume. */
  loneFiles: string[];
  /** Paths that do not exist. */
  missing: string[];
}

const TEXT_FILE = /\.(md|markdown|txt)$/i;

/**
 * Sorts the paths given on the command line into volumes, chapters of volumes and lone files.
 * A folder with volume.yaml is a volume; a file under <volume>/chapters is one of its chapters.
 */
export async function resolveTargets(paths: readonly string[]): Promise<Targets> {
  const targets: Targets = { volumes: new Map(), loneFiles: [], missing: [] };
  const addChapter = (volumeDir: string, file: string) => {
    if (targets.volumes.has(volumeDir) && targets.volumes.get(volumeDir) === undefined) return;
    const set = targets.volumes.get(volumeDir) ?? new Set<string>();
    set.add(file);
    targets.volumes.set(volumeDir, set);
  };
  for (const raw of paths) {
    const path = resolve(raw);
    const info = await stat(path).catch(() => undefined);
    if (!info) {
      targets.missing.push(raw);
      continue;
    }
    if (info.isDirectory()) {
      if (await exists(join(path, 'volume.yaml'))) {
        targets.volumes.set(path, undefined);
        continue;
      }
      for (const file of await listTextFiles(path)) {
        const volumeDir = await volumeOf(file);
        if (volumeDir) targets.volumes.has(volumeDir) || targets.volumes.set(volumeDir, undefined);
        else targets.loneFiles.push(file);
      }
      continue;
    }
    const volumeDir = await volumeOf(path);
    if (volumeDir) addChapter(volumeDir, path);
    else targets.loneFiles.push(path);
  }
  targets.loneFiles = [...new Set(targets.loneFiles)].sort();
  return targets;
}

/** The volume a file belongs to: it must sit under <volume>/chapters/. */
async function volumeOf(file: string): Promise<string | undefined> {
  const volumeYaml = await findUp(dirname(file), 'volume.yaml', 4);
  if (!volumeYaml) return undefined;
  const volumeDir = dirname(volumeYaml);
  return relative(volumeDir, file).startsWith(`chapters${sep}`) ? volumeDir : undefined;
}

async function listTextFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && TEXT_FILE.test(entry.name) && !/^readme\.md$/i.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => !file.split(sep).includes('node_modules'))
    .sort();
}
