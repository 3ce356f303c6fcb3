/** How site paths become links: below the base path of --base-url, absolute where a full URL is needed. */
export interface SiteUrls {
  /** Path the site is served under, with slashes at both ends: / or /dqw/. */
  basePath: string;
  /** The full base URL (https://…/), when --base-url was given. */
  baseUrl?: string;
  /** Link to a site path (yearbook-2016/shehui-jiaoyu/ → /yearbook-2016/shehui-jiaoyu/). */
  href(path: string): string;
  /** Absolute URL of a site path, for canonical links, Open Graph and the sitemap; undefined without --base-url. */
  absolute(path: string): string | undefined;
}

/**
 * Reads --base-url. Returns an error message in Chinese for anything but an http(s) URL without a
 * query or fragment, so the command can report it as a usage error.
 */
export function siteUrls(baseUrl: string | undefined): SiteUrls | { error: string } {
  if (baseUrl === undefined) return make('/', undefined);
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return { error: `--base-url「${baseUrl}」不是有效的网址，应形如 https://dqw.example.gov.cn/` };
  }
  if (!/^https?:$/.test(url.protocol) || url.search || url.hash || url.username || url.password) {
    return { error: `--base-url「${baseUrl}」应是不带查询参数的 http 或 https 网址，如 https://dqw.example.gov.cn/` };
  }
  const basePath = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  return make(basePath, `${url.origin}${basePath}`);
}

function make(basePath: string, baseUrl: string | undefined): SiteUrls {
  return {
    basePath,
    ...(baseUrl ? { baseUrl } : {}),
    href: (path) => `${basePath}${path}`,
    absolute: (path) => (baseUrl ? `${baseUrl}${path}` : undefined),
  };
}
