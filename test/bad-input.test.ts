import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { chapter, miniVolume, parseJsonReport, runCli, tempDir, writeTree } from './helpers.js';

const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('bad input gets a clear Chinese message, never a crash', () => {
  it('malformed YAML front matter: position of the error in the original file', async () => {
    const dir = await tempDir();
    await writeTree(dir, { '稿件.md': '---\nnode: jiaoyu\nwriters: [许文博\n---\n\n【概况】2015年末，示例市有学校312所。\n' });
    const result = await runCli(['check', join(dir, '稿件.md'), '--format', 'json', '--no-cache'], dir);
    const messages = parseJsonReport(result.stdout)[0]!.messages;
    const syntax = messages.find((m) => m.ruleId === 'yaml-syntax')!;
    expect(syntax.message).toMatch(/^文件头YAML 语法错误/);
    expect(syntax.line).toBeGreaterThanOrEqual(3);
    expect(syntax.line).toBeLessThanOrEqual(4);
    expect(result.code).toBe(1);
    noStack(result.stderr);
  });

  it('a volume chapter without front matter', async () => {
    const dir = await tempDir();
    await writeTree(dir, miniVolume({ 'vol/chapters/shehui/jiaoyu.md': '【概况】2015年末，示例市有各级各类学校312所，在校学生21.6万人，比上年增加0.8万人。\n' }));
    const result = await runCli(['check', join(dir, 'vol'), '--format', 'json', '--no-cache'], dir);
    const file = parseJsonReport(result.stdout).find((f) => f.path.endsWith('jiaoyu.md'))!;
    expect(file.messages.find((m) => m.ruleId === 'front-matter-missing')).toMatchObject({ severity: 'error', line: 1, column: 1 });
  });

  it('a binary file, an empty file and a missing path', async () => {
    const dir = await tempDir();
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    await writeTree(dir, { 'photo.md': png, 'empty.md': '' });
    const result = await runCli(['check', join(dir, 'photo.md'), join(dir, 'empty.md'), '--format', 'json', '--no-cache'], dir);
    const files = parseJsonReport(result.stdout);
    expect(files.find((f) => f.path.endsWith('photo.md'))!.messages.map((m) => m.ruleId)).toEqual(['binary-file']);
    expect(files.find((f) => f.path.endsWith('empty.md'))!.messages.map((m) => m.ruleId)).toEqual(['empty-file']);
    expect(result.code).toBe(1);
    const missing = await runCli(['check', join(dir, '没有这个文件.md')], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('找不到');
    noStack(missing.stderr);
  });

  it('a 5 MB single-line file is checked and flagged, without a crash', async () => {
    const dir = await tempDir();
    const sentence = '2015年，示例市新建城市道路12.6千米，改造老旧小区46个，完成投资38.2亿元。';
    await writeTree(dir, { 'long.txt': sentence.repeat(Math.ceil((5 * 1024 * 1024) / Buffer.byteLength(sentence))) });
    const started = Date.now();
    const result = await runCli(['check', join(dir, 'long.txt'), '--format', 'json', '--no-cache'], dir);
    const messages = parseJsonReport(result.stdout)[0]!.messages;
    expect(messages.find((m) => m.ruleId === 'long-line')).toMatchObject({ severity: 'warning', line: 1 });
    expect(Date.now() - started).toBeLessThan(60_000);
    noStack(result.stderr);
  });

  it('a file name with spaces and Chinese characters', async () => {
    const dir = await tempDir();
    await writeTree(dir, { '来稿 二〇一六/教育 局 稿件.md': '【概况】2015年末，我市有各级各类学校312所。\n' });
    const result = await runCli(['check', join(dir, '来稿 二〇一六', '教育 局 稿件.md'), '--no-cache'], dir);
    expect(result.stdout).toContain('教育 局 稿件.md');
    expect(result.stdout).toContain('first-person');
    expect(result.code).toBe(1);
  });

  it('an unknown option is a usage error in Chinese, exit code 2', async () => {
    const result = await runCli(['check', '--colour']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('未知选项');
  });

  it('a GBK-encoded file is recognised and reported, not misread', async () => {
    const dir = await tempDir();
    const text = '【概况】2015年末，我县有各级各类学校86所。\n';
    await writeTree(dir, { 'gbk.txt': iconv.encode(text, 'gbk') });
    const result = await runCli(['check', join(dir, 'gbk.txt'), '--format', 'json', '--no-cache'], dir);
    const messages = parseJsonReport(result.stdout)[0]!.messages;
    expect(messages.map((m) => m.ruleId)).toEqual(expect.arrayContaining(['encoding', 'first-person']));
    expect(messages.find((m) => m.ruleId === 'first-person')!.actual).toBe('我县');
  });

  it('a bad option value is a usage error without a stack trace', async () => {
    const dir = await tempDir();
    await writeTree(dir, miniVolume({ 'vol/chapters/shehui/jiaoyu.md': chapter('jiaoyu', 'edu', '【概况】2015年末，示例市有学校312所。') }));
    const result = await runCli(['check', join(dir, 'vol'), '--record-year', 'abc'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--record-year');
    noStack(result.stderr);
  });
});
