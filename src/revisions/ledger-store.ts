import { mkdir, open, readFile, readdir, rm } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { Document, isMap, isScalar, type Scalar } from 'yaml';
import type { VFileMessage } from 'vfile-message';
import { createDiagnostic } from '../diagnostics/diagnostic.js';
import { LineIndex } from '../diagnostics/line-index.js';
import { loadYamlFile, type ConfigCache, type LoadedYaml } from '../load/load-yaml-file.js';
import type { LedgerFile } from '../model/generated/ledger.js';
import { parseYaml } from '../parse/parse-yaml.js';
import { projectRoot } from '../project-root.js';
import { validateAgainstSchema } from '../validate/validate-schema.js';
import { writeFileAtomic } from '../write/write-file-atomic.js';
import type { LedgerEvent } from './ledger.js';
import { RevisionError } from './revision-error.js';

/**
 * The ledger is one YAML file per chapter, content/<volume>/ledger/<node-id>.yaml, rather than one
 * ledger.yaml per volume: two editors who record different chapters on different branches append to
 * different files, so git merges them without conflicts (appends to the end of one shared file collide
 * on every merge). A conflict remains only where it means something: two rounds on the same chapter.
 */
export const LEDGER_DIR = 'ledger';

export function ledgerPath(volumeDir: string, chapter: string): string {
  return join(volumeDir, LEDGER_DIR, `${chapter}.yaml`);
}

export interface LedgerFileEntry {
  chapter: string;
  path: string;
  events: LedgerEvent[];
  loaded: LoadedYaml<LedgerFile>;
}

export interface LoadedLedger {
  /** Valid ledger files by chapter (node id). */
  files: Map<string, LedgerFileEntry>;
  /** Problems of ledger files with file, line and column; an invalid file contributes no events. */
  messages: VFileMessage[];
}

/**
 * Reads every ledger file of a volume. Unchanged files are answered from the check cache by content
 * hash, like the other configuration files, so `fangzhi check` pays a file read per chapter at most.
 */
export async function loadLedger(volumeDir: string, cache?: ConfigCache): Promise<LoadedLedger> {
  const dir = join(volumeDir, LEDGER_DIR);
  const names = await readdir(dir).catch(() => [] as string[]);
  const files = new Map<string, LedgerFileEntry>();
  const messages: VFileMessage[] = [];
  const loadedFiles = await Promise.all(names.filter((name) => name.endsWith('.yaml')).sort().map((name) => loadYamlFile<LedgerFile>(join(dir, name), 'ledger', cache)));
  for (const loaded of loadedFiles) {
    messages.push(...loaded.messages);
    if (!loaded.data) continue;
    const chapter = basename(loaded.path, '.yaml');
    const stray = loaded.data.events.findIndex((event) => event.chapter !== chapter);
    if (stray >= 0) {
      const [start, end] = rangeOfEvent(loaded, stray, 'chapter');
      messages.push(createDiagnostic({ file: loaded.path, ruleId: 'ledger-chapter', source: 'revisions', severity: 'error', message: `第${stray + 1}条记录属于稿件「${loaded.data.events[stray]!.chapter}」，而本台账文件是「${chapter}」的`, start, end }, loaded.lines));
      continue;
    }
    files.set(chapter, { chapter, path: loaded.path, events: loaded.data.events, loaded });
  }
  return { files, messages };
}

/** Source range of an event (or one of its fields) in a ledger file, for diagnostics. */
export function rangeOfEvent(loaded: LoadedYaml<LedgerFile>, index: number, field?: keyof LedgerEvent): [number, number] {
  const item = loaded.document?.getIn(['events', index], true);
  const node = field && isMap(item) ? item.get(field, true) : item;
  const range = (node as Scalar | undefined)?.range;
  return range ? [range[0], range[1]] : [0, 0];
}

/** A ledger file that cannot be appended to; the message names the file and, where known, line:column. */
export class LedgerWriteError extends RevisionError {
  override name = 'LedgerWriteError';
}

