import type { Section } from '../../../model/assembled.js';
import { OPEN_DATA_SCHEMA_PATH, openDataPath } from '../open-data.js';
import { excerpt, layoutData, type PageSpec, type SiteContext } from '../site-context.js';
import type { VolumePlan } from '../site-plan.js';
import { chapterItems } from '../site-text.js';
import { coverOf, KIND_LABEL, periodLabel } from './volume-pages.js';

/** One framework node across yearbook volumes: the 历年 view of a topic. */
export interface LinianSeries {
  nodeId: string;
  /** Title in the newest volume. */
  title: string;
  url: string;
  columns: Array<{ year: number; volumeId: string; volumeTitle: string; url: string; section: Section; plan: VolumePlan }>;
}

export type LinianIndex = Map<string, LinianSeries>;

/**
 * Groups the nodes of the yearbooks by their stable id: a node published in two or more volumes gets a
 * 历年 page with the volumes side by side, oldest first. Gazetteers are not yearly and stay out.
 */
export function buildLinianIndex(plans: readonly VolumePlan[]): LinianIndex {
  const found = new Map<string, LinianSeries['columns']>();
  for (const plan of plans) {
    if (plan.volume.assembled.kind !== 'yearbook') continue;
    const visit = (section: Section) => {
      const page = plan.pageOf.get(section.id);
      if (page) found.set(section.id, [...(found.get(section.id) ?? []), { year: plan.volume.year, volumeId: plan.volume.assembled.id, volumeTitle: plan.volume.assembled.title, url: page.url, section, plan }]);
      section.children.forEach(visit);
    };
    plan.sections.forEach(visit);
  }
  const index: LinianIndex = new Map();
  for (const [nodeId, columns] of found) {
    if (new Set(columns.map((column) => column.volumeId)).size < 2) continue;
    columns.sort((a, b) => a.year - b.year || a.volumeId.localeCompare(b.volumeId));
    index.set(nodeId, { nodeId, title: columns[columns.length - 1]!.section.title, url: `linian/${nodeId}/`, columns });
  }
  return index;
}

/** The home page: the shelf of volumes, the search box and the 类目 as entry points. */
export function homePage(plans: readonly VolumePlan[], linian: LinianIndex, context: SiteContext): PageSpec {
  const { href } = context.urls;
  return {
    path: 'index.html',
    url: '',
    deps: [],
    sitemap: true,
    render: () => {
      const categories = new Map<string, { title: string; url: string; volume: string; linian?: string }>();
      for (const plan of plans) {
        for (const section of plan.sections) {
          if (categories.has(section.id) || plan.volume.assembled.kind !== 'yearbook') continue;
          const series = linian.get(section.id);
          categories.set(section.id, { title: section.title, url: href(plan.pageOf.get(section.id)!.url), volume: plan.volume.assembled.title, ...(series ? { linian: href(series.url) } : {}) });
        }
      }
      return context.templates.render('home', {
        ...layoutData(context, {
          title: context.title,
          url: '',
          description: `${context.title}：${plans.map((plan) => `《${plan.volume.assembled.title}》`).join('')}的全文、检索、大事记和历年对照。`,
          breadcrumbs: [],
          bodyClass: 'page-home',
        }),
        shelf: plans.map((plan) => ({
          title: plan.volume.assembled.title,
          url: href(plan.url),
          year: plan.volume.year,
          kind: KIND_LABEL[plan.volume.assembled.kind],
          kindId: plan.volume.assembled.kind,
          period: periodLabel(plan),
          ...coverOf(plan),
          publisher: plan.volume.assembled.publisher,
          sections: plan.sections.length,
          data: href(openDataPath(plan.volume.assembled.id)),
        })),
        dataSchema: href(OPEN_DATA_SCHEMA_PATH),
        categories: [...categories.values()],
        hasLinian: linian.size > 0,
        hasChronicle: plans.some((plan) => chronicleLeaves(plan).length),
      });
    },
  };
}

