import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadVolume } from '../src/load/load-volume.js';
import { renderCodeowners } from '../src/revisions/codeowners.js';
import { replay, type LedgerEvent } from '../src/revisions/ledger.js';
import { renderStatusHtml } from '../src/revisions/status-html.js';
import { buildStatus, type ChapterFacts } from '../src/revisions/status-model.js';
import { renderStatusText } from '../src/revisions/status-text.js';
import { resolveWorkflow } from '../src/revisions/workflow.js';
import { miniVolume, tempDir, writeTree } from './helpers.js';

const hash = 'f'.repeat(40);
const at = (date: string) => `${date}T10:00:00+08:00`;

async function miniStatus(asOf: string) {
  const dir = await tempDir();
  const files = miniVolume();
  files['vol/framework.yaml'] = (files['vol/framework.yaml'] as string).replace('unit: edu, quota: { chars: 200 } }', 'unit: edu, quota: { chars: 200 }, deadline: "2016-03-31" }').replace('unit: health }', 'unit: health, deadline: "2016-03-31" }');
  files['vol/volume.yaml'] += 'workflow: { returnDays: 7 }\n';
  await writeTree(dir, files);
  const volume = (await loadVolume(join(dir, 'vol'))).volume!;
  const { workflow } = resolveWorkflow(volume.config.workflow);
  const events: Record<string, LedgerEvent[]> = {
    jiaoyu: [
      { chapter: 'jiaoyu', stage: '供稿', action: 'submit', actor: '许文博', time: at('2016-04-05'), hash },
      { chapter: 'jiaoyu', stage: '初审', action: 'return', actor: '唐嘉木', time: at('2016-04-10'), hash, note: '请补充学校数' },
    ],
    tiyu: [
      { chapter: 'tiyu', stage: '供稿', action: 'submit', actor: '许文博', time: at('2016-03-20'), hash },
      ...['初审', '复审', '终审'].map((stage, index): LedgerEvent => ({ chapter: 'tiyu', stage, action: 'pass', actor: '林知远', time: at(`2016-04-2${index}`), hash })),
    ],
  };
  const cutoff = Date.parse(`${asOf}T23:59:59+08:00`);
  const states = new Map(volume.leaves.map((leaf) => [leaf.node.id, replay(leaf.node.id, (events[leaf.node.id] ?? []).filter((event) => Date.parse(event.time) <= cutoff), workflow).state]));
  const facts = new Map<string, ChapterFacts>([
    ['jiaoyu', { file: 'vol/chapters/shehui/jiaoyu.md', chars: 180, comments: 2, errors: 1 }],
    ['tiyu', { file: 'vol/chapters/wenhua/tiyu.md', chars: 90, comments: 0, errors: 0 }],
  ]);
  const all = Object.values(events).flat().filter((event) => Date.parse(event.time) <= cutoff);
  return buildStatus(volume, workflow, states, facts, all, asOf);
}

