import type { Block, Inline, Section } from '../../../model/assembled.js';
import { pictureElement, renderChapterHtml } from '../render-blocks.js';
import { excerpt, layoutData, type Crumb, type PageSpec, type SiteContext } from '../site-context.js';
import type { NodePage, VolumePlan } from '../site-plan.js';
import { toHtml } from 'hast-util-to-html';
import { openDataPath } from '../open-data.js';
import { chapterItems } from '../site-text.js';
import type { LinianIndex } from './cross-pages.js';

/** What a reader calls each kind of volume. */
export const KIND_LABEL = { yearbook: '年鉴', gazetteer: '志书' } as const;

/** Site path of a volume's subject index. */
export const indexPath = (volumeId: string) => `${volumeId}/suoyin.html`;

/** The pages of one volume: its home (TOC, 编辑说明), one page per node, and the subject index. */
export function volumePages(plan: VolumePlan, context: SiteContext, linian: LinianIndex, shardOf: Map<string, string>): PageSpec[] {
  const specs: PageSpec[] = [volumeHome(plan, context)];
  plan.content.forEach((page, position) => specs.push(contentPage(plan, page, position, context, linian, shardOf.get(page.url))));
  for (const page of plan.pages) if (!page.leaf) specs.push(overviewPage(plan, page, context, linian));
  if (plan.volume.assembled.index.length) specs.push(indexPage(plan, context));
  return specs;
}

/** A volume's record period as a reader says it: 2015年, 1986—2005年. */
export function periodLabel(plan: VolumePlan): string {
  const { from, to } = plan.volume.assembled.recordPeriod;
  const [a, b] = [from.slice(0, 4), to.slice(0, 4)];
  return a === b ? `${a}年` : `${a}—${b}年`;
}

/** What the typographic cover shows: the title without its bracketed year, and the year or the period. */
export function coverOf(plan: VolumePlan): { coverTitle: string; coverYear: string } {
  const { assembled } = plan.volume;
  const { from, to } = assembled.recordPeriod;
  return {
    coverTitle: assembled.title.replace(/（[^（）]*）$/, ''),
    coverYear: assembled.kind === 'yearbook' ? String(plan.volume.year) : `${from.slice(0, 4)}—${to.slice(0, 4)}`,
  };
}

function volumeCrumb(plan: VolumePlan): Crumb {
  return { title: plan.volume.assembled.title, url: plan.url };
}

function volumeHome(plan: VolumePlan, context: SiteContext): PageSpec {
  const { assembled } = plan.volume;
  const images = context.images;
  return {
    path: `${plan.url}index.html`,
    url: plan.url,
    deps: [],
    sitemap: true,
    render: () =>
      context.templates.render('volume', {
        ...layoutData(context, {
          title: assembled.title,
          url: plan.url,
          description: `《${assembled.title}》，记述${periodLabel(plan)}，${assembled.region}${KIND_LABEL[assembled.kind]}。${assembled.editorialNotes[0] ?? ''}`,
          breadcrumbs: [{ title: assembled.title }],
          bodyClass: 'page-volume',
          ...(assembled.plates[0] && images.get(assembled.plates[0].src) ? { ogImage: images.get(assembled.plates[0].src)!.fallback } : {}),
        }),
        volume: {
          title: assembled.title,
          kind: KIND_LABEL[assembled.kind],
          kindId: assembled.kind,
          period: periodLabel(plan),
          ...coverOf(plan),
          publisher: assembled.publisher,
          year: plan.volume.year,
          data: context.urls.href(openDataPath(assembled.id)),
          index: assembled.index.length ? context.urls.href(indexPath(assembled.id)) : undefined,
        },
        plates: assembled.plates.map((plate) => ({
          caption: plate.caption,
          credit: plate.credit,
          picture: images.get(plate.src) ? toHtml(pictureElement(images.get(plate.src)!, plate.caption, context.urls.href, '(min-width: 64em) 22rem, 100vw')) : undefined,
        })),
        toc: plan.sections.map((section) => tocItem(plan, section, undefined, context)),
        notes: assembled.editorialNotes,
        board: assembled.editorialBoard,
      }),
  };
}

