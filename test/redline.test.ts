import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runTool } from '../src/render/run-tool.js';
import { parseCriticMarkup } from '../src/revisions/critic-markup.js';
import { redlineMarkup } from '../src/revisions/redline-diff.js';
import { chapter, miniVolume, runCli, tempDir, writeTree } from './helpers.js';

const run = promisify(execFile);

const OLD = [
  '---',
  'node: jiaoyu',
  'unit: edu',
  '---',
  '',
  '【概况】2015年末，示例市有各级各类学校312所，在校学生21.6万人，专任教师1.48万人。',
  '',
  '【学前教育】2015年，示例市新建公办幼儿园12所，新增学前教育学位6480个，在园幼儿9.6万人。',
  '',
  '【职业教育】2015年末，示例市有中等职业学校14所，在校学生2.9万人，毕业生就业率97.2%。',
  '',
  '| 项目 | 数量 |',
  '|---|---|',
  '| 学校 | 312 |',
  '| 教师 | 1.48万 |',
  '',
  '（撰稿：许文博　审稿：黄国栋）',
  '',
].join('\n');

describe('redline markup', () => {
  it('diffs Chinese by characters and numbers as whole numbers', () => {
    const { text, stats } = redlineMarkup(OLD, OLD.replace('各级各类学校312所', '各级各类学校313所').replace('专任教师1.48万人', '专任教师和职员1.48万人'));
    expect(text).toContain('各级各类学校{~~312~>313~~}所');
    expect(text).toContain('专任教师{++和职员++}1.48万人');
    expect(stats).toMatchObject({ insertions: 2, deletions: 1, moved: 0, changed: 1 });
  });

  it('shows a moved paragraph at its new place with a note, not as a deletion and an insertion', () => {
    const moved = OLD.replace(/(【学前教育】[^\n]*)\n\n(【职业教育】[^\n]*)/, '$2\n\n$1');
    const { text, stats } = redlineMarkup(OLD, moved);
    expect(stats.moved).toBe(1);
    expect(parseCriticMarkup(text).marks.filter((mark) => mark.kind === 'deletion' || mark.kind === 'insertion')).toEqual([]);
    expect(text).toMatch(/【(学前|职业)教育】\{==[^=]+==\}\{>>@红样比对：本段由原第\d段的位置移至此处<<\}/);
  });

  it('marks an edited moved paragraph inside, a changed title in a note and table rows cell by cell', () => {
    const next = OLD.replace(/(【学前教育】[^\n]*)\n\n(【职业教育】[^\n]*)/, '$2\n\n$1')
      .replace('【学前教育】2015年，示例市新建公办幼儿园12所', '【学龄前教育】2015年，示例市新建公办幼儿园13所')
      .replace('| 学校 | 312 |\n', '| 学校 | 313 |\n| 学生 | 21.6万 |\n');
    const { text } = redlineMarkup(OLD, next);
    expect(text).toContain('【学龄前教育】{>>@红样比对：本段由原第2段的位置移至此处<<}{>>@红样比对：条目标题原为「学前教育」<<}2015年，示例市新建公办幼儿园{~~12~>13~~}所');
    expect(text).toContain('| 学校 | {~~312~>313~~} |\n| {++学生++} | {++21.6万++} |\n| 教师 | 1.48万 |');
  });

  it('shows an added and a removed chapter as wholly inserted and wholly deleted', () => {
    expect(redlineMarkup(undefined, OLD).text).toContain('【概况】{>>@红样比对：新增条目<<}{++2015年末，示例市有各级各类学校312所');
    expect(redlineMarkup(OLD, undefined).text).toContain('{--【概况】2015年末，示例市有各级各类学校312所');
  });
});

/** A volume in a fresh git repository, committed by 许文博 on 2016-03-25. */
async function repository(): Promise<string> {
  const dir = await tempDir('fangzhi-redline-');
  await writeTree(dir, miniVolume({ 'vol/chapters/shehui/jiaoyu.md': chapter('jiaoyu', 'edu', OLD.split('\n\n').slice(1, -1).join('\n\n')) }));
  const env = { ...process.env, GIT_AUTHOR_NAME: '许文博', GIT_AUTHOR_EMAIL: 'xu@example.org', GIT_COMMITTER_NAME: '许文博', GIT_COMMITTER_EMAIL: 'xu@example.org', GIT_AUTHOR_DATE: '2016-03-25T10:00:00+08:00', GIT_COMMITTER_DATE: '2016-03-25T10:00:00+08:00' };
  await run('git', ['init', '-q'], { cwd: dir });
  await run('git', ['add', '.'], { cwd: dir, env });
  await run('git', ['commit', '-qm', '供稿'], { cwd: dir, env });
  return dir;
}

