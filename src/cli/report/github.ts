import { relative } from 'node:path';
import { severityOf } from '../../diagnostics/diagnostic.js';
import type { Reporter } from './format.js';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

/** GitHub Actions workflow commands: each message becomes an annotation on the changed line. */
export const github: Reporter = (report, options) => {
  const lines: string[] = [];
  for (const file of report.files) {
    for (const message of file.messages) {
      if (options.quiet && message.fatal !== true) continue;
      const place = message.place;
      const start = place && 'start' in place ? place.start : place;
      const end = place && 'end' in place ? place.end : place;
      const properties = [
        `file=${escapeProperty(relative(options.cwd, file.path))}`,
        `line=${start?.line ?? 1}`,
        `col=${start?.column ?? 1}`,
        `endLine=${end?.line ?? 1}`,
        `endColumn=${end?.column ?? 1}`,
        `title=${escapeProperty(message.ruleId ?? 'fangzhi')}`,
      ];
      lines.push(`::${COMMAND[severityOf(message)]} ${properties.join(',')}::${escapeData(message.reason)}`);
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
};

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
