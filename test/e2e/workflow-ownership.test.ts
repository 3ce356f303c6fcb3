import { readFile, writeFile, appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJsonReport, runCli } from '../helpers.js';
import { git, volumeRepo } from './workflow-helpers.js';

const UNITS = [
  'units:',
  '  - { id: edu, name: 示例市教育局, shortName: 市教育局, contact: { name: 许文博 }, gitHandle: "@shili/edu" }',
  '  - { id: health, name: 示例市卫生局, shortName: 市卫生局, contact: { name: 吕安康 } }',
  '',
].join('\n');

const ownershipErrors = (stdout: string) =>
  parseJsonReport(stdout).flatMap((file) => file.messages.filter((message) => message.ruleId === 'outside-assignment').map((message) => ({ path: file.path, message: message.message, line: message.line })));

describe('ownership of chapters in merge requests from units', () => {
  it('a change by unit A to unit B\'s chapter fails --as A, and passes --as B', async () => {
    const repo = await volumeRepo({ 'units.yaml': UNITS });
    git(repo, 'checkout', '-q', '-b', 'edu/2016');
    const weisheng = join(repo, 'vol/chapters/shehui/weisheng.md');
    await writeFile(weisheng, (await readFile(weisheng, 'utf8')).replace('1286个', '1290个'));
    git(repo, 'commit', '-q', '-am', '教育局误改卫生稿');

    const asEdu = await runCli(['check', 'vol', '--changed-since', 'main', '--as', 'edu', '--format', 'json'], repo);
    expect(asEdu.code).toBe(1);
    expect(ownershipErrors(asEdu.stdout)).toEqual([{ path: weisheng, line: 1, message: 'vol/chapters/shehui/weisheng.md 属于「社会 › 卫生」（weisheng），由示例市卫生局承编，不属于示例市教育局' }]);
    const asHealth = await runCli(['check', 'vol', '--changed-since', 'main', '--as', 'health', '--format', 'json'], repo);
    expect(ownershipErrors(asHealth.stdout)).toEqual([]);
    expect(asHealth.code).toBe(0);
  });

  it('counts work-tree changes and new files, and lets a unit append only its own submit to its ledger', async () => {
    const repo = await volumeRepo({ 'units.yaml': UNITS });
    git(repo, 'checkout', '-q', '-b', 'edu/2016');
    const jiaoyu = join(repo, 'vol/chapters/shehui/jiaoyu.md');
    await writeFile(jiaoyu, (await readFile(jiaoyu, 'utf8')).replace('312所', '313所'));
    const submitted = await runCli(['review', 'submit', 'jiaoyu', '--volume', 'vol', '--by', '许文博', '--at', '2016-03-25T10:00:00+08:00'], repo);
    expect(submitted.code, submitted.stderr).toBe(0);
    const own = await runCli(['check', 'vol', '--changed-since', 'main', '--as', 'edu', '--format', 'json'], repo);
    expect(ownershipErrors(own.stdout)).toEqual([]);

    await writeFile(join(repo, 'vol/framework-note.txt'), '教育局想加一个分目');
    await appendFile(join(repo, 'vol/ledger/jiaoyu.yaml'), '  - { chapter: jiaoyu, stage: 初审, action: pass, actor: 许文博, time: "2016-03-26T10:00:00+08:00", hash: "0123456789012345678901234567890123456789" }\n');
    const sneaky = await runCli(['check', 'vol', '--changed-since', 'main', '--as', 'edu', '--format', 'json'], repo);
    expect(sneaky.code).toBe(1);
    expect(ownershipErrors(sneaky.stdout).map((error) => error.message)).toEqual([
      'vol/framework-note.txt 不是示例市教育局承编的稿件；供稿单位只能修改本单位承编的稿件',
      'vol/ledger/jiaoyu.yaml：供稿单位只能登记报送（submit），「通过初审」须由编辑部登记',
    ]);
  });

  it('usage errors: an unknown unit, an unknown ref, one option without the other', async () => {
    const repo = await volumeRepo({ 'units.yaml': UNITS });
    const unit = await runCli(['check', 'vol', '--changed-since', 'main', '--as', 'police'], repo);
    expect([unit.code, unit.stderr]).toEqual([2, 'fangzhi：供稿单位名录（units.yaml）中没有「police」\n']);
    const ref = await runCli(['check', 'vol', '--changed-since', 'origin/main', '--as', 'edu'], repo);
    expect([ref.code, ref.stderr]).toEqual([2, 'fangzhi：git 中找不到「origin/main」（分支、标签或提交）\n']);
    const half = await runCli(['check', 'vol', '--as', 'edu'], repo);
    expect(half.code).toBe(2);
    expect(half.stderr).toContain('--changed-since 与 --as 须同时使用');
  });

  it('codeowners: GitHub and GitLab files from the assignments and the units\' git handles', async () => {
    const repo = await volumeRepo({ 'units.yaml': UNITS });
    const github = await runCli(['codeowners', 'vol', '--default-owner', '@shili/editors'], repo);
    expect(github.code).toBe(0);
    expect(github.stderr).toContain('1个单位未在 units.yaml 中设 gitHandle，其稿件未指定负责人：示例市卫生局');
    const text = await readFile(join(repo, 'CODEOWNERS'), 'utf8');
    expect(text.split('\n').filter((line) => line && !line.startsWith('#'))).toEqual(['* @shili/editors', '/vol/chapters/shehui/jiaoyu.md @shili/edu', '/vol/chapters/wenhua/tiyu.md @shili/edu']);
    expect(text).toContain('# /vol/chapters/shehui/weisheng.md（社会 › 卫生）：示例市卫生局（health）未设 gitHandle');
    await runCli(['codeowners', 'vol', '--syntax', 'gitlab', '--out', '.gitlab/CODEOWNERS'], repo);
    expect(await readFile(join(repo, '.gitlab/CODEOWNERS'), 'utf8')).toContain('[示例市年鉴（2016）]\n/vol/chapters/shehui/jiaoyu.md @shili/edu\n');
  });
});
