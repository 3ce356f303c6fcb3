import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssembledVolume } from '../src/model/assembled.js';
import { docxFormat } from '../src/render/docx/docx-format.js';
import { escapeInline, escapeLine, paragraphLines } from '../src/render/docx/pandoc-markdown.js';
import { writeDocxMarkdown } from '../src/render/docx/write-docx-markdown.js';
import { type ImageSlot, WriteContext } from '../src/render/docx/write-context.js';
import { writeInlines } from '../src/render/docx/write-blocks.js';
import type { RenderContext } from '../src/render/output-format.js';
import { runTool } from '../src/render/run-tool.js';
import { fixtureGazetteer, fixtureImageNames, fixtureYearbook } from './fixtures/assembled-volume.js';
import { root, tempDir } from './helpers.js';

/** Pandoc's own reading of our Markdown, as its JSON AST: what the Word writer will see. */
async function pandocAst(markdown: string): Promise<{ blocks: PandocNode[] }> {
  const { stdout } = await runTool('pandoc', ['-f', 'markdown+east_asian_line_breaks-implicit_figures-smart', '-t', 'json'], { debianPackage: 'pandoc', input: markdown });
  return JSON.parse(stdout.toString('utf8')) as { blocks: PandocNode[] };
}

interface PandocNode {
  t: string;
  c?: unknown;
}

/** Text of inlines that must be plain: anything but Str, Space and SoftBreak means escaping failed. */
function plainText(inlines: PandocNode[]): string {
  return inlines
    .map((inline) => {
      if (inline.t === 'Str') return inline.c as string;
      if (inline.t === 'Space') return ' ';
      if (inline.t === 'SoftBreak') return '\n';
      throw new Error(`pandoc 读出了 ${inline.t}，转义不完整`);
    })
    .join('');
}

/** Paragraphs of custom-style divs in reading order: [style, text with markup flattened]. */
function styledParagraphs(blocks: PandocNode[]): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const block of blocks) {
    if (block.t !== 'Div') continue;
    const [[, , attributes], children] = block.c as [[string, string[], Array<[string, string]>], PandocNode[]];
    const style = attributes.find(([key]) => key === 'custom-style')?.[1] ?? '';
    for (const child of children) if (child.t === 'Para') out.push([style, flatText(child.c as PandocNode[])]);
  }
  return out;
}

function flatText(inlines: PandocNode[]): string {
  return inlines
    .map((inline) => {
      switch (inline.t) {
        case 'Str':
          return inline.c as string;
        case 'Space':
          return ' ';
        case 'Span': {
          // A comment's text is not part of the paragraph.
          const [[, classes], children] = inline.c as [[string, string[]], PandocNode[]];
          return classes.includes('comment-start') ? '' : flatText(children);
        }
        case 'Link':
          return flatText((inline.c as [unknown, PandocNode[]])[1]);
        case 'Strong':
        case 'Emph':
        case 'Superscript':
        case 'Subscript':
          return flatText(inline.c as PandocNode[]);
        default:
          return '';
      }
    })
    .join('');
}

describe('Markdown escaping for pandoc', () => {
  const nasty = [
    '*强调* _下划线_ `代码` **粗体** ~删除~ ^上标^ $x$ \\ 反斜杠 | 竖线 < > & @引用 [链接](http://a.b) {.class} <b>标签</b> <!-- 注释 -->',
    '1. 不是列表',
    '- 不是列表',
    '+ 也不是列表',
    '# 不是标题',
    '> 不是引用',
    '::: 不是 div',
    '| 甲 | 乙 |',
    '(@) 不是例号',
    '2015年10月1日——国庆。“引号”和"直引号"和\'单引号\'... -- ---',
    '^[不是脚注] [^1] &amp; &copy; http://example.com <http://example.com>',
    '结尾的反斜杠\\',
    '%不是标题块',
    '~~不是删除线~~ H~2~O 10^3^',
  ];

  it.each(nasty)('keeps %j as plain text', async (text) => {
    const ast = await pandocAst(paragraphLines(escapeInline(text)));
    expect(ast.blocks).toHaveLength(1);
    expect(ast.blocks[0]!.t).toBe('Para');
    expect(plainText(ast.blocks[0]!.c as PandocNode[])).toBe(text);
  });

  it('keeps block syntax at the start of a continuation line inside the paragraph', async () => {
    const text = '第一行\n1. 第二行\n- 第三行\n---\n: 定义\n# 井号\n=====';
    const ast = await pandocAst(paragraphLines(escapeInline(text)));
    expect(ast.blocks.map((block) => block.t)).toEqual(['Para']);
    expect(plainText(ast.blocks[0]!.c as PandocNode[]).replace(/\n/g, '')).toBe(text.replace(/\n/g, ''));
  });

  it('neither starts a code block nor makes hard breaks from spaces', async () => {
    const ast = await pandocAst(paragraphLines(escapeInline('    四个空格开头  \n第二行  \n\n\n第三行')));
    expect(ast.blocks.map((block) => block.t)).toEqual(['Para']);
    expect(plainText(ast.blocks[0]!.c as PandocNode[])).toBe('四个空格开头第二行第三行');
  });

  it('joins CJK lines without a space and Latin lines with one', async () => {
    const ast = await pandocAst(paragraphLines(escapeInline('示例市教育局是市人民政府\n工作部门，全年完成\nGDP 增长。the\nend')));
    expect(plainText(ast.blocks[0]!.c as PandocNode[]).replace(/\n/g, ' ')).toBe('示例市教育局是市人民政府工作部门，全年完成 GDP 增长。the end');
    expect(escapeLine('示例市\n教育局 \n GDP\n增长')).toBe('示例市教育局 GDP 增长');
  });
});

