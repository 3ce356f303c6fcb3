import { copyFile, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadVolume } from '../src/load/load-volume.js';
import { assembleFromDisk, runBuild, runCheck } from '../src/pipeline.js';
import type { AssembledVolume, Block, EntryBlock, Section } from '../src/model/assembled.js';
import { compareTerms } from '../src/assemble/sort-index.js';
import { chapter, miniVolume, root, tempDir, writeTree } from './helpers.js';

async function assemble(dir: string, options: { only?: string; unit?: string; mode?: 'draft' | 'final' } = {}): Promise<AssembledVolume> {
  const check = await runCheck([dir], { cache: false, cacheDir: '', final: false, jobs: 1 });
  const loaded = await loadVolume(dir);
  return (await assembleFromDisk(loaded, check.files, { mode: options.mode ?? 'draft', ...options })).assembled;
}

const leaves = (sections: Section[]): Section[] => sections.flatMap((section) => (section.children.length ? leaves(section.children) : [section]));
const entries = (blocks: Block[]): EntryBlock[] => blocks.filter((block): block is EntryBlock => block.type === 'entry');

describe('assembling the sample yearbook', async () => {
  const volume = await assemble(join(root, 'content/yearbook-2016'));

  it('follows the framework order, with every chapter and its entries', async () => {
    const framework = parse(await readFile(join(root, 'content/yearbook-2016/framework.yaml'), 'utf8')) as { nodes: Array<{ children: Array<{ id: string }> }> };
    const leafIds = framework.nodes.flatMap((node) => node.children.map((child) => child.id));
    expect(leaves(volume.sections).map((section) => section.id)).toEqual(leafIds);
    expect(volume.stats).toMatchObject({ chapters: 29, missing: 0 });
    expect(volume.stats.entries).toBeGreaterThanOrEqual(90);
    const education = leaves(volume.sections).find((section) => section.id === 'shehui-jiaoyu')!;
    expect(entries(education.chapter!.blocks)[0]!.title).toBe('概况');
    expect(education.chapter!.blocks.at(-1)).toMatchObject({ type: 'credit' });
    expect(volume.sections.find((section) => section.title === '特载')!.fullWidth).toBe(true);
  });

  it('reads statistics tables with their number, title, unit and notes', () => {
    const economy = leaves(volume.sections).find((section) => section.id === 'shiqing-jingji')!;
    const table = economy.chapter!.blocks.flatMap((block) => (block.type === 'entry' ? block.body : [block])).find((block) => block.type === 'table');
    expect(table).toMatchObject({ number: '表1', title: '2015年示例市国民经济主要指标', unit: '单位：亿元' });
    expect((table as { notes: string[] }).notes.some((note) => note.startsWith('资料来源'))).toBe(true);
  });

  it('reads figures with caption and credit, and the plates', () => {
    const transport = leaves(volume.sections).find((section) => section.id === 'jingji-jiaotong')!;
    const figure = entries(transport.chapter!.blocks)[0]!.body.find((block) => block.type === 'figure');
    expect(figure).toMatchObject({ caption: '2015年7月15日，东湖至青山一级公路清溪河大桥建成通车', credit: '卫国平　摄', width: 'column' });
    expect(volume.plates).toHaveLength(3);
    expect(volume.plates[0]!.src).toBe(join(root, 'content/yearbook-2016/images/plate-qingxi-river.jpg'));
  });

  it('builds an index in pinyin order from entry titles and front-matter terms, without overview titles', () => {
    const terms = volume.index.map((entry) => entry.term);
    expect(terms).not.toContain('概况');
    expect(terms).toEqual(expect.arrayContaining(['义务教育均衡发展', '学前教育']));
    expect(terms).not.toContain('经济总量');
    for (let i = 1; i < volume.index.length; i++) {
      const [a, b] = [volume.index[i - 1]!, volume.index[i]!];
      expect(compareTerms({ term: a.term, key: { syllables: a.sortKey.split(' '), letter: a.letter } }, { term: b.term, key: { syllables: b.sortKey.split(' '), letter: b.letter } })).toBeLessThanOrEqual(0);
    }
  });
});