function contentPage(plan: VolumePlan, page: NodePage, position: number, context: SiteContext, linian: LinianIndex, shard: string | undefined): PageSpec {
  const { assembled } = plan.volume;
  const leaf = page.leaf!;
  const chain = page.section === leaf ? [...page.ancestors, leaf] : [...page.ancestors, page.section, leaf];
  const chronicle = chain.some((section) => plan.volume.chronicleTitles.includes(section.title));
  const category = chain[0]!;
  const { href } = context.urls;
  const neighbour = (other: NodePage | undefined) => (other ? { title: other.leaf!.title, url: href(other.url) } : undefined);
  return {
    path: `${page.url}index.html`,
    url: page.url,
    deps: [`chapter:${assembled.id}:${leaf.id}`],
    sitemap: true,
    ...(shard ? { shard } : {}),
    render: () => {
      const items = chapterItems(leaf, chronicle);
      return context.templates.render('chapter', {
        ...layoutData(context, {
          title: leaf.title,
          url: page.url,
          description: excerpt(items[0]?.text ?? leaf.title),
          breadcrumbs: [volumeCrumb(plan), ...crumbs(plan, chain.slice(0, -1)), { title: leaf.title }],
          ogType: 'article',
          bodyClass: `page-chapter kind-${assembled.kind}${chronicle ? ' page-chronicle' : ''}`,
        }),
        volume: { title: assembled.title, url: href(plan.url) },
        node: { title: leaf.title, eyebrow: chain.slice(0, -1).map((section) => section.title).join(' · '), unit: leaf.chapter!.unitName, kind: leaf.kind },
        search: { volume: assembled.title, category: category.title },
        chronicle,
        body: renderChapterHtml(leaf, { entryLevel: 2, images: context.images, href }),
        entries: chronicle ? monthsOf(leaf.chapter!.blocks) : items.filter((item) => item.kind === 'entry').map((item) => ({ title: item.title, anchor: item.anchor })),
        toc: plan.sections.map((section) => tocItem(plan, section, page, context)),
        prev: neighbour(plan.content[position - 1]),
        next: neighbour(plan.content[position + 1]),
        linian: linianLinks(linian, leaf.id, assembled.id, context) ?? linianLinks(linian, page.section.id, assembled.id, context),
      });
    },
  };
}