/** Inline markup as pandoc read it: runs of text joined, formatting shown with Markdown-like marks. */
function inlineShape(inlines: PandocNode[]): string[] {
  const marks: Record<string, string> = { Strong: '**', Emph: '*', Superscript: '^', Subscript: '~' };
  const out: string[] = [];
  for (const inline of inlines) {
    const mark = marks[inline.t];
    if (mark) out.push(`${mark}${flatText(inline.c as PandocNode[])}${mark}`);
    else if (inline.t === 'Str' || inline.t === 'Space') {
      const text = flatText([inline]);
      if (out.length && !/^[*^~]/.test(out.at(-1)!)) out[out.length - 1] += text;
      else out.push(text);
    } else if (inline.t !== 'Span' || flatText([inline])) throw new Error(`意外的 ${inline.t}`);
  }
  return out;
}

describe('inline markup', () => {
  const text = (value: string) => ({ type: 'text', value }) as const;

  it('keeps strong, emphasis, superscript and subscript intact when they touch each other and CJK text', async () => {
    const markdown = writeInlines(
      [
        { type: 'strong', children: [text('重点项目。')] },
        text('全年'),
        { type: 'strong', children: [text('粗*体')] },
        { type: 'emphasis', children: [text('斜体')] },
        { type: 'sub', value: '2' },
        { type: 'sup', value: 'a b' },
        { type: 'strong', children: [text(' 空格 ')] },
        text('结束'),
        { type: 'strong', children: [] },
      ],
      new WriteContext(false, new Map()),
    );
    const ast = await pandocAst(markdown);
    expect(ast.blocks.map((block) => block.t)).toEqual(['Para']);
    expect(inlineShape(ast.blocks[0]!.c as PandocNode[])).toEqual(['**重点项目。**', '全年', '**粗*体**', '*斜体*', '~2~', '^a\u00a0b^', ' ', '**空格**', ' 结束']);
  });
});

