import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { runTool } from '../../src/render/run-tool.js';
import { criticView } from '../../src/revisions/critic-markup.js';
import { chapter, miniVolume, runCli, tempDir, writeTree } from '../helpers.js';

const run = promisify(execFile);
const env = { ...process.env, GIT_AUTHOR_NAME: '唐嘉木', GIT_AUTHOR_EMAIL: 'tang@example.org', GIT_COMMITTER_NAME: '唐嘉木', GIT_COMMITTER_EMAIL: 'tang@example.org' };

/** The editor's suggestions in the chapter: every kind of CriticMarkup, around an index mark and a checker finding. */
const SUGGESTED = [
  '【概况】2015年末，示例市有{++各级各类++}学校{~~312~>313~~}所，在校学生21.6万人{--（含在园幼儿）--}，专任教师1.48万人。全年[义务教育]{.index}经费投入38.2亿元，比上年增长6.5%。',
  '',
  '【学前教育】2015年，示例市新建公办幼儿园12所，{==新增学前教育学位6480个==}{>>@黄国栋：请核实学位数<<}，目前在园幼儿9.6万人，比上年增加4200人。{>>本条可补充普惠性民办幼儿园情况<<}',
].join('\n');

async function git(dir: string, ...args: string[]): Promise<string> {
  return (await run('git', args, { cwd: dir, env })).stdout;
}

/** A volume in a fresh git repository whose chapter jiaoyu has `body`, committed. */
async function repository(body: string): Promise<{ dir: string; file: string }> {
  const dir = await tempDir('fangzhi-word-');
  await writeTree(dir, miniVolume({ 'vol/chapters/shehui/jiaoyu.md': chapter('jiaoyu', 'edu', body) }));
  await git(dir, 'init', '-q');
  await git(dir, 'add', '.');
  await git(dir, 'commit', '-qm', '初审稿');
  return { dir, file: join(dir, 'vol/chapters/shehui/jiaoyu.md') };
}

async function commit(dir: string, file: string, text: string): Promise<void> {
  await writeFile(file, text);
  await git(dir, 'commit', '-qam', '改稿');
}

/** The Word file fangzhi writes for one chapter (a draft: checker notes as comments too). */
async function exportDocx(dir: string): Promise<string> {
  const result = await runCli(['build', 'vol', '--only', 'jiaoyu', '--format', 'docx', '-o', 'out', '--no-cache'], dir);
  expect(result.code).toBe(0);
  return join(dir, 'out/mini-2016/mini-2016-jiaoyu.docx');
}

/**
 * What a reviewer does in Word, done on the document XML the way Word records it: accepting or
 * rejecting tracked changes, typing and deleting with tracking on, adding and deleting comments.
 */
class WordEdit {
  constructor(
    private document: string,
    private comments: string,
  ) {}

  static async open(path: string): Promise<WordEdit & { files: Record<string, Uint8Array> }> {
    const files = unzipSync(await readFile(path));
    const edit = new WordEdit(strFromU8(files['word/document.xml']!), strFromU8(files['word/comments.xml']!));
    return Object.assign(edit, { files });
  }

  acceptInsertion(text: string): void {
    this.replace(new RegExp(`<w:ins [^>]*>(<w:r>(?:(?!</w:ins>).)*?<w:t[^>]*>${text}</w:t></w:r>)</w:ins>`), '$1');
  }

  rejectDeletion(text: string): void {
    this.replace(new RegExp(`<w:del [^>]*><w:r>((?:(?!</w:del>).)*?)<w:delText([^>]*)>${text}</w:delText></w:r></w:del>`), '<w:r>$1<w:t$2>$3</w:t></w:r>'.replace('$3', text));
  }

  /** Types `inserted` after `after` with tracking on. */
  insert(after: string, inserted: string, author: string): void {
    this.split(after, `<w:ins w:id="901" w:author="${author}" w:date="2016-04-10T09:00:00Z"><w:r><w:t xml:space="preserve">${inserted}</w:t></w:r></w:ins>`);
  }

  /** Deletes `deleted`, which follows `after` in a run, with tracking on. */
  delete(after: string, deleted: string, author: string): void {
    this.replace(new RegExp(`(${escape(after)})${escape(deleted)}`), `$1</w:t></w:r><w:del w:id="902" w:author="${author}" w:date="2016-04-10T09:05:00Z"><w:r><w:delText xml:space="preserve">${deleted}</w:delText></w:r></w:del><w:r><w:t xml:space="preserve">`);
  }

  /** Comments on `text` (which must follow `after` in the same run). */
  comment(after: string, text: string, note: string, author: string): void {
    this.split(after, `<w:commentRangeStart w:id="903" />`);
    this.split(`${after}</w:t></w:r><w:commentRangeStart w:id="903" /><w:r><w:t xml:space="preserve">${text}`, '<w:commentRangeEnd w:id="903" /><w:r><w:commentReference w:id="903" /></w:r>');
    this.comments = this.comments.replace('</w:comments>', `<w:comment w:id="903" w:author="${author}" w:date="2016-04-10T09:10:00Z"><w:p><w:r><w:t xml:space="preserve">${note}</w:t></w:r></w:p></w:comment></w:comments>`);
  }

