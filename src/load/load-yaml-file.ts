import type { VFileMessage } from 'vfile-message';
import type { Document } from 'yaml';
import { createDiagnostic, deserializeDiagnostic, serializeDiagnostic, type SerializedDiagnostic } from '../diagnostics/diagnostic.js';
import { LineIndex } from '../diagnostics/line-index.js';
import { parseYaml } from '../parse/parse-yaml.js';
import { validateAgainstSchema, type SchemaName } from '../validate/validate-schema.js';
import { decodeSource, type SourceFile } from './read-source.js';
import { sourceProblems } from './source-problems.js';
import { readFile } from 'node:fs/promises';

export interface LoadedYaml<T> {
  path: string;
  source?: SourceFile;
  data?: T;
  /** The parsed document, for positions; parsed on first use when the result came from the cache. */
  readonly document: Document.Parsed | undefined;
  readonly lines: LineIndex;
  messages: VFileMessage[];
}

/** Results of loading configuration files, keyed by a hash of their bytes. */
export interface ConfigCache {
  getConfig(path: string, bytes: Uint8Array): { data?: unknown; messages: SerializedDiagnostic[] } | undefined;
  setConfig(path: string, bytes: Uint8Array, result: { data?: unknown; messages: SerializedDiagnostic[] }): void;
}

/**
 * Reads a configuration YAML file and validates it against its schema. Every problem becomes a
 * diagnostic at the offending key; `data` is set only when the file is valid. An unchanged file is
 * answered from the cache without parsing: a large framework takes longer to parse than to check.
 */
export async function loadYamlFile<T>(path: string, schema: SchemaName, cache?: ConfigCache): Promise<LoadedYaml<T>> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? `找不到文件 ${path}` : `无法读取文件：${(error as Error).message}`;
    const lines = new LineIndex('');
    return { path, document: undefined, lines, messages: [createDiagnostic({ file: path, ruleId: 'file-unreadable', source: 'load', severity: 'error', message: reason, start: 0, end: 0 }, lines)] };
  }
  const source = decodeSource(path, bytes);
  let document: Document.Parsed | undefined;
  let lines: LineIndex | undefined;
  const loaded = {
    path,
    source,
    messages: [] as VFileMessage[],
    get document() {
      if (!document && !source.unreadable) document = parseYaml(source.text).document;
      return document;
    },
    get lines() {
      return (lines ??= new LineIndex(source.text));
    },
  } as LoadedYaml<T>;
  const cached = cache?.getConfig(path, bytes);
  if (cached) {
    loaded.messages = cached.messages.map(deserializeDiagnostic);
    if (cached.data !== undefined) loaded.data = cached.data as T;
    return loaded;
  }
  const messages = sourceProblems(source, loaded.lines);
  const report = (ruleId: string, stage: 'parse' | 'validate', message: string, start: number, end: number) =>
    messages.push(createDiagnostic({ file: path, ruleId, source: stage, severity: 'error', message, start, end }, loaded.lines));
  if (!source.unreadable) {
    const parsed = parseYaml(source.text);
    document = parsed.document;
    for (const problem of parsed.problems) report('yaml-syntax', 'parse', problem.message, problem.start, problem.end);
    if (!parsed.problems.length) {
      for (const problem of validateAgainstSchema(schema, parsed.data, parsed.document)) report('schema', 'validate', problem.message, problem.start, problem.end);
      if (!messages.some((message) => message.fatal === true)) loaded.data = parsed.data as T;
    }
  }
  loaded.messages = messages;
  cache?.setConfig(path, bytes, { ...(loaded.data === undefined ? {} : { data: loaded.data }), messages: messages.map(serializeDiagnostic) });
  return loaded;
}
