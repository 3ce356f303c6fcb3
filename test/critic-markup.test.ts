import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chapterBlocks } from '../src/assemble/chapter-blocks.js';
import { LineIndex } from '../src/diagnostics/line-index.js';
import { applyFixes } from '../src/lint/apply-fixes.js';
import { lintChapter } from '../src/lint/lint-chapter.js';
import { resolveStyle } from '../src/lint/style-config.js';
import type { Block, Inline } from '../src/model/assembled.js';
import { WriteContext } from '../src/render/docx/write-context.js';
import { writeInlines } from '../src/render/docx/write-blocks.js';
import { applyCriticMarkup, criticView, parseCriticMarkup } from '../src/revisions/critic-markup.js';
import { chapter, miniVolume, parseJsonReport, runCli, tempDir, writeTree } from './helpers.js';

const SAMPLE = '甲{++乙++}丙{--丁--}戊{~~旧~>新~~}己{==庚==}{>>@黄国栋：核实<<}辛{>>单独批注<<}';

describe('parsing CriticMarkup', () => {
  it('finds the five forms with exact ranges, in source order', () => {
    const { marks, problems } = parseCriticMarkup(SAMPLE);
    expect(problems).toEqual([]);
    expect(marks.map((mark) => [mark.id, mark.kind, SAMPLE.slice(mark.start, mark.end)])).toEqual([
      [1, 'insertion', '{++乙++}'],
      [2, 'deletion', '{--丁--}'],
      [3, 'substitution', '{~~旧~>新~~}'],
      [4, 'highlight', '{==庚==}{>>@黄国栋：核实<<}'],
      [5, 'comment', '{>>单独批注<<}'],
    ]);
    const [insertion, , substitution, highlight, comment] = marks;
    expect(SAMPLE.slice(insertion!.inserted!.start, insertion!.inserted!.end)).toBe('乙');
    expect([substitution!.deleted!.text, substitution!.inserted!.text]).toEqual(['旧', '新']);
    expect(highlight!.comment).toMatchObject({ note: '核实', author: '黄国栋' });
    expect(highlight!.highlighted!.text).toBe('庚');
    expect(comment!.comment).toMatchObject({ note: '单独批注' });
    expect(comment!.comment!.author).toBeUndefined();
  });

  it('reports an unclosed mark and a substitution without ~>, and never runs over a blank line', () => {
    const text = '甲{++乙\n\n丙++}丁{~~戊~~}';
    const { marks, problems } = parseCriticMarkup(text);
    expect(marks).toEqual([]);
    expect(problems.map((problem) => [problem.start, problem.message])).toEqual([
      [1, '插入标记「{++」没有闭合的「++}」'],
      [text.indexOf('{~~'), '替换标记「{~~原文~>改为~~}」缺少「~>」'],
    ]);
  });

  it('skips the front matter', () => {
    const text = '---\nnode: "{++x++}"\n---\n\n正文{--删--}。\n';
    expect(parseCriticMarkup(text, 27).marks.map((mark) => mark.kind)).toEqual(['deletion']);
  });

  it('accepts and rejects marks, leaving every other character in place', () => {
    const { marks } = parseCriticMarkup(SAMPLE);
    expect(applyCriticMarkup(SAMPLE, marks, () => 'accept')).toBe('甲乙丙戊新己庚辛');
    expect(applyCriticMarkup(SAMPLE, marks, () => 'reject')).toBe('甲丙丁戊旧己庚辛');
    expect(applyCriticMarkup(SAMPLE, marks, (mark) => (mark.id === 3 ? 'accept' : 'keep'))).toBe(SAMPLE.replace('{~~旧~>新~~}', '新'));
    expect(criticView(SAMPLE, 'original')).toBe('甲丙丁戊旧己庚辛');
  });
});

