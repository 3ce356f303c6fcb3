import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir, writeTree } from './helpers.js';

describe('--fix', () => {
  it('changes only the fixed characters: BOM, CRLF and front matter stay byte for byte', async () => {
    const dir = await tempDir();
    const before = '\uFEFF---\r\nnode: jiaoyu\r\nwriters: [许文博]\r\n---\r\n\r\n【概况】2015年末,示例市有学校312所.\r\n全年投入38.2亿元.\r\n';
    const after = '\uFEFF---\r\nnode: jiaoyu\r\nwriters: [许文博]\r\n---\r\n\r\n【概况】2015年末，示例市有学校312所。\r\n全年投入38.2亿元。\r\n';
    await writeTree(dir, { 'a.md': Buffer.from(before, 'utf8') });
    const result = await runCli(['check', join(dir, 'a.md'), '--fix', '--no-cache'], dir);
    expect(result.stderr).toContain('已修正 1 个文件');
    expect((await readFile(join(dir, 'a.md'))).equals(Buffer.from(after, 'utf8'))).toBe(true);
    expect(result.stdout).not.toContain('punct-width');
  });

  it('--fix-dry-run prints the diff and writes nothing', async () => {
    const dir = await tempDir();
    const text = '【概况】2015年末,示例市有学校312所。\n';
    await writeTree(dir, { 'a.md': text });
    const result = await runCli(['check', join(dir, 'a.md'), '--fix-dry-run', '--no-cache'], dir);
    expect(result.stdout).toContain('-【概况】2015年末,示例市有学校312所。');
    expect(result.stdout).toContain('+【概况】2015年末，示例市有学校312所。');
    expect(await readFile(join(dir, 'a.md'), 'utf8')).toBe(text);
    expect(result.code).toBe(0);
  });

  it('converts a GBK file to UTF-8, keeping its text', async () => {
    const dir = await tempDir();
    const text = '【概况】2015年末，示例县有各级各类学校86所，在校学生4.2万人。\n';
    await writeTree(dir, { 'gbk.txt': iconv.encode(text, 'gbk') });
    const result = await runCli(['check', join(dir, 'gbk.txt'), '--fix', '--no-cache'], dir);
    expect(result.stderr).toContain('已修正 1 个文件');
    expect(new TextDecoder('utf-8', { fatal: true }).decode(await readFile(join(dir, 'gbk.txt')))).toBe(text);
    expect(result.stdout).not.toContain('encoding');
  });

  it('does not touch a file when there is nothing safe to fix', async () => {
    const dir = await tempDir();
    const text = '【概况】2015年末，我局有学校312所。\n';
    await writeTree(dir, { 'a.md': text });
    const result = await runCli(['check', join(dir, 'a.md'), '--fix', '--no-cache'], dir);
    expect(result.stderr).not.toContain('已修正');
    expect(await readFile(join(dir, 'a.md'), 'utf8')).toBe(text);
    expect(result.code).toBe(1);
  });
});
