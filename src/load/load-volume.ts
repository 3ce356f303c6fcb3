import { access, readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { VFileMessage } from 'vfile-message';
import type { FrameworkFile } from '../model/generated/framework.js';
import type { StyleConfig } from '../model/generated/style.js';
import type { UnitsFile } from '../model/generated/units.js';
import { placeNodes, type Volume, type VolumeFile } from '../model/volume.js';
import { resolveStyle } from '../lint/style-config.js';
import { loadYamlFile, type ConfigCache, type LoadedYaml } from './load-yaml-file.js';

export interface LoadedVolume {
  dir: string;
  volume?: Volume;
  volumeFile: LoadedYaml<VolumeFile>;
  frameworkFile: LoadedYaml<FrameworkFile>;
  unitsFile?: LoadedYaml<UnitsFile>;
  officeStyleFile?: LoadedYaml<StyleConfig>;
  /** Chapter files found under chapters/, sorted. */
  chapterPaths: string[];
  messages: VFileMessage[];
}

export async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** The nearest folder at or above `start` (up to `stop`) that holds `name`. */
export async function findUp(start: string, name: string, levels = 3): Promise<string | undefined> {
  let dir = start;
  for (let i = 0; i <= levels; i++) {
    if (await exists(join(dir, name))) return join(dir, name);
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
  return undefined;
}

/**
 * Loads a volume folder: volume.yaml, framework.yaml, the unit registry found in or above it
 * (content/units.yaml), the office style above it (content/style.yaml), and the chapter files.
 */
export async function loadVolume(dir: string, cache?: ConfigCache): Promise<LoadedVolume> {
  const [volumeFile, frameworkFile, unitsPath, stylePath] = await Promise.all([
    loadYamlFile<VolumeFile>(join(dir, 'volume.yaml'), 'volume', cache),
    loadYamlFile<FrameworkFile>(join(dir, 'framework.yaml'), 'framework', cache),
    findUp(dir, 'units.yaml', 2),
    findUp(dirname(dir), 'style.yaml', 2),
  ]);
  const [unitsFile, officeStyleFile] = await Promise.all([
    unitsPath ? loadYamlFile<UnitsFile>(unitsPath, 'units', cache) : undefined,
    stylePath ? loadYamlFile<StyleConfig>(stylePath, 'style', cache) : undefined,
  ]);
  const chapterPaths = await listChapterFiles(join(dir, 'chapters'));
  const messages = [volumeFile, frameworkFile, unitsFile, officeStyleFile].flatMap((file) => file?.messages ?? []);
  const loaded: LoadedVolume = { dir, volumeFile, frameworkFile, chapterPaths, messages, ...(unitsFile ? { unitsFile } : {}), ...(officeStyleFile ? { officeStyleFile } : {}) };
  const config = volumeFile.data;
  const framework = frameworkFile.data;
  if (!config || !framework) return loaded;
  const nodes = placeNodes(framework.nodes);
  const style = resolveStyle(officeStyleFile?.data, config.style);
  const fromYear = Number(config.recordPeriod.from.slice(0, 4));
  const toYear = Number(config.recordPeriod.to.slice(0, 4));
  loaded.volume = {
    dir,
    config,
    units: new Map((unitsFile?.data?.units ?? []).map((unit) => [unit.id, unit])),
    nodes: new Map(nodes.map((placed) => [placed.node.id, placed])),
    leaves: nodes.filter((placed) => placed.isLeaf),
    context: {
      kind: config.kind,
      levelCount: config.levels.length,
      recordYears: { from: fromYear, to: toYear },
      style,
      nodeTitles: Object.fromEntries(nodes.map((placed) => [placed.node.id, placed.titles])),
    },
  };
  return loaded;
}

async function listChapterFiles(dir: string): Promise<string[]> {
  if (!(await exists(dir))) return [];
  const names = await readdir(dir, { recursive: true });
  return names
    .filter((name) => /\.(md|markdown|txt)$/i.test(name))
    .sort((a, b) => a.localeCompare(b))
    .map((name) => join(dir, name));
}