/** The 历年 page of one node, and the list of all of them. */
export function linianPages(linian: LinianIndex, context: SiteContext): PageSpec[] {
  const { href } = context.urls;
  const pages: PageSpec[] = [...linian.values()].map((series) => ({
    path: `${series.url}index.html`,
    url: series.url,
    deps: series.columns.filter((column) => !column.section.children.length).map((column) => `chapter:${column.volumeId}:${series.nodeId}`),
    sitemap: true,
    render: () =>
      context.templates.render('linian', {
        ...layoutData(context, {
          title: `${series.title}（历年）`,
          url: series.url,
          description: `${series.title}：${series.columns.map((column) => `《${column.volumeTitle}》`).join('')}对照阅读。`,
          breadcrumbs: [{ title: '历年对照', url: 'linian/' }, { title: series.title }],
          bodyClass: 'page-linian',
        }),
        node: { title: series.title },
        columns: series.columns.map((column) => {
          const overviewTitles = column.plan.volume.overviewTitles;
          const items = column.section.chapter ? chapterItems(column.section, false) : [];
          const overview = items.find((item) => overviewTitles.includes(item.title));
          return {
            year: column.year,
            volume: column.volumeTitle,
            title: column.section.title,
            url: href(column.url),
            unit: column.section.chapter?.unitName,
            overview: overview ? { title: overview.title, text: overview.text.split('\n'), url: href(`${column.url}#${overview.anchor}`) } : undefined,
            entries: items.filter((item) => item !== overview).map((item) => ({ title: item.title, url: href(`${column.url}${item.anchor ? `#${item.anchor}` : ''}`) })),
            children: column.section.children.map((child) => ({ title: child.title, url: href(column.plan.pageOf.get(child.id)!.url) })),
          };
        }),
      }),
  }));
  pages.push({
    path: 'linian/index.html',
    url: 'linian/',
    deps: [],
    sitemap: true,
    render: () => {
      const groups: Array<{ title: string; url?: string; years: number[]; children: Array<{ title: string; url: string; years: number[] }> }> = [];
      for (const series of linian.values()) {
        const newest = series.columns[series.columns.length - 1]!;
        const years = series.columns.map((column) => column.year);
        const category = newest.plan.pageOf.get(series.nodeId)!.ancestors[0];
        if (!category) groups.push({ title: series.title, url: href(series.url), years, children: [] });
        else {
          let group = groups.find((candidate) => candidate.title === category.title);
          if (!group) groups.push((group = { title: category.title, years: [], children: [] }));
          group.children.push({ title: series.title, url: href(series.url), years });
        }
      }
      return context.templates.render('linian-list', {
        ...layoutData(context, {
          title: '历年对照',
          url: 'linian/',
          description: '同一篇目在各卷年鉴中的记述，按年份并排对照。',
          breadcrumbs: [{ title: '历年对照' }],
          bodyClass: 'page-linian-list',
        }),
        groups,
      });
    },
  });
  return pages;
}

/** Leaves of a volume written as chronicles, with the page that shows each. */
export function chronicleLeaves(plan: VolumePlan): Array<{ leaf: Section; url: string }> {
  return plan.content
    .filter((page) => [...page.ancestors, page.section, page.leaf!].some((section) => plan.volume.chronicleTitles.includes(section.title)))
    .map((page) => ({ leaf: page.leaf!, url: page.url }));
}

/** The 大事记 view: the chronicles of all volumes on one page, newest first, by month. */
export function chroniclePage(plans: readonly VolumePlan[], context: SiteContext): PageSpec {
  const { href } = context.urls;
  const sources = plans.flatMap((plan) => chronicleLeaves(plan).map((item) => ({ plan, ...item })));
  return {
    path: 'dashiji/index.html',
    url: 'dashiji/',
    deps: sources.map(({ plan, leaf }) => `chapter:${plan.volume.assembled.id}:${leaf.id}`),
    sitemap: true,
    render: () => {
      const volumes = sources.map(({ plan, leaf, url }) => {
        const groups: Array<{ title: string; url: string; items: object[] }> = [];
        for (const item of chapterItems(leaf, true)) {
          const title = item.group ?? leaf.title;
          let group = groups[groups.length - 1];
          if (!group || group.title !== title) groups.push((group = { title, url: href(`${url}${item.anchor ? `#${item.anchor}` : ''}`), items: [] }));
          group.items.push({ label: item.label, text: item.text });
        }
        return { id: `${plan.volume.assembled.id}-${leaf.id}`, title: plan.volume.assembled.title, leaf: leaf.title, year: plan.volume.year, url: href(url), groups };
      });
      return context.templates.render('chronicle', {
        ...layoutData(context, {
          title: '大事记',
          url: 'dashiji/',
          description: excerpt(`大事记：${volumes.map((volume) => `《${volume.title}》${volume.leaf}`).join('、')}。`),
          breadcrumbs: [{ title: '大事记' }],
          bodyClass: 'page-dashiji',
        }),
        volumes,
      });
    },
  };
}
