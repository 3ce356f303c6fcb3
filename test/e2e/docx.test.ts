import { execFileSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadVolume } from '../../src/load/load-volume.js';
import type { AssembledVolume, Block, BuildMode, Inline, Section } from '../../src/model/assembled.js';
import { assembleFromDisk, runCheck } from '../../src/pipeline.js';
import { docxFormat } from '../../src/render/docx/docx-format.js';
import type { RenderContext } from '../../src/render/output-format.js';
import { root, tempDir } from '../helpers.js';

let cacheDir: string;
beforeAll(async () => {
  cacheDir = await tempDir('fangzhi-docx-e2e-');
});
afterAll(() => rm(cacheDir, { recursive: true, force: true }));

async function assemble(volume: string, options: { mode?: BuildMode; only?: string; unit?: string } = {}): Promise<AssembledVolume> {
  return assembleDir(join(root, 'content', volume), options);
}

async function assembleDir(dir: string, options: { mode?: BuildMode; only?: string; unit?: string } = {}): Promise<AssembledVolume> {
  const mode = options.mode ?? 'draft';
  const check = await runCheck([dir], { cache: true, cacheDir, final: mode === 'final', jobs: 2 });
  const loaded = await loadVolume(dir);
  return (await assembleFromDisk(loaded, check.files, { ...options, mode })).assembled;
}

async function renderDocx(volume: AssembledVolume): Promise<{ files: Record<string, Uint8Array>; seconds: number }> {
  const context: RenderContext = { baseName: volume.id, print: { trim: '16k' }, progress: () => {} };
  const started = performance.now();
  const [artifact] = await docxFormat.render(volume, context);
  const seconds = (performance.now() - started) / 1000;
  console.log(`Word：${volume.title}（${volume.scope.kind}）生成 ${seconds.toFixed(2)} 秒`);
  return { files: unzipSync(artifact!.data as Uint8Array), seconds };
}

const xml = (files: Record<string, Uint8Array>, path: string) => strFromU8(files[path]!);

