import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import { afterAll, describe, expect, it } from 'vitest';
import { blobHash } from '../src/revisions/git-store.js';
import { closeSearchService } from '../src/render/site/search-index.js';
import { sanitizeContent } from '../src/render/site/sanitize-html.js';
import { SiteBuilder } from '../src/render/site/site-builder.js';
import { dateMentions } from '../src/render/site/site-text.js';
import { siteUrls, type SiteUrls } from '../src/render/site/site-urls.js';
import { chapter, runCli, tempDir, writeTree } from './helpers.js';
import { filesContaining, siteTexts } from './site-helpers.js';

afterAll(() => closeSearchService());

const urls = (base?: string) => siteUrls(base) as SiteUrls;

/** Front matter plus body for a chapter file, with extra front-matter lines. */
function chapterWith(node: string, unit: string, body: string, extra = ''): string {
  return chapter(node, unit, body).replace('submitted:', `${extra}submitted:`);
}

/**
 * Two volumes for the safety test: `pub` is published and holds an internal chapter, a chapter with an
 * open CriticMarkup comment, raw HTML with a script, an event handler and a javascript: link, an HTML
 * comment and a checker finding; `draft` is not published. units.yaml carries a writer's phone number,
 * and a ledger file sits in the published volume. Every marker below must stay out of the site.
 */
/** A ledger in which a chapter went through 供稿, 初审, 复审 and 终审 with exactly this text. */
function ledgerPassing(node: string, text: string): string {
  const hash = blobHash(Buffer.from(text, 'utf8'));
  const event = (stage: string, action: string, day: number) => `  - { chapter: ${node}, stage: ${stage}, action: ${action}, actor: 林知远, time: "2016-04-${10 + day}T09:00:00+08:00", hash: "${hash}", note: leakledger }`;
  return ['events:', event('供稿', 'submit', 0), event('初审', 'pass', 1), event('复审', 'pass', 2), event('终审', 'pass', 3), ''].join('\n');
}

function leakyContent(): Record<string, string> {
  const jiaoyu = chapter(
      'jiaoyu',
      'edu',
      [
        '【概况】2015年末，我市有各级各类学校312所，细颗粒物（PM<sub>2.5</sub>）年均浓度下降，<span class="term" onclick="leakonclick()">可见文字</span>保留。',
        '',
        '<script>alert("leakscript")</script>',
        '',
        '<!-- leakcomment 编辑部内部意见 -->',
        '',
        '【学前教育】3月10日，示例市新建公办幼儿园12所<img src="x.png" onerror="leakonerror()">，[详见通知](javascript:leakjsurl())。',
      ].join('\n'),
    );
  const weisheng = chapterWith('weisheng', 'health', '【概况】leakinternal 2015年末，示例市有医疗卫生机构1286个。', 'internal: true\n');
  const tiyu = chapter('tiyu', 'edu', '【概况】2015年，示例市举办体育赛事46项{>>leakcritic 数字待核<<}，参赛运动员1.2万人次。');
  return {
    'units.yaml': [
      'units:',
      '  - { id: edu, name: 示例市教育局, shortName: 市教育局, contact: { name: 许文博, phone: "0571-88886666" } }',
      '  - { id: health, name: 示例市卫生局, shortName: 市卫生局, contact: { name: 吕安康, phone: "13912345678" } }',
      '',
    ].join('\n'),
    'pub/volume.yaml': ['id: pub-2016', 'title: 示例市年鉴（2016）', 'kind: yearbook', 'region: 示例市', 'volumeYear: 2016', 'published: true', 'recordPeriod: { from: "2015-01-01", to: "2015-12-31" }', 'levels: [类目, 分目, 条目]', ''].join('\n'),
    'pub/framework.yaml': [
      'nodes:',
      '  - id: shehui',
      '    title: 社会',
      '    kind: 类目',
      '    children:',
      '      - { id: jiaoyu, title: 教育, kind: 分目, unit: edu }',
      '      - { id: weisheng, title: 卫生, kind: 分目, unit: health }',
      '      - { id: tiyu, title: 体育, kind: 分目, unit: edu }',
      '',
    ].join('\n'),
    'pub/chapters/shehui/jiaoyu.md': jiaoyu,
    'pub/chapters/shehui/weisheng.md': weisheng,
    'pub/chapters/shehui/tiyu.md': tiyu,
    'pub/ledger/jiaoyu.yaml': ledgerPassing('jiaoyu', jiaoyu),
    'pub/ledger/weisheng.yaml': ledgerPassing('weisheng', weisheng),
    'pub/ledger/tiyu.yaml': ledgerPassing('tiyu', tiyu),
    'draft/volume.yaml': ['id: draft-2017', 'title: 示例市年鉴（2017）', 'kind: yearbook', 'region: 示例市', 'volumeYear: 2017', 'recordPeriod: { from: "2016-01-01", to: "2016-12-31" }', 'levels: [类目, 分目, 条目]', ''].join('\n'),
    'draft/framework.yaml': 'nodes:\n  - id: shehui\n    title: 社会\n    kind: 类目\n    children:\n      - { id: jiaoyu, title: 教育, kind: 分目, unit: edu }\n',
    'draft/chapters/shehui/jiaoyu.md': chapter('jiaoyu', 'edu', '【概况】leakunpublished 2016年末，示例市有各级各类学校318所。'),
  };
}

