import type { Section } from '../../model/assembled.js';
import type { SiteVolume } from './site-volume.js';

/** A page of one framework node: a chapter's text (content) or a list of the sections below (overview). */
export interface NodePage {
  volume: SiteVolume;
  /** The node the page is about; for a merged page the 类目 whose only child is the leaf. */
  section: Section;
  /** The leaf whose chapter the page shows (content pages). */
  leaf?: Section;
  /** Sections above `section`, top down. */
  ancestors: Section[];
  /** Site path without the base path, e.g. yearbook-2016/shehui-jiaoyu/. */
  url: string;
}

/** Which pages a volume has, in reading order; derived from the published sections only. */
export interface VolumePlan {
  volume: SiteVolume;
  url: string;
  /** The published part of the framework tree: leaves with a chapter and the sections above them. */
  sections: Section[];
  pages: NodePage[];
  /** Content pages in reading order: previous/next links follow it. */
  content: NodePage[];
  /** Node id → the page that shows it (a leaf merged into its 类目 maps to the 类目's page). */
  pageOf: Map<string, NodePage>;
}

/** Site path of a volume's home. */
export const volumePath = (volumeId: string) => `${volumeId}/`;
/** Site path of a framework node's page. */
export const nodePath = (volumeId: string, nodeId: string) => `${volumeId}/${nodeId}/`;

/**
 * Plans the pages of a volume. Every leaf with a published chapter gets a page; a section whose only
 * child in the framework is a leaf shows that leaf's chapter itself (特载, 大事记, 附录 usually have
 * one 分目), so a reader does not click through a list of one. The rule depends on the framework only,
 * never on the length of the text or on which chapters are published yet, so that permalinks stay put.
 */
export function planVolume(volume: SiteVolume): VolumePlan {
  const sections = publishedSections(volume.assembled.sections);
  const frameworkChildren = new Map<string, number>();
  const count = (section: Section) => {
    frameworkChildren.set(section.id, section.children.length);
    section.children.forEach(count);
  };
  volume.assembled.sections.forEach(count);
  const pages: NodePage[] = [];
  const pageOf = new Map<string, NodePage>();
  const visit = (section: Section, ancestors: Section[]) => {
    const url = nodePath(volume.assembled.id, section.id);
    const only = frameworkChildren.get(section.id) === 1 && !section.children[0]!.children.length ? section.children[0]! : undefined;
    if (!section.children.length || only) {
      const page: NodePage = { volume, section, leaf: only ?? section, ancestors, url };
      pages.push(page);
      pageOf.set(section.id, page);
      if (only) pageOf.set(only.id, page);
      return;
    }
    const page: NodePage = { volume, section, ancestors, url };
    pages.push(page);
    pageOf.set(section.id, page);
    for (const child of section.children) visit(child, [...ancestors, section]);
  };
  for (const section of sections) visit(section, []);
  return { volume, url: volumePath(volume.assembled.id), sections, pages, content: pages.filter((page) => page.leaf), pageOf };
}

/** Drops leaves without a published chapter (and sections left empty): the public sees no 缺稿. */
function publishedSections(sections: readonly Section[]): Section[] {
  const kept: Section[] = [];
  for (const section of sections) {
    if (!section.children.length) {
      if (section.chapter) kept.push(section);
      continue;
    }
    const children = publishedSections(section.children);
    if (children.length) kept.push({ ...section, children });
  }
  return kept;
}
