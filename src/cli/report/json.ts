import { severityOf, startOffset, endOffset } from '../../diagnostics/diagnostic.js';
import type { Reporter } from './format.js';

/** One object per file; offsets are UTF-16 indices into the decoded file text. */
export const json: Reporter = (report, options) =>
  `${JSON.stringify(
    report.files.map((file) => ({
      path: file.path,
      messages: file.messages
        .filter((message) => !options.quiet || message.fatal === true)
        .map((message) => {
          const place = message.place;
          const start = place && 'start' in place ? place.start : place;
          const end = place && 'end' in place ? place.end : place;
          return {
            ruleId: message.ruleId ?? null,
            severity: severityOf(message),
            line: start?.line ?? 1,
            column: start?.column ?? 1,
            endLine: end?.line ?? 1,
            endColumn: end?.column ?? 1,
            offset: startOffset(message),
            endOffset: endOffset(message),
            actual: message.actual ?? '',
            expected: message.expected ?? [],
            message: message.reason,
          };
        }),
    })),
    null,
    2,
  )}\n`;