describe('the Word Markdown writer', () => {
  const images = new Map<string, ImageSlot>();
  const yearbook = (mode: 'draft' | 'final') => fixtureYearbook({ imageDir: '/nowhere', mode });

  it('writes sections, entries, credits and tables with the Chinese styles, in framework order', async () => {
    const paragraphs = styledParagraphs((await pandocAst(writeDocxMarkdown(yearbook('draft'), images))).blocks);
    const headings = paragraphs.filter(([style]) => style === '类目标题' || style === '分目标题');
    expect(headings.map(([style, text]) => `${style}:${text}`)).toEqual([
      '类目标题:特载',
      '分目标题:示例市“十二五”时期发展回顾',
      '类目标题:经济',
      '分目标题:发展和改革',
      '分目标题:财政',
      '类目标题:社会',
      '分目标题:教育',
      '分目标题:卫生和计划生育',
    ]);
    const body = paragraphs.filter(([style]) => style === '正文').map(([, text]) => text);
    expect(body.some((text) => text.startsWith('【概况】示例市发展和改革委员会（以下简称市发展改革委）内设科室11个。'))).toBe(true);
    expect(body.join('')).toContain('：# $ * _ ` < > @ [ ] \\ ~ " \' / = - + // 不是注释 /* 也不是 */。');
    expect(paragraphs).toContainEqual(['表题', '表1　2015年示例市重点项目投资情况']);
    expect(paragraphs).toContainEqual(['表单位', '单位：亿元']);
    expect(paragraphs).toContainEqual(['表注', '资料来源：示例市发展和改革委员会。']);
    expect(paragraphs).toContainEqual(['署名', '（撰稿：许文博　审稿：黄国栋）']);
    expect(paragraphs).toContainEqual(['缺稿', '缺稿：示例市卫生和计划生育委员会']);
  });

  it('puts the entry title in the 条目标题 character style, run into its first paragraph, with a TC field', async () => {
    const markdown = writeDocxMarkdown(yearbook('final'), images);
    const ast = await pandocAst(markdown);
    const first = ast.blocks.find((block) => block.t === 'Div' && JSON.stringify(block).includes('【概况】'))!;
    const para = (first.c as [unknown, PandocNode[]])[1][0]!;
    const [span, raw] = para.c as PandocNode[];
    expect(span!.t).toBe('Span');
    expect(JSON.stringify(span)).toContain('"custom-style","条目标题"');
    expect(raw!.t).toBe('RawInline');
    expect(JSON.stringify(raw)).toContain('TC &quot;概况&quot; \\\\l 3');
  });

  it('lists headings and entries in the prefilled TOC field, and the index with its locators', async () => {
    const markdown = writeDocxMarkdown(yearbook('draft'), images);
    // The field comes as several raw blocks (one per 类目 or 分目), in document order.
    const toc = [...markdown.matchAll(/```\{=openxml\}\n([\s\S]*?)\n```/g)].map(([, xml]) => xml!).join('\n');
    expect(toc).toContain('TOC \\o &quot;1-3&quot; \\h \\z \\u \\f');
    const lines = [...toc.matchAll(/<w:pStyle w:val="(TOC\d)"\/>.*?<w:t xml:space="preserve">([^<]*)</g)].map(([, style, text]) => `${style} ${text}`);
    expect(lines.slice(0, 5)).toEqual(['TOC1 特载', 'TOC2 示例市“十二五”时期发展回顾', 'TOC1 经济', 'TOC2 发展和改革', 'TOC3 概况']);
    expect(lines.at(-1)).toBe('TOC1 索引');
    const paragraphs = styledParagraphs((await pandocAst(markdown)).blocks);
    expect(paragraphs).toContainEqual(['索引条目', '市发展改革委　见示例市发展和改革委员会']);
    expect(paragraphs).toContainEqual(['索引条目', '学前教育　概况（教育）；学前教育（教育）']);
    expect(paragraphs).toContainEqual(['索引条目', '一般公共预算收入　财政收支（财政）']);
  });

  it('drops placeholders and findings from a final build', async () => {
    const draft = writeDocxMarkdown(yearbook('draft'), images);
    const final = writeDocxMarkdown(yearbook('final'), images);
    expect(draft).toContain('.comment-start');
    expect(final).not.toContain('comment-');
    expect(final).not.toContain('缺稿：');
    expect(final).not.toContain('卫生和计划生育');
  });

  it('writes the front matter: title page, 编委会, numbered 编辑说明, then the TOC', async () => {
    const volume: AssembledVolume = { ...yearbook('draft'), scope: { kind: 'unit', id: 'stats-bureau', name: '示例市统计局' } };
    const paragraphs = styledParagraphs((await pandocAst(writeDocxMarkdown(volume, images))).blocks);
    expect(paragraphs.slice(0, 14)).toEqual([
      ['书名', '示例市年鉴（2016）'],
      ['书名副题', '示例市统计局承编部分'],
      ['书名副题', '审读稿'],
      ['书名副题', '收稿4篇，缺稿1篇，条目16条，约12000字'],
      ['书名副题', '示例出版社'],
      ['辅文标题', '《示例市年鉴》编纂委员会'],
      ['名单', '主任：高建华'],
      ['名单', '委员：周明远　陈立新　刘晓东'],
      ['小标题', '《示例市年鉴》编辑部'],
      ['名单', '主编：林知远'],
      ['辅文标题', '编辑说明'],
      ['正文', '一、本卷记述时限为2015年1月1日至12月31日。'],
      ['正文', '二、本卷采用类目、分目、条目三层结构。条目标题加【】标示。'],
      ['辅文标题', '卷首图片'],
    ]);
  });

  it('writes gazetteer 节 headings in the third heading style', async () => {
    const paragraphs = styledParagraphs((await pandocAst(writeDocxMarkdown(fixtureGazetteer({ imageDir: '/nowhere' }), images))).blocks);
    expect(paragraphs.filter(([style]) => style.endsWith('标题') && style !== '辅文标题' && style !== '小标题')).toEqual([
      ['类目标题', '概述'],
      ['类目标题', '公路'],
      ['分目标题', '公路建设'],
      ['子目标题', '干线公路改建'],
      ['子目标题', '高速公路建设'],
      ['分目标题', '公路养护'],
      ['子目标题', '养护管理体制'],
    ]);
  });
});

