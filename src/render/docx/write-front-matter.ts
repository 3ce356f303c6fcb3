import type { AssembledVolume, RedlineVersion } from '../../model/assembled.js';
import { STYLE } from './docx-styles.js';
import { escapeLine, styledDiv } from './pandoc-markdown.js';
import { writeFigure } from './write-blocks.js';
import type { WriteContext } from './write-context.js';

/** The title page: book title, what this file covers (a node, a unit's share), draft status, publisher. */
export function writeTitlePage(volume: AssembledVolume): string[] {
  const { scope, stats } = volume;
  const version = (role: string, info: RedlineVersion) => `${role}：${[info.label, info.commit, info.author, info.date?.slice(0, 16).replace('T', ' ')].filter(Boolean).join('　')}`;
  const lines = [
    scope.kind === 'node' ? `本册仅含：${scope.title}` : scope.kind === 'unit' ? `${scope.name}承编部分` : '',
    ...(volume.redline
      ? ['红样（修订可在 Word 中逐条接受或拒绝）', version('原稿', volume.redline.from), version('改稿', volume.redline.to)]
      : [volume.mode === 'draft' ? '审读稿' : '', volume.mode === 'draft' ? `收稿${stats.chapters}篇，缺稿${stats.missing}篇，条目${stats.entries}条，约${stats.chars}字` : '']),
    volume.publisher ?? '',
  ].filter(Boolean);
  return [styledDiv(STYLE.bookTitle, escapeLine(volume.title)), ...lines.map((line) => styledDiv(STYLE.bookSubtitle, escapeLine(line)))];
}

/** 编委会 and 编辑部 on one page: the first group's name opens the page, the others follow as subheadings. */
export function writeEditorialBoard(volume: AssembledVolume): string[] {
  return volume.editorialBoard.flatMap((group, index) => [
    styledDiv(index === 0 ? STYLE.frontHeading : STYLE.minorHeading, escapeLine(group.name)),
    ...group.members.map((member) => styledDiv(STYLE.nameList, escapeLine(`${member.role}：${member.names.join('　')}`))),
  ]);
}

/** 编辑说明, numbered 一、二、… as printed volumes do, unless the notes carry numbers already. */
export function writeEditorialNotes(volume: AssembledVolume): string[] {
  if (volume.editorialNotes.length === 0) return [];
  const numbered = volume.editorialNotes.every((note) => /^([一二三四五六七八九十]+、|\d+[.．、])/.test(note));
  return [
    styledDiv(STYLE.frontHeading, '编辑说明'),
    ...volume.editorialNotes.map((note, index) => styledDiv(STYLE.body, escapeLine(numbered ? note : `${chineseNumber(index + 1)}、${note}`))),
  ];
}

/** Picture plates (彩页) before the table of contents, each at full width with its caption. */
export function writePlates(volume: AssembledVolume, context: WriteContext): string[] {
  if (volume.plates.length === 0) return [];
  context.place = '卷首图片';
  return [styledDiv(STYLE.frontHeading, '卷首图片'), ...volume.plates.flatMap((plate) => writeFigure(plate, 'full', context))];
}

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (notes never run past 99). */
function chineseNumber(value: number): string {
  const tens = Math.floor(value / 10);
  const ones = value % 10;
  if (tens === 0) return DIGITS[ones]!;
  return `${tens === 1 ? '' : DIGITS[tens]}十${DIGITS[ones]}`;
}
