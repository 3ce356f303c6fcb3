import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bin, root, runCli, tempDir } from '../helpers.js';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];
const SCREENSHOTS = join(root, 'out', 'screenshots');

let dir: string;
let server: Server;
let base: string;
let browser: Browser;
let buildOutput: string;
const consoleErrors: string[] = [];

/**
 * The sample content as an office would publish it once every chapter is approved: a copy of content/
 * with every volume marked published and no ledger (in the repository the 2016 yearbook is still in
 * review, and its ledger publishes only the chapters past 终审).
 */
async function publishedCopy(target: string): Promise<string> {
  const content = join(target, 'content');
  await cp(join(root, 'content'), content, { recursive: true });
  await rm(join(content, 'yearbook-2016', 'ledger'), { recursive: true, force: true });
  for (const volume of ['yearbook-2016', 'gazetteer-jiaotong', 'yearbook-2015']) {
    const path = join(content, volume, 'volume.yaml');
    const text = await readFile(path, 'utf8');
    if (!/^published: true$/m.test(text)) await writeFile(path, text.replace(/^kind: .+$/m, '$&\npublished: true'));
  }
  return content;
}

/** The built site served as static files, as a web server would (missing paths get 404.html). */
function serve(siteDir: string): Promise<Server> {
  const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.json': 'application/json', '.svg': 'image/svg+xml', '.avif': 'image/avif', '.webp': 'image/webp', '.jpg': 'image/jpeg' };
  const httpServer = createServer(async (request, response) => {
    let path = normalize(join(siteDir, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)));
    if ((await stat(path).catch(() => undefined))?.isDirectory()) path = join(path, 'index.html');
    const data = await readFile(path).catch(() => undefined);
    if (!data) {
      response.writeHead(404, { 'Content-Type': types['.html'] });
      return response.end(await readFile(join(siteDir, '404.html')));
    }
    response.writeHead(200, { 'Content-Type': types[extname(path)] ?? 'application/octet-stream' });
    response.end(data);
  });
  return new Promise((done) => httpServer.listen(0, '127.0.0.1', () => done(httpServer)));
}

async function newPage(width: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: width < 500 ? 844 : 900 } });
  page.on('console', (message) => message.type() === 'error' && consoleErrors.push(`${page.url()}：${message.text()}`));
  page.on('pageerror', (error) => consoleErrors.push(`${page.url()}：${error.message}`));
  return page;
}

async function inViewport(page: Page, selector: string): Promise<boolean> {
  return page.$eval(selector, (element) => {
    const box = element.getBoundingClientRect();
    return box.bottom > 0 && box.top < window.innerHeight && box.right > 0 && box.left < window.innerWidth;
  });
}

async function search(page: Page, query: string, filters = ''): Promise<Array<{ title: string; where: string; excerpt: string }>> {
  await page.goto(`${base}search/?q=${encodeURIComponent(query)}${filters}`);
  await page.waitForFunction(() => /条结果|没有找到/.test(document.querySelector('.search-status')?.textContent ?? ''));
  return page.$$eval('.search-result', (items) =>
    items.map((item) => ({ title: item.querySelector('h2')!.textContent!, where: item.querySelector('.search-where')!.textContent!, excerpt: item.querySelector('.search-excerpt')!.innerHTML })),
  );
}

