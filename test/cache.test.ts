import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../src/pipeline.js';
import { miniVolume, tempDir, writeTree } from './helpers.js';

describe('content-hash cache', () => {
  it('reuses results of unchanged chapters and rechecks an edited one', async () => {
    const dir = await tempDir();
    await writeTree(dir, miniVolume());
    const options = { cache: true, cacheDir: join(dir, 'cache'), final: false, jobs: 1 };
    const first = await runCheck([join(dir, 'vol')], options);
    expect(first.stats).toMatchObject({ files: 3, fromCache: 0, checked: 3 });
    const second = await runCheck([join(dir, 'vol')], options);
    expect(second.stats).toMatchObject({ fromCache: 3, checked: 0 });
    expect(second.files.map((f) => f.messages.map((m) => m.reason))).toEqual(first.files.map((f) => f.messages.map((m) => m.reason)));
    await appendFile(join(dir, 'vol/chapters/shehui/jiaoyu.md'), '\n今年我局新建学校3所。\n');
    const third = await runCheck([join(dir, 'vol')], options);
    expect(third.stats).toMatchObject({ fromCache: 2, checked: 1 });
    expect(third.files.find((f) => f.path.endsWith('jiaoyu.md'))!.messages.map((m) => m.ruleId)).toContain('first-person');
    const cold = await runCheck([join(dir, 'vol')], { ...options, cache: false });
    expect(cold.stats).toMatchObject({ fromCache: 0, checked: 3 });
  });
});