const style = resolveStyle();
const lint = (text: string) => lintChapter({ path: 'a.md', text, kind: 'yearbook', recordYears: { from: 2015, to: 2015 }, sectionTitles: ['社会', '教育'], style, levelCount: 3 });
const at = (text: string, offset: number) => {
  const point = new LineIndex(text).pointAt(offset);
  return `${point.line}:${point.column}`;
};
const placeOf = (message: { place?: unknown }) => {
  const start = (message.place as { start: { line: number; column: number } }).start;
  return `${start.line}:${start.column}`;
};

describe('the checker reads the text as proposed, at positions in the original file', () => {
  const head = '---\nnode: jiaoyu\nunit: edu\n---\n\n';

  it('reports a violation inside an insertion at its line and column', () => {
    const text = `${head}【概况】2015年末，示例市有各级各类学校312所，\n在校学生21.6万人{++，其中我市新增学生0.8万人++}。\n`;
    const messages = lint(text).messages.filter((message) => message.ruleId === 'first-person');
    expect(messages.map(placeOf)).toEqual([at(text, text.indexOf('我市'))]);
    expect(messages[0]!.actual).toBe('我市');
  });

  it('reports the new side of a substitution, not deleted text, the old side or comments', () => {
    const text = `${head}【概况】2015年末，{--我市--}示例市有{~~我局~>各级各类~~}学校312所{>>我市的数字？<<}，{~~学生~>我市学生~~}21.6万人。\n`;
    const messages = lint(text).messages.filter((message) => message.ruleId === 'first-person');
    expect(messages.map(placeOf)).toEqual([at(text, text.indexOf('我市学生'))]);
  });

  it('finds nothing in the markup itself: the same findings as the accepted text', () => {
    const plain = '【学前教育】2015年，示例市新建公办幼儿园12所，新增学位6480个，在园幼儿9.6万人，比上年增加4200人。市教育局组织幼儿园园长和教师培训3200人次。';
    const marked = '【学前教育】2015年，示例市新建{~~公办~>公办~~}幼儿园{--10--}12所，{==新增学位6480个==}{>>@黄国栋：请核实“学位”数，是否含民办？<<}，在园幼儿{++9.6万人++}，比上年增加4200人。{>>此处可补充：原因（2）<<}市教育局组织幼儿园园长和教师培训3200人次。';
    expect(criticView(marked, 'accepted')).toBe(plain);
    const findings = (text: string) => lint(`${head}${text}\n`).messages.map((message) => `${message.ruleId}:${message.actual}`);
    expect(findings(marked)).toEqual(findings(plain));
    expect(findings(marked).filter((finding) => /quote-style|paired-marks|punct-width|no-spaces|duplicate-punct|web-residue/.test(finding))).toEqual([]);
  });

  it('never applies a fix across markup', () => {
    const text = `${head}【概况】2015年末，示例市有学校312所。{--全年。--}。在校学生21.6万人。\n`;
    const result = lint(text);
    expect(result.messages.some((message) => message.ruleId === 'duplicate-punct')).toBe(true);
    const fixed = applyFixes(text, result.messages).text;
    expect(parseCriticMarkup(fixed).marks.map((mark) => fixed.slice(mark.start, mark.end))).toEqual(['{--全年。--}']);
  });
});