describe('fangzhi redline', () => {
  it('compares a git version with the work tree: HTML with legend and versions, Word with real tracked changes', async () => {
    const dir = await repository();
    const file = join(dir, 'vol/chapters/shehui/jiaoyu.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace('各级各类学校312所', '各级各类学校313所'));
    const result = await runCli(['redline', 'jiaoyu', '--volume', 'vol', '--from', 'HEAD', '--format', 'html,docx', '-o', 'out'], dir);
    expect(result.stderr.split('\n').filter((line) => line.startsWith('fangzhi'))).toEqual([]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('社会 › 教育：改动 1 段（新增 1 处，删除 1 处）');
    const html = await readFile(join(dir, 'out/mini-2016/mini-2016-jiaoyu-redline-HEAD-工作区.html'), 'utf8');
    expect(html).toContain('<del class="rev-del" title="删除');
    expect(html).toMatch(/各级各类学校<del class="rev-del"[^>]*>312<\/del><ins class="rev-ins"[^>]*>313<\/ins>所/);
    expect(html).toMatch(/<th>原稿<\/th><td>HEAD<\/td><td>[0-9a-f]{7}<\/td><td>许文博<\/td><td>2016-03-25 10:00<\/td>/);
    expect(html).toContain('图例：');

    const docx = join(dir, 'out/mini-2016/mini-2016-jiaoyu-redline-HEAD-工作区.docx');
    const read = async (mode: string) => (await runTool('pandoc', [`--track-changes=${mode}`, '-f', 'docx', '-t', 'plain', '--wrap=none', docx], { debianPackage: 'pandoc' })).stdout.toString('utf8');
    expect(await read('accept')).toContain('各级各类学校313所');
    expect(await read('reject')).toContain('各级各类学校312所');
    expect(await read('all')).toMatch(/原稿：HEAD　[0-9a-f]{7}　许文博　2016-03-25 10:00\s+改稿：工作区/);
  });

  it('compares two stages through the ledger, signed by who passed the stage', async () => {
    const dir = await repository();
    const file = join(dir, 'vol/chapters/shehui/jiaoyu.md');
    expect((await runCli(['review', 'submit', 'jiaoyu', '--volume', 'vol', '--by', '许文博', '--at', '2016-03-25T10:00:00+08:00'], dir)).code).toBe(0);
    await writeFile(file, (await readFile(file, 'utf8')).replace('新建公办幼儿园12所', '新建公办幼儿园13所'));
    expect((await runCli(['review', 'pass', 'jiaoyu', '--volume', 'vol', '--stage', '初审', '--by', '唐嘉木', '--at', '2016-04-02T10:00:00+08:00'], dir)).code).toBe(0);
    await writeFile(file, (await readFile(file, 'utf8')).replace('新建公办幼儿园13所', '新建公办幼儿园15所'));
    const result = await runCli(['redline', 'jiaoyu', '--volume', 'vol', '--from', '供稿', '--to', '初审', '--format', 'docx', '-o', 'out'], dir);
    expect(result.code).toBe(0);
    const docx = join(dir, 'out/mini-2016/mini-2016-jiaoyu-redline-供稿-初审.docx');
    const markdown = (await runTool('pandoc', ['--track-changes=all', '-f', 'docx', '-t', 'markdown', '--wrap=none', docx], { debianPackage: 'pandoc' })).stdout.toString('utf8');
    expect(markdown).toContain('新建公办幼儿园[12]{.deletion author="唐嘉木" date="2016-04-02T02:00:00Z"}[13]{.insertion author="唐嘉木" date="2016-04-02T02:00:00Z"}所');

    const unknown = await runCli(['redline', 'jiaoyu', '--volume', 'vol', '--from', '二审', '--to', '初审'], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('「二审」既不是审校阶段（供稿、初审、复审、终审、一校、二校、三校、付印），也不是 git 中的分支、标签或提交');
    const notYet = await runCli(['redline', 'jiaoyu', '--volume', 'vol', '--from', '初审', '--to', '复审'], dir);
    expect(notYet.code).toBe(2);
    expect(notYet.stderr).toContain('「社会 › 教育」的台账中没有「复审」阶段的版本');
  });
});
