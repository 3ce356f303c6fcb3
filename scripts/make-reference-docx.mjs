// Writes templates/docx/reference.docx: pandoc's own reference document with the Chinese styles that the
// Word renderer (src/render/docx/) asks for by name, Chinese fonts, an A4 page and a page-number footer.
// Reproducible: the same pandoc version gives the same bytes (fixed zip dates, no timestamps written).
// Usage: node scripts/make-reference-docx.mjs  (needs pandoc; `npm run setup` installs it)
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'templates/docx/reference.docx');

/** Chinese faces: 宋体, 黑体 and 楷体 as installed by fonts-noto-cjk and fonts-arphic-ukai. */
const FONTS = {
  song: { eastAsia: 'Noto Serif CJK SC', latin: 'Times New Roman' },
  hei: { eastAsia: 'Noto Sans CJK SC', latin: 'Arial' },
  kai: { eastAsia: 'AR PL UKai CN', latin: 'Times New Roman' },
};

/** Font sizes in half-points, named as Chinese typesetters name them. */
const SIZE = { xiaochu: 72, erhao: 44, xiaoer: 36, sanhao: 32, sihao: 28, xiaosi: 24, wuhao: 21, xiaowu: 18 };

// A4 with the margins of a Chinese Word default page (2.54 cm top/bottom, 3.17 cm left/right).
const PAGE = { width: 11906, height: 16838, top: 1440, bottom: 1440, side: 1800 };
const TEXT_WIDTH = PAGE.width - 2 * PAGE.side;

function runProps({ font = 'song', size, bold = false, color } = {}) {
  const face = FONTS[font];
  return [
    `<w:rFonts w:ascii="${face.latin}" w:hAnsi="${face.latin}" w:eastAsia="${face.eastAsia}" w:hint="eastAsia"/>`,
    bold ? '<w:b/><w:bCs/>' : '',
    color ? `<w:color w:val="${color}"/>` : '',
    size ? `<w:sz w:val="${size}"/><w:szCs w:val="${size}"/>` : '',
  ].join('');
}

/**
 * A paragraph style. `outline` gives the outline level (0 = top) that Word's TOC field (`\u` switch) and
 * navigation pane read, so custom-named headings still make a table of contents.
 */
function paragraphStyle({ name, basedOn = 'Normal', next, outline, pPr = '', rPr }) {
  return [
    `<w:style w:type="paragraph" w:customStyle="1" w:styleId="${name}">`,
    `<w:name w:val="${name}"/><w:basedOn w:val="${basedOn}"/>`,
    next ? `<w:next w:val="${next}"/>` : '',
    '<w:qFormat/>',
    `<w:pPr>${pPr}${outline === undefined ? '' : `<w:outlineLvl w:val="${outline}"/>`}</w:pPr>`,
    `<w:rPr>${runProps(rPr)}</w:rPr>`,
    '</w:style>',
  ].join('');
}

const centred = '<w:jc w:val="center"/>';
const noIndent = '<w:ind w:firstLine="0" w:firstLineChars="0"/>';
const keep = '<w:keepNext/><w:keepLines/>';

