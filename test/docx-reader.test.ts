import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadVolume } from '../src/load/load-volume.js';
import type { AssembledVolume, Finding } from '../src/model/assembled.js';
import { assembleFromDisk, runCheck } from '../src/pipeline.js';
import { docxFormat } from '../src/render/docx/docx-format.js';
import { READER_ARGS, readMarkdownBlocks } from '../src/render/docx/pandoc-reader.js';
import { WriteContext } from '../src/render/docx/write-context.js';
import { writeDocxBlocks } from '../src/render/docx/write-docx-markdown.js';
import type { RenderContext } from '../src/render/output-format.js';
import { runTool } from '../src/render/run-tool.js';
import { root, tempDir } from './helpers.js';

interface PandocDocument {
  'pandoc-api-version': number[];
  meta: object;
  blocks: unknown[];
}

/** Pandoc's reading of the whole document at once: what the per-block reading must reproduce. */
async function wholeReading(blocks: readonly string[]): Promise<PandocDocument> {
  const { stdout } = await runTool('pandoc', [...READER_ARGS, '-t', 'json'], { debianPackage: 'pandoc', input: `${blocks.join('\n\n')}\n` });
  return JSON.parse(stdout.toString('utf8')) as PandocDocument;
}

async function assemble(dir: string): Promise<AssembledVolume> {
  const check = await runCheck([dir], { cache: false, cacheDir: '', final: false, jobs: 1 });
  return (await assembleFromDisk(await loadVolume(dir), check.files, { mode: 'draft' })).assembled;
}

/** Text the checker reports (approx-no-stack, commentary) and CriticMarkup: comments and tracked changes. */
const REVIEWED_ENTRY =
  '\n【志愿服务】全年参加志愿服务的市民约1000多人{>>@审稿人：请核实人数<<}，{++新增++}服务站{--12个--}，{==服务时长==}{>>单位？<<}居全省前列，具有重要意义。\n';

