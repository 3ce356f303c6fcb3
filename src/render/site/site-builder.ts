import { availableParallelism } from 'node:os';
import { relative, resolve, sep } from 'node:path';
import type { VFileMessage } from 'vfile-message';
import { exists } from '../../load/load-volume.js';
import type { Block, Section } from '../../model/assembled.js';
import { RenderError, type Artifact } from '../output-format.js';
import { replaceChapterIndex, renameIndexIds } from './merge-index.js';
import { openDataArtifact, openDataSchemaArtifact } from './open-data.js';
import { buildLinianIndex, chroniclePage, chronicleLeaves, homePage, linianPages } from './pages/cross-pages.js';
import { crawlerFiles, notFoundPage, searchPage } from './pages/meta-pages.js';
import { volumePages } from './pages/volume-pages.js';
import { decidePublication, type WithheldChapter } from './publish-policy.js';
import { indexShard, SHARD_CHARS, shardPath, type SearchPage } from './search-index.js';
import type { PageSpec, SiteContext } from './site-context.js';
import { prepareSiteImage, type ResponsiveImage } from './site-images.js';
import { SiteOutput } from './site-output.js';
import { planVolume, type VolumePlan } from './site-plan.js';
import { loadSiteTemplates, SITE_TEMPLATE_DIR, type SiteTemplates } from './site-templates.js';
import { blockText } from './site-text.js';
import type { SiteUrls } from './site-urls.js';
import { assembleOneChapter, loadSiteVolume, visitLeaves, type LoadedSiteVolume } from './site-volume.js';

export interface SiteBuilderOptions {
  /** Volume folders, each with a volume.yaml. */
  volumes: string[];
  outDir: string;
  urls: SiteUrls;
  /** Site name; defaults to <region>地情网. */
  title?: string;
  /** Folder for image derivatives kept between builds. */
  cacheDir?: string;
  templateDir?: string;
  progress?(message: string): void;
}

export interface SiteReport {
  written: string[];
  removed: string[];
  /** Pages of the site (HTML files). */
  pages: number;
  /** Pages rendered in this run (all of them in a full build). */
  rendered: string[];
  /** Site paths of the pages whose HTML changed, for live reload. */
  changedUrls: string[];
  search: { shards: number; reindexed: number; bytes: number };
  volumes: Array<{ id: string; title: string }>;
  /** Volumes left out (not published, nothing published), with the reason. */
  skipped: Array<{ dir: string; reason: string }>;
  withheld: WithheldChapter[];
  warnings: string[];
  /** Milliseconds per stage. */
  timings: Record<string, number>;
  full: boolean;
}

/** A volume's own ids must not clash with the site's fixed folders. */
const RESERVED = new Set(['assets', 'images', 'data', 'pagefind', 'linian', 'dashiji', 'search']);

/**
 * Builds the website from volumes and keeps what it needs to rebuild after an edit: the assembled
 * volumes, the HTML of every indexed page and the search shards. A full build renders every page; an
 * edit to one chapter re-assembles that chapter alone, re-renders the pages that show it, re-indexes
 * its search shard and writes only files whose content changed.
 */
export class SiteBuilder {
  private volumes = new Map<string, LoadedSiteVolume>();
  private templates?: SiteTemplates;
  private images = new Map<string, ResponsiveImage>();
  private plans: VolumePlan[] = [];
  private shardOf = new Map<string, string>();
  private shardFiles = new Map<string, string[]>();
  private searchBytes = new Map<string, number>();
  private html = new Map<string, string>();
  private output?: SiteOutput;
  private generation = 0;

  constructor(private readonly options: SiteBuilderOptions) {}

  /** The volume folders the site is built from (absolute). */
  volumeDirs(): string[] {
    return this.options.volumes.map((dir) => resolve(dir));
  }