describe('website: publishing safety', () => {
  it('keeps internal, unpublished and CriticMarkup chapters, scripts, comments, findings, phones and the ledger out of every file', async () => {
    const dir = await tempDir('fangzhi-site-');
    await writeTree(dir, leakyContent());
    const out = join(dir, 'site');
    const report = await new SiteBuilder({ volumes: [join(dir, 'pub'), join(dir, 'draft')], outDir: out, urls: urls('https://dqw.example.gov.cn/') }).build();

    const texts = await siteTexts(out);
    expect([...texts.keys()].some((path) => /^pagefind\/pub-2016\/fragment\/.+\.pf_fragment$/.test(path))).toBe(true);
    for (const marker of ['leakscript', 'leakonclick', 'leakonerror', 'leakjsurl', 'leakcomment', 'leakinternal', 'leakcritic', 'leakunpublished', 'leakledger', '88886666', '13912345678', '第一人称']) {
      expect(filesContaining(texts, marker), marker).toEqual([]);
    }
    for (const [path, text] of texts) {
      if (path.endsWith('.html')) expect(text, path).not.toMatch(/\son[a-z]+=|javascript:|<!--/i);
    }
    // The published chapter is there, with what editors may write by hand, in the pages and the search index.
    const page = texts.get('pub-2016/jiaoyu/index.html')!;
    expect(page).toContain('PM<sub>2.5</sub>');
    expect(page).toContain('可见文字');
    expect(page).toContain('详见通知');
    expect(filesContaining(texts, '新建公办幼儿园12所').filter((path) => path.startsWith('pagefind/'))).not.toEqual([]);
    // Scripts on pages are the site's own: the font-size setting, site.js and (search page) search.js.
    for (const [path, text] of texts) {
      if (!path.endsWith('.html')) continue;
      for (const tag of text.match(/<script\b[^>]*>/g) ?? []) expect(tag, path).toMatch(/^<script>$|src="\/assets\/(site|search)-[0-9a-f]{10}\.js"/);
    }
    expect(texts.has('pub-2016/weisheng/index.html')).toBe(false);
    expect(texts.has('pub-2016/tiyu/index.html')).toBe(false);
    expect([...texts.keys()].filter((path) => path.includes('draft-2017'))).toEqual([]);
    expect(report.skipped.map((item) => item.reason)).toEqual(['本卷尚未发布（无审校台账，volume.yaml 也未设 published: true）']);
    expect(report.withheld.map((item) => item.reason).sort()).toEqual(['内部资料（internal: true）', '含未处理的修订标记或批注（CriticMarkup）', '本卷尚未发布（无审校台账，volume.yaml 也未设 published: true）'].sort());
  });

  it('with a ledger, publishes only chapters that passed 终审 and were not changed since; a broken ledger publishes nothing', async () => {
    const dir = await tempDir('fangzhi-site-');
    const content = leakyContent();
    const submitted = content['pub/ledger/jiaoyu.yaml']!.split('\n').slice(0, 2).join('\n') + '\n';
    await writeTree(dir, { ...content, 'pub/ledger/jiaoyu.yaml': submitted, 'pub/chapters/shehui/weisheng.md': content['pub/chapters/shehui/weisheng.md']!.replace('internal: true\n', '').replace('1286个', '1290个') });
    const build = () => new SiteBuilder({ volumes: [join(dir, 'pub')], outDir: join(dir, `site-${Math.random().toString(36).slice(2)}`), urls: urls('https://dqw.example.gov.cn/') }).build();
    const report = await build();
    expect(report.withheld.map((item) => item.reason).sort()).toEqual(['尚未通过终审', '通过终审后内容又有改动，须重新审定', '含未处理的修订标记或批注（CriticMarkup）'].sort());
    await writeTree(dir, { 'pub/ledger/tiyu.yaml': 'events: [oops\n' });
    const broken = await build();
    expect(new Set(broken.withheld.map((item) => item.reason))).toEqual(new Set(['审校台账有误（见 fangzhi check），暂不公开']));
  });

  it('sanitises chapter HTML with an allow-list: no scripts, handlers or javascript: URLs; sub, sup and span with a class stay', () => {
    const tree = h('div', [
      h('p', [h('span', { className: ['term'], onClick: 'steal()', style: 'color:red' }, '甲'), h('sub', '2'), h('sup', '3'), h('a', { href: 'javascript:steal()' }, '乙'), h('a', { href: '/x/' }, '丙')]),
      h('script', 'steal()'),
      h('img', { src: 'x.png', onError: 'steal()', alt: '图' }),
      h('iframe', { src: 'https://example.com/' }),
      { type: 'comment', value: 'internal note' },
    ]);
    const html = toHtml(sanitizeContent(tree));
    expect(html).toBe('<div><p><span class="term">甲</span><sub>2</sub><sup>3</sup><a>乙</a><a href="/x/">丙</a></p><img src="x.png" alt="图"></div>');
  });
});

