import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chapter, runCli } from '../helpers.js';
import { volumeRepo } from './workflow-helpers.js';

const TEXT = chapter('jiaoyu', 'edu', '【概况】2015年末,示例市有各级各类学校312所，在校学生21.6万人，专任教师1.48万人。全年教育经费投入38.2亿元，比上年增长6.5%。');

describe('check --fix and the lock', () => {
  it('does not fix a chapter that passed the lock stage, and says why', async () => {
    const repo = await volumeRepo({ 'vol/chapters/shehui/jiaoyu.md': TEXT });
    const review = (action: string, stage: string, at: string) => runCli(['review', action, 'jiaoyu', '--volume', 'vol', '--stage', stage, '--by', '林知远', '--at', at], repo);
    await runCli(['review', 'submit', 'jiaoyu', '--volume', 'vol', '--by', '许文博', '--at', '2016-03-25T10:00:00+08:00'], repo);
    for (const [stage, day] of [['初审', 26], ['复审', 27], ['终审', 28]] as const) expect((await review('pass', stage, `2016-03-${day}T10:00:00+08:00`)).code).toBe(0);
    const fixed = await runCli(['check', 'vol', '--fix', '--no-cache'], repo);
    expect(fixed.stderr).toContain('已通过锁定环节，不自动修正');
    expect(await readFile(join(repo, 'vol/chapters/shehui/jiaoyu.md'), 'utf8')).toBe(TEXT);
    expect(fixed.stdout).not.toContain('locked-chapter-modified');
    expect(fixed.stdout).toContain('punct-width');
  });
});