  /** Types a new paragraph with tracking on, after the paragraph that contains `text`. */
  insertParagraph(text: string, inserted: string, author: string): void {
    const revision = `w:id="904" w:author="${author}" w:date="2016-04-10T09:15:00Z"`;
    this.replace(new RegExp(`(${escape(text)}(?:(?!</w:p>).)*</w:p>)`), `$1<w:p><w:pPr><w:pStyle w:val="正文" /><w:rPr><w:ins ${revision} /></w:rPr></w:pPr><w:ins ${revision}><w:r><w:t xml:space="preserve">${inserted}</w:t></w:r></w:ins></w:p>`);
  }

  /** Deletes the comment whose text contains `note`; its id is found in comments.xml as Word would. */
  removeComment(note: string): void {
    const id = new RegExp(`<w:comment w:id="(\\d+)"(?:(?!</w:comment>).)*${escape(note)}`).exec(this.comments)?.[1];
    expect(id, `Word 文档中应有批注「${note}」`).toBeDefined();
    this.replace(new RegExp(`<w:commentRangeStart w:id="${id}" /><w:commentRangeEnd w:id="${id}" /><w:r><w:rPr><w:rStyle w:val="CommentReference" /></w:rPr><w:commentReference w:id="${id}" /></w:r>`), '');
  }

  async save(files: Record<string, Uint8Array>, path: string): Promise<void> {
    await writeFile(path, zipSync({ ...files, 'word/document.xml': strToU8(this.document), 'word/comments.xml': strToU8(this.comments) }));
  }

  private split(after: string, xml: string): void {
    this.replace(new RegExp(`(${escape(after)})`), `$1</w:t></w:r>${xml}<w:r><w:t xml:space="preserve">`);
  }

  private replace(pattern: RegExp, replacement: string): void {
    expect(this.document, `Word 文档中应有 ${pattern}`).toMatch(pattern);
    this.document = this.document.replace(pattern, replacement);
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('the Word round trip', () => {
  it('reads fangzhi’s tracked changes and comments back as exactly the original suggestions', async () => {
    const { dir, file } = await repository(SUGGESTED);
    const suggested = await readFile(file, 'utf8');
    const docx = await exportDocx(dir);
    const markdown = (await runTool('pandoc', ['--track-changes=all', '-f', 'docx', '-t', 'markdown', '--wrap=none', docx], { debianPackage: 'pandoc' })).stdout.toString('utf8');
    expect(markdown).toContain('[各级各类]{.insertion author="编辑部"}');
    expect(markdown).toContain('.comment-start id="'); // the checker's note on 目前 is a comment as well

    // The clean text (every suggestion rejected) is what the unit had; importing the Word file brings the suggestions back.
    await commit(dir, file, criticView(suggested, 'original'));
    const result = await runCli(['review', 'import', docx, '--chapter', 'jiaoyu', '--volume', 'vol'], dir);
    expect(result.code).toBe(0);
    expect(await readFile(file, 'utf8')).toBe(suggested);
    expect(result.stdout).toContain('插入 1 处，删除 1 处，替换 1 处，批注 2 条；改动 2 段');
    expect(result.stdout).toContain('第11行　批注「新增学前教育学位6480个」：请核实学位数（黄国栋）');
    expect(await git(dir, 'status', '--porcelain')).toBe(' M vol/chapters/shehui/jiaoyu.md\n?? out/\n');

    // The same Word file imported into the chapter it came from changes nothing.
    await git(dir, 'commit', '-qam', '导入');
    const again = await runCli(['review', 'import', docx, '--chapter', 'jiaoyu', '--volume', 'vol'], dir);
    expect(again.stdout).toContain('没有可导入的修订或批注');
    expect(await readFile(file, 'utf8')).toBe(suggested);
  });

  it('turns a leader’s work in Word into CriticMarkup: decided suggestions resolved, new changes and comments added', async () => {
    const { dir, file } = await repository(SUGGESTED);
    const before = await readFile(file, 'utf8');
    const docx = await exportDocx(dir);
    const word = await WordEdit.open(docx);
    word.acceptInsertion('各级各类');
    word.rejectDeletion('（含在园幼儿）');
    word.insert('，专任教师', '和职员', '李局长');
    word.delete('38.2亿元', '，比上年增长6.5%', '李局长');
    word.comment('，目前在园幼儿', '9.6万人', '数据来源？', '李局长');
    word.removeComment('本条可补充普惠性民办幼儿园情况');
    word.insertParagraph('，比上年增加4200人。', '【民办教育】2015年末，示例市有民办学校86所。', '李局长');
    const reviewed = join(dir, '李局长审改.docx');
    await word.save(word.files, reviewed);

    const result = await runCli(['review', 'import', reviewed, '--chapter', 'vol/chapters/shehui/jiaoyu.md'], dir);
    expect(result.code).toBe(0);
    const expected = before
      .replace('{++各级各类++}', '各级各类')
      .replace('{--（含在园幼儿）--}', '（含在园幼儿）')
      .replace('，专任教师1.48万人', '，专任教师{++和职员++}1.48万人')
      .replace('，比上年增长6.5%。', '{--，比上年增长6.5%--}。')
      .replace('，目前在园幼儿9.6万人', '，目前在园幼儿{==9.6万人==}{>>@李局长：数据来源？<<}')
      .replace('{>>本条可补充普惠性民办幼儿园情况<<}', '\n\n{++【民办教育】2015年末，示例市有民办学校86所。++}');
    expect(await readFile(file, 'utf8')).toBe(expected);
    expect(result.stdout).toContain('插入 2 处，删除 1 处，批注 1 条，原有修改标记在 Word 中已处理 3 处；改动 3 段');
    expect(result.stdout).toContain('删除「，比上年增长6.5%」');
  });

  it('refuses what it cannot import safely, with a clear message and nothing written', async () => {
    const { dir, file } = await repository(SUGGESTED);
    const text = await readFile(file, 'utf8');
    await writeFile(join(dir, '假文档.docx'), '这其实是一个文本文件');
    const fake = await runCli(['review', 'import', '假文档.docx', '--chapter', 'jiaoyu', '--volume', 'vol'], dir);
    expect(fake.code).toBe(2);
    expect(fake.stderr).toContain('假文档.docx 不是 Word 文档（.docx）');
    await writeFile(join(dir, '旧版.docx'), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]));
    const doc = await runCli(['review', 'import', '旧版.docx', '--chapter', 'jiaoyu', '--volume', 'vol'], dir);
    expect(doc.stderr).toContain('旧版.docx 是旧版 Word 97-2003 文档（.doc）');
    const missing = await runCli(['review', 'import', '没有.docx', '--chapter', 'jiaoyu', '--volume', 'vol'], dir);
    expect(missing.stderr).toContain('找不到 Word 文件');

    const docx = await exportDocx(dir);
    await writeFile(file, text.replace('12所', '14所'));
    const uncommitted = await runCli(['review', 'import', docx, '--chapter', 'jiaoyu', '--volume', 'vol'], dir);
    expect(uncommitted.code).toBe(2);
    expect(uncommitted.stderr).toContain('有尚未提交的改动');
    expect(await readFile(file, 'utf8')).toBe(text.replace('12所', '14所'));
    const forced = await runCli(['review', 'import', docx, '--chapter', 'jiaoyu', '--volume', 'vol', '--force'], dir);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('与 Word 文本有未标记修订的差异，这些差异未导入');
    expect(await readFile(file, 'utf8')).toBe(text.replace('12所', '14所'));
  });
});

