/**
 * Names of the styles in templates/docx/reference.docx (made by scripts/make-reference-docx.mjs). Word
 * users see these names in the style pane, so they are Chinese; the writer refers to them by name.
 */
export const STYLE = {
  body: '正文',
  entryTitle: '条目标题',
  credit: '署名',
  figure: '图片',
  caption: '图注',
  tableTitle: '表题',
  tableUnit: '表单位',
  tableNote: '表注',
  listItem: '列项',
  quote: '引文',
  bookTitle: '书名',
  bookSubtitle: '书名副题',
  frontHeading: '辅文标题',
  minorHeading: '小标题',
  nameList: '名单',
  indexEntry: '索引条目',
  missing: '缺稿',
} as const;

/** Heading styles by depth (类目, 分目, then 子目/节 and deeper); each carries an outline level for the TOC. */
const HEADING_STYLES = ['类目标题', '分目标题', '子目标题'] as const;

export function headingStyle(depth: number): string {
  return HEADING_STYLES[Math.min(depth, HEADING_STYLES.length - 1)]!;
}
