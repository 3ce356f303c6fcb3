import { VFileMessage } from 'vfile-message';
import type { LineIndex } from './line-index.js';

/** The stage that produced a diagnostic; it becomes `VFileMessage#source`. */
export type Stage = 'load' | 'parse' | 'validate' | 'lint' | 'assemble' | 'render' | 'revisions';
export type Severity = 'error' | 'warning' | 'info';

declare module 'vfile-message' {
  interface VFileMessage {
    /** A safe replacement for the range `[place.start.offset, place.end.offset)`; applied by `--fix`. */
    fix?: string;
  }
}

export interface DiagnosticInit {
  file: string;
  ruleId: string;
  source: Stage;
  severity: Severity;
  message: string;
  /** UTF-16 offsets into the decoded file text. */
  start: number;
  end: number;
  actual?: string;
  expected?: string[];
  fix?: string;
  url?: string;
  cause?: Error;
}

/**
 * Every stage reports through this one constructor, so every diagnostic carries a rule id,
 * a stage and a range in the original file. `fatal` encodes the severity as vfile does:
 * true = error, false = warning, undefined = info.
 */
export function createDiagnostic(init: DiagnosticInit, lines: LineIndex): VFileMessage {
  const start = lines.pointAt(init.start);
  const end = lines.pointAt(Math.max(init.start, init.end));
  const message = new VFileMessage(init.message, {
    place: { start, end },
    ruleId: init.ruleId,
    source: init.source,
    ...(init.cause === undefined ? {} : { cause: init.cause }),
  });
  message.file = init.file;
  message.fatal = severityToFatal(init.severity);
  if (init.actual !== undefined) message.actual = init.actual;
  message.expected = init.expected ?? [];
  if (init.fix !== undefined) message.fix = init.fix;
  if (init.url !== undefined) message.url = init.url;
  return message;
}

export function severityOf(message: VFileMessage): Severity {
  return message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info';
}

export function severityToFatal(severity: Severity): boolean | undefined {
  return severity === 'error' ? true : severity === 'warning' ? false : undefined;
}

export function startOffset(message: VFileMessage): number {
  const place = message.place;
  if (!place) return 0;
  return 'start' in place ? (place.start.offset ?? 0) : (place.offset ?? 0);
}

export function endOffset(message: VFileMessage): number {
  const place = message.place;
  if (!place) return 0;
  return 'end' in place ? (place.end.offset ?? 0) : (place.offset ?? 0);
}

/** The JSON form used by the cache and by worker threads. */
export interface SerializedDiagnostic {
  reason: string;
  ruleId: string;
  source: string;
  fatal: boolean | null;
  file: string;
  start: { line: number; column: number; offset: number };
  end: { line: number; column: number; offset: number };
  actual?: string;
  expected: string[];
  fix?: string;
  url?: string;
}

export function serializeDiagnostic(message: VFileMessage): SerializedDiagnostic {
  const place = message.place;
  const zero = { line: 1, column: 1, offset: 0 };
  const start = place && 'start' in place ? place.start : place ?? zero;
  const end = place && 'end' in place ? place.end : place ?? zero;
  return {
    reason: message.reason,
    ruleId: message.ruleId ?? 'unknown',
    source: message.source ?? 'lint',
    fatal: message.fatal ?? null,
    file: message.file ?? '',
    start: { line: start.line, column: start.column, offset: start.offset ?? 0 },
    end: { line: end.line, column: end.column, offset: end.offset ?? 0 },
    ...(message.actual === undefined ? {} : { actual: message.actual }),
    expected: message.expected ?? [],
    ...(message.fix === undefined ? {} : { fix: message.fix }),
    ...(message.url === undefined ? {} : { url: message.url }),
  };
}

export function deserializeDiagnostic(data: SerializedDiagnostic): VFileMessage {
  const message = new VFileMessage(data.reason, {
    place: { start: data.start, end: data.end },
    ruleId: data.ruleId,
    source: data.source,
  });
  message.file = data.file;
  message.fatal = data.fatal ?? undefined;
  if (data.actual !== undefined) message.actual = data.actual;
  message.expected = data.expected;
  if (data.fix !== undefined) message.fix = data.fix;
  if (data.url !== undefined) message.url = data.url;
  return message;
}

/** Stable order for reports: by file, then position, then rule. */
export function compareDiagnostics(a: VFileMessage, b: VFileMessage): number {
  return (
    (a.file ?? '').localeCompare(b.file ?? '') ||
    startOffset(a) - startOffset(b) ||
    (a.ruleId ?? '').localeCompare(b.ruleId ?? '')
  );
}
