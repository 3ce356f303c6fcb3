import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chapter, parseJsonReport, runCli, tempDir, writeTree, miniVolume, type CliResult } from '../helpers.js';
import { expectAppendOnly, git, ledgerSnapshot, volumeRepo } from './workflow-helpers.js';

const JIAOYU = chapter('jiaoyu', 'edu', '【概况】2015年末，我市有各级各类学校312所，在校学生21.6万人，专任教师1.48万人。{>>学校数请与市统计局核对<<}全年教育经费投入38.2亿元，比上年增长6.5%。');

/** Runs fangzhi in the repository and checks, after every command, that no earlier ledger byte changed. */
function recorder(repo: string) {
  const volume = join(repo, 'vol');
  return async (args: string[]): Promise<CliResult> => {
    const before = await ledgerSnapshot(volume);
    const result = await runCli(args, repo);
    expectAppendOnly(before, await ledgerSnapshot(volume), args.join(' '));
    return result;
  };
}

const messagesOf = (result: CliResult) => parseJsonReport(result.stdout).flatMap((file) => file.messages.map((message) => ({ ...message, path: file.path })));

describe('the life of a chapter in a real git repository', () => {
  it('submit, check, return with notes, edit, pass 初审/复审/终审, the lock, reopen, pass again', async () => {
    const repo = await volumeRepo({ 'vol/chapters/shehui/jiaoyu.md': JIAOYU });
    const fangzhi = recorder(repo);
    const chapterFile = join(repo, 'vol/chapters/shehui/jiaoyu.md');
    const ledgerFile = join(repo, 'vol/ledger/jiaoyu.yaml');

    const submitted = await fangzhi(['review', 'submit', 'jiaoyu', '--volume', 'vol', '--by', '许文博', '--at', '2016-03-25T10:00:00+08:00']);
    expect(submitted.stdout).toContain('已登记：社会 › 教育（jiaoyu）　报送（许文博）→ 现为初审中');
    // The blob of the supplied text is in git, whether or not anyone commits it.
    const suppliedHash = /hash: "([0-9a-f]{40})"/.exec(await readFile(ledgerFile, 'utf8'))![1]!;
    expect(git(repo, 'cat-file', '-p', suppliedHash)).toBe(JIAOYU);

    const checked = await fangzhi(['check', 'vol', '--format', 'json']);
    expect(messagesOf(checked).filter((message) => /^(ledger|locked)/.test(message.ruleId))).toEqual([]);
    expect(messagesOf(checked).find((message) => message.ruleId === 'first-person')).toBeDefined();

    const outOfOrder = await fangzhi(['review', 'pass', 'jiaoyu', '--volume', 'vol', '--stage', '终审', '--by', '林知远', '--at', '2016-03-28T10:00:00+08:00']);
    expect(outOfOrder.code).toBe(2);
    expect(outOfOrder.stderr).toContain('社会 › 教育（jiaoyu）：尚未通过初审、复审，不能通过终审（当前处于初审阶段）');
    expect((await readFile(ledgerFile, 'utf8')).match(/- chapter:/g)).toHaveLength(1);

    const returned = await fangzhi(['review', 'return', 'vol/chapters/shehui/jiaoyu.md', '--stage', '初审', '--by', '唐嘉木', '--note', '【概况】请补充幼儿园数和学前三年毛入园率', '--note', '“我市”为第一人称，改为示例市', '--at', '2016-04-02T15:30:00+08:00']);
    expect(returned.code).toBe(0);
    expect(returned.stdout).toContain('初审退改（唐嘉木）→ 现为初审退改');
    const sheet = await readFile(join(repo, 'out/mini-2016/退改单/jiaoyu-初审-20160402.md'), 'utf8');
    expect(sheet).toContain('# 《示例市年鉴（2016）》退改单');
    expect(sheet).toContain('1. 【概况】请补充幼儿园数和学前三年毛入园率');
    expect(sheet).toContain('| 报回期限 | 请于2016年4月12日前修改并重新报送 |');
    expect(sheet).toContain('1. 第9行：学校数请与市统计局核对');
    expect(sheet).toMatch(/\| 第9行第\d+列 \| 错误 \| 「我市」为第一人称.* \| `first-person` \|/);
    const docxText = execFileSync('pandoc', ['-f', 'docx', '-t', 'plain', join(repo, 'out/mini-2016/退改单/jiaoyu-初审-20160402.docx')], { encoding: 'utf8' });
    for (const expected of ['退改单', '请补充幼儿园数和学前三年毛入园率', '学校数请与市统计局核对', '为第一人称', '唐嘉木']) expect(docxText).toContain(expected);

    // The unit edits, removes the comment and sends the chapter back.
    await writeFile(chapterFile, JIAOYU.replace('我市', '示例市').replace('{>>学校数请与市统计局核对<<}', ''));
    git(repo, 'commit', '-q', '-am', '教育局修改');
    expect((await fangzhi(['review', 'submit', 'jiaoyu', '--volume', 'vol', '--by', '许文博', '--at', '2016-04-08T09:00:00+08:00'])).stdout).toContain('重新报送');
    for (const [stage, by, day] of [['初审', '唐嘉木', '04-10'], ['复审', '方雪晴', '04-20'], ['终审', '林知远', '05-10']] as const) {
      const passed = await fangzhi(['review', 'pass', 'jiaoyu', '--volume', 'vol', '--stage', stage, '--by', by, '--at', `2016-${day}T09:00:00+08:00`]);
      expect(passed.code, passed.stderr).toBe(0);
    }
    const clean = await fangzhi(['check', 'vol', '--format', 'json']);
    expect(clean.code).toBe(0);
    expect(messagesOf(clean).filter((message) => message.severity === 'error')).toEqual([]);

    // After 终审 the content is locked.
    await writeFile(chapterFile, (await readFile(chapterFile, 'utf8')).replace('312所', '313所'));
    const lockedCheck = await fangzhi(['check', 'vol', '--format', 'json']);
    expect(lockedCheck.code).toBe(1);
    const lock = messagesOf(lockedCheck).find((message) => message.ruleId === 'locked-chapter-modified')!;
    expect(lock).toMatchObject({ severity: 'error', line: 1, column: 1, path: chapterFile });
    expect(lock.message).toMatch(/^本稿已于2016年5月10日通过终审并锁定，此后内容又有改动/);

    const noReason = await fangzhi(['review', 'reopen', 'jiaoyu', '--volume', 'vol', '--stage', '终审', '--by', '林知远']);
    expect(noReason.code).toBe(2);
    expect(noReason.stderr).toContain('重新打开须用 --reason 写明理由');
    const reopened = await fangzhi(['review', 'reopen', 'jiaoyu', '--volume', 'vol', '--stage', '终审', '--by', '林知远', '--reason', '统计公报发布后更正学校数', '--at', '2016-05-12T09:00:00+08:00']);
    expect(reopened.stdout).toContain('重新打开终审（林知远）→ 现为终审中');
    const unlocked = await fangzhi(['check', 'vol', '--format', 'json']);
    expect(messagesOf(unlocked).filter((message) => message.ruleId === 'locked-chapter-modified')).toEqual([]);
    expect(unlocked.code).toBe(0);

    await fangzhi(['review', 'pass', 'jiaoyu', '--volume', 'vol', '--stage', '终审', '--by', '林知远', '--at', '2016-05-13T09:00:00+08:00']);
    expect((await fangzhi(['check', 'vol'])).code).toBe(0);

    const log = await fangzhi(['review', 'log', 'jiaoyu', '--volume', 'vol']);
    expect(log.stdout).toContain('当前：一校中，由编辑部处理；终审后已锁定；稿件内容与最后一条记录一致');
    expect(log.stdout).toMatch(/2016-05-12 09:00 {2}终审 {2}重新打开 {2}林知远 {2}[0-9a-f]{7} {2}理由：统计公报发布后更正学校数/);
    expect(log.stdout.match(/^2016-/gm)).toHaveLength(8);

    const status = JSON.parse((await fangzhi(['status', 'vol', '--json', '--as-of', '2016-05-20'])).stdout) as Array<{ chapters: Array<{ nodeId: string; label: string; locked: boolean; lateDays?: number }> }>;
    expect(status[0]!.chapters.find((item) => item.nodeId === 'jiaoyu')).toMatchObject({ label: '一校中', locked: true });
  });

  it('bad input: unknown stage or chapter, a hand-broken ledger, a folder outside git', async () => {
    const repo = await volumeRepo();
    const fangzhi = recorder(repo);
    await fangzhi(['review', 'submit', 'jiaoyu', '--volume', 'vol', '--by', '许文博', '--at', '2016-03-25T10:00:00+08:00']);

    const stage = await fangzhi(['review', 'pass', 'jiaoyu', '--volume', 'vol', '--stage', '四审', '--by', '唐嘉木']);
    expect([stage.code, stage.stderr.trim()]).toEqual([2, 'fangzhi：阶段「四审」不在本卷的审校流程中，可选：供稿、初审、复审、终审、一校、二校、三校、付印']);
    const unknown = await fangzhi(['review', 'pass', 'jiaoyuu', '--volume', 'vol', '--stage', '初审', '--by', '唐嘉木']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('找不到稿件「jiaoyuu」');
    const noStage = await fangzhi(['review', 'pass', 'jiaoyu', '--volume', 'vol', '--by', '唐嘉木']);
    expect([noStage.code, noStage.stderr]).toEqual([2, 'fangzhi：review pass 须用 --stage 指明阶段\n']);

    const ledgerFile = join(repo, 'vol/ledger/jiaoyu.yaml');
    const broken = (await readFile(ledgerFile, 'utf8')).replace('    actor: 许文博', '    actor: [许文博');
    await writeFile(ledgerFile, broken);
    const check = await fangzhi(['check', 'vol', '--format', 'json']);
    const syntax = messagesOf(check).find((message) => message.ruleId === 'yaml-syntax')!;
    expect(syntax).toMatchObject({ path: ledgerFile, severity: 'error' });
    expect(syntax.line).toBeGreaterThanOrEqual(7);
    const refused = await fangzhi(['review', 'pass', 'jiaoyu', '--volume', 'vol', '--stage', '初审', '--by', '唐嘉木']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(new RegExp(`vol/ledger/jiaoyu\\.yaml:${syntax.line}:${syntax.column}：YAML 语法错误`));
    expect(await readFile(ledgerFile, 'utf8')).toBe(broken);
    expect(refused.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);

    const plain = await tempDir('fangzhi-nogit-');
    await writeTree(plain, miniVolume());
    const outside = await runCli(['review', 'submit', 'jiaoyu', '--volume', 'vol', '--by', '许文博'], plain);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain('不在 git 仓库中');
  });
});