describe('docxFormat.render', () => {
  let dir: string;
  let imageDir: string;
  const context: RenderContext = { baseName: 'fixture 2016 (审读)', print: { trim: '16k' }, progress: () => {} };

  /** Writes the fixture's pictures, with an EXIF owner that must not reach the DOCX. */
  async function makeImages(folder: string, skip?: string): Promise<void> {
    await mkdir(folder);
    for (const { name, width, height } of fixtureImageNames) {
      if (name === skip) continue;
      const image = sharp({ create: { width, height, channels: 3, background: '#3a6' } }).withExif({ IFD0: { Copyright: 'SECRET-EXIF-OWNER' } });
      await (name.endsWith('.png') ? image.png() : image.jpeg()).toFile(join(folder, name));
    }
  }

  beforeAll(async () => {
    dir = await tempDir('fangzhi-docx-test-');
    // A folder name with spaces and shell characters: it must reach sharp and pandoc unharmed.
    imageDir = join(dir, "图片 $(echo pwned) & 'x'; y");
    await makeImages(imageDir);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const unzip = (data: string | Uint8Array) => unzipSync(data as Uint8Array);
  const text = (files: Record<string, Uint8Array>, path: string) => strFromU8(files[path]!);

  it('renders a DOCX with comments, pictures without EXIF, and Word set to refresh the TOC', async () => {
    const [artifact, ...others] = await docxFormat.render(fixtureYearbook({ imageDir }), context);
    expect(others).toHaveLength(0);
    expect(artifact!.path).toBe('fixture 2016 (审读).docx');
    const files = unzip(artifact!.data);
    const document = text(files, 'word/document.xml');
    const comments = text(files, 'word/comments.xml');
    expect(comments).toContain('w:author="体例检查"');
    expect(comments).toContain('警告：分项之和与合计不符（table-sum，jingji-caizheng.md 第40行）');
    expect(document.match(/<w:commentReference /g)).toHaveLength(3);
    const media = Object.keys(files).filter((path) => path.startsWith('word/media/'));
    expect(media).toHaveLength(fixtureImageNames.length);
    for (const path of media) expect(Buffer.from(files[path]!).includes('SECRET-EXIF-OWNER')).toBe(false);
    expect(document.match(/<w:drawing>/g)).toHaveLength(fixtureImageNames.length);
    expect(text(files, 'word/settings.xml')).toContain('<w:updateFields w:val="true"/>');
    expect(text(files, 'docProps/core.xml')).toContain('<dc:title>示例市年鉴（2016）</dc:title>');
    expect(document).toContain('<w:tblStyle w:val="Table" />');
  });

  it('marks an unreadable picture in a draft and refuses it in a final build', async () => {
    const incomplete = join(dir, 'incomplete');
    await makeImages(incomplete, 'figure-2.jpg');
    const [artifact] = await docxFormat.render(fixtureYearbook({ imageDir: incomplete }), context);
    const document = text(unzip(artifact!.data), 'word/document.xml');
    expect(document).toContain('图片无法读取：找不到图片文件');
    expect(document.match(/<w:drawing>/g)).toHaveLength(fixtureImageNames.length - 1);
    await expect(docxFormat.render(fixtureYearbook({ imageDir: incomplete, mode: 'final' }), context)).rejects.toThrow(/找不到图片文件.*figure-2\.jpg/);
  });

  it('names the Debian package when pandoc is missing', async () => {
    const path = process.env.PATH;
    process.env.PATH = dir;
    try {
      await expect(docxFormat.render(fixtureGazetteer({ imageDir }), context)).rejects.toThrow('请安装 Debian 软件包 pandoc');
    } finally {
      process.env.PATH = path;
    }
  });

  it('uses the committed reference document with its Chinese styles', async () => {
    const styles = strFromU8(unzipSync(await readFile(join(root, 'templates/docx/reference.docx')))['word/styles.xml']!);
    for (const name of ['类目标题', '分目标题', '条目标题', '正文', '署名', '图注', '表题']) expect(styles).toContain(`<w:name w:val="${name}"/>`);
    expect(styles).toMatch(/w:styleId="类目标题">.*<w:outlineLvl w:val="0"\/>/);
    expect(styles).toMatch(/w:styleId="署名">.*<w:jc w:val="right"\/>.*w:eastAsia="AR PL UKai CN"/);
  });
});