describe('pandoc reading block by block', () => {
  let dir: string;
  let volumeDir: string;
  let blocks: string[];

  beforeAll(async () => {
    dir = await tempDir('fangzhi-docx-reader-');
    volumeDir = join(dir, 'yearbook-2016');
    await cp(join(root, 'content/yearbook-2016'), volumeDir, { recursive: true });
    const chapter = join(volumeDir, 'chapters/jingji/jingji-caizheng.md');
    await writeFile(chapter, `${await readFile(chapter, 'utf8')}${REVIEWED_ENTRY}`);
    blocks = writeDocxBlocks(await assemble(volumeDir), new Map());
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('gives exactly the AST of the whole document for the sample yearbook, comments included', async () => {
    const markdown = blocks.join('\n\n');
    expect(markdown).toContain('author="体例检查"');
    expect(markdown).toContain('author="审稿人"');
    expect(markdown).toContain('.insertion');
    const whole = await wholeReading(blocks);
    const { json, misses } = await readMarkdownBlocks(blocks);
    expect(misses).toBe(new Set(blocks).size);
    expect(JSON.parse(json)).toEqual(whole);
    // Several pandoc runs side by side give the same document.
    expect(JSON.parse((await readMarkdownBlocks(blocks, undefined, { charsPerRun: 1000 })).json)).toEqual(whole);
  });

  it('keeps the reading in a cache file and reads again only blocks that changed', async () => {
    const cacheFile = join(dir, 'cache', 'volume.blocks');
    const cold = await readMarkdownBlocks(blocks, cacheFile);
    expect(cold.hits).toBe(0);
    const warm = await readMarkdownBlocks(blocks, cacheFile);
    expect(warm).toEqual({ json: cold.json, hits: blocks.length, misses: 0 });

    const target = blocks.findIndex((block) => block.startsWith('::: {custom-style="正文"}') && block.includes('。'));
    const changed = blocks.map((block, index) => (index === target ? block.replace('。', '，') : block));
    expect(changed[target]).not.toBe(blocks[target]);
    const edited = await readMarkdownBlocks(changed, cacheFile);
    expect(edited.misses).toBe(1);
    expect(JSON.parse(edited.json)).toEqual(await wholeReading(changed));
    // Only entries of the last build stay: the old reading of the changed block is gone.
    const lines = (await readFile(cacheFile, 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(new Set(changed).size + 1);
    expect((await readMarkdownBlocks(blocks, cacheFile)).misses).toBe(1);
  });

  it('ignores a cache written with another pandoc', async () => {
    const cacheFile = join(dir, 'other-pandoc.blocks');
    await readMarkdownBlocks(blocks, cacheFile);
    const [header, ...entries] = (await readFile(cacheFile, 'utf8')).split('\n');
    await writeFile(cacheFile, [JSON.stringify({ ...JSON.parse(header!), pandoc: 'pandoc 1.0' }), ...entries].join('\n'));
    expect((await readMarkdownBlocks(blocks, cacheFile)).misses).toBe(new Set(blocks).size);
  });

  it('keeps the Markdown of other chapters unchanged when the first chapter gets a new entry', async () => {
    const first = join(volumeDir, 'chapters/tezai/tezai-shierwu.md');
    const original = await readFile(first, 'utf8');
    // Up front, with an index mark: every later index mark of the volume gets a new id.
    const added = original.replace(/\n---\n\n/, '\n---\n\n【新增条目】[示例新区]{.index}全年新建项目约100多个，具有重要意义。\n\n');
    expect(added).not.toBe(original);
    await writeFile(first, added);
    try {
      const after = writeDocxBlocks(await assemble(volumeDir), new Map());
      const before = new Set(blocks);
      const changed = after.filter((block) => !before.has(block));
      // The new entry, the chapter's blocks whose lines moved (their comments), the TOC block of 特载,
      // the title page's count, and the index: the rest of the volume reads from the cache.
      expect(changed.length).toBeGreaterThan(0);
      expect(changed.length).toBeLessThan(15);
      const start = (list: string[]) => list.findIndex((block) => block.includes('大事记') && block.includes('类目标题'));
      const end = (list: string[]) => list.findIndex((block) => block.startsWith('::: {custom-style="辅文标题" #') && block.includes('索引'));
      expect(start(after)).toBeGreaterThan(0);
      expect(after.slice(start(after), end(after))).toEqual(blocks.slice(start(blocks), end(blocks)));
    } finally {
      await writeFile(first, original);
    }
  });
});

describe('docxFormat.render with a cache folder', () => {
  let cacheDir: string;
  beforeAll(async () => {
    cacheDir = await tempDir('fangzhi-docx-cache-');
  });
  afterAll(() => rm(cacheDir, { recursive: true, force: true }));

  it('writes the same document from the cache, with TOC links and index links on bookmarks', async () => {
    const volume = await assemble(join(root, 'content/yearbook-2016'));
    const context: RenderContext = { baseName: 'yearbook-2016', print: { trim: '16k' }, cacheDir, progress: () => {} };
    const documentXml = async () => strFromU8(unzipSync((await docxFormat.render(volume, context))[0]!.data as Uint8Array)['word/document.xml']!);
    const cold = await documentXml();
    expect(await readFile(join(cacheDir, 'docx', 'yearbook-2016-draft.blocks'), 'utf8')).toMatch(/^\{"pandoc":"pandoc /);
    expect(await documentXml()).toBe(cold);
    const bookmarks = new Set([...cold.matchAll(/<w:bookmarkStart [^>]*w:name="([^"]+)"/g)].map(([, name]) => name));
    const anchors = [...cold.matchAll(/<w:hyperlink [^>]*w:anchor="([^"]+)"/g)].map(([, anchor]) => anchor!);
    expect(anchors.length).toBeGreaterThan(100);
    expect(anchors.filter((anchor) => !bookmarks.has(anchor))).toEqual([]);
    for (const name of bookmarks) expect(name).toMatch(/^[A-Za-z][A-Za-z0-9]{0,39}$/);
  });
});

describe('bookmark names and comment ids', () => {
  const WORD_BOOKMARK = /^[A-Za-z][A-Za-z0-9]{0,39}$/;

  it('come from the anchor, not from the order, and stay unique for a repeated anchor', () => {
    const context = new WriteContext(true, new Map());
    const name = context.bookmark('e-shehui-jiaoyu-1');
    const other = new WriteContext(true, new Map());
    other.bookmark('n-tezai');
    expect(other.bookmark('e-shehui-jiaoyu-1')).toBe(name);
    expect(name).toMatch(WORD_BOOKMARK);
    const again = context.bookmark('e-shehui-jiaoyu-1');
    expect(again).not.toBe(name);
    expect(again).toMatch(WORD_BOOKMARK);
    // The locator keeps the first place of the anchor.
    expect(context.locator('e-shehui-jiaoyu-1')?.bookmark).toBe(name);
  });

  it('number comments from what they say, unique even for a repeated finding', () => {
    const finding: Finding = { ruleId: 'commentary', severity: 'warning', message: '评论性语句', line: 3, column: 1 };
    const ids = (context: WriteContext) => [...context.comments([finding, finding]).open.matchAll(/id="(\d+)"/g)].map(([, id]) => Number(id));
    const context = new WriteContext(true, new Map());
    context.chapterPath = '/vol/chapters/shehui/jiaoyu.md';
    const first = ids(context);
    const other = new WriteContext(true, new Map());
    other.comments([{ ...finding, line: 9 }]);
    other.chapterPath = '/vol/chapters/shehui/jiaoyu.md';
    expect(ids(other)).toEqual(first);
    expect(new Set(first).size).toBe(2);
    for (const id of first) expect(id).toBeLessThanOrEqual(0x7fffffff);
    // The same findings again in the document get ids of their own.
    expect(ids(context).some((id) => first.includes(id))).toBe(false);
  });
});