function overviewPage(plan: VolumePlan, page: NodePage, context: SiteContext, linian: LinianIndex): PageSpec {
  const { assembled } = plan.volume;
  const { href } = context.urls;
  const leaves = (section: Section): Section[] => (section.children.length ? section.children.flatMap(leaves) : [section]);
  return {
    path: `${page.url}index.html`,
    url: page.url,
    deps: leaves(page.section).map((leaf) => `titles:${assembled.id}:${leaf.id}`),
    sitemap: true,
    render: () =>
      context.templates.render('overview', {
        ...layoutData(context, {
          title: page.section.title,
          url: page.url,
          description: `《${assembled.title}》${page.section.title}：${page.section.children.map((child) => child.title).join('、')}`,
          breadcrumbs: [volumeCrumb(plan), ...crumbs(plan, page.ancestors), { title: page.section.title }],
          bodyClass: 'page-overview',
        }),
        volume: { title: assembled.title, url: href(plan.url) },
        node: { title: page.section.title, kind: page.section.kind },
        children: page.section.children.map((child) => {
          const target = plan.pageOf.get(child.id)!;
          const chronicle = plan.volume.chronicleTitles.includes(child.title) || plan.volume.chronicleTitles.includes(page.section.title);
          return {
            title: child.title,
            url: href(target.url),
            unit: child.chapter?.unitName,
            entries: child.chapter && !chronicle ? chapterItems(child, false).map((item) => ({ title: item.title, url: href(`${target.url}${item.anchor ? `#${item.anchor}` : ''}`) })) : [],
            children: child.children.map((grandchild) => ({ title: grandchild.title, url: href(plan.pageOf.get(grandchild.id)!.url) })),
          };
        }),
        toc: plan.sections.map((section) => tocItem(plan, section, page, context)),
        linian: linianLinks(linian, page.section.id, assembled.id, context),
      }),
  };
}

function indexPage(plan: VolumePlan, context: SiteContext): PageSpec {
  const { assembled } = plan.volume;
  const { href } = context.urls;
  const path = indexPath(assembled.id);
  return {
    path,
    url: path,
    deps: [`index:${assembled.id}`],
    sitemap: true,
    render: () => {
      const places = locatorPlaces(plan);
      const groups = new Map<string, object[]>();
      for (const entry of assembled.index) {
        const links = entry.locators.flatMap((locator) => {
          const place = places.get(locator);
          return place ? [{ label: place.label, url: href(place.url) }] : [];
        });
        if (!entry.see && !links.length) continue;
        groups.set(entry.letter, [...(groups.get(entry.letter) ?? []), { term: entry.term, see: entry.see, links }]);
      }
      return context.templates.render('index-terms', {
        ...layoutData(context, {
          title: `${assembled.title}索引`,
          url: path,
          description: `《${assembled.title}》主题词索引，按汉语拼音排序。`,
          breadcrumbs: [volumeCrumb(plan), { title: '索引' }],
          bodyClass: 'page-index',
        }),
        volume: { title: assembled.title, url: href(plan.url) },
        letters: [...groups].map(([letter, terms]) => ({ letter, terms })),
      });
    },
  };
}

/**
 * Where each index locator lands on the site: the 条目 that holds the mark (or the chapter page for a
 * mark outside entries), labelled 分目·条目 in place of a printed page number.
 */
function locatorPlaces(plan: VolumePlan): Map<string, { label: string; url: string }> {
  const places = new Map<string, { label: string; url: string }>();
  const visit = (blocks: readonly Block[], page: NodePage, label: string, url: string) => {
    for (const block of blocks) {
      if (block.type === 'entry') {
        const entryUrl = `${page.url}#${block.anchor}`;
        places.set(block.anchor, { label: `${label}·${block.title}`, url: entryUrl });
        visit(block.body, page, `${label}·${block.title}`, entryUrl);
      } else if (block.type === 'paragraph') marksIn(block.inlines, (id) => places.set(id, { label, url }));
      else if (block.type === 'table') [...block.header, ...block.rows.flat()].forEach((cell) => marksIn(cell, (id) => places.set(id, { label, url })));
    }
  };
  for (const page of plan.content) visit(page.leaf!.chapter!.blocks, page, page.leaf!.title, page.url);
  return places;
}

function marksIn(inlines: readonly Inline[], found: (id: string) => void): void {
  for (const inline of inlines) {
    if (inline.type === 'index') found(inline.id);
    if ('children' in inline) marksIn(inline.children, found);
  }
}

function crumbs(plan: VolumePlan, sections: readonly Section[]): Crumb[] {
  return sections.map((section) => ({ title: section.title, url: plan.pageOf.get(section.id)?.url ?? plan.url }));
}

/** Month headings of a chronicle, for the 本页 list. */
function monthsOf(blocks: readonly Block[]): Array<{ title: string; anchor: string }> {
  return blocks.flatMap((block) => (block.type === 'heading' ? [{ title: block.text, anchor: block.anchor }] : []));
}

/** The sidebar: the volume's 类目 with their 分目, the current page marked. */
function tocItem(plan: VolumePlan, section: Section, current: NodePage | undefined, context: SiteContext): object {
  const page = plan.pageOf.get(section.id)!;
  const merged = page.leaf && page.section === section && page.leaf !== section;
  return {
    title: section.title,
    url: context.urls.href(page.url),
    current: current === page && current.section === section,
    open: Boolean(current && (current.section === section || current.ancestors.includes(section))),
    children: merged ? [] : section.children.map((child) => tocItem(plan, child, current, context)),
  };
}

function linianLinks(linian: LinianIndex, nodeId: string, volumeId: string, context: SiteContext): object | undefined {
  const series = linian.get(nodeId);
  if (!series) return undefined;
  return {
    url: context.urls.href(series.url),
    years: series.columns.map((column) => ({ year: column.year, url: context.urls.href(column.url), current: column.volumeId === volumeId })),
  };
}
