import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** The package root (the folder with package.json): schemas/, templates/ and word lists are found from here. */
export const projectRoot = findRoot(here);

/** Where the running code lives: dist/ (the built bundle) or src/ (under the test runner). */
export const codeDir = join(projectRoot, here.startsWith(join(projectRoot, 'dist')) ? 'dist' : 'src');

function findRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`找不到 fangzhi 的安装目录（${start} 之上没有 package.json）`);
  }
}