describe('website: pages, links and exports', () => {
  it('writes canonical links, Open Graph, sitemap.xml, robots.txt, a 404 page and open data that fits its schema', async () => {
    const dir = await tempDir('fangzhi-site-');
    await writeTree(dir, leakyContent());
    const out = join(dir, 'site');
    await new SiteBuilder({ volumes: [join(dir, 'pub')], outDir: out, urls: urls('https://dqw.example.gov.cn/nianjian/') }).build();
    const texts = await siteTexts(out);
    const page = texts.get('pub-2016/jiaoyu/index.html')!;
    expect(page).toMatch(/^<!doctype html>\s*<html lang="zh-CN">/);
    expect(page).toContain('<link rel="canonical" href="https://dqw.example.gov.cn/nianjian/pub-2016/jiaoyu/">');
    expect(page).toContain('<meta property="og:title" content="教育">');
    expect(page).toContain('href="/nianjian/assets/site-');
    expect(page).toMatch(/<h2 id="e-jiaoyu-2" class="entry-title">学前教育<\/h2><a class="permalink" href="#e-jiaoyu-2"/);
    expect(texts.get('sitemap.xml')).toContain('<loc>https://dqw.example.gov.cn/nianjian/pub-2016/jiaoyu/</loc>');
    expect(texts.get('sitemap.xml')).not.toContain('search/');
    expect(texts.get('robots.txt')).toBe('User-agent: *\nDisallow: /nianjian/search/\nSitemap: https://dqw.example.gov.cn/nianjian/sitemap.xml\n');
    expect(texts.get('404.html')).toContain('页面不存在');
    expect(texts.get('404.html')).toContain('<meta name="robots" content="noindex">');

    const data = JSON.parse(texts.get('data/pub-2016.json')!);
    const schema = JSON.parse(texts.get('data/open-data.schema.json')!);
    const { default: Ajv } = (await import('ajv')).default as unknown as { default: typeof import('ajv').default };
    const { default: addFormats } = (await import('ajv-formats')).default as unknown as { default: typeof import('ajv-formats').default };
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv, ['date']);
    expect(ajv.validate(schema, data) ? [] : ajv.errors).toEqual([]);
    expect(data.entries.map((entry: { title: string }) => entry.title)).toEqual(['概况', '学前教育']);
    expect(data.entries[1]).toMatchObject({
      id: 'pub-2016/e-jiaoyu-2',
      nodePath: ['社会', '教育'],
      nodeIds: ['shehui', 'jiaoyu'],
      unit: { id: 'edu', name: '示例市教育局' },
      dates: [{ text: '3月10日', date: '2015-03-10' }],
      url: 'https://dqw.example.gov.cn/nianjian/pub-2016/jiaoyu/#e-jiaoyu-2',
    });
  });

  it('finds the dates a text mentions, completing the year only for a one-year record period', () => {
    expect(dateMentions('2014年3月10日开工，11月竣工，3—5月试运行，12月31日验收。', 2015)).toEqual([
      { text: '2014年3月10日', date: '2014-03-10' },
      { text: '11月', date: '2015-11' },
      { text: '12月31日', date: '2015-12-31' },
    ]);
    expect(dateMentions('6月1日起施行', undefined)).toEqual([{ text: '6月1日' }]);
  });
});