  /** Loads, assembles and renders everything, then makes the output folder match. */
  async build(): Promise<SiteReport> {
    const { timings, time } = stopwatch();
    this.output ??= await SiteOutput.open(this.options.outDir);
    this.progress('读取并汇编各卷');
    const loaded = await time('assemble', () => Promise.all(this.options.volumes.map((dir) => loadSiteVolume(resolve(dir)))));
    const problems = loaded.flatMap((volume) => volume.problems);
    if (problems.length) throw new SiteProblems(problems);
    this.volumes = new Map(loaded.map((volume) => [volume.dir, volume]));
    this.html = new Map();
    this.shardFiles = new Map();
    this.searchBytes = new Map();
    this.templates = await loadSiteTemplates(this.options.urls.href, this.options.templateDir);
    this.replan();
    this.progress('处理图片');
    const warnings: string[] = [];
    const imageArtifacts = await time('images', () => this.prepareImages(this.allFigureSources(), warnings));
    this.progress('生成页面');
    this.shardOf = planShards(this.plans);
    const specs = this.specs();
    const pages = await time('pages', async () => specs.map((spec) => ({ path: spec.path, data: spec.render(), spec })));
    for (const page of pages) if (page.spec.shard) this.html.set(page.spec.url, page.data);
    this.progress('建立全文检索索引');
    const searchArtifacts = await time('search', () => this.indexShards(new Set(this.shardOf.values())));
    const data = await time('data', async () => [...this.plans.map((plan) => openDataArtifact(plan, this.options.urls)), await openDataSchemaArtifact()]);
    this.progress('写入输出目录');
    const artifacts = [...this.templates.artifacts, ...imageArtifacts, ...pages.map(({ path, data }) => ({ path, data })), ...searchArtifacts, ...data];
    const result = await time('write', () => this.output!.replaceAll(artifacts));
    return this.report({ result, pages, reindexed: new Set(this.shardOf.values()).size, warnings, timings, full: true });
  }

  /**
   * Rebuilds after files changed. A chapter edit that keeps the volume's structure (the same chapters
   * published at the same nodes) takes the incremental path; anything else (configuration, templates,
   * a chapter published or withdrawn) rebuilds the whole site, still writing only what changed. The
   * pages are written first and `pagesWritten` is told which changed (the dev server reloads them);
   * the search shards that held those pages are re-indexed after that.
   */
  async update(paths: readonly string[], hooks: { pagesWritten?(changedUrls: string[]): void } = {}): Promise<SiteReport> {
    const { timings, time } = stopwatch();
    const changedKeys = new Set<string>();
    const touchedVolumes = new Set<string>();
    const needsFullBuild = await time('assemble', async () => {
      for (const path of paths.map((path) => resolve(path))) if ((await this.applyChange(path, changedKeys, touchedVolumes)) === 'full') return true;
      return false;
    });
    if (needsFullBuild) {
      const report = await this.build();
      hooks.pagesWritten?.(report.changedUrls);
      return report;
    }
    if (!changedKeys.size) return this.report({ result: { written: [], removed: [] }, pages: [], reindexed: 0, warnings: [], timings, full: false });
    this.replan();
    const warnings: string[] = [];
    const imageArtifacts = await time('images', () => this.prepareImages(this.figureSourcesOf(changedKeys), warnings));
    const specs = this.specs().filter((spec) => spec.deps.some((key) => changedKeys.has(key)));
    const pages = await time('pages', async () => specs.map((spec) => ({ path: spec.path, data: spec.render(), spec })));
    const data = this.plans.filter((plan) => touchedVolumes.has(plan.volume.dir)).map((plan) => openDataArtifact(plan, this.options.urls));
    const written = await time('write', () => this.output!.apply([...imageArtifacts, ...pages.map(({ path, data }) => ({ path, data })), ...data], []));
    const changedUrls = this.changedUrls(pages, written.written);
    hooks.pagesWritten?.(changedUrls);

    const dirtyShards = new Set<string>();
    for (const page of pages) {
      if (!page.spec.shard || this.html.get(page.spec.url) === page.data) continue;
      dirtyShards.add(page.spec.shard);
      this.html.set(page.spec.url, page.data);
    }
    const oldShardFiles = [...dirtyShards].flatMap((shard) => this.shardFiles.get(shard) ?? []);
    const searchArtifacts = await time('search', () => this.indexShards(dirtyShards));
    const fresh = new Set(searchArtifacts.map((artifact) => artifact.path));
    const indexed = await time('write', () => this.output!.apply(searchArtifacts, oldShardFiles.filter((path) => !fresh.has(path))));
    const result = { written: [...written.written, ...indexed.written], removed: [...written.removed, ...indexed.removed] };
    return this.report({ result, pages, reindexed: dirtyShards.size, warnings, timings, full: false });
  }

