import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadVolume } from '../../src/load/load-volume.js';
import type { AssembledVolume, Block, BuildMode, Section } from '../../src/model/assembled.js';
import { assembleFromDisk, runCheck } from '../../src/pipeline.js';
import type { RenderContext } from '../../src/render/output-format.js';
import { pdfFormat } from '../../src/render/pdf/pdf-format.js';
import { printGeometry } from '../../src/render/print-geometry.js';
import { fixtureImageNames, fixtureYearbook } from '../fixtures/assembled-volume.js';
import { root, tempDir } from '../helpers.js';

let work: string;
beforeAll(async () => {
  work = await tempDir('fangzhi-pdf-e2e-');
});
afterAll(() => rm(work, { recursive: true, force: true }));

async function assemble(volume: string, mode: BuildMode = 'draft'): Promise<AssembledVolume> {
  const dir = join(root, 'content', volume);
  const check = await runCheck([dir], { cache: true, cacheDir: join(work, 'cache'), final: mode === 'final', jobs: 2 });
  return (await assembleFromDisk(await loadVolume(dir), check.files, { mode })).assembled;
}

/** Renders a volume and writes the PDF into the test folder; logs the time and the page count. */
async function renderPdf(volume: AssembledVolume, name: string, trim: RenderContext['print']['trim'] = '16k'): Promise<string> {
  const started = performance.now();
  const [artifact] = await pdfFormat.render(volume, { baseName: name, print: { trim }, progress: () => {} });
  const seconds = (performance.now() - started) / 1000;
  expect(artifact!.path).toBe(`${name}.pdf`);
  const path = join(work, artifact!.path);
  await writeFile(path, artifact!.data);
  console.log(`印刷版 PDF：${volume.title}（${name}）${pageCount(path)} 页，排版 ${seconds.toFixed(2)} 秒`);
  return path;
}

const run = (command: string, args: string[]) => execFileSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
const pageCount = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [pdf]))![1]);
const pageText = (pdf: string, page: number) => run('pdftotext', ['-layout', '-f', String(page), '-l', String(page), pdf, '-']);
const squeeze = (text: string) => text.replace(/\s+/g, '');

interface Word {
  x: number;
  y: number;
  bottom: number;
  text: string;
}

