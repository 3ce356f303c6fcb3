import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parseJsonReport, runCli, tempDir } from '../helpers.js';

interface StatusJson {
  total: { chapters: number; returned: number; overdue: number; locked: number; byStage: number[] };
  overdue: Array<{ nodeId: string; overdueDays: number }>;
  chapters: Array<{ nodeId: string; label: string }>;
}

describe('the sample yearbook tells a believable story, and the dashboard shows it', () => {
  it('the sample ledger: checks clean (locked chapters keep their recorded content) and has a meaningful status', async () => {
    const check = await runCli(['check', 'content/yearbook-2016', '--format', 'json']);
    const messages = parseJsonReport(check.stdout).flatMap((file) => file.messages);
    expect(messages.filter((message) => /^(ledger|locked|workflow)/.test(message.ruleId))).toEqual([]);
    expect(check.code).toBe(0);

    const status = await runCli(['status', 'content/yearbook-2016', '--as-of', '2016-05-20', '--json']);
    const [report] = JSON.parse(status.stdout) as StatusJson[];
    expect(report!.total).toMatchObject({ chapters: 29, returned: 5, overdue: 3, locked: 10 });
    // 待报送, 初审中, 复审中, 终审中, 一校中 … 已付印
    expect(report!.total.byStage).toEqual([0, 1, 6, 7, 10, 0, 0, 0, 0]);
    expect(report!.overdue.map((chapter) => [chapter.nodeId, chapter.overdueDays])).toEqual([['jingji-nongye', 20], ['jingji-shangmao', 12], ['chengxiang-shuiwu', 4]]);

    const earlier = JSON.parse((await runCli(['status', 'content/yearbook-2016', '--as-of', '2016-04-01', '--json'])).stdout) as StatusJson[];
    expect(earlier[0]!.total.byStage).toEqual([0, 29, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('out/status.html renders in Chromium at 1280 and 390 px without overflow or console errors', async () => {
    const out = await tempDir('fangzhi-status-');
    const result = await runCli(['status', 'content/yearbook-2016', '--as-of', '2016-05-20', '--html', '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('逾期3篇');
    const html = join(out, 'status.html');
    expect(await readFile(html, 'utf8')).not.toMatch(/<script|https?:\/\//);

    const profile = await tempDir('fangzhi-chromium-');
    const browser = await chromium.launchPersistentContext(profile, {
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
    });
    try {
      for (const width of [1280, 390]) {
        const page = await browser.newPage();
        const problems: string[] = [];
        page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
        page.on('requestfailed', (request) => problems.push(`请求失败：${request.url()}`));
        page.on('request', (request) => !request.url().startsWith('file:') && problems.push(`外部请求：${request.url()}`));
        await page.setViewportSize({ width, height: 900 });
        await page.goto(`file://${html}`);
        const layout = await page.evaluate(() => ({
          overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          charts: [...document.querySelectorAll('svg')].filter((svg) => svg.getBoundingClientRect().width > 40).length,
          overdueRows: document.querySelectorAll('table.overdue tbody tr').length,
          chapterRows: document.querySelectorAll('table.chapters tbody tr').length,
          title: document.querySelector('h1')?.textContent,
        }));
        expect(layout, `${width} px`).toMatchObject({ overflow: 0, overdueRows: 5, chapterRows: 29, title: '《示例市年鉴（2016）》' });
        expect(layout.charts, `${width} px`).toBeGreaterThan(30);
        expect(problems).toEqual([]);
        const shot = join(out, `status-${width}.png`);
        await page.screenshot({ path: shot, fullPage: true });
        console.log(`截图：${shot}`);
        await page.close();
      }
    } finally {
      await browser.close();
    }
  });
});