  /** Records what a changed file changes; 'full' when only a full rebuild is right. */
  private async applyChange(path: string, changedKeys: Set<string>, touchedVolumes: Set<string>): Promise<'ok' | 'full'> {
    const templateDir = resolve(this.options.templateDir ?? SITE_TEMPLATE_DIR);
    if (path.startsWith(`${templateDir}${sep}`)) return 'full';
    const site = [...this.volumes.values()].find((volume) => path.startsWith(`${volume.dir}${sep}`));
    if (!site) return /\.ya?ml$/.test(path) ? 'full' : 'ok';
    const inChapters = path.startsWith(`${site.dir}${sep}chapters${sep}`) && /\.(md|markdown|txt)$/i.test(path);
    if (!inChapters || !site.volume || !site.loaded.chapterPaths.includes(path) || !(await exists(path))) return 'full';
    const wasPublished = site.volume.chapterNodes.get(path);
    const decision = await decidePublication(site.loaded, [path]);
    if (!decision.published.length) return wasPublished ? 'full' : 'ok';
    if (!wasPublished) return 'full';
    const { section, assembled } = await assembleOneChapter(site.loaded, path, wasPublished);
    if (!section?.chapter) return 'full';
    const volume = site.volume.assembled;
    const old = findLeaf(volume.sections, wasPublished);
    if (!old) return 'full';
    renameIndexIds(section, assembled.index, `u${++this.generation}-`);
    old.siblings[old.siblings.indexOf(old.section)] = section;
    const index = replaceChapterIndex(volume.index, old.section, assembled.index, volume.sections);
    changedKeys.add(`chapter:${volume.id}:${section.id}`);
    if (entryTitles(old.section) !== entryTitles(section)) changedKeys.add(`titles:${volume.id}:${section.id}`);
    if (JSON.stringify(index) !== JSON.stringify(volume.index)) changedKeys.add(`index:${volume.id}`);
    volume.index = index;
    touchedVolumes.add(site.dir);
    return 'ok';
  }

  private replan(): void {
    const ready = [...this.volumes.values()].flatMap((site) => (site.volume ? [planVolume(site.volume)] : []));
    for (const plan of ready) {
      if (RESERVED.has(plan.volume.assembled.id)) throw new RenderError(`卷标识「${plan.volume.assembled.id}」与网站的固定目录同名，请在 volume.yaml 中改用其他标识`);
    }
    const ids = ready.map((plan) => plan.volume.assembled.id);
    const twice = ids.find((id, position) => ids.indexOf(id) !== position);
    if (twice) throw new RenderError(`有两卷的卷标识都是「${twice}」，网站无法区分`);
    const kindOrder = { yearbook: 0, gazetteer: 1 } as const;
    this.plans = ready
      .filter((plan) => plan.sections.length)
      .sort((a, b) => kindOrder[a.volume.assembled.kind] - kindOrder[b.volume.assembled.kind] || b.volume.year - a.volume.year || a.volume.assembled.id.localeCompare(b.volume.assembled.id));
  }

