import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chapter, miniVolume, parseJsonReport, runCli, tempDir, writeTree } from './helpers.js';

async function checkVolume(overrides: Parameters<typeof miniVolume>[0], extraArgs: string[] = []) {
  const dir = await tempDir();
  await writeTree(dir, miniVolume(overrides));
  const result = await runCli(['check', join(dir, 'vol'), '--format', 'json', '--no-cache', ...extraArgs], dir);
  const files = parseJsonReport(result.stdout);
  const byFile = (suffix: string) => files.find((file) => file.path.endsWith(suffix))?.messages ?? [];
  return { dir, result, files, byFile };
}

describe('volume structure', () => {
  it('passes a valid mini volume', async () => {
    const { result, files } = await checkVolume({});
    expect(files.flatMap((file) => file.messages.filter((message) => message.severity === 'error'))).toEqual([]);
    expect(result.code).toBe(0);
  });

  it('reads CRLF chapters with a BOM like any other', async () => {
    const crlf = '\uFEFF' + chapter('jiaoyu', 'edu', '【概况】2015年末，示例市有各级各类学校312所，在校学生21.6万人，比上年增加0.8万人。').replace(/\n/g, '\r\n');
    const { byFile } = await checkVolume({ 'vol/chapters/shehui/jiaoyu.md': crlf });
    expect(byFile('jiaoyu.md').filter((m) => m.severity !== 'info')).toEqual([]);
  });

  it('reports an unknown node at the node value, with a suggestion', async () => {
    const { result, byFile } = await checkVolume({ 'vol/chapters/shehui/jiaoyu.md': chapter('jiaoyuu', 'edu', '【概况】2015年末，示例市有各级各类学校312所，在校学生21.6万人，比上年增加0.8万人。') });
    const message = byFile('jiaoyu.md').find((m) => m.ruleId === 'unknown-node')!;
    expect(message).toMatchObject({ severity: 'error', line: 2, column: 7 });
    expect(message.message).toContain('jiaoyuu');
    expect(message.message).toContain('是否应为「jiaoyu」');
    expect(result.code).toBe(1);
  });

  it('reports two chapters for one node and a unit that is not assigned to it', async () => {
    const { byFile } = await checkVolume({
      'vol/chapters/shehui/jiaoyu-2.md': chapter('jiaoyu', 'health', '【概况】2015年末，示例市有各级各类学校312所，在校学生21.6万人，比上年增加0.8万人。'),
      'vol/chapters/shehui/weisheng.md': chapter('weisheng', 'edu', '【概况】2015年末，示例市有医疗卫生机构1286个，床位1.62万张，比上年增加1200张。'),
    });
    const duplicates = [...byFile('jiaoyu-2.md'), ...byFile('shehui/jiaoyu.md')].filter((m) => m.ruleId === 'duplicate-chapter');
    expect(duplicates).toHaveLength(1);
    expect(duplicates[0]!.message).toMatch(/jiaoyu(-2)?\.md，一个节点只能有一份稿件/);
    const mismatch = byFile('weisheng.md').find((m) => m.ruleId === 'unit-mismatch')!;
    expect(mismatch).toMatchObject({ line: 3, column: 7 });
    expect(mismatch.message).toContain('示例市卫生局');
  });

  it('reports a missing chapter as information, and as an error with --final', async () => {
    const draft = await checkVolume({ 'vol/chapters/wenhua/tiyu.md': null });
    const missing = draft.byFile('framework.yaml').find((m) => m.ruleId === 'missing-chapter')!;
    expect(missing.severity).toBe('info');
    expect(missing.message).toContain('缺稿');
    expect(missing.message).toContain('体育');
    expect(draft.result.code).toBe(0);
    const final = await checkVolume({ 'vol/chapters/wenhua/tiyu.md': null }, ['--final']);
    expect(final.byFile('framework.yaml').find((m) => m.ruleId === 'missing-chapter')!.severity).toBe('error');
    expect(final.result.code).toBe(1);
  });

  it('reports headings deeper than the volume allows and headings that differ from the framework', async () => {
    const body = '## 教育工作\n\n【概况】2015年末，示例市有各级各类学校312所，在校学生21.6万人。\n\n#### 小学\n\n全市有小学126所。';
    const { byFile } = await checkVolume({ 'vol/chapters/shehui/jiaoyu.md': chapter('jiaoyu', 'edu', body) });
    const messages = byFile('jiaoyu.md');
    expect(messages.find((m) => m.ruleId === 'heading-title')).toMatchObject({ line: 9, severity: 'warning' });
    expect(messages.find((m) => m.ruleId === 'heading-depth')).toMatchObject({ line: 13, severity: 'error' });
  });

  it('reports characters against the quota', async () => {
    const long = `【概况】${'2015年末，示例市有各级各类学校312所，在校学生21.6万人，比上年增加0.8万人。'.repeat(8)}`;
    const { byFile } = await checkVolume({ 'vol/chapters/shehui/jiaoyu.md': chapter('jiaoyu', 'edu', long) });
    expect(byFile('jiaoyu.md').find((m) => m.ruleId === 'quota')!.message).toMatch(/超出定额200字/);
  });

  it('points a schema error in front matter at the key, in the original file', async () => {
    const text = '---\nnode: jiaoyu\nunit: edu\nwriters: 许文博\nsubmitted: 2016-3-20\n---\n\n【概况】2015年末，示例市有各级各类学校312所，在校学生21.6万人，比上年增加0.8万人。\n';
    const { byFile } = await checkVolume({ 'vol/chapters/shehui/jiaoyu.md': text });
    const schema = byFile('jiaoyu.md').filter((m) => m.ruleId === 'schema');
    expect(schema.map((m) => [m.line, m.column])).toEqual([
      [4, 10],
      [5, 12],
    ]);
    expect(schema[0]!.message).toContain('writers');
    expect(schema[0]!.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('reports malformed YAML in volume.yaml with line and column, and checks nothing else of that volume', async () => {
    const { byFile, result } = await checkVolume({ 'vol/volume.yaml': 'id: mini\ntitle: [示例市年鉴\nkind: yearbook\n' });
    const syntax = byFile('volume.yaml').find((m) => m.ruleId === 'yaml-syntax')!;
    expect(syntax.message).toContain('YAML 语法错误');
    expect(syntax.line).toBeGreaterThanOrEqual(2);
    expect(result.code).toBe(1);
    expect(result.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('reports framework problems: a wrong level, a duplicate id, an unassigned leaf and an unknown unit', async () => {
    const framework = [
      'nodes:',
      '  - id: shehui',
      '    title: 社会',
      '    kind: 类目',
      '    children:',
      '      - { id: jiaoyu, title: 教育, kind: 条目, unit: edu }',
      '      - { id: jiaoyu, title: 卫生, kind: 分目, unit: nobody }',
      '      - { id: tiyu, title: 体育, kind: 分目 }',
      '',
    ].join('\n');
    const { byFile } = await checkVolume({ 'vol/framework.yaml': framework, 'vol/chapters/shehui/weisheng.md': null, 'vol/chapters/wenhua/tiyu.md': null });
    const ids = byFile('framework.yaml').map((m) => `${m.ruleId}@${m.line}`);
    expect(ids).toEqual(expect.arrayContaining(['level-kind@6', 'duplicate-node@7', 'unknown-unit@7', 'unassigned-node@8']));
  });
});
