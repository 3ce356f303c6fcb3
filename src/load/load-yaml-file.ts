import type { VFileMessage } from 'vfile-message';
import type { Document } from 'yaml';
import { createDiagnostic } from '../diagnostics/diagnostic.js';
import { LineIndex } from '../diagnostics/line-index.js';
import { parseYaml } from '../parse/parse-yaml.js';
import { validateAgainstSchema, type SchemaName } from '../validate/validate-schema.js';
import { readSource, type SourceFile } from './read-source.js';
import { sourceProblems } from './source-problems.js';

export interface LoadedYaml<T> {
  path: string;
  source?: SourceFile;
  data?: T;
  document?: Document.Parsed;
  lines?: LineIndex;
  messages: VFileMessage[];
}

/**
 * Reads a configuration YAML file and validates it against its schema. Every problem becomes a
 * diagnostic at the offending key; `data` is set only when the file is valid.
 */
export async function loadYamlFile<T>(path: string, schema: SchemaName): Promise<LoadedYaml<T>> {
  let source: SourceFile;
  try {
    source = await readSource(path);
  } catch (error) {
    const lines = new LineIndex('');
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? `找不到文件 ${path}` : `无法读取文件：${(error as Error).message}`;
    return { path, messages: [createDiagnostic({ file: path, ruleId: 'file-unreadable', source: 'load', severity: 'error', message: reason, start: 0, end: 0 }, lines)] };
  }
  const lines = new LineIndex(source.text);
  const messages = sourceProblems(source, lines);
  if (source.unreadable) return { path, source, lines, messages };
  const parsed = parseYaml(source.text);
  for (const problem of parsed.problems) {
    messages.push(createDiagnostic({ file: path, ruleId: 'yaml-syntax', source: 'parse', severity: 'error', message: problem.message, start: problem.start, end: problem.end }, lines));
  }
  if (parsed.problems.length) return { path, source, lines, document: parsed.document, messages };
  for (const problem of validateAgainstSchema(schema, parsed.data, parsed.document)) {
    messages.push(createDiagnostic({ file: path, ruleId: 'schema', source: 'validate', severity: 'error', message: problem.message, start: problem.start, end: problem.end }, lines));
  }
  const valid = !messages.some((message) => message.fatal === true);
  return { path, source, lines, document: parsed.document, messages, ...(valid ? { data: parsed.data as T } : {}) };
}
