import type { VFileMessage } from 'vfile-message';
import { createDiagnostic } from '../diagnostics/diagnostic.js';
import type { LineIndex } from '../diagnostics/line-index.js';
import type { SourceFile } from './read-source.js';

/** Paragraphs longer than this are almost always a conversion accident (a whole file on one line). */
const LONG_LINE = 20_000;

/** Problems with the file as a file: binary content, encoding, emptiness, absurd line lengths. */
export function sourceProblems(source: SourceFile, lines: LineIndex): VFileMessage[] {
  const report = (ruleId: string, severity: 'error' | 'warning', message: string, start = 0, end = 0) =>
    createDiagnostic({ file: source.path, ruleId, source: 'load', severity, message, start, end }, lines);
  if (source.unreadable === 'binary') {
    return [report('binary-file', 'error', `不是文本文件（含二进制内容，共${source.byteLength}字节），无法检查；Word 文件请先用 fangzhi import 转换`)];
  }
  const messages: VFileMessage[] = [];
  if (source.encoding === 'gb18030') {
    messages.push(report('encoding', 'error', '文件编码为 GBK/GB18030，应保存为 UTF-8（可用 fangzhi check --fix 转换）'));
  }
  if (!source.text.trim()) messages.push(report('empty-file', 'error', '文件为空'));
  let lineStart = 0;
  for (let line = 1; line <= lines.lineCount; line++) {
    const next = line < lines.lineCount ? lines.lineStart(line + 1) : source.text.length;
    if (next - lineStart > LONG_LINE) {
      messages.push(report('long-line', 'warning', `第${line}行长达${next - lineStart}字符，可能是转换时丢失了换行；请按段落分行`, lineStart, lineStart + 1));
      break;
    }
    lineStart = next;
  }
  return messages;
}
