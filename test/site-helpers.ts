import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';

/**
 * Every file of a built site as text, keyed by its path in the site: pagefind's gzipped index files
 * are unpacked and the zero-width spaces pagefind puts between Chinese words are removed, so that a
 * search for a string finds it wherever the site carries it.
 */
export async function siteTexts(dir: string): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    let bytes = await readFile(path);
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
    texts.set(relative(dir, path).split('\\').join('/'), bytes.toString('utf8').replace(/\u200b/g, ''));
  }
  return texts;
}

/** Paths of the files that contain `needle` (case-insensitive: pagefind stores words in lower case). */
export function filesContaining(texts: Map<string, string>, needle: string): string[] {
  const lower = needle.toLowerCase();
  return [...texts].filter(([, text]) => text.toLowerCase().includes(lower)).map(([path]) => path);
}
