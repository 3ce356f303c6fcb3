import { execFileSync } from 'node:child_process';
import { appendFile, cp, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root, runCli, tempDir } from '../helpers.js';

// The print PDF is laid out one top-level section at a time, and the sections are cached: after one
// chapter changes, only its section is laid out again. The rebuilt PDF must read exactly as a PDF
// built from nothing, page by page, folios, 目录 and 索引 included.

let work: string;
let volume: string;
const pdfText = (pdf: string) => execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 });
/** Section layouts reported by the build: “排版印刷版 PDF：政治（3/10）”. */
const sectionsLaidOut = (stderr: string) => [...stderr.matchAll(/排版印刷版 PDF：(.+?)（\d+\/\d+）/g)].map((match) => match[1]);

async function build(out: string, ...options: string[]): Promise<{ pdf: string; sections: string[] }> {
  const result = await runCli(['build', volume, '--format', 'pdf', '--out', join(work, out), ...options]);
  expect(result.code, result.stderr).toBe(0);
  return { pdf: join(work, out, 'yearbook-2016', 'yearbook-2016.pdf'), sections: sectionsLaidOut(result.stderr) };
}

beforeAll(async () => {
  work = await tempDir('fangzhi-pdf-rebuild-');
  for (const name of ['units.yaml', 'style.yaml', 'yearbook-2016']) await cp(join(root, 'content', name), join(work, 'content', name), { recursive: true });
  volume = join(work, 'content', 'yearbook-2016');
});
afterAll(() => rm(work, { recursive: true, force: true }));

describe('rebuilding the print PDF after one chapter changed', () => {
  it('lays out only the changed section again, and the result reads as a build from nothing', async () => {
    const cache = ['--cache-dir', join(work, 'cache')];
    const cold = await build('cold', ...cache);
    expect(cold.sections).toHaveLength(10);

    const chapters = join(volume, 'chapters');
    const shehui = (await readdir(chapters, { recursive: true })).find((path) => /shehui/.test(path) && path.endsWith('.md'));
    expect(shehui).toBeDefined();
    await appendFile(join(chapters, shehui!), '\n【年末补记】12月31日，示例市完成年度民生实事考核，考核项目12个。\n');

    const warm = await build('warm', ...cache);
    expect(warm.sections).toHaveLength(1);
    const fresh = await build('fresh', '--no-cache');
    expect(fresh.sections).toHaveLength(10);
    const text = pdfText(warm.pdf);
    expect(text).toContain('年末补记');
    expect(text).toBe(pdfText(fresh.pdf));
    expect(text).not.toBe(pdfText(cold.pdf));
  }, 180_000);

  it('gives the same PDF when the sections are laid out on two threads', async () => {
    const parallel = await build('parallel', '--no-cache', '--jobs', '2');
    const serial = await build('serial', '--no-cache');
    expect(parallel.sections).toHaveLength(10);
    expect(pdfText(parallel.pdf)).toBe(pdfText(serial.pdf));
  }, 180_000);
});
