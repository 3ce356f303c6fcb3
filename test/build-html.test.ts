import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuild } from '../src/pipeline.js';
import { chapter, miniVolume, root, runCli, tempDir, writeTree } from './helpers.js';

const html = (formats: Array<'html'>, outDir: string) => ({ formats, mode: 'draft' as const, outDir, cache: false, cacheDir: '', jobs: 1, progress: () => {} });

describe('review HTML', () => {
  it('is one self-contained file with a TOC link to every entry of the sample yearbook', async () => {
    const out = await tempDir();
    const report = await runBuild(join(root, 'content/yearbook-2016'), html(['html'], out));
    expect(report.written.map((path) => basename(path))).toEqual(['yearbook-2016.html']);
    const page = await readFile(report.written[0]!, 'utf8');
    expect(page).toMatch(/^<!doctype html><html lang="zh-CN">/);
    expect(page).not.toMatch(/<(script|link)\b/);
    expect(page).not.toMatch(/src="(?!data:)/);
    const anchors = [...page.matchAll(/<div class="entry" id="([^"]+)"/g)].map((match) => match[1]!);
    expect(anchors.length).toBe(report.volume!.stats.entries);
    for (const anchor of anchors) expect(page).toContain(`href="#${anchor}"`);
    expect(page).toContain('<span class="entry-title">【概况】</span>');
    expect(page).toContain('<p class="credit">（撰稿：');
    expect(page).toMatch(/<figcaption>表1　2015年示例市国民经济主要指标<\/figcaption>/);
    expect((page.match(/src="data:image\/jpeg;base64,/g) ?? []).length).toBe(report.volume!.stats.figures + report.volume!.plates.length);
    expect(page).toContain('<h2 class="level-0">索引</h2>');
  });

  it('a draft shows 缺稿 and the checker findings in place; --only and --unit name their files', async () => {
    const dir = await tempDir();
    await writeTree(dir, miniVolume({ 'vol/chapters/wenhua/tiyu.md': null, 'vol/chapters/shehui/jiaoyu.md': chapter('jiaoyu', 'edu', '【概况】2015年末，我局有学校312所，在校学生21.6万人，比上年增加0.8万人。') }));
    const result = await runCli(['build', 'vol', '--format', 'html', '--no-cache'], dir);
    expect(result.code).toBe(0);
    const page = await readFile(join(dir, 'out/mini-2016/mini-2016.html'), 'utf8');
    expect(page).toContain('<div class="missing">缺稿：示例市教育局</div>');
    expect(page).toMatch(/<aside class="finding finding-error"><span class="rule">错误 first-person<\/span> 9:12　「我局」为第一人称/);
    const only = await runCli(['build', 'vol', '--format', 'html', '--only', 'jiaoyu', '--no-cache'], dir);
    expect(only.stdout).toContain('out/mini-2016/mini-2016-jiaoyu.html');
    const unit = await runCli(['build', 'vol', '--format', 'html', '--unit', 'health', '--no-cache'], dir);
    const unitPage = await readFile(join(dir, 'out/mini-2016/mini-2016-unit-health.html'), 'utf8');
    expect(unitPage).toContain('卫生');
    expect(unitPage).not.toContain('id="n-jiaoyu"');
    const final = await runCli(['build', 'vol', '--format', 'html', '--final', '--no-cache'], dir);
    expect(final.code).toBe(1);
    expect(final.stderr).toContain('定稿构建已停止');
    const wrong = await runCli(['build', 'vol', '--format', 'html', '--only', 'nope', '--no-cache'], dir);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('篇目框架中没有节点「nope」');
  });
});
