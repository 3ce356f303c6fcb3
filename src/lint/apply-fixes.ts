import type { VFileMessage } from 'vfile-message';
import { endOffset, startOffset } from '../diagnostics/diagnostic.js';

export interface FixResult {
  text: string;
  applied: number;
  skipped: number;
}

/**
 * Applies the fixes that messages carry, back to front. A fix is applied only when the text at its
 * range is still exactly what the rule saw, and never when it overlaps another fix; every other
 * character of the file, front matter and line endings included, stays as it was.
 */
export function applyFixes(text: string, messages: readonly VFileMessage[]): FixResult {
  const fixes = messages
    .filter((message) => message.fix !== undefined)
    .map((message) => ({ start: startOffset(message), end: endOffset(message), replacement: message.fix!, actual: message.actual }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  let applied = 0;
  let skipped = 0;
  let limit = Number.POSITIVE_INFINITY;
  for (const fix of fixes) {
    const current = text.slice(fix.start, fix.end);
    if (fix.end > limit || (fix.actual !== undefined && current !== fix.actual)) {
      skipped++;
      continue;
    }
    result = result.slice(0, fix.start) + fix.replacement + result.slice(fix.end);
    limit = fix.start;
    applied++;
  }
  return { text: result, applied, skipped };
}