  private context(): SiteContext {
    // With nothing published the site still has its home page: withdrawn pages must disappear, not linger.
    const region = [...this.volumes.values()].find((site) => site.loaded.volume)?.loaded.volume!.config.region ?? '';
    return {
      title: this.options.title ?? `${region}地情网`,
      templates: this.templates!,
      urls: this.options.urls,
      images: this.images,
      searchIndexes: [...new Set(this.shardOf.values())].map((shard) => this.options.urls.href(shardPath(shard))),
    };
  }

  private specs(): PageSpec[] {
    const context = this.context();
    const linian = buildLinianIndex(this.plans);
    const specs = [
      homePage(this.plans, linian, context),
      ...this.plans.flatMap((plan) => volumePages(plan, context, linian, this.shardOf)),
      ...linianPages(linian, context),
      ...(this.plans.some((plan) => chronicleLeaves(plan).length) ? [chroniclePage(this.plans, context)] : []),
      searchPage(this.plans, context),
      notFoundPage(context),
    ];
    return [...specs, ...crawlerFiles(specs, context)];
  }

  private async indexShards(shards: Set<string>): Promise<Artifact[]> {
    const byShard = new Map<string, SearchPage[]>();
    for (const [url, shard] of this.shardOf) {
      if (!shards.has(shard)) continue;
      byShard.set(shard, [...(byShard.get(shard) ?? []), { url: this.options.urls.href(url), html: this.html.get(url) ?? '' }]);
    }
    const results = await Promise.all([...byShard].map(async ([shard, pages]) => ({ shard, ...(await indexShard(shard, pages)) })));
    const artifacts = new Map<string, Artifact>();
    for (const result of results) {
      this.shardFiles.set(result.shard, result.artifacts.map((artifact) => artifact.path).filter((path) => path.startsWith(shardPath(result.shard))));
      this.searchBytes.set(result.shard, result.indexBytes);
      for (const artifact of result.artifacts) artifacts.set(artifact.path, artifact);
    }
    return [...artifacts.values()];
  }

  private async prepareImages(sources: Set<string>, warnings: string[]): Promise<Artifact[]> {
    const artifacts: Artifact[] = [];
    const queue = [...sources];
    // One picture per core: each picture's encoders run one after another.
    const worker = async () => {
      for (let src = queue.shift(); src; src = queue.shift()) {
        try {
          const prepared = await prepareSiteImage(src, this.options.cacheDir);
          this.images.set(src, prepared.image);
          artifacts.push(...prepared.artifacts);
        } catch (error) {
          this.images.delete(src);
          warnings.push(`图片 ${src} 无法处理（${(error as Error).message}），网页上只显示图片说明`);
        }
      }
    };
    await Promise.all(Array.from({ length: availableParallelism() }, worker));
    return artifacts;
  }

  private allFigureSources(): Set<string> {
    const sources = new Set<string>();
    for (const plan of this.plans) {
      for (const plate of plan.volume.assembled.plates) sources.add(plate.src);
      visitLeaves(plan.sections, (leaf) => figureSources(leaf.chapter?.blocks ?? [], sources));
    }
    return sources;
  }

  private figureSourcesOf(keys: Set<string>): Set<string> {
    const sources = new Set<string>();
    for (const plan of this.plans) {
      visitLeaves(plan.sections, (leaf) => {
        if (keys.has(`chapter:${plan.volume.assembled.id}:${leaf.id}`)) figureSources(leaf.chapter?.blocks ?? [], sources);
      });
    }
    for (const src of sources) if (this.images.has(src)) sources.delete(src);
    return sources;
  }