/** The text of each paragraph: its w:t runs joined, as Word shows it. */
function paragraphTexts(document: string): string[] {
  return [...document.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([paragraph]) => [...paragraph.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map(([, text]) => text).join(''));
}

/** Style ids used in document.xml, and the names of the styles defined in styles.xml by id. */
function styleUse(files: Record<string, Uint8Array>): { used: Set<string>; names: Map<string, string> } {
  const used = new Set([...xml(files, 'word/document.xml').matchAll(/<w:[pr]Style w:val="([^"]+)"/g)].map(([, id]) => id!));
  const names = new Map([...xml(files, 'word/styles.xml').matchAll(/w:styleId="([^"]+)"[^>]*>\s*<w:name w:val="([^"]+)"/g)].map(([, id, name]) => [id!, name!]));
  return { used, names };
}

/**
 * Breaks the first text of every paragraph in the middle, between two Chinese characters, as a writer
 * who wraps lines in the source would: the DOCX must not show a space there.
 */
function wrapSourceLines(sections: Section[]): number {
  let breaks = 0;
  const inlines = (list: Inline[]) => {
    const text = list.find((inline): inline is Extract<Inline, { type: 'text' }> => inline.type === 'text' && inline.value.length > 20);
    if (!text) return;
    const middle = [...text.value.matchAll(/\p{Script=Han}(?=\p{Script=Han})/gu)].find((match) => match.index! > text.value.length / 2);
    if (!middle) return;
    text.value = `${text.value.slice(0, middle.index! + 1)}\n${text.value.slice(middle.index! + 1)}`;
    breaks++;
  };
  const blocks = (list: Block[]) => {
    for (const block of list) {
      if (block.type === 'paragraph') inlines(block.inlines);
      if (block.type === 'entry') blocks(block.body);
    }
  };
  for (const section of sections) {
    blocks(section.chapter?.blocks ?? []);
    breaks += wrapSourceLines(section.children);
  }
  return breaks;
}

const CJK = '[\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef]';
const STRAY_SPACE = new RegExp(`${CJK}[ \\t\\u00a0]+${CJK}`, 'u');

describe('Word edition of the sample yearbook', () => {
  let volume: AssembledVolume;
  let files: Record<string, Uint8Array>;
  let document: string;
  let wrapped = 0;

  beforeAll(async () => {
    volume = await assemble('yearbook-2016');
    wrapped = wrapSourceLines(volume.sections);
    ({ files } = await renderDocx(volume));
    document = xml(files, 'word/document.xml');
  }, 120_000);

  it('uses the Chinese styles, all of them defined in styles.xml under their Chinese names', () => {
    const { used, names } = styleUse(files);
    for (const id of used) expect(names.has(id), `样式 ${id} 未在 styles.xml 中定义`).toBe(true);
    for (const name of ['类目标题', '分目标题', '条目标题', '正文', '署名', '表题', '图注']) {
      expect(used.has(name), `文档未使用样式 ${name}`).toBe(true);
      expect(names.get(name)).toBe(name);
    }
  });

  it('has no stray spaces between Chinese characters, although source lines were broken', () => {
    expect(wrapped).toBeGreaterThan(100);
    const offending = paragraphTexts(document).filter((text) => STRAY_SPACE.test(text));
    expect(offending).toEqual([]);
    expect(document).not.toMatch(/<w:t[^>]*>[^<]*\n/);
  });

  it('has a TOC field that lists headings by outline level and entries by TC fields', () => {
    expect(document).toMatch(/<w:fldChar w:fldCharType="begin" w:dirty="true"\/><\/w:r><w:r><w:instrText xml:space="preserve"> TOC \\o &quot;1-3&quot; \\h \\z \\u \\f <\/w:instrText>/);
    expect(document.match(/ TC &quot;[^&]+&quot; \\l 3 /g)).toHaveLength(volume.stats.entries);
    expect(xml(files, 'word/settings.xml')).toContain('<w:updateFields w:val="true"/>');
    const styles = xml(files, 'word/styles.xml');
    const outlineLevel = (id: string) => new RegExp(`w:styleId="${id}"[^>]*>((?!</w:style>).)*<w:outlineLvl w:val="(\\d)"`).exec(styles)?.[2];
    expect(outlineLevel('类目标题')).toBe('0');
    expect(outlineLevel('分目标题')).toBe('1');
    expect(outlineLevel('子目标题')).toBe('2');
    // Every TOC link and index link points at a bookmark of the document.
    const bookmarks = new Set([...document.matchAll(/<w:bookmarkStart [^>]*w:name="([^"]+)"/g)].map(([, name]) => name));
    const anchors = [...document.matchAll(/<w:hyperlink [^>]*w:anchor="([^"]+)"/g)].map(([, anchor]) => anchor!);
    expect(anchors.length).toBeGreaterThan(volume.stats.entries);
    expect(anchors.filter((anchor) => !bookmarks.has(anchor))).toEqual([]);
  });

  it('has the tables with titles above and the pictures with captions', () => {
    const tables = document.match(/<w:tbl>/g) ?? [];
    expect(tables.length).toBeGreaterThanOrEqual(4);
    expect(document.match(/<w:pStyle w:val="表题" \/>/g)?.length).toBe(tables.length);
    expect(document).toMatch(/<w:pStyle w:val="表题" \/><\/w:pPr><w:r><w:t xml:space="preserve">表1　2015年示例市国民经济主要指标<\/w:t>/);
    const media = Object.keys(files).filter((path) => path.startsWith('word/media/'));
    expect(media.length).toBeGreaterThan(0);
    expect(document.match(/<w:drawing>/g)?.length).toBe(document.match(/<w:pStyle w:val="图注" \/>/g)?.length);
  });

  it('opens with the title page, 编委会 and 编辑说明, and ends with the index', () => {
    const texts = paragraphTexts(document).filter(Boolean);
    expect(texts.slice(0, 3)).toEqual(['示例市年鉴（2016）', '审读稿', expect.stringMatching(/^收稿29篇，缺稿0篇/)]);
    expect(texts.indexOf('《示例市年鉴》编纂委员会')).toBeLessThan(texts.indexOf('编辑说明'));
    expect(texts.indexOf('编辑说明')).toBeLessThan(texts.indexOf('目录'));
    expect(texts.indexOf('目录')).toBeLessThan(texts.indexOf('特载'));
    expect(texts.lastIndexOf('索引')).toBeGreaterThan(texts.indexOf('附录'));
    expect(texts).toContain('学前教育　学前教育（教育）');
  });
});

describe('Word edition by scope', () => {
  it('renders one framework node (--only)', async () => {
    const volume = await assemble('yearbook-2016', { only: 'shehui-jiaoyu' });
    const texts = paragraphTexts(xml((await renderDocx(volume)).files, 'word/document.xml')).filter(Boolean);
    expect(texts).toContain('本册仅含：教育');
    expect(texts).toContain('教育');
    expect(texts).not.toContain('财政');
  });

  it('renders one unit’s share (--unit)', async () => {
    const volume = await assemble('yearbook-2016', { unit: 'education-bureau' });
    const texts = paragraphTexts(xml((await renderDocx(volume)).files, 'word/document.xml')).filter(Boolean);
    expect(texts).toContain('示例市教育局承编部分');
    expect(texts).not.toContain('财政');
  });

  it('renders the gazetteer with 篇 and 章 headings', async () => {
    const volume = await assemble('gazetteer-jiaotong', { mode: 'final' });
    const { files } = await renderDocx(volume);
    const document = xml(files, 'word/document.xml');
    expect(document).toMatch(/<w:pStyle w:val="类目标题" \/><\/w:pPr><w:r><w:t xml:space="preserve">公路<\/w:t>/);
    expect(document).toMatch(/<w:pStyle w:val="分目标题" \/><\/w:pPr><w:r><w:t xml:space="preserve">公路建设<\/w:t>/);
    expect(document).not.toContain('审读稿');
    expect(xml(files, 'word/comments.xml')).not.toContain('<w:comment ');
  });
});

describe('Word edition of a full-size volume', () => {
  it('renders 1.5 million characters within 30 seconds', async () => {
    const dir = join(cacheDir, 'volume-1500000');
    execFileSync(process.execPath, [join(root, 'scripts/gen-volume.mjs'), '--chars', '1500000', '--out', dir]);
    const volume = await assembleDir(dir);
    expect(volume.stats.chars).toBeGreaterThan(1_500_000);
    const { files, seconds } = await renderDocx(volume);
    expect(seconds).toBeLessThan(30);
    // One TC field per entry, and one for the index heading.
    expect(xml(files, 'word/document.xml').match(/ TC &quot;/g)).toHaveLength(volume.stats.entries + (volume.index.length ? 1 : 0));
  }, 180_000);
});
