import type { ResponsiveImage } from './site-images.js';
import type { SiteTemplates } from './site-templates.js';
import type { SiteUrls } from './site-urls.js';

/** Everything a page needs besides its own data. */
export interface SiteContext {
  /** Site name in the header and in every title, e.g. 示例市地情网. */
  title: string;
  templates: SiteTemplates;
  urls: SiteUrls;
  /** Responsive derivatives by the absolute path of the original picture. */
  images: Map<string, ResponsiveImage>;
  /** Base paths (hrefs) of the search shards, merged by the search page. */
  searchIndexes: string[];
}

/** A page to write: where, what it depends on (for rebuilds after an edit) and how to render it. */
export interface PageSpec {
  /** File path in the site, e.g. yearbook-2016/shehui-jiaoyu/index.html. */
  path: string;
  /** Site path a link uses, e.g. yearbook-2016/shehui-jiaoyu/. */
  url: string;
  /**
   * Keys of the content the page shows beyond the site's structure: `chapter:<volume>:<node>` (a
   * chapter's text), `titles:<volume>:<node>` (its entry titles), `index:<volume>`. An edit re-renders
   * the pages whose keys it touches; a change of structure re-renders everything.
   */
  deps: string[];
  /** Listed in sitemap.xml. */
  sitemap: boolean;
  /** The search shard of a page that is indexed (chapter pages). */
  shard?: string;
  render(): string;
}

export interface Crumb {
  title: string;
  url?: string;
}

export interface LayoutInput {
  /** The page's own title (h1). */
  title: string;
  /** Site path of the page. */
  url: string;
  description?: string;
  breadcrumbs: Crumb[];
  ogType?: 'website' | 'article';
  /** Site path of a picture for Open Graph. */
  ogImage?: string;
  bodyClass: string;
  /** Pages that should not be indexed by search engines (404, search results). */
  noindex?: boolean;
}

/** Data every template gets: the site (name, navigation, assets) and the page's head and breadcrumbs. */
export function layoutData(context: SiteContext, input: LayoutInput): { site: object; page: object } {
  const { urls } = context;
  const headTitle = input.url === '' ? context.title : `${input.title} - ${context.title}`;
  return {
    site: {
      title: context.title,
      home: urls.href(''),
      search: urls.href('search/'),
      dashiji: urls.href('dashiji/'),
      linian: urls.href('linian/'),
      css: context.templates.assets.css,
      js: context.templates.assets.js,
      searchJs: context.templates.assets.searchJs,
      favicon: context.templates.assets.favicon,
    },
    page: {
      title: input.title,
      headTitle,
      description: input.description ?? context.title,
      canonical: input.noindex ? undefined : urls.absolute(input.url),
      ogType: input.ogType ?? 'website',
      ogImage: input.ogImage ? urls.absolute(input.ogImage) : undefined,
      breadcrumbs: input.url === '' ? [] : [{ title: '首页', url: urls.href('') }, ...input.breadcrumbs.map((crumb) => ({ title: crumb.title, url: crumb.url === undefined ? undefined : urls.href(crumb.url) }))],
      bodyClass: input.bodyClass,
      noindex: Boolean(input.noindex),
    },
  };
}

/** The first `length` characters of a text, for descriptions. */
export function excerpt(text: string, length = 110): string {
  const flat = text.replace(/\s+/g, '');
  return flat.length > length ? `${flat.slice(0, length)}……` : flat;
}
