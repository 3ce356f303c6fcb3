import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AssembledVolume, Block, Inline } from '../src/model/assembled.js';
import { RenderError } from '../src/render/output-format.js';
import { decideAll, decideBalance, failedSections, type SectionEndInfo } from '../src/render/pdf/balance-columns.js';
import { openTypst } from '../src/render/pdf/compile-typst.js';
import { fontFolders, PRINT_FONTS, requirePrintFonts } from '../src/render/pdf/fonts.js';
import { PRINT_TEMPLATE_DIR } from '../src/render/pdf/pdf-format.js';
import { printData } from '../src/render/pdf/print-data.js';
import { escapeMarkup, typstString } from '../src/render/pdf/typst-escape.js';
import { TEMPLATE_PATH, writeInlines, writeSectionParts } from '../src/render/pdf/typst-writer.js';
import { fixtureGazetteer, fixtureYearbook } from './fixtures/assembled-volume.js';

const SPECIAL = ['#', '$', '*', '_', '`', '<', '>', '@', '[', ']', '\\', '~', '"', "'", '/', '=', '-', '+', '.', ':', '(', ')'];
const noImages = { paths: new Map<string, string>(), problems: new Map<string, string>() };

/** The section documents of a volume, joined for searching. */
const writeTypst = (volume: AssembledVolume, images: typeof noImages) => writeSectionParts(volume, images).map((part) => part.main).join('\n');

