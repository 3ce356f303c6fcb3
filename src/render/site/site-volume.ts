import type { VFileMessage } from 'vfile-message';
import { loadVolume, type LoadedVolume } from '../../load/load-volume.js';
import type { AssembledVolume, Section } from '../../model/assembled.js';
import { assembleFromDisk } from '../../pipeline.js';
import { decidePublication, type WithheldChapter } from './publish-policy.js';

/** A volume as the website shows it: published chapters only, assembled as for a final build. */
export interface SiteVolume {
  dir: string;
  assembled: AssembledVolume;
  /** Shelf year: the volume year of a yearbook, the upper limit of a gazetteer. */
  year: number;
  /** Titles of sections written as chronicles (大事记): month headings and dated items. */
  chronicleTitles: string[];
  /** Titles of overview entries (概况, 综述): the 历年 view sets them side by side. */
  overviewTitles: string[];
  /** Chapter file → framework leaf id, for the published chapters. */
  chapterNodes: Map<string, string>;
}

export interface LoadedSiteVolume {
  dir: string;
  loaded: LoadedVolume;
  /** Undefined when volume.yaml or framework.yaml cannot be used; `problems` says why. */
  volume?: SiteVolume;
  withheld: WithheldChapter[];
  problems: VFileMessage[];
}

/**
 * Loads a volume and assembles its published chapters. Checker findings never reach the website:
 * the volume is assembled in final mode, which carries no findings and no 缺稿 placeholders' text.
 */
export async function loadSiteVolume(dir: string): Promise<LoadedSiteVolume> {
  const loaded = await loadVolume(dir);
  const problems = loaded.messages.filter((message) => message.fatal === true);
  if (!loaded.volume) return { dir, loaded, withheld: [], problems };
  const decision = await decidePublication(loaded);
  const { assembled } = await assembleFromDisk({ ...loaded, chapterPaths: decision.published }, [], { mode: 'final' });
  const chapterNodes = new Map<string, string>();
  visitLeaves(assembled.sections, (section) => section.chapter && chapterNodes.set(section.chapter.path, section.id));
  const config = loaded.volume.config;
  return {
    dir,
    loaded,
    withheld: decision.withheld,
    problems,
    volume: {
      dir,
      assembled,
      year: config.volumeYear ?? Number(config.recordPeriod.to.slice(0, 4)),
      chronicleTitles: loaded.volume.context.style.chronicleSections,
      overviewTitles: loaded.volume.context.style.overviewTitles,
      chapterNodes,
    },
  };
}

/**
 * Assembles one chapter on its own (one parse instead of the whole volume's), for a rebuild after an
 * edit. Index ids of the result start again at i-1; the caller renames them before merging.
 */
export async function assembleOneChapter(loaded: LoadedVolume, path: string, nodeId: string): Promise<{ section?: Section; assembled: AssembledVolume }> {
  const { assembled } = await assembleFromDisk({ ...loaded, chapterPaths: [path] }, [], { mode: 'final', only: nodeId });
  let found: Section | undefined;
  visitLeaves(assembled.sections, (section) => {
    if (section.id === nodeId) found = section;
  });
  return { assembled, ...(found ? { section: found } : {}) };
}

/** Calls `visit` for every leaf section, in reading order. */
export function visitLeaves(sections: readonly Section[], visit: (section: Section, ancestors: Section[]) => unknown, ancestors: Section[] = []): void {
  for (const section of sections) {
    if (section.children.length) visitLeaves(section.children, visit, [...ancestors, section]);
    else visit(section, ancestors);
  }
}
