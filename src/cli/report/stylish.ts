import { relative } from 'node:path';
import pc from 'picocolors';
import { severityOf, type Severity } from '../../diagnostics/diagnostic.js';
import type { Reporter } from './format.js';

const LABEL: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

/** The default report: grouped by file, one line per message with position, severity, message and rule id. */
export const stylish: Reporter = (report, options) => {
  const colors = pc.createColors(options.color);
  const paint: Record<Severity, (text: string) => string> = { error: colors.red, warning: colors.yellow, info: colors.blue };
  const lines: string[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  let fixable = 0;
  for (const file of report.files) {
    const messages = file.messages.filter((message) => !options.quiet || message.fatal === true);
    if (!messages.length) continue;
    lines.push('', colors.underline(relative(options.cwd, file.path) || file.path));
    for (const message of messages) {
      const severity = severityOf(message);
      counts[severity]++;
      if (message.fix !== undefined) fixable++;
      const place = message.place && 'start' in message.place ? message.place.start : message.place;
      const position = place ? `${place.line}:${place.column}` : '1:1';
      lines.push(`  ${colors.dim(position.padEnd(8))}${paint[severity](LABEL[severity])}  ${message.reason}  ${colors.dim(message.ruleId ?? '')}`);
    }
  }
  lines.push('');
  for (const volume of report.volumes ?? []) {
    const missing = volume.missing.length ? `，缺稿${volume.missing.length}篇（${volume.missing.map((item) => `${item.title}：${item.unit}`).slice(0, 5).join('；')}${volume.missing.length > 5 ? '……' : ''}）` : '';
    lines.push(colors.bold(`《${volume.title}》`) + `：承编节点${volume.leaves}个，已交稿${volume.chapters}篇，条目${volume.entries}条，${volume.chars}字（定额${volume.quotaChars}字）${missing}`);
  }
  const total = counts.error + counts.warning + counts.info;
  const checked = report.stats ? `检查${report.stats.files}个文件，${report.stats.chars}字：` : '';
  const summary = `${checked}${total ? `共${total}个问题（错误${counts.error}，警告${counts.warning}，提示${counts.info}）` : '未发现问题'}`;
  lines.push((counts.error ? colors.red('✖ ') : colors.green('✔ ')) + summary);
  if (fixable) lines.push(colors.dim(`其中${fixable}个可用 --fix 自动修正`));
  return `${lines.join('\n')}\n`;
};