/** Compiles markup with the real template and returns the text pdftotext reads back. */
async function typeset(body: string, volume: AssembledVolume = fixtureYearbook({ imageDir: '/nowhere', mode: 'final' })): Promise<string> {
  const session = openTypst({
    files: [{ path: TEMPLATE_PATH, data: await readFile(join(PRINT_TEMPLATE_DIR, 'yearbook.typ')) }],
    fontFolders: fontFolders(requirePrintFonts()),
  });
  const dir = await mkdtemp(join(tmpdir(), 'fangzhi-typst-'));
  try {
    const main = `#import "${TEMPLATE_PATH}": *\n#show: yearbook\n${body}\n`;
    const pdf = session.pdf(session.compile(main, printData(volume, { trim: '16k' }, { ...noImages, files: [] })));
    await writeFile(join(dir, 'out.pdf'), pdf);
    return execFileSync('pdftotext', ['-raw', join(dir, 'out.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    session.close();
    await rm(dir, { recursive: true, force: true });
  }
}

describe('escaping for Typst', () => {
  it('puts a backslash before every markup character, and nothing else changes', () => {
    for (const char of SPECIAL) expect(escapeMarkup(`甲${char}乙`)).toBe(`甲\\${char}乙`);
    expect(escapeMarkup('示例市，2015年。')).toBe('示例市，2015年。');
  });

  it('defuses comments, headings, lists, labels, references, math and raw text', () => {
    expect(escapeMarkup('// 注释 /* 块 */')).toBe('\\/\\/ 注释 \\/\\* 块 \\*\\/');
    expect(escapeMarkup('= 标题')).toBe('\\= 标题');
    expect(escapeMarkup('1. 第一')).toBe('1\\. 第一');
    expect(escapeMarkup('<fz-toc> @ref $x$ `raw`')).toBe('\\<fz\\-toc\\> \\@ref \\$x\\$ \\`raw\\`');
  });

  it('folds soft line breaks: none between Chinese characters, a space between Latin words', () => {
    expect(escapeMarkup('示例市\n人民政府')).toBe('示例市人民政府');
    expect(escapeMarkup('GDP\ngrowth')).toBe('GDP growth');
  });

  it('writes string literals with quotes, backslashes and line breaks escaped', () => {
    expect(typstString('他说"好"\\n\n')).toBe('"他说\\"好\\"\\\\n\\n"');
  });

  it('prints every special character literally after a real Typst compile', async () => {
    const text = `甲${SPECIAL.join('甲')}乙 // 不是注释 /* 也不是 */ = - + 1. #let x = 1`;
    const printed = await typeset(escapeMarkup(text));
    expect(printed.replace(/\s+/g, '')).toContain(text.replace(/\s+/g, ''));
  });
});

describe('Typst markup for blocks', () => {
  const context = (volume = fixtureYearbook({ imageDir: '/img', mode: 'draft' })) => writeTypst(volume, { paths: new Map([['/img/figure-1.png', '/images/3.png']]), problems: new Map([['/img/figure-2.jpg', '找不到图片文件 /img/figure-2.jpg']]) });

  it('writes one document per top-level section: the template, the category, then its report', () => {
    const parts = writeSectionParts(fixtureYearbook({ imageDir: '/img', mode: 'draft' }), noImages);
    expect(parts.map((part) => part.title)).toEqual(['特载', '经济', '社会']);
    for (const part of parts) {
      expect(part.main.startsWith('#import "/yearbook.typ": *\n\n#show: yearbook\n\n#fz-category(')).toBe(true);
      expect(part.main.match(/^#fz-category\(/gm)).toHaveLength(1);
      expect(part.main.trimEnd().endsWith('#fz-report()')).toBe(true);
    }
    expect(parts[0]!.main).toContain('#fz-category("n-tezai", "特载", columns: 1)[');
    expect(parts[1]!.main).toContain('#fz-category("n-jingji", "经济", columns: 2)[');
  });

  it('writes 分目 headings, entries with run-in first paragraphs, and credits', () => {
    const markup = context();
    expect(markup).toContain('#fz-section("发展和改革", "n-jingji-fagai", level: 1)');
    expect(markup).toMatch(/#fz-entry\("概况", "e-jingji-fagai-1", level: 2\)\[示例市发展和改革委员会（以下简称#fz-ix\("i-1"\)市发展改革委）/);
    expect(markup).toContain('#fz-credit[（撰稿：许文博　审稿：黄国栋）]');
  });

  it('writes inline styles, index marks and the escaped special characters', () => {
    const markup = context();
    expect(markup).toContain('#strong[固定资产投资]');
    expect(markup).toContain('hm#super[2]');
    expect(markup).toContain('CO#sub[2]');
    expect(markup).toContain('#fz-em[特殊字符]');
    expect(markup).toContain('\\# \\$ \\* \\_ \\` \\< \\> \\@ \\[ \\] \\\\ \\~ \\" \\\' \\/ \\= \\- \\+ \\/\\/ 不是注释');
  });

  it('writes a three-line table with number, title, unit, alignment, rows and notes', () => {
    const markup = context();
    expect(markup).toContain(
      '#fz-table(number: "表1", title: "2015年示例市重点项目投资情况", unit: "单位：亿元", aligns: ("left", "right", "right",), header: ([项目类别], [计划投资], [完成投资],), rows: (([基础设施], [86\\.4], [88\\.2],), ([产业项目], [62\\.0], [59\\.7],), ([社会事业], [38\\.5], [38\\.4],), ([#strong[合计]], [186\\.9], [186\\.3],),), notes: ("注：由于四舍五入，合计数与分项之和略有出入。", "资料来源：示例市发展和改革委员会。",), wide: false)',
    );
    expect(markup).toMatch(/#fz-table\(number: "表2", .*wide: true\)/);
  });

  it('writes figures by their path in the project, and a marked placeholder for an image that cannot be read', () => {
    const markup = context();
    expect(markup).toContain('#fz-figure("/images/3.png", "2015年6月18日，示例市重点项目集中开工仪式在东湖区举行", credit: "张三　摄", full: false)');
    expect(markup).toContain('#fz-image-missing("找不到图片文件 /img/figure-2.jpg", "示例市财政局办公楼全景", credit: "示例市财政局供图", full: true)');
  });

  it('writes lists and quotes', () => {
    const markup = context();
    expect(markup).toContain('#fz-list(ordered: true, [加强预算管理。], [推进国库集中支付改革。])');
    expect(markup).toContain('#fz-quote[“把财政资金用在刀刃上。”]');
  });

  it('puts balance points before the blocks of two-column sections only', () => {
    const markup = context();
    const tezai = markup.slice(markup.indexOf('#fz-category("n-tezai"'), markup.indexOf('#fz-category("n-jingji"'));
    expect(tezai).not.toContain('#fz-bp(');
    const jingji = markup.slice(markup.indexOf('#fz-category("n-jingji"'), markup.indexOf('#fz-category("n-shehui"'));
    const points = [...jingji.matchAll(/#fz-bp\("n-jingji", (\d+)\)/g)].map((match) => Number(match[1]));
    expect(points.length).toBeGreaterThan(10);
    expect(points).toEqual(points.map((_, index) => index));
  });

  it('shows findings and missing chapters in a draft only', () => {
    const draft = context();
    expect(draft).toContain('#fz-note("number-form", "「百分之十二」应写作「12%」")');
    expect(draft).toContain('#fz-note("author-credit", "稿件缺少撰稿人")');
    expect(draft).toContain('#fz-missing("示例市卫生和计划生育委员会")');
    const final = context(fixtureYearbook({ imageDir: '/img', mode: 'final' }));
    expect(final).not.toContain('#fz-note(');
  });

  it('marks suggested changes in a draft and applies them in a final build', () => {
    const inlines: Inline[] = [
      { type: 'text', value: '全年' },
      { type: 'deletion', children: [{ type: 'text', value: '约' }] },
      { type: 'insertion', children: [{ type: 'text', value: '共' }] },
      { type: 'comment', note: '请核实"数字"', children: [{ type: 'text', value: '128个' }] },
      { type: 'highlight', children: [{ type: 'text', value: '项目' }] },
    ];
    expect(writeInlines(inlines, true, true)).toBe('全年#fz-del[约]#fz-ins[共]#fz-comment("请核实\\"数字\\"")[128个]#fz-mark[项目]');
    expect(writeInlines(inlines, true, false)).toBe('全年共128个项目');
  });

  it('writes gazetteer 节 as headings, not entries', () => {
    const markup = context(fixtureGazetteer({ imageDir: '/img' }));
    expect(markup).toContain('#fz-heading("干线公路改建", "h-gonglu-jianshe-1", level: 2)');
    expect(markup).not.toContain('#fz-entry(');
    expect(markup).toContain('#fz-category("n-gaishu", "概述", columns: 2)[');
  });

  it('drops indentation a writer typed before a paragraph', () => {
    const blocks: Block[] = [{ type: 'paragraph', inlines: [{ type: 'text', value: '\u3000\u3000全年完成投资。' }], findings: [] }];
    const volume = fixtureYearbook({ imageDir: '/img' });
    volume.sections[0]!.children[0]!.chapter!.blocks = blocks;
    expect(writeTypst(volume, noImages)).toContain('level: 1)\n\n全年完成投资。\n]');
  });
});

describe('the print template', () => {
  it('typesets entries, credits, tables and captions with the template, in the right faces', async () => {
    const text = await typeset(
      [
        '#fz-category("n-x", "经济", columns: 2)[',
        '#fz-section("财政", "n-x-1", level: 1)',
        '#fz-entry("财政收支", "e-x-1", level: 2)[全年一般公共预算收入38.6亿元。]',
        '#fz-table(number: "表1", title: "收支情况", unit: "单位：万元", aligns: ("left", "right",), header: ([项目], [金额],), rows: (([收入], [386],),), notes: ("注：按现价计算。",), wide: false)',
        '#fz-credit[（撰稿：王立　审稿：赵一帆）]',
        ']',
      ].join('\n\n'),
    );
    // pdftotext reads the ideographic space as a plain one.
    for (const expected of ['【财政收支】全年一般公共预算收入38.6亿元。', '表1 收支情况', '单位：万元', '注：按现价计算。', '（撰稿：王立 审稿：赵一帆）']) expect(text).toContain(expected);
  });
});

describe('column balancing', () => {
  const pitch = 13.5;
  const options = { pitch, slack: 0.75 };
  const info = (points: SectionEndInfo['points'], extra: Partial<SectionEndInfo> = {}): SectionEndInfo => ({ id: 's', columns: 2, page: 3, height: 600, points, previousHeight: 600, previous: [], ...extra });

  it('ends a last page that spills into the second column with a float at the end, sized to half the text', () => {
    // 600 pt in the first column and 200 in the second: each column gets 400 pt plus most of a line.
    const decision = decideBalance(info([{ k: 0, column: 0, y: 0 }, { k: 1, column: 0, y: 380 }, { k: 9, column: 1, y: 200 }]), options)!;
    expect(decision.at).toBe(9);
    expect(decision.height).toBeCloseTo(600 - (400 + pitch * 0.75), 1);
  });

  it('puts the float at the last point high enough in the first column when the text fits in one column', () => {
    const decision = decideBalance(info([{ k: 4, column: 0, y: 50 }, { k: 5, column: 0, y: 150 }, { k: 6, column: 0, y: 260 }, { k: 7, column: 0, y: 400 }]), options)!;
    // 400 pt of text: a column holds about 210 pt, and the point at 150 is the last one above that.
    expect(decision).toEqual({ at: 5, height: expect.closeTo(600 - 200 - pitch * 0.75, 1) });
  });

  it('uses a point low on the page before when the last page begins with the rest of a long paragraph', () => {
    const points = [{ k: 8, column: 0, y: 350 }, { k: 9, column: 0, y: 400 }];
    const previous = [{ k: 6, column: 1, y: 100 }, { k: 7, column: 1, y: 520 }];
    expect(decideBalance(info(points, { previous }), options)).toEqual({ at: 7, height: expect.closeTo(600 - 200 - pitch * 0.75, 1) });
    expect(decideBalance(info(points, { previous: [{ k: 6, column: 1, y: 100 }] }), options)).toBeUndefined();
  });

  it('leaves nearly full last pages alone', () => {
    expect(decideBalance(info([{ k: 0, column: 0, y: 0 }, { k: 9, column: 1, y: 590 }]), options)).toBeUndefined();
  });

  it('on a second try lets the first column take the block that crossed its end, and gives up after that', () => {
    const points = [{ k: 0, column: 0, y: 0 }, { k: 1, column: 0, y: 150 }, { k: 2, column: 0, y: 330 }, { k: 9, column: 1, y: 30 }];
    // First try: 630 pt of text, 325 pt per column, so the block starting at 330 crossed the end.
    expect(decideBalance(info(points), options)!.height).toBeCloseTo(600 - 315 - pitch * 0.75, 1);
    expect(decideBalance(info(points), options, 1)).toEqual({ at: 9, height: expect.closeTo(600 - 330 - pitch * 0.75, 1) });
    const infos = [info(points)];
    expect(decideAll(infos, options, new Map([['s', 2]]))).toEqual({});
    expect(failedSections(infos, [info(points, { page: 4 })])).toEqual(['s']);
    expect(failedSections(infos, infos)).toEqual([]);
  });
});

describe('fonts', () => {
  it('names the Debian package of a missing font', () => {
    const missing = [{ ...PRINT_FONTS[2]!, files: ['/usr/share/fonts/truetype/arphic/nonexistent.ttc'] }];
    expect(() => requirePrintFonts(missing)).toThrow(RenderError);
    expect(() => requirePrintFonts(missing)).toThrow(/楷体.*fonts-arphic-ukai/);
  });

  it('finds the installed faces', () => {
    expect(fontFolders(requirePrintFonts())).toEqual(['/usr/share/fonts/opentype/noto', '/usr/share/fonts/truetype/arphic']);
  });
});