describe('assembly of a mini volume', () => {
  it('marks inline index terms, files short names under the full name with a 见 reference', async () => {
    const dir = await tempDir();
    const volumeYaml = `${miniVolume()['vol/volume.yaml']}style:\n  aliases:\n    - { full: 中国人民政治协商会议示例市委员会, short: [市政协] }\n`;
    const body = '【概况】2015年末，示例市有学校312所。[市政协]{.index}委员视察[义务教育]{.index}均衡发展，[学校]{.index term="学校布局"}调整12所。';
    await writeTree(dir, miniVolume({ 'vol/volume.yaml': volumeYaml, 'vol/chapters/shehui/jiaoyu.md': chapter('jiaoyu', 'edu', body) }));
    const volume = await assemble(join(dir, 'vol'));
    const byTerm = new Map(volume.index.map((entry) => [entry.term, entry]));
    expect(byTerm.get('市政协')).toMatchObject({ see: '中国人民政治协商会议示例市委员会', locators: [] });
    expect(byTerm.get('中国人民政治协商会议示例市委员会')!.locators).toHaveLength(1);
    expect(byTerm.get('学校布局')!.locators).toHaveLength(1);
    const paragraph = entries(leaves(volume.sections)[0]!.chapter!.blocks)[0]!.body[0]!;
    expect(JSON.stringify(paragraph)).not.toContain('{.index');
  });

  it('a four-level yearbook keeps 子目 headings between the 分目 and its 条目', async () => {
    const dir = await tempDir();
    const volumeYaml = miniVolume()['vol/volume.yaml']!.toString().replace('levels: [类目, 分目, 条目]', 'levels: [类目, 分目, 子目, 条目]');
    const body = '### 基础教育\n\n#### 学前教育\n\n2015年，示例市新建公办幼儿园12所，新增学位5400个。\n\n### 高等教育\n\n#### 高校招生\n\n2015年，示例学院招生3860人。';
    await writeTree(dir, miniVolume({ 'vol/volume.yaml': volumeYaml, 'vol/chapters/shehui/jiaoyu.md': chapter('jiaoyu', 'edu', body) }));
    const volume = await assemble(join(dir, 'vol'));
    const blocks = leaves(volume.sections).find((section) => section.id === 'jiaoyu')!.chapter!.blocks;
    expect(blocks.map((block) => (block.type === 'heading' ? `子目:${block.text}` : block.type === 'entry' ? `条目:${block.title}` : block.type))).toEqual(['子目:基础教育', '条目:学前教育', '子目:高等教育', '条目:高校招生', 'credit']);
  });

  it('--only keeps one node, --unit keeps one unit’s share', async () => {
    const dir = await tempDir();
    await writeTree(dir, miniVolume());
    const only = await assemble(join(dir, 'vol'), { only: 'jiaoyu' });
    expect(only.sections.map((section) => section.title)).toEqual(['社会']);
    expect(leaves(only.sections).map((section) => section.id)).toEqual(['jiaoyu']);
    const unit = await assemble(join(dir, 'vol'), { unit: 'edu' });
    expect(leaves(unit.sections).map((section) => section.id)).toEqual(['jiaoyu', 'tiyu']);
    expect(unit.scope).toEqual({ kind: 'unit', id: 'edu', name: '示例市教育局' });
  });

  it('a draft shows missing chapters and attaches checker findings to their blocks', async () => {
    const dir = await tempDir();
    await writeTree(dir, miniVolume({ 'vol/chapters/wenhua/tiyu.md': null, 'vol/chapters/shehui/jiaoyu.md': chapter('jiaoyu', 'edu', '【概况】2015年末，我局有学校312所，在校学生21.6万人，比上年增加0.8万人。') }));
    const volume = await assemble(join(dir, 'vol'));
    const tiyu = leaves(volume.sections).find((section) => section.id === 'tiyu')!;
    expect(tiyu.missing).toEqual({ unitId: 'edu', unitName: '示例市教育局' });
    const paragraph = entries(leaves(volume.sections)[0]!.chapter!.blocks)[0]!.body[0] as { findings: Array<{ ruleId: string }> };
    expect(paragraph.findings.map((finding) => finding.ruleId)).toContain('first-person');
  });
});

describe('fangzhi build', () => {
  it('a final build with a missing chapter refuses and writes nothing', async () => {
    const dir = await tempDir();
    await writeTree(dir, miniVolume({ 'vol/chapters/wenhua/tiyu.md': null }));
    const report = await runBuild(join(dir, 'vol'), { formats: ['html'], mode: 'final', outDir: join(dir, 'out'), cache: false, cacheDir: '', jobs: 1, progress: () => {} });
    expect(report.refused).toBe(true);
    expect(report.files.flatMap((file) => file.messages).find((message) => message.ruleId === 'missing-chapter')!.fatal).toBe(true);
    await expect(stat(join(dir, 'out'))).rejects.toThrow();
  });

  it('an interrupted build leaves the previous output intact', async () => {
    const dir = await tempDir();
    await writeTree(dir, miniVolume());
    const options = { formats: ['html' as const], mode: 'draft' as const, outDir: join(dir, 'out'), cache: false, cacheDir: '', jobs: 1, progress: () => {} };
    const first = await runBuild(join(dir, 'vol'), options);
    const before = await readFile(first.written[0]!, 'utf8');
    expect(before).toContain('示例市有各级各类学校312所');
    await writeFile(join(dir, 'vol/broken.jpg'), 'not an image');
    await copyFile(join(dir, 'vol/broken.jpg'), join(dir, 'vol/chapters/shehui/broken.jpg'));
    await writeFile(join(dir, 'vol/chapters/shehui/jiaoyu.md'), chapter('jiaoyu', 'edu', '【概况】2015年末，示例市有学校300所。\n\n![2015年9月，示例市第一中学新校区启用（许文博　摄）](broken.jpg)'));
    await expect(runBuild(join(dir, 'vol'), options)).rejects.toThrow(/图片文件.*已损坏/);
    expect(await readFile(first.written[0]!, 'utf8')).toBe(before);
  });
});