describe('CriticMarkup in the render model', () => {
  const blocksOf = (body: string): Block[] =>
    chapterBlocks({ path: '/v/a.md', text: `---\nnode: a\n---\n\n${body}\n`, levelCount: 3, nodeLevel: 2, bracketEntries: true, chronicle: false, anchorPrefix: 'e-a', findings: [], indexPrefix: 'i', indexTerms: [] }).blocks;

  it('turns marks into insertion, deletion, comment and highlight inlines, across emphasis and index marks', () => {
    const [entry] = blocksOf('【学前{~~教育~>工作~~}】{>>@黄国栋：标题待定<<}新建{~~12~>13~~}所，{++**重点**学校++}{--[旧词]{.index}--}与{==原文==}{>>核实<<}、{==标出==}。');
    expect(entry).toMatchObject({ type: 'entry', title: '学前工作' });
    const inlines = (entry as Extract<Block, { type: 'entry' }>).body[0] as Extract<Block, { type: 'paragraph' }>;
    expect(inlines.inlines).toEqual<Inline[]>([
      { type: 'comment', note: '标题待定', author: '黄国栋', children: [] },
      { type: 'text', value: '新建' },
      { type: 'deletion', children: [{ type: 'text', value: '12' }] },
      { type: 'insertion', children: [{ type: 'text', value: '13' }] },
      { type: 'text', value: '所，' },
      { type: 'insertion', children: [{ type: 'strong', children: [{ type: 'text', value: '重点' }] }, { type: 'text', value: '学校' }] },
      { type: 'deletion', children: [{ type: 'text', value: '旧词' }] },
      { type: 'text', value: '与' },
      { type: 'comment', note: '核实', children: [{ type: 'text', value: '原文' }] },
      { type: 'text', value: '、' },
      { type: 'highlight', children: [{ type: 'text', value: '标出' }] },
      { type: 'text', value: '。' },
    ]);
  });

  it('writes Word tracked changes and comments as pandoc spans', () => {
    const context = new WriteContext(true, new Map());
    const markdown = writeInlines(
      [
        { type: 'insertion', author: '黄国栋', date: '2016-04-02T08:00:00Z', children: [{ type: 'text', value: '新' }] },
        { type: 'deletion', children: [{ type: 'text', value: '旧' }] },
        { type: 'comment', note: '请核实', children: [{ type: 'text', value: '数字' }] },
      ],
      context,
    );
    // Comment ids are numbers derived from the comment (stable from build to build), one id for start and end.
    const id = /comment-start id="(\d+)"/.exec(markdown)?.[1];
    expect(id).toBeDefined();
    expect(markdown).toBe(`[新]{.insertion author="黄国栋" date="2016-04-02T08:00:00Z"}[旧]{.deletion author="编辑部"}[请核实]{.comment-start id="${id}" author="编辑部"}数字[]{.comment-end id="${id}"}`);
  });
});

describe('open CriticMarkup in the check and the final build', () => {
  const body = '【概况】2015年末，示例市有各级各类学校{~~312~>313~~}所，在校学生21.6万人，专任教师1.48万人。{>>@黄国栋：请核实<<}全年教育经费投入38.2亿元，比上年增长6.5%。';

  it('is a warning in a draft check and an error in a final one, at the mark', async () => {
    const dir = await tempDir();
    await writeTree(dir, miniVolume({ 'vol/chapters/shehui/jiaoyu.md': chapter('jiaoyu', 'edu', body) }));
    const file = join(dir, 'vol/chapters/shehui/jiaoyu.md');
    const text = await readFile(file, 'utf8');
    const open = async (args: string[]) => {
      const result = await runCli(['check', join(dir, 'vol'), '--format', 'json', '--no-cache', ...args], dir);
      return { code: result.code, messages: parseJsonReport(result.stdout).flatMap((item) => item.messages).filter((message) => message.ruleId === 'critic-markup-open') };
    };
    const draft = await open([]);
    expect(draft.messages.map((message) => [message.severity, `${message.line}:${message.column}`])).toEqual([
      ['warning', at(text, text.indexOf('{~~'))],
      ['warning', at(text, text.indexOf('{>>'))],
    ]);
    expect(draft.messages[0]!.message).toContain('替换「312」为「313」');
    const final = await open(['--final']);
    expect(final.messages.map((message) => message.severity)).toEqual(['error', 'error']);
    expect(final.code).toBe(1);

    const build = await runCli(['build', join(dir, 'vol'), '--final', '--format', 'html', '-o', join(dir, 'out'), '--no-cache'], dir);
    expect(build.code).toBe(1);
    expect(build.stdout).toContain('critic-markup-open');
    expect(build.stderr).toContain('未生成任何文件');

    const draftBuild = await runCli(['build', join(dir, 'vol'), '--format', 'html', '-o', join(dir, 'out'), '--no-cache'], dir);
    expect(draftBuild.code).toBe(0);
    const html = await readFile(join(dir, 'out/mini-2016/mini-2016.html'), 'utf8');
    expect(html).toContain('<del class="rev-del" title="删除">312</del><ins class="rev-ins" title="插入">313</ins>');
    expect(html).toMatch(/<span class="margin-note"[^>]*><span class="note-author">黄国栋：<\/span>请核实<\/span>/);
    expect(html).not.toContain('critic-markup-open');
  });

  it('reports an unclosed mark as an error with its position', async () => {
    const dir = await tempDir();
    await writeTree(dir, miniVolume({ 'vol/chapters/shehui/jiaoyu.md': chapter('jiaoyu', 'edu', '【概况】2015年末，示例市有各级各类学校{++312所，在校学生21.6万人，专任教师1.48万人，全年教育经费投入38.2亿元。') }));
    const result = await runCli(['check', join(dir, 'vol'), '--format', 'json', '--no-cache'], dir);
    const message = parseJsonReport(result.stdout).flatMap((item) => item.messages).find((item) => item.ruleId === 'critic-markup-syntax')!;
    const text = await readFile(join(dir, 'vol/chapters/shehui/jiaoyu.md'), 'utf8');
    expect(message.severity).toBe('error');
    expect(`${message.line}:${message.column}`).toBe(at(text, text.indexOf('{++')));
    expect(result.code).toBe(1);
  });
});