describe('website: rebuilding after an edit', () => {
  it('re-renders only the pages that show the chapter, re-indexes its shard, and removes a chapter that became internal', async () => {
    const dir = await tempDir('fangzhi-site-');
    // Without a ledger `published: true` decides, so an edited chapter stays published (with a ledger it
    // would be withdrawn until approved again: see the publishing-safety tests).
    await writeTree(dir, Object.fromEntries(Object.entries(leakyContent()).filter(([path]) => !path.startsWith('pub/ledger/'))));
    const out = join(dir, 'site');
    const builder = new SiteBuilder({ volumes: [join(dir, 'pub')], outDir: out, urls: urls() });
    await builder.build();
    const untouched = join(out, 'index.html');
    const before = (await stat(untouched)).mtimeMs;
    const path = join(dir, 'pub/chapters/shehui/jiaoyu.md');
    const original = await readFile(path, 'utf8');
    await writeFile(path, original.replace('【学前教育】', '【招生考试】12月，示例市完成招生考试改革试点，试点学校18所。\n\n【学前教育】'));

    const report = await builder.update([path]);
    expect(report.full).toBe(false);
    expect(report.rendered.sort()).toEqual(['pub-2016/jiaoyu/', 'pub-2016/shehui/', 'pub-2016/suoyin.html'].sort());
    expect(report.search.reindexed).toBe(1);
    expect(await readFile(join(out, 'pub-2016/jiaoyu/index.html'), 'utf8')).toContain('招生考试改革试点');
    expect(await readFile(join(out, 'pub-2016/shehui/index.html'), 'utf8')).toContain('#e-jiaoyu-2">招生考试</a>');
    expect((await stat(untouched)).mtimeMs).toBe(before);
    expect(filesContaining(await siteTexts(join(out, 'pagefind')), '招生考试改革试点').length).toBeGreaterThan(0);

    // The index page after the edit equals the one a fresh full build makes.
    const fresh = join(dir, 'fresh');
    await new SiteBuilder({ volumes: [join(dir, 'pub')], outDir: fresh, urls: urls() }).build();
    expect(await readFile(join(out, 'pub-2016/suoyin.html'), 'utf8')).toBe(await readFile(join(fresh, 'pub-2016/suoyin.html'), 'utf8'));

    await writeFile(path, original.replace('submitted:', 'internal: true\nsubmitted:'));
    const withdrawn = await builder.update([path]);
    expect(withdrawn.full).toBe(true);
    expect(await stat(join(out, 'pub-2016/jiaoyu/index.html')).catch(() => undefined)).toBeUndefined();
    expect(filesContaining(await siteTexts(out), '新建公办幼儿园12所')).toEqual([]);
  });
});

describe('fangzhi site', () => {
  it('refuses a bad --base-url, a folder it did not make, and a volume with a broken volume.yaml', async () => {
    const dir = await tempDir('fangzhi-site-');
    await writeTree(dir, leakyContent());
    const badUrl = await runCli(['site', 'pub', '--base-url', 'ftp://example.com/'], dir);
    expect(badUrl.code).toBe(2);
    expect(badUrl.stderr).toContain('--base-url「ftp://example.com/」应是不带查询参数的 http 或 https 网址');
    await writeTree(dir, { 'mine/notes.txt': '我的文件' });
    const foreign = await runCli(['site', 'pub', '--out', 'mine'], dir);
    expect(foreign.code).toBe(2);
    expect(foreign.stderr).toContain('已有文件，但不是 fangzhi site 生成的');
    expect(await readFile(join(dir, 'mine/notes.txt'), 'utf8')).toBe('我的文件');
    await writeTree(dir, { 'pub/volume.yaml': 'id: pub-2016\ntitle: [未闭合\n' });
    const broken = await runCli(['site', 'pub'], dir);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/pub\/volume\.yaml\n\s+3:1\s+错误\s+YAML 语法错误/);
    expect(broken.stderr).toContain('网站未生成');
  });

  it('builds the site and names what it kept off it', async () => {
    const dir = await tempDir('fangzhi-site-');
    await writeTree(dir, leakyContent());
    const result = await runCli(['site', 'pub', 'draft', '--out', 'site'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^已生成网站 site：《示例市年鉴（2016）》，\d+个页面，全文检索索引1个分片共[\d.]+ MB/);
    expect(result.stderr).toContain('未公开：draft（本卷尚未发布（无审校台账，volume.yaml 也未设 published: true））');
    expect(result.stderr).toContain('未公开：pub/chapters/shehui/weisheng.md（内部资料（internal: true））');
    expect(result.stderr).toContain('未公开：pub/chapters/shehui/tiyu.md（含未处理的修订标记或批注（CriticMarkup））');
    expect(await stat(join(dir, 'site/sitemap.xml')).catch(() => undefined)).toBeUndefined();
    expect(await readFile(join(dir, 'site/robots.txt'), 'utf8')).toBe('User-agent: *\nDisallow: /search/\n');
  });
});
