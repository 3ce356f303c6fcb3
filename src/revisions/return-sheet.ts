import type { VFileMessage } from 'vfile-message';
import { severityOf } from '../diagnostics/diagnostic.js';
import { LineIndex } from '../diagnostics/line-index.js';
import { escapeInline, escapeLine, styledDiv } from '../render/docx/pandoc-markdown.js';
import { STYLE } from '../render/docx/docx-styles.js';
import { isSuggestion, parseCriticMarkup } from './critic-markup.js';
import { formatDate, type LedgerEvent } from './ledger.js';

/** Everything a 退改单 says: which chapter, who returned it at which stage, and what to change. */
export interface ReturnSheet {
  volumeTitle: string;
  /** Framework titles, e.g. 社会 › 教育. */
  chapterTitle: string;
  chapter: string;
  /** Chapter file, relative to the working folder. */
  file: string;
  unit: string;
  contact?: string;
  event: LedgerEvent;
  /** Date by which the unit should send the chapter back. */
  due: string;
  notes: string[];
  comments: Array<{ line: number; quoted?: string; note: string; author?: string }>;
  /** Open CriticMarkup suggestions (insertions, deletions, substitutions) left for the unit to decide. */
  suggestions: number;
  findings: Array<{ line: number; column: number; severity: string; message: string; ruleId: string }>;
}

const SEVERITY = { error: '错误', warning: '警告', info: '提示' } as const;

/** The open comments of a chapter's text (after its front matter) with their lines, and the number of suggestions. */
export function openComments(text: string, bodyStart: number): Pick<ReturnSheet, 'comments' | 'suggestions'> {
  const { marks } = parseCriticMarkup(text, bodyStart);
  const lines = new LineIndex(text);
  const comments = marks.flatMap((mark) =>
    mark.comment ? [{ line: lines.pointAt(mark.start).line, note: mark.comment.note, ...(mark.highlighted ? { quoted: mark.highlighted.text } : {}), ...(mark.comment.author ? { author: mark.comment.author } : {}) }] : [],
  );
  return { comments, suggestions: marks.filter(isSuggestion).length };
}

/** The checker's findings for the chapter, in reading order; open CriticMarkup is listed as comments instead. */
export function sheetFindings(messages: readonly VFileMessage[]): ReturnSheet['findings'] {
  return messages
    .filter((message) => !message.ruleId?.startsWith('critic-markup'))
    .map((message) => {
      const place = message.place && 'start' in message.place ? message.place.start : message.place;
      return { line: place?.line ?? 1, column: place?.column ?? 1, severity: SEVERITY[severityOf(message)], message: message.reason, ruleId: message.ruleId ?? '' };
    });
}

/**
 * The 退改单 as Markdown. `flavor` md is for reading as a file (headings with #); docx is pandoc
 * Markdown for the Word copy (the Chinese paragraph styles of templates/docx/reference.docx). All text
 * is escaped either way, so a note or a message can never turn into markup.
 */
export function writeReturnSheet(sheet: ReturnSheet, flavor: 'md' | 'docx'): string {
  const heading = (text: string, level: 1 | 2) => (flavor === 'md' ? `${'#'.repeat(level)} ${escapeLine(text)}` : styledDiv(level === 1 ? STYLE.frontHeading : STYLE.minorHeading, escapeLine(text)));
  // escapeLine also escapes |, so a cell can never split; code spans hold commands and paths verbatim.
  const table = (head: string[], rows: string[][]) => [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
  const code = (text: string) => `\`${text.replace(/`/g, '')}\``;
  const numbered = (items: string[]) => items.map((item, index) => `${index + 1}. ${escapeLine(item)}`).join('\n');
  const { event } = sheet;
  const parts = [
    heading(`《${sheet.volumeTitle}》退改单`, 1),
    table(
      ['项目', '内容'],
      [
        ['稿件', escapeLine(`${sheet.chapterTitle}（${sheet.chapter}）`)],
        ['文件', code(sheet.file)],
        ['承编单位', escapeLine(sheet.contact ? `${sheet.unit}（联络员：${sheet.contact}）` : sheet.unit)],
        ['审稿阶段', escapeLine(event.stage)],
        ['审稿人', escapeLine(event.actor)],
        ['退改日期', escapeLine(formatDate(event.time))],
        ['报回期限', escapeLine(`请于${sheet.due}前修改并重新报送`)],
      ],
    ),
    heading('一、审稿意见', 2),
    sheet.notes.length ? numbered(sheet.notes) : escapeInline('（审稿人未填写意见，请按下列批注和检查结果修改。）'),
    heading(`二、稿件中的批注（${sheet.comments.length}条）`, 2),
    sheet.comments.length
      ? numbered(sheet.comments.map((comment) => `第${comment.line}行${comment.quoted ? `「${comment.quoted}」` : ''}：${comment.note}${comment.author ? `（${comment.author}）` : ''}`))
      : escapeInline('（无）'),
    ...(sheet.suggestions ? [escapeInline(`另有编辑部的修改建议${sheet.suggestions}处，以修订标记写在稿件中，请逐处接受或拒绝。`)] : []),
    heading(`三、检查发现的问题（${sheet.findings.length}个）`, 2),
    sheet.findings.length
      ? table(['位置', '级别', '问题', '规则'], sheet.findings.map((finding) => [`第${finding.line}行第${finding.column}列`, finding.severity, escapeLine(finding.message), code(finding.ruleId)]))
      : escapeInline('（自动检查未发现问题。）'),
    heading('四、修改与报送', 2),
    `${escapeInline('请在稿件中逐条修改，处理完的批注连同标记一并删除。改好后由承编单位报送：')}${code(`fangzhi review submit ${sheet.chapter} --stage ${event.stage} --by 报送人姓名`)}`,
  ];
  return `${parts.join('\n\n')}\n`;
}