describe('fangzhi accept and reject', () => {
  const text = '\uFEFF---\r\nnode: jiaoyu\r\n---\r\n\r\n【概况】2015年末，示例市有{++各级各类++}学校{~~312~>313~~}所，{--共计--}在校学生21.6万人。{>>核实<<}\r\n';

  async function withFile(): Promise<{ dir: string; file: string }> {
    const dir = await tempDir();
    const file = join(dir, '教育.md');
    await writeFile(file, text);
    return { dir, file };
  }

  it('lists the marks with numbers and positions, and changes nothing', async () => {
    const { dir, file } = await withFile();
    const result = await runCli(['accept', file], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('修改建议 3 条，批注或标注 1 条');
    expect(result.stdout).toMatch(new RegExp(`#2\\s+${at(text, text.indexOf('{~~'))}\\s+替换「312」为「313」`));
    expect(await readFile(file, 'utf8')).toBe(text);
  });

  it('accepts one mark by number and leaves every other byte (BOM, CRLF, other marks)', async () => {
    const { dir, file } = await withFile();
    const result = await runCli(['accept', file, '--id', '2'], dir);
    expect(result.code).toBe(0);
    expect(await readFile(file, 'utf8')).toBe(text.replace('{~~312~>313~~}', '313'));
    expect(result.stdout).toContain('已接受修改建议 1 条');
  });

  it('rejects everything: the original text comes back and comments go', async () => {
    const { dir, file } = await withFile();
    expect((await runCli(['reject', file, '--all'], dir)).code).toBe(0);
    expect(await readFile(file, 'utf8')).toBe('\uFEFF---\r\nnode: jiaoyu\r\n---\r\n\r\n【概况】2015年末，示例市有学校312所，共计在校学生21.6万人。\r\n');
  });

  it('refuses an unknown number and a file with an unclosed mark, and writes nothing', async () => {
    const { dir, file } = await withFile();
    const unknown = await runCli(['accept', file, '--id', '9'], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('没有编号为「9」的修改标记（共 4 处');
    await writeFile(file, '正文{++未闭合。\n');
    const broken = await runCli(['accept', file, '--all'], dir);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain(':1:3：插入标记「{++」没有闭合的「++}」');
    expect(await readFile(file, 'utf8')).toBe('正文{++未闭合。\n');
  });
});