const chineseStyles = [
  paragraphStyle({ name: '正文', pPr: '<w:spacing w:before="0" w:after="0" w:line="360" w:lineRule="auto"/><w:ind w:firstLineChars="200" w:firstLine="420"/><w:jc w:val="both"/>', rPr: { size: SIZE.wuhao } }),
  paragraphStyle({ name: '类目标题', next: '正文', outline: 0, pPr: `<w:pageBreakBefore/>${keep}<w:pBdr><w:bottom w:val="single" w:sz="12" w:space="4" w:color="auto"/></w:pBdr><w:spacing w:before="240" w:after="480"/>${centred}`, rPr: { font: 'hei', size: SIZE.erhao } }),
  paragraphStyle({ name: '分目标题', next: '正文', outline: 1, pPr: `${keep}<w:spacing w:before="480" w:after="240"/>${centred}`, rPr: { font: 'hei', size: SIZE.sanhao } }),
  paragraphStyle({ name: '子目标题', next: '正文', outline: 2, pPr: `${keep}<w:spacing w:before="240" w:after="120"/>${centred}`, rPr: { font: 'song', size: SIZE.sihao, bold: true } }),
  paragraphStyle({ name: '署名', basedOn: '正文', pPr: `${noIndent}<w:jc w:val="right"/>`, rPr: { font: 'kai', size: SIZE.xiaowu } }),
  paragraphStyle({ name: '图片', pPr: `${keep}<w:spacing w:before="120" w:after="60"/>${centred}` }),
  paragraphStyle({ name: '图注', pPr: `<w:spacing w:before="0" w:after="120"/>${centred}`, rPr: { font: 'kai', size: SIZE.xiaowu } }),
  paragraphStyle({ name: '表题', pPr: `${keep}<w:spacing w:before="240" w:after="60"/>${centred}`, rPr: { font: 'hei', size: SIZE.xiaowu, bold: true } }),
  paragraphStyle({ name: '表单位', pPr: `${keep}<w:spacing w:before="0" w:after="60"/><w:jc w:val="right"/>`, rPr: { size: SIZE.xiaowu } }),
  paragraphStyle({ name: '表注', pPr: '<w:spacing w:before="60" w:after="0"/>', rPr: { size: SIZE.xiaowu } }),
  paragraphStyle({ name: '列项', basedOn: '正文', pPr: noIndent }),
  paragraphStyle({ name: '引文', basedOn: '正文', pPr: '<w:ind w:left="840" w:right="840" w:leftChars="400" w:rightChars="400"/>', rPr: { font: 'kai', size: SIZE.wuhao } }),
  paragraphStyle({ name: '书名', pPr: `<w:spacing w:before="3600" w:after="720"/>${centred}`, rPr: { font: 'hei', size: SIZE.xiaochu, bold: true } }),
  paragraphStyle({ name: '书名副题', pPr: `<w:spacing w:before="240" w:after="240"/>${centred}`, rPr: { font: 'kai', size: SIZE.sanhao } }),
  paragraphStyle({ name: '辅文标题', next: '正文', pPr: `<w:pageBreakBefore/>${keep}<w:spacing w:before="240" w:after="480"/>${centred}`, rPr: { font: 'hei', size: SIZE.xiaoer } }),
  paragraphStyle({ name: '小标题', next: '正文', pPr: `${keep}<w:spacing w:before="240" w:after="120"/>${centred}`, rPr: { font: 'hei', size: SIZE.xiaosi, bold: true } }),
  paragraphStyle({ name: '名单', basedOn: '正文', pPr: '<w:ind w:left="840" w:leftChars="400" w:firstLine="0" w:firstLineChars="0"/><w:jc w:val="left"/>' }),
  paragraphStyle({ name: '索引条目', basedOn: '正文', pPr: '<w:ind w:left="420" w:hanging="420" w:firstLineChars="0"/><w:jc w:val="left"/>', rPr: { size: SIZE.xiaowu } }),
  paragraphStyle({ name: '缺稿', basedOn: '正文', pPr: `${noIndent}<w:shd w:val="clear" w:color="auto" w:fill="FFF2CC"/><w:spacing w:before="120" w:after="120"/>${centred}`, rPr: { font: 'hei', size: SIZE.wuhao, bold: true, color: 'C00000' } }),
  // Run-in entry title: a character style, so 【概况】 and the first sentence share one paragraph.
  [
    '<w:style w:type="character" w:customStyle="1" w:styleId="条目标题">',
    '<w:name w:val="条目标题"/><w:basedOn w:val="DefaultParagraphFont"/><w:qFormat/>',
    `<w:rPr>${runProps({ font: 'hei', bold: true })}</w:rPr>`,
    '</w:style>',
  ].join(''),
];

/** Word's own TOC styles (built-in names "toc 1"…), with a dotted leader to the page number. */
const tocStyles = [1, 2, 3, 4].map((level) =>
  [
    `<w:style w:type="paragraph" w:styleId="TOC${level}">`,
    `<w:name w:val="toc ${level}"/><w:basedOn w:val="Normal"/><w:next w:val="正文"/><w:uiPriority w:val="39"/><w:unhideWhenUsed/>`,
    `<w:pPr><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="${TEXT_WIDTH}"/></w:tabs><w:spacing w:before="${level === 1 ? 120 : 0}" w:after="0"/><w:ind w:left="${(level - 1) * 420}"/></w:pPr>`,
    `<w:rPr>${runProps({ font: level === 1 ? 'hei' : 'song', size: level <= 2 ? SIZE.wuhao : SIZE.xiaowu })}</w:rPr>`,
    '</w:style>',
  ].join(''),
);

/** Word's comment styles ("annotation reference"/"annotation text"), which pandoc's comments refer to. */
const commentStyles = [
  '<w:style w:type="character" w:styleId="CommentReference"><w:name w:val="annotation reference"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:rPr><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr></w:style>',
  `<w:style w:type="paragraph" w:styleId="CommentText"><w:name w:val="annotation text"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:rPr>${runProps({ size: 20 })}</w:rPr></w:style>`,
];

