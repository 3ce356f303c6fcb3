import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../src/pipeline.js';
import { root } from './helpers.js';

const options = { cache: false, cacheDir: '', final: true, jobs: 1 };

describe('the bundled sample volumes', () => {
  it('are clean: no errors and no warnings, even as a final check', async () => {
    const report = await runCheck([join(root, 'content/yearbook-2016'), join(root, 'content/gazetteer-jiaotong')], options);
    const problems = report.files.flatMap((file) => file.messages.filter((message) => message.fatal !== undefined).map((message) => `${file.path}:${message.place && 'start' in message.place ? message.place.start.line : ''} ${message.ruleId} ${message.reason}`));
    expect(problems).toEqual([]);
  });

  it('the yearbook is a full small volume: 特载, 大事记, 概况, statistics tables, credits', async () => {
    const report = await runCheck([join(root, 'content/yearbook-2016')], options);
    const [volume] = report.volumes;
    expect(volume!.title).toBe('示例市年鉴（2016）');
    expect(volume!.missing).toEqual([]);
    expect(volume!.chapters).toBeGreaterThanOrEqual(18);
    expect(volume!.entries).toBeGreaterThanOrEqual(90);
    expect(volume!.chars).toBeGreaterThanOrEqual(60_000);
    const framework = await readFile(join(root, 'content/yearbook-2016/framework.yaml'), 'utf8');
    expect(framework.match(/kind: 类目/g)!.length).toBeGreaterThanOrEqual(6);
    for (const title of ['特载', '大事记', '市情概览']) expect(framework).toContain(`title: ${title}`);
    const economy = await readFile(join(root, 'content/yearbook-2016/chapters/shiqing/shiqing-jingji.md'), 'utf8');
    expect(economy).toMatch(/^表1　.+\n\n单位：.+\n\n\|.+\|\n\|[-:| ]+\|/m);
  });

  it('the gazetteer uses 篇/章/节 with 述 and 记 forms and at least 10,000 characters', async () => {
    const report = await runCheck([join(root, 'content/gazetteer-jiaotong')], options);
    const [volume] = report.volumes;
    expect(volume!.chars).toBeGreaterThanOrEqual(10_000);
    const config = await readFile(join(root, 'content/gazetteer-jiaotong/volume.yaml'), 'utf8');
    expect(config).toMatch(/levels: \[篇, 章, 节\]/);
    const framework = await readFile(join(root, 'content/gazetteer-jiaotong/framework.yaml'), 'utf8');
    expect(framework).toContain('title: 概述');
    expect(framework).toContain('title: 大事记');
  });
});
