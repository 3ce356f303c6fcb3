import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AssemblyCache } from '../src/cache/assembly-cache.js';
import { loadVolume } from '../src/load/load-volume.js';
import type { AssembledVolume } from '../src/model/assembled.js';
import { assembleFromDisk, runCheck } from '../src/pipeline.js';
import { root, tempDir } from './helpers.js';

let work: string;
beforeAll(async () => {
  work = await tempDir('fangzhi-assembly-cache-');
});
afterAll(() => rm(work, { recursive: true, force: true }));

describe('the assembly cache', () => {
  it('computes each input once across builds, by kind, and forgets what a build did not use', async () => {
    const dir = join(work, 'memo');
    const calls: string[] = [];
    const double = (input: { n: number }) => {
      calls.push(`double ${input.n}`);
      return input.n * 2;
    };
    const first = await AssemblyCache.open(dir, 'v');
    const memo = first.memo('double', double);
    expect([memo({ n: 1 }), memo({ n: 2 })]).toEqual([2, 4]);
    await first.save();

    const second = await AssemblyCache.open(dir, 'v');
    expect(second.memo('double', double)({ n: 1 })).toBe(2);
    expect(second.memo('triple', (input: { n: number }) => input.n * 3)({ n: 1 })).toBe(3);
    await second.save();
    expect(calls).toEqual(['double 1', 'double 2']);

    // The second build used only n = 1: n = 2 is computed again.
    const third = await AssemblyCache.open(dir, 'v');
    expect(third.memo('double', double)({ n: 2 })).toBe(4);
    expect(calls).toEqual(['double 1', 'double 2', 'double 2']);
  });

  it('starts empty from a damaged file', async () => {
    const dir = join(work, 'damaged');
    const cache = await AssemblyCache.open(dir, 'v');
    cache.memo('double', (n: number) => n * 2)(1);
    await cache.save();
    await writeFile(join(dir, 'assembly', 'v.json'), '{"fingerprint":');
    let computed = 0;
    expect((await AssemblyCache.open(dir, 'v')).memo('double', (n: number) => (computed++, n * 2))(1)).toBe(2);
    expect(computed).toBe(1);
  });
});

describe('assembling from the cache', () => {
  const volumeDir = () => join(work, 'content', 'yearbook-2016');
  const assemble = async (cacheDir?: string): Promise<AssembledVolume> => {
    const check = await runCheck([volumeDir()], { cache: false, cacheDir: '', final: false, jobs: 1 });
    return (await assembleFromDisk(await loadVolume(volumeDir()), check.files, { mode: 'draft', ...(cacheDir ? { cacheDir } : {}) })).assembled;
  };

  beforeAll(async () => {
    for (const name of ['units.yaml', 'style.yaml', 'yearbook-2016']) await cp(join(root, 'content', name), join(work, 'content', name), { recursive: true });
  });

  it('gives the volume a fresh assembly gives, before and after a chapter changes', async () => {
    const cacheDir = join(work, 'cache');
    expect(await assemble(cacheDir)).toEqual(await assemble());
    const fromCache = await assemble(cacheDir);
    expect(fromCache).toEqual(await assemble());

    const chapter = join(volumeDir(), 'chapters', 'shehui', 'shehui-minzheng.md');
    await writeFile(chapter, `${await readFile(chapter, 'utf8')}\n【年末补记】12月31日，示例市完成年度民生实事考核，[社会救助]{.index}项目12个。\n`);
    const edited = await assemble(cacheDir);
    expect(edited).toEqual(await assemble());
    expect(JSON.stringify(edited)).toContain('年末补记');
  });
});