/** 三线表: thick top and bottom rules, a thin rule under the header row, no vertical rules. */
const threeLineTable = [
  '<w:style w:type="table" w:default="1" w:styleId="Table">',
  '<w:name w:val="Table"/><w:uiPriority w:val="59"/><w:qFormat/>',
  '<w:tblPr><w:jc w:val="center"/><w:tblBorders><w:top w:val="single" w:sz="12" w:space="0" w:color="auto"/><w:bottom w:val="single" w:sz="12" w:space="0" w:color="auto"/></w:tblBorders>',
  '<w:tblCellMar><w:top w:w="28" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="28" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr>',
  '<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/></w:rPr><w:tcPr><w:vAlign w:val="center"/><w:tcBorders><w:bottom w:val="single" w:sz="6" w:space="0" w:color="auto"/></w:tcBorders></w:tcPr></w:tblStylePr>',
  '</w:style>',
].join('');

function editStyles(xml) {
  const docDefaults = `<w:docDefaults><w:rPrDefault><w:rPr>${runProps({ size: SIZE.wuhao })}<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0"/></w:pPr></w:pPrDefault></w:docDefaults>`;
  let out = replaceOnce(xml, /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/, docDefaults);
  out = replaceOnce(out, /<w:style w:type="table"[^>]*w:styleId="Table">[\s\S]*?<\/w:style>/, threeLineTable);
  // Table cells use Compact: small 宋体, no first-line indent.
  out = replaceOnce(out, /(<w:style [^>]*w:styleId="Compact">[\s\S]*?<w:pPr>)[\s\S]*?(<\/w:pPr>)/, `$1<w:spacing w:before="20" w:after="20"/>$2<w:rPr><w:sz w:val="${SIZE.xiaowu}"/><w:szCs w:val="${SIZE.xiaowu}"/></w:rPr>`);
  return out.replace('</w:styles>', `${[...chineseStyles, ...tocStyles, ...commentStyles].join('\n')}\n</w:styles>`);
}

function editSettings(xml) {
  // Compress CJK punctuation as Chinese Word does; East Asian theme language for the theme fonts.
  let out = replaceOnce(xml, /<w:characterSpacingControl w:val="[^"]*" \/>/, '<w:characterSpacingControl w:val="compressPunctuation"/>');
  out = replaceOnce(out, /<w:themeFontLang [^>]*\/>/, '<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>');
  return out;
}

/** Pandoc takes only the final section properties from the reference body: page size, margins, footer. */
function makeDocument(xml) {
  const head = xml.slice(0, xml.indexOf('<w:body>'));
  const sectPr = `<w:sectPr><w:footerReference w:type="default" r:id="rIdFangzhiFooter"/><w:pgSz w:w="${PAGE.width}" w:h="${PAGE.height}"/><w:pgMar w:top="${PAGE.top}" w:right="${PAGE.side}" w:bottom="${PAGE.bottom}" w:left="${PAGE.side}" w:header="851" w:footer="992" w:gutter="0"/><w:docGrid w:type="lines" w:linePitch="312"/></w:sectPr>`;
  return `${head}<w:body><w:p><w:pPr><w:pStyle w:val="正文"/></w:pPr></w:p>${sectPr}</w:body></w:document>`;
}

const footer = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr>${runProps({ size: SIZE.xiaowu })}</w:rPr><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:ftr>`;

/** Font table entries with the Windows face each one stands for, so Word substitutes sensibly. */
function editFontTable(xml) {
  const fonts = [
    ['Noto Serif CJK SC', '宋体', 'roman'],
    ['Noto Sans CJK SC', '黑体', 'swiss'],
    ['AR PL UKai CN', '楷体', 'script'],
  ].map(([name, alt, family]) => `<w:font w:name="${name}"><w:altName w:val="${alt}"/><w:charset w:val="86"/><w:family w:val="${family}"/><w:pitch w:val="variable"/></w:font>`);
  return xml.replace('</w:fonts>', `${fonts.join('')}</w:fonts>`);
}

function replaceOnce(text, pattern, replacement) {
  if (!pattern.test(text)) throw new Error(`pandoc 的默认参考文档与预期不符：找不到 ${pattern}`);
  return text.replace(pattern, replacement);
}

const original = unzipSync(execFileSync('pandoc', ['--print-default-data-file', 'reference.docx'], { maxBuffer: 1 << 26 }));
const files = { ...original };
const edit = (path, change) => {
  const data = files[path];
  if (!data) throw new Error(`pandoc 的默认参考文档缺少 ${path}`);
  files[path] = strToU8(change(strFromU8(data)));
};
edit('word/styles.xml', editStyles);
edit('word/settings.xml', editSettings);
edit('word/document.xml', makeDocument);
edit('word/fontTable.xml', editFontTable);
edit('word/_rels/document.xml.rels', (xml) => xml.replace('</Relationships>', '<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Id="rIdFangzhiFooter" Target="footer1.xml"/></Relationships>'));
edit('[Content_Types].xml', (xml) => xml.replace('</Types>', '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/></Types>'));
files['word/footer1.xml'] = strToU8(footer);

mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, zipSync(files, { level: 9, mtime: new Date('2016-01-01T00:00:00Z') }));
console.log(`已写出 ${target}`);