describe('status of a volume', () => {
  it('places every chapter, computes what is overdue on the given day, and totals per 类目 and unit', async () => {
    const report = await miniStatus('2016-04-25');
    const byNode = new Map(report.chapters.map((chapter) => [chapter.nodeId, chapter]));
    // Returned on 10 April with 7 days to answer: overdue by 8 days on the 25th; supplied 5 days late.
    expect(byNode.get('jiaoyu')).toMatchObject({ label: '初审退改', holder: 'unit', holderName: '市教育局', due: '2016-04-17', overdueDays: 8, lateDays: 5, comments: 2, errors: 1 });
    // Never supplied, no file: overdue since the supply deadline.
    expect(byNode.get('weisheng')).toMatchObject({ label: '缺稿', holder: 'unit', due: '2016-03-31', overdueDays: 25 });
    expect(byNode.get('tiyu')).toMatchObject({ label: '一校中', holder: 'editor', locked: true });
    expect(byNode.get('tiyu')!.overdueDays).toBeUndefined();
    expect(report.overdue.map((chapter) => chapter.nodeId)).toEqual(['weisheng', 'jiaoyu']);
    expect(report.total).toMatchObject({ chapters: 3, returned: 1, overdue: 2, locked: 1, chars: 270, quota: 200, comments: 2, errors: 1 });
    expect(report.total.byStage).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 0]);
    expect(report.total.progress).toBeCloseTo((1 / 8 + 0 + 4 / 8) / 3);
    expect(report.categories.map((group) => [group.name, group.chapters])).toEqual([['社会', 2], ['文化', 1]]);
    expect(report.units.find((group) => group.id === 'edu')).toMatchObject({ name: '市教育局', fullName: '示例市教育局', chapters: 2, overdue: 1 });
    expect(report.recent[0]).toMatchObject({ chapter: 'tiyu', action: 'pass', stage: '终审', unit: '市教育局' });
    const text = renderStatusText(report);
    expect(text).toContain('《示例市年鉴（2016）》编纂进度　截至2016年4月25日');
    expect(text).toContain('示例市教育局：教育（jiaoyu）初审退改，应于2016年4月17日前改后报回，逾期8天');
  });

  it('replays only the events up to the day asked for', async () => {
    const report = await miniStatus('2016-04-08');
    const jiaoyu = report.chapters.find((chapter) => chapter.nodeId === 'jiaoyu')!;
    expect(jiaoyu).toMatchObject({ label: '初审中', holder: 'editor' });
    expect(jiaoyu.overdueDays).toBeUndefined();
    expect(report.chapters.find((chapter) => chapter.nodeId === 'tiyu')!.label).toBe('初审中');
  });

  it('the dashboard is one self-contained page: escaped text, inline SVG, no script and no network', async () => {
    const report = await miniStatus('2016-04-25');
    report.title = '示例<script>alert(1)</script>年鉴';
    const html = renderStatusHtml([report]);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('示例&#x3C;script>alert(1)&#x3C;/script>年鉴');
    expect(html).not.toMatch(/(?:src|href)=["']?(?:https?:)?\/\//);
    expect(html).not.toMatch(/@import|url\(/);
    expect(html.match(/<svg/g)!.length).toBeGreaterThanOrEqual(6);
    expect(html).toContain('逾期8天');
    expect(html).toContain('lang="zh-CN"');
  });
});

describe('CODEOWNERS', () => {
  const volumes = [
    {
      title: '示例市年鉴（2016）',
      chapters: [
        { path: 'content/yearbook-2016/chapters/shehui/shehui-jiaoyu.md', title: '社会 › 教育', unitId: 'education-bureau', unitName: '示例市教育局', handle: '@shili/education' },
        { path: 'content/yearbook 2016/chapters/#x.md', title: '社会 › 卫生', unitId: 'health', unitName: '示例市卫生局', handle: 'shili/health' },
        { path: 'content/yearbook-2016/chapters/jingji/jingji-caizheng.md', title: '经济 › 财政', unitId: 'finance-bureau', unitName: '示例市财政局' },
      ],
    },
  ];

  it('GitHub: default owner first, one line per chapter, escaped paths, units without a handle as comments', () => {
    const text = renderCodeowners(volumes, { syntax: 'github', defaultOwner: '@shili/editors' });
    const lines = text.split('\n').filter((line) => line && !line.startsWith('#'));
    expect(lines).toEqual(['* @shili/editors', '/content/yearbook-2016/chapters/shehui/shehui-jiaoyu.md @shili/education', '/content/yearbook\\ 2016/chapters/\\#x.md @shili/health']);
    expect(text).toContain('# /content/yearbook-2016/chapters/jingji/jingji-caizheng.md（经济 › 财政）：示例市财政局（finance-bureau）未设 gitHandle');
    expect(text).toContain('\n# 示例市年鉴（2016）\n');
  });

  it('GitLab: one section per volume', () => {
    const text = renderCodeowners(volumes, { syntax: 'gitlab' });
    expect(text).toContain('\n[示例市年鉴（2016）]\n/content/yearbook-2016/chapters/shehui/shehui-jiaoyu.md @shili/education\n');
    expect(text).not.toContain('\n* ');
  });
});
