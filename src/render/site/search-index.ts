import * as pagefind from 'pagefind';
import type { Artifact } from '../output-format.js';
import { RenderError } from '../output-format.js';

/** A page to index: its URL as the browser will request it and its HTML. */
export interface SearchPage {
  url: string;
  html: string;
}

/**
 * About this many characters go into one search shard. Pagefind cannot update an index in place, so an
 * edit re-indexes the shard that holds the page: at about 2.3 ms per thousand characters, a shard of
 * this size is re-indexed in about half a second, while the browser merges a handful of shards.
 */
export const SHARD_CHARS = 250_000;

/** Where the search files live on the site: pagefind/pagefind.js and one folder per shard. */
export const SEARCH_DIR = 'pagefind';
export const shardPath = (shardId: string) => `${SEARCH_DIR}/${shardId}/`;

/** Files of the pagefind bundle the site uses; the bundled default UIs are left out (the site has its own). */
const KEEP = /^(pagefind-entry\.json|pagefind\.[^/]+\.pf_meta|wasm\.[^/]+\.pagefind|pagefind-worker\.js|(index|fragment|filter)\/.+)$/;

/**
 * Indexes one shard with pagefind's Node API (Chinese segmentation: the pages are zh-CN) and returns its
 * files as artifacts below pagefind/<shard>/, plus pagefind.js for the site's search page.
 */
export async function indexShard(shardId: string, pages: readonly SearchPage[]): Promise<{ artifacts: Artifact[]; indexBytes: number }> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
  if (!index) throw new RenderError(`无法启动全文检索索引程序 pagefind：${errors.join('；')}`);
  try {
    const added = await Promise.all(pages.map((page) => index.addHTMLFile({ url: page.url, content: page.html })));
    const failed = added.flatMap((result, position) => result.errors.map((error) => `${pages[position]!.url}：${error}`));
    if (failed.length) throw new RenderError(`全文检索索引失败：${failed.join('；')}`);
    const { files, errors: writeErrors } = await index.getFiles();
    if (writeErrors.length) throw new RenderError(`全文检索索引失败：${writeErrors.join('；')}`);
    const artifacts: Artifact[] = [];
    let indexBytes = 0;
    for (const file of files) {
      if (file.path === 'pagefind.js') artifacts.push({ path: `${SEARCH_DIR}/pagefind.js`, data: file.content });
      if (!KEEP.test(file.path)) continue;
      artifacts.push({ path: `${shardPath(shardId)}${file.path}`, data: file.content });
      if (!file.path.endsWith('.js')) indexBytes += file.content.byteLength;
    }
    return { artifacts, indexBytes };
  } finally {
    await index.deleteIndex();
  }
}

/** Stops pagefind's indexing service (a child process); a later index starts it again. */
export async function closeSearchService(): Promise<void> {
  await pagefind.close();
}
