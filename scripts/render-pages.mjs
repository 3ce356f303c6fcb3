// Renders chosen pages of a PDF to PNG with pdftoppm, to look at the print layout.
// Usage: node scripts/render-pages.mjs <file.pdf> <page> [<page> …] [--dpi 110] [--out out/pages]
// Writes <out>/<pdf name>-<page>.png (pages are physical page numbers, 1 = the title page).
import { execFile } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parseArgs, promisify } from 'node:util';

const run = promisify(execFile);
const { values, positionals } = parseArgs({ allowPositionals: true, options: { dpi: { type: 'string', default: '110' }, out: { type: 'string', default: 'out/pages' } } });
const [pdf, ...pages] = positionals;
if (!pdf || pages.length === 0 || pages.some((page) => !/^\d+$/.test(page))) {
  console.error('用法：node scripts/render-pages.mjs <PDF 文件> <页码> [<页码> …] [--dpi 110] [--out out/pages]');
  process.exit(2);
}
await mkdir(values.out, { recursive: true });
const name = basename(pdf, '.pdf');
for (const page of pages) {
  const prefix = join(values.out, `${name}-${page}`);
  try {
    await run('pdftoppm', ['-png', '-r', values.dpi, '-f', page, '-l', page, '-singlefile', pdf, prefix]);
  } catch (error) {
    console.error(error.code === 'ENOENT' ? '找不到 pdftoppm，请安装 Debian 软件包 poppler-utils' : `第 ${page} 页转换失败：${error.stderr || error.message}`);
    process.exit(1);
  }
  console.log(`${prefix}.png`);
}