beforeAll(async () => {
  dir = await tempDir('fangzhi-site-e2e-');
  const content = await publishedCopy(dir);
  const built = await runCli(['site', content, '--out', join(dir, 'site'), '--base-url', 'https://dqw.example.gov.cn/', '--cache-dir', join(dir, 'cache')]);
  expect(built.code, built.stderr).toBe(0);
  buildOutput = built.stdout;
  server = await serve(join(dir, 'site'));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  // launch() gives every run a fresh temporary profile (user data dir).
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  await mkdir(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((done) => server?.close(done));
  await rm(dir, { recursive: true, force: true });
});

describe('地情网 in a real browser', () => {
  it('reports the search index size', () => {
    const match = /全文检索索引(\d+)个分片共([\d.]+) MB/.exec(buildOutput);
    expect(match, buildOutput).not.toBeNull();
    console.log(`检索索引：${match![1]}个分片，${match![2]} MB（${buildOutput.trim()}）`);
    expect(Number(match![2])).toBeGreaterThan(0.05);
  });

  it('leads from the home page through a volume and its TOC to a 条目', async () => {
    const page = await newPage(1280);
    await page.goto(base);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.locator('.shelf .book-title').allTextContents()).toEqual(['示例市年鉴（2016）', '示例市年鉴（2015）', '示例市交通志（1986—2005）']);
    await page.screenshot({ path: join(SCREENSHOTS, 'site-home-1280.png'), fullPage: true });
    await page.click('.shelf a:has-text("示例市年鉴（2016）")');
    await page.waitForURL(/\/yearbook-2016\/$/);
    await page.click('#toc a.toc-top:has-text("社会")');
    await page.waitForURL(/\/yearbook-2016\/shehui\/$/);
    await page.click('.overview-item:has(h2:has-text("教育")) a:has-text("学前教育")');
    await page.waitForURL(/\/yearbook-2016\/shehui-jiaoyu\/#e-shehui-jiaoyu-2$/);
    expect(await page.textContent('#e-shehui-jiaoyu-2')).toBe('学前教育');
    expect(await inViewport(page, '#e-shehui-jiaoyu-2')).toBe(true);
    expect(await page.locator('.breadcrumbs li').allTextContents()).toEqual(['首页', '示例市年鉴（2016）', '社会', '教育']);
    expect(await page.textContent('.sidebar a[aria-current="page"]')).toBe('教育');
    expect(await page.textContent('.pager-next')).toContain('卫生和计划生育');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(SCREENSHOTS, 'site-chapter-1280.png') });
    await page.close();
  });

  it('finds what people type: two- and four-character words, a unit, a place, a phrase across a word boundary', async () => {
    const page = await newPage(1280);
    const expectations: Array<[string, string, string]> = [
      ['政务', '推进政务公开', '示例市年鉴（2015）'],
      ['生产总值', '概况', '示例市年鉴（2015） · 市情概览 · 国民经济和社会发展'],
      ['政务公开', '推进政务公开', '示例市年鉴（2015）'],
      ['示例市交通运输局', '东湖至青山一级公路开工', '示例市年鉴（2015）'],
      ['龙潭镇', '建设龙潭镇茶叶产业园', '示例市年鉴（2015）'],
      // Indexed as 示例/市政/务/服务/中心: the query starts in the middle of a word.
      ['政务服务中心', '启用政务服务中心新址', '示例市年鉴（2015）'],
    ];
    for (const [query, title, where] of expectations) {
      const results = await search(page, query);
      const hit = results.find((result) => result.title === title && result.where.startsWith(where));
      expect(hit, `${query}：${JSON.stringify(results.slice(0, 5))}`).toBeDefined();
      expect(hit!.excerpt, query).toMatch(/<mark>/);
    }
    const top = await search(page, '政务公开');
    expect(top[0]!.title).toBe('推进政务公开');
    const filtered = await search(page, '政务', '&volume=' + encodeURIComponent('示例市年鉴（2016）'));
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.every((result) => result.where.startsWith('示例市年鉴（2016）'))).toBe(true);
    expect((await page.locator('select[name="volume"] option').allTextContents()).sort()).toEqual(['全部卷册', '示例市交通志（1986—2005）', '示例市年鉴（2015）', '示例市年鉴（2016）'].sort());
    expect(await page.locator('select[name="category"] option').count()).toBeGreaterThan(10);
    await search(page, '政务公开');
    await page.screenshot({ path: join(SCREENSHOTS, 'site-search-1280.png') });
    await page.click('.search-result a:has-text("推进政务公开")');
    await page.waitForURL(/\/yearbook-2015\/zhengzhi\/#e-zhengzhi-zhengfu-2$/);
    await page.close();
  });

  it('follows a 历年 link to the same node in another year', async () => {
    const page = await newPage(1280);
    await page.goto(`${base}yearbook-2016/shehui-jiaoyu/`);
    await page.click('.linian-links a.linian-all');
    await page.waitForURL(/\/linian\/shehui-jiaoyu\/$/);
    expect(await page.locator('.linian-year-big').allTextContents()).toEqual(['2015', '2016']);
    expect(await page.locator('.linian-column').first().innerText()).toContain('2014年末，全市有各级各类学校941所');
    expect(await page.locator('.linian-column').last().innerText()).toContain('2015年末，全市有各级各类学校936所');
    await page.screenshot({ path: join(SCREENSHOTS, 'site-linian-1280.png') });
    await page.click('.linian-column:first-child .linian-node a');
    await page.waitForURL(/\/yearbook-2015\/shehui\/$/);
    expect(await page.textContent('h1')).toBe('教育');
    await page.close();
  });

  it('has the other views: 大事记, the index, open data, sitemap and a 404 page', async () => {
    const page = await newPage(1280);
    await page.goto(`${base}dashiji/`);
    expect(await page.locator('.chronicle-volume').count()).toBe(3);
    expect(await page.locator('.timeline li').first().innerText()).toContain('4日');
    await page.goto(`${base}yearbook-2016/suoyin.html`);
    await page.locator('.index-terms li:has(.index-term:text-is("学前教育")) .index-links a').first().click();
    await page.waitForURL(/\/yearbook-2016\/shehui-jiaoyu\/#e-shehui-jiaoyu-2$/);
    const data = await (await page.request.get(`${base}data/yearbook-2015.json`)).json();
    expect(data.entries.find((entry: { title: string }) => entry.title === '推进政务公开')).toMatchObject({ nodeIds: ['zhengzhi', 'zhengzhi-zhengfu'], unit: { name: '示例市人民政府办公室' } });
    const sitemap = await (await page.request.get(`${base}sitemap.xml`)).text();
    expect(sitemap).toContain('<loc>https://dqw.example.gov.cn/linian/shehui-jiaoyu/</loc>');
    await page.close();
    // A page of its own: the browser logs the 404 status as an error, which is the point here.
    const plain = await browser.newPage();
    const missing = await plain.goto(`${base}no/such/page/`);
    expect(missing!.status()).toBe(404);
    expect(await plain.textContent('h1')).toBe('页面不存在');
    expect(await plain.getAttribute('link[rel="stylesheet"]', 'href')).toMatch(/^\/assets\/site-[0-9a-f]{10}\.css$/);
    await plain.close();
  });

  it('is accessible: landmarks, heading order, alt text, keyboard, visible focus, font size, contrast', async () => {
    const page = await newPage(1280);
    for (const path of ['', 'yearbook-2016/', 'yearbook-2016/shehui-jiaoyu/', 'yearbook-2016/shehui/', 'linian/shehui-jiaoyu/', 'dashiji/', 'search/?q=政务']) {
      await page.goto(`${base}${path}`);
      const audit = await page.evaluate(() => {
        const levels = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].filter((heading) => heading.getClientRects().length).map((heading) => Number(heading.tagName[1]));
        const skips = levels.filter((level, index) => index > 0 && level > levels[index - 1]! + 1);
        return {
          h1: document.querySelectorAll('h1').length,
          first: levels[0],
          skips,
          landmarks: ['header', 'nav', 'main', 'footer'].filter((tag) => document.querySelector(tag)).length,
          unlabelled: [...document.querySelectorAll('img')].filter((image) => !image.getAttribute('alt')).length,
        };
      });
      expect(audit, path).toEqual({ h1: 1, first: 1, skips: [], landmarks: 4, unlabelled: 0 });
    }
    await page.goto(`${base}yearbook-2016/shehui-jiaoyu/`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    expect(await inViewport(page, '.skip-link')).toBe(true);
    await page.keyboard.press('Enter');
    expect(page.url()).toMatch(/#main$/);
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement!);
      return { tag: document.activeElement!.tagName, style: style.outlineStyle, width: style.outlineWidth };
    });
    expect(outline.style).toBe('solid');
    expect(outline.width).toBe('3px');

    const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    expect(await size()).toBe(16);
    await page.click('.font-size button:has-text("特大")');
    expect(await size()).toBeCloseTo(21.12, 1);
    await page.reload();
    expect(await size()).toBeCloseTo(21.12, 1);
    expect(await page.getAttribute('.font-size button:has-text("特大")', 'aria-pressed')).toBe('true');
    await page.click('.font-size button:has-text("标准")');

    // WCAG 2.1 AA: 4.5:1 for the text on these pages (the background is found behind the element).
    for (const path of ['', 'yearbook-2016/shehui-jiaoyu/', 'search/?q=政务', 'linian/shehui-jiaoyu/']) {
      await page.goto(`${base}${path}`);
      if (path.startsWith('search')) await page.waitForSelector('.search-result mark');
      const low = await page.evaluate(() => {
        const parse = (color: string) => (color.match(/[\d.]+/g) ?? []).map(Number);
        const luminance = ([r, g, b]: number[]) =>
          [r!, g!, b!].map((value) => value / 255).map((value) => (value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4)).reduce((sum, value, index) => sum + value * [0.2126, 0.7152, 0.0722][index]!, 0);
        const background = (element: Element | null): number[] => {
          for (let node = element; node; node = node.parentElement) {
            const color = parse(getComputedStyle(node).backgroundColor);
            if (color.length === 3 || (color.length === 4 && color[3]! > 0.5)) return color.slice(0, 3);
          }
          return [255, 255, 255];
        };
        const problems: string[] = [];
        const selectors = 'p, li, a, h1, h2, h3, dt, dd, button, label, span.cover-year, .search-where, .eyebrow, .credit, mark, figcaption, summary';
        for (const element of document.querySelectorAll(selectors)) {
          if (!element.getClientRects().length || !element.textContent?.trim() || getComputedStyle(element).visibility === 'hidden') continue;
          const fore = luminance(parse(getComputedStyle(element).color));
          const back = luminance(background(element));
          const ratio = (Math.max(fore, back) + 0.05) / (Math.min(fore, back) + 0.05);
          if (ratio < 4.5) problems.push(`${element.tagName}.${element.className}「${element.textContent.trim().slice(0, 12)}」${ratio.toFixed(2)}`);
        }
        return problems;
      });
      expect(low, path).toEqual([]);
    }
    await page.close();
  });

  it('fits phones from 360 px, prints without navigation, and logs no console errors', async () => {
    for (const width of [360, 390]) {
      const page = await newPage(width);
      for (const path of ['', 'yearbook-2016/', 'yearbook-2016/shehui-jiaoyu/', 'yearbook-2016/fulu/', 'linian/shehui-jiaoyu/', 'search/?q=生产总值', 'dashiji/', 'yearbook-2016/suoyin.html']) {
        await page.goto(`${base}${path}`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${width}px ${path}`).toBeLessThanOrEqual(0);
      }
      if (width === 390) {
        for (const [path, name] of [['', 'home'], ['yearbook-2016/shehui-jiaoyu/', 'chapter'], ['linian/shehui-jiaoyu/', 'linian']]) {
          await page.goto(`${base}${path}`);
          await page.screenshot({ path: join(SCREENSHOTS, `site-${name}-390.png`), fullPage: name !== 'chapter' });
        }
        await search(page, '政务公开');
        await page.screenshot({ path: join(SCREENSHOTS, 'site-search-390.png') });
      }
      await page.close();
    }
    const page = await newPage(1280);
    await page.goto(`${base}yearbook-2016/shehui-jiaoyu/`);
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['.site-header', '.sidebar', '.pager', '.back-to-top', '.breadcrumbs']) expect(await page.locator(selector).first().isHidden(), selector).toBe(true);
    expect(await page.textContent('.print-only')).toBe('本页地址：https://dqw.example.gov.cn/yearbook-2016/shehui-jiaoyu/');
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.byteLength).toBeGreaterThan(10_000);
    await page.close();
    expect(consoleErrors).toEqual([]);
  });
});

describe('fangzhi dev', () => {
  let child: ChildProcess | undefined;
  afterAll(() => child?.kill('SIGTERM'));

  it('serves the site, rebuilds only the edited chapter’s pages and reloads the open page within a second', async () => {
    const devDir = await tempDir('fangzhi-dev-e2e-');
    const content = await publishedCopy(devDir);
    const out = join(devDir, 'dev-site');
    child = spawn(process.execPath, [bin, 'dev', content, '--port', '0', '--out', out, '--cache-dir', join(devDir, 'cache')], { env: { ...process.env, NO_COLOR: '1' } });
    let log = '';
    child.stdout!.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
    const started = Date.now();
    while (!/正在预览：(http:\/\/\S+)（/.test(log)) {
      if (Date.now() - started > 120_000) throw new Error(`fangzhi dev did not start:\n${log}`);
      await new Promise((done) => setTimeout(done, 100));
    }
    const url = /正在预览：(http:\/\/\S+)（/.exec(log)![1]!;
    const page = await newPage(1280);
    await page.goto(`${url}yearbook-2015/shehui/`);
    expect(await page.textContent('h1')).toBe('教育');
    // The edit is made once the page's event stream is open.
    await page.waitForFunction(() => document.documentElement.dataset.liveReload === 'on');
    const home = join(out, 'index.html');
    const homeBefore = (await stat(home)).mtimeMs;
    const chapterFile = join(content, 'yearbook-2015/chapters/shehui/shehui-jiaoyu.md');
    const text = await readFile(chapterFile, 'utf8');
    const edited = Date.now();
    await writeFile(chapterFile, text.replace('（撰稿：', '【中小学校舍安全检查】2014年，示例市教育局组织中小学校舍安全检查，检查学校286所。\n\n（撰稿：'));
    await page.waitForFunction(() => document.body.innerText.includes('中小学校舍安全检查'), null, { timeout: 5000 });
    const seconds = (Date.now() - edited) / 1000;
    console.log(`fangzhi dev：改稿后 ${seconds.toFixed(2)} 秒页面刷新`);
    expect(seconds).toBeLessThan(1);
    const deadline = Date.now() + 30_000;
    while (!/已重建 \d+ 个页面.*检索分片重建 1 个/.test(log) && Date.now() < deadline) await new Promise((done) => setTimeout(done, 50));
    const rebuilt = /已重建 (\d+) 个页面（(\d+) 毫秒），其中 (\d+) 个有变化/.exec(log)!;
    expect(Number(rebuilt[1])).toBeLessThanOrEqual(4);
    expect(log).toContain('/yearbook-2015/shehui/');
    expect((await stat(home)).mtimeMs).toBe(homeBefore);
    await page.close();
    child.kill('SIGTERM');
    const code = await new Promise((done) => child!.once('exit', done));
    expect(code).toBe(0);
    await rm(devDir, { recursive: true, force: true });
  });
});