describe('redlines between stages in every format', () => {
  it('writes HTML, Word and (through the print renderer) PDF', async () => {
    const { dir, file } = await repository(criticView(SUGGESTED, 'original'));
    expect((await runCli(['review', 'submit', 'jiaoyu', '--volume', 'vol', '--by', '许文博', '--at', '2016-03-25T10:00:00+08:00'], dir)).code).toBe(0);
    await commit(dir, file, criticView(await readFile(file, 'utf8'), 'original').replace('学校312所', '学校313所'));
    expect((await runCli(['review', 'pass', 'jiaoyu', '--volume', 'vol', '--stage', '初审', '--by', '唐嘉木', '--at', '2016-04-02T10:00:00+08:00'], dir)).code).toBe(0);
    const result = await runCli(['redline', 'jiaoyu', '--volume', 'vol', '--from', '供稿', '--to', '初审', '--format', 'html,docx,pdf', '-o', 'out'], dir);
    expect(result.code).toBe(0);
    const base = join(dir, 'out/mini-2016/mini-2016-jiaoyu-redline-供稿-初审');
    expect(await readFile(`${base}.html`, 'utf8')).toMatch(/学校<del class="rev-del" title="删除　唐嘉木　2016-04-02">312<\/del><ins class="rev-ins" title="插入　唐嘉木　2016-04-02">313<\/ins>所/);
    const accepted = (await runTool('pandoc', ['--track-changes=accept', '-f', 'docx', '-t', 'plain', `${base}.docx`], { debianPackage: 'pandoc' })).stdout.toString('utf8');
    expect(accepted).toContain('学校313所');
    const text = (await runTool('pdftotext', [`${base}.pdf`, '-'], { debianPackage: 'poppler-utils' })).stdout.toString('utf8');
    expect(text).toContain('313');
    const titlePage = (await runTool('pdftotext', ['-f', '1', '-l', '1', `${base}.pdf`, '-'], { debianPackage: 'poppler-utils' })).stdout.toString('utf8').replace(/\s+/g, '');
    expect(titlePage).toContain('红样');
    expect(titlePage).toContain('原稿：供稿');
    expect(titlePage).toContain('改稿：初审');
    expect(titlePage).toMatch(/增补\d+处（蓝色下划线）删除\d+处（红色删除线）/);
  });
});
