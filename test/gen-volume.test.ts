import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../src/pipeline.js';
import { root, tempDir } from './helpers.js';

const run = promisify(execFile);

async function treeHash(dir: string): Promise<string> {
  const hash = createHash('sha1');
  for (const name of (await readdir(dir, { recursive: true })).sort()) {
    const content = await readFile(join(dir, name)).catch(() => undefined);
    if (content) hash.update(name).update(content);
  }
  return hash.digest('hex');
}

describe('npm run gen:volume', () => {
  it('is deterministic and writes a volume that passes the structure checks', async () => {
    const dir = await tempDir();
    const args = [join(root, 'scripts/gen-volume.mjs'), '--chars', '60000'];
    await run(process.execPath, [...args, '--out', join(dir, 'a')]);
    await run(process.execPath, [...args, '--out', join(dir, 'b')]);
    expect(await treeHash(join(dir, 'a'))).toBe(await treeHash(join(dir, 'b')));
    const report = await runCheck([join(dir, 'a')], { cache: false, cacheDir: '', final: true, jobs: 1 });
    expect(report.volumes[0]!.missing).toEqual([]);
    expect(report.volumes[0]!.chars).toBeGreaterThan(50_000);
    const structural = report.files.flatMap((file) => file.messages).filter((message) => message.source !== 'lint' && message.fatal === true);
    expect(structural.map((message) => message.reason)).toEqual([]);
  });
});