/**
 * Appends events to a chapter's ledger file. The existing bytes are kept exactly: new text is added at
 * the end and the whole file is written atomically. A file that does not parse or validate is never
 * written; neither is one whose result would not read back as the old events followed by the new ones.
 */
export async function appendLedgerEvents(volumeDir: string, chapter: string, events: readonly LedgerEvent[]): Promise<string> {
  const path = ledgerPath(volumeDir, chapter);
  return withFileLock(path, async () => {
    const before = await readFile(path).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    let after: Buffer;
    let expected: LedgerEvent[];
    if (before) {
      const previous = readLedgerText(path, before);
      const eol = previous.text.includes('\r\n') ? '\r\n' : '\n';
      after = Buffer.concat([before, Buffer.from((previous.text.endsWith('\n') ? '' : eol) + serializeEvents(events, eol), 'utf8')]);
      expected = [...previous.events, ...events];
    } else {
      const schema = relative(dirname(path), join(projectRoot, 'schemas', 'ledger.schema.json'));
      after = Buffer.from(`# yaml-language-server: $schema=${schema}\n# 审校台账：由 fangzhi review 追加记录。已有记录不得修改或删除。\nevents:\n${serializeEvents(events, '\n')}`, 'utf8');
      expected = [...events];
    }
    const check = parseYaml(after.toString('utf8').replace(/^\uFEFF/, ''));
    const invalid = check.problems.length > 0 || validateAgainstSchema('ledger', check.data, check.document).length > 0;
    if (invalid || !isDeepStrictEqual((check.data as LedgerFile | undefined)?.events, expected)) {
      throw new LedgerWriteError(`${path}：无法在文件末尾追加记录（events 应是文件中最后一个键，写成块格式的列表，每条以“- ”开头），文件未作改动，请检查后重试`);
    }
    await writeFileAtomic(path, after);
    return path;
  });
}

/** Parses and validates an existing ledger file, or throws with file:line:column. */
function readLedgerText(path: string, bytes: Buffer): { text: string; events: LedgerEvent[] } {
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const parsed = parseYaml(text);
  const problem = parsed.problems[0] ?? validateAgainstSchema('ledger', parsed.data, parsed.document)[0];
  if (problem) {
    const { line, column } = new LineIndex(text).pointAt(problem.start);
    throw new LedgerWriteError(`${path}:${line}:${column}：${problem.message}。台账文件有误，本次未写入任何记录，请先改正该文件`);
  }
  return { text, events: (parsed.data as LedgerFile).events };
}

/** Events as block-style list items under `events:`; time and hash quoted so that no YAML reader retypes them. */
function serializeEvents(events: readonly LedgerEvent[], eol: string): string {
  return events
    .map((event) => {
      const ordered = { chapter: event.chapter, stage: event.stage, action: event.action, actor: event.actor, time: event.time, hash: event.hash, ...(event.note ? { note: event.note } : {}), ...(event.reason ? { reason: event.reason } : {}) };
      const document = new Document(ordered);
      for (const key of ['time', 'hash']) {
        const value = document.get(key, true);
        if (isScalar(value)) value.type = 'QUOTE_DOUBLE';
      }
      const lines = document.toString({ lineWidth: 0 }).trimEnd().split('\n');
      return lines.map((line, index) => (index === 0 ? `  - ${line}` : `    ${line}`)).join(eol) + eol;
    })
    .join('');
}

/** One writer at a time per ledger file: a second `fangzhi review` waits instead of losing an append. */
async function withFileLock<T>(path: string, work: () => Promise<T>): Promise<T> {
  const lockPath = `${path}.lock`;
  await mkdir(dirname(path), { recursive: true });
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(lockPath, 'wx');
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 50) {
        throw new LedgerWriteError(`台账文件 ${path} 正被另一个 fangzhi review 写入（或上次中断留下了 ${lockPath}，确认无人使用后可删除）`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  try {
    return await work();
  } finally {
    await rm(lockPath, { force: true });
  }
}
