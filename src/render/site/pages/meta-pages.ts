import { layoutData, type PageSpec, type SiteContext } from '../site-context.js';
import type { VolumePlan } from '../site-plan.js';
import { SEARCH_DIR } from '../search-index.js';

/** The search page: a form that works with the keyboard, filters by volume and 类目, results from pagefind. */
export function searchPage(plans: readonly VolumePlan[], context: SiteContext): PageSpec {
  return {
    path: 'search/index.html',
    url: 'search/',
    deps: [],
    sitemap: false,
    render: () =>
      context.templates.render('search', {
        ...layoutData(context, { title: '全文检索', url: 'search/', description: `在${context.title}的全部年鉴和志书中检索。`, breadcrumbs: [{ title: '全文检索' }], bodyClass: 'page-search', noindex: true }),
        pagefind: context.urls.href(`${SEARCH_DIR}/pagefind.js`),
        indexes: JSON.stringify(context.searchIndexes),
        volumes: plans.map((plan) => plan.volume.assembled.title),
      }),
  };
}

/** The page a server shows for a missing address; its links are absolute, as it answers any path. */
export function notFoundPage(context: SiteContext): PageSpec {
  return {
    path: '404.html',
    url: '404.html',
    deps: [],
    sitemap: false,
    render: () => context.templates.render('404', layoutData(context, { title: '页面不存在', url: '404.html', breadcrumbs: [{ title: '页面不存在' }], bodyClass: 'page-404', noindex: true })),
  };
}

/** sitemap.xml (only with --base-url: a sitemap lists absolute URLs) and robots.txt. */
export function crawlerFiles(specs: readonly PageSpec[], context: SiteContext): PageSpec[] {
  const { urls } = context;
  const robots: PageSpec = {
    path: 'robots.txt',
    url: 'robots.txt',
    deps: [],
    sitemap: false,
    render: () => ['User-agent: *', `Disallow: ${urls.href('search/')}`, ...(urls.baseUrl ? [`Sitemap: ${urls.absolute('sitemap.xml')}`] : []), ''].join('\n'),
  };
  if (!urls.baseUrl) return [robots];
  const sitemap: PageSpec = {
    path: 'sitemap.xml',
    url: 'sitemap.xml',
    deps: [],
    sitemap: false,
    render: () =>
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
        ...specs.filter((spec) => spec.sitemap).map((spec) => `  <url><loc>${escapeXml(urls.absolute(spec.url)!)}</loc></url>`),
        '</urlset>',
        '',
      ].join('\n'),
  };
  return [robots, sitemap];
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