/** Words of one page with their boxes (pt). */
function pageWords(pdf: string, page: number): Word[] {
  const xml = run('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), pdf, '-']);
  return [...xml.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((match) => ({ x: Number(match[1]), y: Number(match[2]), bottom: Number(match[3]), text: match[4]! }));
}

const geometry = printGeometry('16k');
const mm = (length: number) => (length / 25.4) * 72;

/** Column of a word: rectos (odd pages) have the inner margin on the left. */
function columnOf(word: Word, page: number, columns: number): number {
  const left = mm(page % 2 === 1 ? geometry.inner : geometry.outer);
  const width = (mm(geometry.pageWidth - geometry.inner - geometry.outer) + mm(geometry.columnGap)) / columns;
  // Columns meet in the middle of the gap: an opening bracket at a line start hangs a little into it.
  return Math.max(0, Math.min(columns - 1, Math.floor((word.x - left + mm(geometry.columnGap) / 2) / width)));
}

/** Words of the text block: no running head, no folio. */
function bodyWords(pdf: string, page: number): Word[] {
  return pageWords(pdf, page).filter((word) => word.y > mm(geometry.top) - 2 && word.bottom < mm(geometry.pageHeight - geometry.bottom) + 2);
}

/** The body of a page as lines, column by column, left to right; `joinHanging` joins wrapped index entries. */
function columnLines(pdf: string, page: number, columns: number, joinHanging = false): string[][] {
  const words = bodyWords(pdf, page);
  const result: string[][] = [];
  for (let column = 0; column < columns; column++) {
    // Words of a line share their baseline (bottom) more closely than their tops, across type sizes.
    const inColumn = words.filter((word) => columnOf(word, page, columns) === column).sort((a, b) => a.bottom - b.bottom || a.x - b.x);
    const lines: Array<{ bottom: number; words: Word[] }> = [];
    for (const word of inColumn) {
      const line = lines.find((candidate) => Math.abs(candidate.bottom - word.bottom) < 3.5);
      if (line) line.words.push(word);
      else lines.push({ bottom: word.bottom, words: [word] });
    }
    // A line indented from the column's left edge continues the entry above (hanging indent).
    const left = Math.min(...inColumn.map((word) => word.x));
    const texts: string[] = [];
    for (const line of lines) {
      const words = line.words.sort((a, b) => a.x - b.x);
      const text = words.map((word) => word.text).join('');
      const indent = words[0]!.x - left;
      if (joinHanging && texts.length && indent > 4 && indent < 14) texts[texts.length - 1] += text;
      else texts.push(text);
    }
    result.push(texts);
  }
  return result;
}

/** Bottom of the text in each column of a page (pt), or 0 for an empty column. */
function columnBottoms(pdf: string, page: number, columns: number): number[] {
  const words = bodyWords(pdf, page);
  return Array.from({ length: columns }, (_, column) => Math.max(0, ...words.filter((word) => columnOf(word, page, columns) === column).map((word) => word.bottom)));
}

function entryTitles(sections: Section[]): string[] {
  const titles: string[] = [];
  const visit = (blocks: Block[]) => blocks.forEach((block) => block.type === 'entry' && titles.push(block.title));
  const walk = (section: Section) => {
    if (section.chapter) visit(section.chapter.blocks);
    section.children.forEach(walk);
  };
  sections.forEach(walk);
  return titles;
}

describe('the print PDF of the sample yearbook', () => {
  let volume: AssembledVolume;
  let pdf: string;
  let pages: number;
  /** Physical page of body page 1 minus one. */
  let offset: number;
  /** 目录 lines: title → body page. */
  let toc: Array<{ title: string; page: number }>;
  /** First body page of each 类目, from the 目录. */
  let starts: Array<{ title: string; page: number }>;

  beforeAll(async () => {
    volume = await assemble('yearbook-2016');
    pdf = await renderPdf(volume, 'yearbook-2016');
    pages = pageCount(pdf);
    const folios = Array.from({ length: pages }, (_, index) => pageText(pdf, index + 1).trim().split('\n').at(-1)!.trim());
    offset = folios.indexOf('1');
    const tocPages = Array.from({ length: offset }, (_, index) => index + 1).filter((page) => squeeze(pageText(pdf, page)).includes('·'));
    toc = tocPages.flatMap((page) => columnLines(pdf, page, 2).flat()).flatMap((line) => {
      const match = /^(.+?)[·]+(\d+)$/.exec(line);
      return match ? [{ title: match[1]!, page: Number(match[2]) }] : [];
    });
    starts = [...volume.sections.map((section) => section.title), '索引'].map((title) => {
      const line = toc.find((candidate) => candidate.title === squeeze(title));
      if (!line) throw new Error(`目录中没有「${title}」：${toc.map((candidate) => candidate.title).join('、')}`);
      return { title, page: line.page };
    });
  }, 120_000);

  it('has the configured page size (16开, 185 × 260 mm) and embeds the Chinese faces', () => {
    const info = run('pdfinfo', [pdf]);
    const [, width, height] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
    expect(Number(width)).toBeCloseTo((185 / 25.4) * 72, 0);
    expect(Number(height)).toBeCloseTo((260 / 25.4) * 72, 0);
    const fonts = run('pdffonts', [pdf]);
    for (const face of ['NotoSerifCJKsc-Regular', 'NotoSansCJKsc-Bold', 'UKaiCN']) expect(fonts).toContain(face);
    expect(fonts).not.toContain('Type 3');
  });

  it('prints the 条目 titles in framework order, each in 【】', () => {
    const fullWidth = new Set(starts.filter((_, index) => volume.sections[index]?.fullWidth).map((start) => start.page));
    let columns = 2;
    let body = '';
    for (let page = 1; page + offset <= pages; page++) {
      const start = starts.find((candidate) => candidate.page === page);
      if (start) columns = fullWidth.has(page) ? 1 : 2;
      body += squeeze(columnLines(pdf, page + offset, columns).flat().join(''));
    }
    let at = 0;
    for (const title of entryTitles(volume.sections)) {
      const found = body.indexOf(`【${squeeze(title)}】`, at);
      expect(found, `【${title}】 after position ${at}`).toBeGreaterThan(-1);
      at = found + 1;
    }
  });

  it('prints every credit line character for character, in every section', () => {
    // Sections are laid out one after another by one compiler: nothing of one may leak into the next.
    const credits: string[] = [];
    const walk = (section: Section) => {
      section.chapter?.blocks.forEach((block) => block.type === 'credit' && credits.push(squeeze(block.text)));
      section.children.forEach(walk);
    };
    volume.sections.forEach(walk);
    expect(credits.length).toBeGreaterThan(20);
    const text = squeeze(run('pdftotext', [pdf, '-']));
    for (const credit of credits) expect(text).toContain(credit);
  });

  it('lists every 类目, 分目 and 条目 in the 目录 with the page where the body prints it', () => {
    expect(toc.length).toBeGreaterThan(entryTitles(volume.sections).length);
    const sample = toc.filter((_, index) => index % 7 === 0);
    expect(sample.length).toBeGreaterThan(20);
    for (const line of sample) expect(squeeze(pageText(pdf, line.page + offset)), `${line.title} on page ${line.page}`).toContain(line.title);
  });

  it('starts each 类目 on a recto without a running head, and heads its other rectos with its name', () => {
    for (const [index, start] of starts.entries()) {
      expect(start.page % 2, start.title).toBe(1);
      expect(squeeze(pageText(pdf, start.page + offset).split('\n').find((line) => line.trim())!)).toBe(squeeze(start.title));
      const end = starts[index + 1]?.page ?? pages - offset;
      for (let page = start.page + 1; page < end; page++) {
        const head = pageText(pdf, page + offset).split('\n').find((line) => line.trim())?.trim();
        if (head === undefined) continue; // a blank verso before the next 类目
        expect(head, `page ${page}`).toBe(page % 2 === 1 ? start.title : volume.title);
      }
    }
  });

  it('balances the two columns on the last page of each 类目', () => {
    const differences: number[] = [];
    for (const [index, start] of starts.entries()) {
      const section = volume.sections[index];
      if (!section || section.fullWidth) continue;
      let last = (starts[index + 1]?.page ?? Math.ceil((pages - offset) / 2) * 2) - 1;
      if (!pageText(pdf, last + offset).trim()) last--;
      const [left, right] = columnBottoms(pdf, last + offset, 2) as [number, number];
      if (left - 62 < 13.5 * 3) continue; // a few lines only
      expect(right, `${section.title}: page ${last} has text in its second column`).toBeGreaterThan(0);
      differences.push(Math.abs(left - right));
    }
    differences.sort((a, b) => a - b);
    expect(differences.length).toBeGreaterThan(4);
    // Most last pages end level or a line apart; a figure that cannot split may leave more.
    expect(differences[Math.floor(differences.length / 2)]!).toBeLessThanOrEqual(13.5 * 1.5);
  });

  it('prints the 索引 in three columns, in pinyin order, with page-and-column locators', () => {
    const indexStart = starts.at(-1)!.page + offset;
    const lines: string[] = [];
    for (let page = indexStart; page <= pages; page++) lines.push(...columnLines(pdf, page, 3, true).flat());
    const letters = lines.filter((line) => /^[A-Z#]$/.test(line));
    expect(letters).toEqual([...new Set(volume.index.map((entry) => entry.letter))]);
    const entries = lines.filter((line) => !/^[A-Z#]$/.test(line) && line !== '索引');
    expect(entries.map((line) => line.replace(/(见.*|[\d，ab]+)$/, ''))).toEqual(volume.index.map((entry) => squeeze(entry.term)));
    for (const [i, entry] of volume.index.entries()) {
      if (entry.see) expect(entries[i]).toBe(squeeze(`${entry.term}见${entry.see}`));
      else expect(entries[i], entry.term).toMatch(/\d+[ab](，\d+[ab])*$/);
    }
    // An entry title's locator points at the page and column where the title stands.
    const titled = volume.index.find((entry) => entry.locators.some((id) => id.startsWith('e-')) && entry.locators.length === 1)!;
    const [, page, column] = /(\d+)([ab])$/.exec(entries[volume.index.indexOf(titled)]!)!;
    const columns = columnLines(pdf, Number(page) + offset, 2);
    expect(squeeze(columns[column === 'a' ? 0 : 1]!.join(''))).toContain(`【${squeeze(titled.term)}】`);
  });

  it('shows the front matter in order: title page, 编委会, 编辑说明, plates, 目录', () => {
    const front = Array.from({ length: offset }, (_, index) => squeeze(pageText(pdf, index + 1))).join('|');
    const order = [volume.title, '编纂委员会', '编辑说明', volume.plates[0]!.caption, '目录'].map((text) => front.indexOf(squeeze(text)));
    expect(order.every((position) => position >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(front).toContain(squeeze(volume.publisher!));
    expect(front).toContain('记述时限为2015年1月1日至12月31日');
  });

  it('renders chosen pages to PNG with scripts/render-pages.mjs', () => {
    const out = join(work, 'pages');
    run(process.execPath, [join(root, 'scripts/render-pages.mjs'), pdf, '1', String(offset + 3), '--out', out, '--dpi', '40']);
    expect(existsSync(join(out, 'yearbook-2016-1.png'))).toBe(true);
    expect(existsSync(join(out, `yearbook-2016-${offset + 3}.png`))).toBe(true);
  });
});

describe('the print PDF of the sample gazetteer', () => {
  it('sets 节 as headings without 【】 and heads versos with the title, rectos with the 篇', async () => {
    const volume = await assemble('gazetteer-jiaotong');
    const pdf = await renderPdf(volume, 'gazetteer-jiaotong');
    const text = squeeze(run('pdftotext', [pdf, '-']));
    expect(text).toContain('干线公路改建1986年');
    expect(text).not.toContain('【干线公路改建】');
    const titles = volume.sections.map((section) => squeeze(section.title));
    const heads = Array.from({ length: pageCount(pdf) }, (_, index) => ({ page: index + 1, head: squeeze(pageText(pdf, index + 1).split('\n').find((line) => line.trim()) ?? '') }));
    const firstOpening = heads.find(({ head }) => head === [...titles[0]!].join(''))!.page;
    const versos = heads.filter(({ page, head }) => page > firstOpening && head === squeeze(volume.title));
    expect(versos.length).toBeGreaterThan(2);
    expect(versos.every(({ page }) => page % 2 === 0)).toBe(true);
    // Every 篇 opens a recto with its title and no running head.
    for (const title of titles) expect(heads.some(({ page, head }) => page % 2 === 1 && head === [...title].join(''))).toBe(true);
  });
});

describe('the print PDF of a hand-made volume', () => {
  let imageDir: string;
  beforeAll(async () => {
    imageDir = join(work, 'images');
    await mkdir(imageDir, { recursive: true });
    for (const { name, width, height } of fixtureImageNames) {
      const image = sharp({ create: { width, height, channels: 3, background: { r: 70, g: 120, b: 180 } } }).withMetadata({ exif: { IFD0: { Artist: 'SECRET-PHOTOGRAPHER' } } });
      await (name.endsWith('.png') ? image.png() : image.jpeg()).toFile(join(imageDir, name));
    }
  });

  it('marks findings and missing chapters in a draft, strips picture metadata, and uses the 大16开 size', async () => {
    const pdf = await renderPdf(fixtureYearbook({ imageDir, mode: 'draft' }), 'fixture-draft', 'da16k');
    const [, width, height] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(run('pdfinfo', [pdf]))!;
    expect(Number(width)).toBeCloseTo((210 / 25.4) * 72, 0);
    expect(Number(height)).toBeCloseTo((285 / 25.4) * 72, 0);
    const text = squeeze(run('pdftotext', [pdf, '-']));
    expect(text).toContain('「缺稿：示例市卫生和计划生育委员会」');
    expect(text).toContain('number-form');
    expect(text).toContain('示例市重点项目集中开工仪式');
    expect(text).toContain('（张三摄）');
    expect((await readFile(pdf)).includes('SECRET-PHOTOGRAPHER')).toBe(false);
  });

  it('prints no notes in a final build, and a marked box where a draft picture is missing', async () => {
    const final = squeeze(run('pdftotext', [await renderPdf(fixtureYearbook({ imageDir, mode: 'final' }), 'fixture-final'), '-']));
    expect(final).not.toContain('number-form');
    expect(final).not.toContain('缺稿');
    const missing = squeeze(run('pdftotext', [await renderPdf(fixtureYearbook({ imageDir: join(work, 'nowhere'), mode: 'draft' }), 'fixture-missing'), '-']));
    expect(missing).toContain('找不到图片文件');
    expect(missing).toContain('figure-1.png');
  });
});