  private report(input: {
    result: { written: string[]; removed: string[] };
    pages: Array<{ path: string; spec: PageSpec }>;
    reindexed: number;
    warnings: string[];
    timings: Record<string, number>;
    full: boolean;
  }): SiteReport {
    const sites = [...this.volumes.values()];
    return {
      written: input.result.written,
      removed: input.result.removed,
      pages: this.specs().filter((spec) => spec.path.endsWith('.html')).length,
      rendered: input.pages.map((page) => page.spec.url),
      changedUrls: this.changedUrls(input.pages, input.result.written),
      search: { shards: this.searchBytes.size, reindexed: input.reindexed, bytes: [...this.searchBytes.values()].reduce((sum, bytes) => sum + bytes, 0) },
      volumes: this.plans.map((plan) => ({ id: plan.volume.assembled.id, title: plan.volume.assembled.title })),
      skipped: sites.filter((site) => !this.plans.some((plan) => plan.volume.dir === site.dir)).map((site) => ({ dir: site.dir, reason: site.withheld[0]?.reason ?? '没有已公开的稿件' })),
      withheld: sites.flatMap((site) => site.withheld),
      warnings: input.warnings,
      timings: input.timings,
      full: input.full,
    };
  }

  /** Site paths of the pages among `pages` whose files were written (their content changed). */
  private changedUrls(pages: Array<{ path: string; spec: PageSpec }>, written: string[]): string[] {
    const paths = new Set(written.map((path) => relative(this.options.outDir, path).split(sep).join('/')));
    return pages.filter((page) => paths.has(page.path)).map((page) => page.spec.url);
  }

  private progress(message: string): void {
    this.options.progress?.(message);
  }
}

/** Times the stages of a build, in milliseconds. */
function stopwatch(): { timings: Record<string, number>; time<T>(stage: string, work: () => Promise<T>): Promise<T> } {
  const timings: Record<string, number> = {};
  return {
    timings,
    async time(stage, work) {
      const started = performance.now();
      try {
        return await work();
      } finally {
        timings[stage] = (timings[stage] ?? 0) + Math.round(performance.now() - started);
      }
    },
  };
}

/** A volume whose configuration cannot be used: the site is not built, and these say why. */
export class SiteProblems extends Error {
  constructor(readonly messages: VFileMessage[]) {
    super(`${messages.length}处卷配置错误`);
  }
}

/**
 * Puts the chapter pages of each volume into search shards of about SHARD_CHARS characters, in reading
 * order, so an edit re-indexes one shard. Decided in a full build and kept while chapters are edited.
 */
function planShards(plans: readonly VolumePlan[]): Map<string, string> {
  const shardOf = new Map<string, string>();
  for (const plan of plans) {
    const groups: string[][] = [[]];
    let chars = 0;
    for (const page of plan.content) {
      const size = (page.leaf!.chapter?.blocks ?? []).reduce((sum, block) => sum + blockText(block).length, 0);
      if (chars && chars + size > SHARD_CHARS) {
        groups.push([]);
        chars = 0;
      }
      groups[groups.length - 1]!.push(page.url);
      chars += size;
    }
    const id = plan.volume.assembled.id;
    groups.forEach((urls, position) => urls.forEach((url) => shardOf.set(url, groups.length > 1 ? `${id}-${position + 1}` : id)));
  }
  return shardOf;
}

/** A leaf of the assembled tree and the array that holds it, so that it can be replaced in place. */
function findLeaf(sections: Section[], id: string): { section: Section; siblings: Section[] } | undefined {
  for (const section of sections) {
    if (section.id === id && !section.children.length) return { section, siblings: sections };
    const found = findLeaf(section.children, id);
    if (found) return found;
  }
  return undefined;
}

function entryTitles(section: Section): string {
  return JSON.stringify((section.chapter?.blocks ?? []).map((block) => (block.type === 'entry' ? block.title : block.type === 'heading' ? `#${block.text}` : '')));
}

function figureSources(blocks: readonly Block[], sources: Set<string>): void {
  for (const block of blocks) {
    if (block.type === 'figure') sources.add(block.src);
    else if (block.type === 'entry') figureSources(block.body, sources);
    else if (block.type === 'quote') figureSources(block.children, sources);
  }
}
