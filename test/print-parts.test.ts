import { readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IndexEntry } from '../src/model/assembled.js';
import { bodyStarts, folios, indexLines, paddedPages, tocLines, type PartReport } from '../src/render/pdf/page-map.js';
import { hashParts } from '../src/cache/lint-cache.js';
import { PartCache } from '../src/render/pdf/part-cache.js';
import { tempDir } from './helpers.js';

const politics: PartReport = {
  pages: 3,
  marks: [
    { id: 'n-zhengzhi', page: 1, column: 'a', level: 0, title: '政治' },
    { id: 'e-1', page: 1, column: 'b', level: 2, title: '召开全会' },
    { id: 'i-1', page: 2, column: 'a' },
    { id: 'i-2', page: 3, column: 'b' },
  ],
};
const economy: PartReport = {
  pages: 4,
  marks: [
    { id: 'n-jingji', page: 1, column: 'a', level: 0, title: '经济' },
    { id: 'e-2', page: 2, column: 'a', level: 2, title: '财政收支' },
    { id: 'i-3', page: 2, column: 'b' },
    { id: 'i-4', page: 2, column: 'a' },
  ],
};

describe('where the parts land', () => {
  it('starts every part on a recto: an odd page count gets a blank verso', () => {
    expect(paddedPages(3)).toBe(4);
    expect(paddedPages(4)).toBe(4);
    expect(bodyStarts([3, 4, 1])).toEqual({ starts: [1, 5, 9], next: 11 });
    expect(bodyStarts([])).toEqual({ starts: [], next: 1 });
  });

  it('numbers the 目录 lines by body page and puts the 索引 last', () => {
    expect(tocLines([politics, economy], [1, 5], 9)).toEqual([
      { level: 0, title: '政治', page: 1 },
      { level: 2, title: '召开全会', page: 1 },
      { level: 0, title: '经济', page: 5 },
      { level: 2, title: '财政收支', page: 6 },
      { level: 0, title: '索引', page: 9 },
    ]);
    expect(tocLines([politics], [1], null).map((line) => line.title)).toEqual(['政治', '召开全会']);
  });

  it('gives index locators as page and column, each place once, in page order', () => {
    const entries: IndexEntry[] = [
      { term: '财政', sortKey: 'cai2 zheng4', letter: 'C', locators: ['i-4', 'i-3', 'e-2', 'i-1', 'i-2'] },
      { term: '县政协', sortKey: 'xian4 zheng4 xie2', letter: 'X', locators: [], see: '中国人民政治协商会议示例县委员会' },
      { term: '未排出', sortKey: 'wei4', letter: 'W', locators: ['i-unknown'] },
    ];
    expect(indexLines(entries, [politics, economy], [1, 5])).toEqual([
      { term: '财政', letter: 'C', locators: ['2a', '3b', '6a', '6b'], see: null },
      { term: '县政协', letter: 'X', locators: [], see: '中国人民政治协商会议示例县委员会' },
      { term: '未排出', letter: 'W', locators: [], see: null },
    ]);
  });

  it('prints no folio on the front matter and on blank versos, and counts the versos', () => {
    expect(folios(4, [3, 2, 1])).toEqual([null, null, null, null, 1, 2, 3, null, 5, 6, 7, null]);
  });
});

describe('the cache of laid-out parts', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await tempDir('fangzhi-parts-');
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('keys a part by all its inputs, and by their boundaries', () => {
    expect(hashParts('a', 'b')).toBe(hashParts('a', 'b'));
    expect(hashParts('a', 'b')).not.toBe(hashParts('a', 'c'));
    expect(hashParts('ab', 'c')).not.toBe(hashParts('a', 'bc'));
    expect(hashParts(Buffer.from('模板'), 'x')).toMatch(/^[0-9a-f]{40}$/);
  });

  it('gives back what was put, and nothing for a part whose PDF is gone or whose report is damaged', async () => {
    const cache = new PartCache(dir);
    const key = hashParts('part');
    expect(await cache.get(key)).toBeUndefined();
    const stored = await cache.put(key, new TextEncoder().encode('%PDF-1.7'), politics);
    expect(await new PartCache(dir).get(key)).toEqual(stored);
    await rm(stored.pdfPath);
    expect(await new PartCache(dir).get(key)).toBeUndefined();
    await writeFile(join(dir, `${key}.json`), '{"pages":');
    expect(await new PartCache(dir).get(key)).toBeUndefined();
  });

  it('removes old parts that no build uses any more, and keeps every build’s own', async () => {
    const old = new Date(Date.now() - 2 * 60 * 60 * 1000);
    const full = new PartCache(dir);
    await full.put(hashParts('a'), new Uint8Array([1]), politics);
    await full.put(hashParts('b'), new Uint8Array([2]), economy);
    await full.prune('yearbook');
    const section = new PartCache(dir);
    await section.put(hashParts('c'), new Uint8Array([3]), economy);
    await section.prune('yearbook-n-jingji');
    // The volume is built again after an edit: part b is replaced by d.
    const rebuilt = new PartCache(dir);
    await rebuilt.get(hashParts('a'));
    await rebuilt.put(hashParts('d'), new Uint8Array([4]), economy);
    for (const name of await readdir(dir)) if (name.endsWith('.pdf') || name.endsWith('.json')) await utimes(join(dir, name), old, old);
    await rebuilt.prune('yearbook');
    const left = (await readdir(dir)).filter((name) => name.endsWith('.pdf')).sort();
    expect(left).toEqual([hashParts('a'), hashParts('c'), hashParts('d')].map((key) => `${key}.pdf`).sort());
  });

  it('keeps a recent part no build has recorded yet: another build may be using it', async () => {
    await new PartCache(dir).put(hashParts('running'), new Uint8Array([1]), politics);
    await new PartCache(dir).prune('other');
    expect(await new PartCache(dir).get(hashParts('running'))).toBeDefined();
  });
});
