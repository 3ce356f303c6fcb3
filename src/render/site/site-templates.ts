import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Liquid } from 'liquidjs';
import { projectRoot } from '../../project-root.js';
import { RenderError, type Artifact } from '../output-format.js';

/** Where the website's look lives: liquid templates, the style sheet and the small scripts. */
export const SITE_TEMPLATE_DIR = join(projectRoot, 'templates', 'site');

export interface SiteTemplates {
  /** Renders `<name>.liquid` with auto-escaping: only values piped through `raw` are inserted as HTML. */
  render(name: string, data: object): string;
  /** Links to the hashed assets. */
  assets: { css: string; js: string; searchJs: string; favicon: string };
  artifacts: Artifact[];
}

const ASSETS = { css: 'site.css', js: 'site.js', searchJs: 'search.js', favicon: 'favicon.svg' } as const;

/**
 * Loads the site templates and assets. Asset files get a content hash in their names (assets/site-1a2b3c4d.css),
 * so a server can cache them for a long time and a new style sheet is never masked by an old copy.
 */
export async function loadSiteTemplates(href: (path: string) => string, dir = SITE_TEMPLATE_DIR): Promise<SiteTemplates> {
  const engine = new Liquid({ root: dir, extname: '.liquid', outputEscape: 'escape', cache: true, strictFilters: true, ownPropertyOnly: true });
  const artifacts: Artifact[] = [];
  const links: Record<string, string> = {};
  for (const [key, name] of Object.entries(ASSETS)) {
    const data = await readFile(join(dir, 'assets', name)).catch(() => {
      throw new RenderError(`找不到网站模板文件 ${join(dir, 'assets', name)}`);
    });
    const hash = createHash('sha1').update(data).digest('hex').slice(0, 10);
    const path = `assets/${name.replace(/\.(\w+)$/, `-${hash}.$1`)}`;
    artifacts.push({ path, data });
    links[key] = href(path);
  }
  return {
    render(name, data) {
      try {
        return engine.renderFileSync(name, data) as string;
      } catch (error) {
        throw new RenderError(`网站模板 ${join(dir, `${name}.liquid`)} 有误：${(error as Error).message}`, { cause: error });
      }
    },
    assets: links as SiteTemplates['assets'],
    artifacts,
  };
}
