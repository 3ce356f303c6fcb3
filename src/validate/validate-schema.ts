import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Document } from 'yaml';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { rangeOfPath } from '../parse/parse-yaml.js';
import { projectRoot } from '../project-root.js';

const require = createRequire(import.meta.url);

export type SchemaName = 'units' | 'volume' | 'framework' | 'chapter' | 'style' | 'wordlist';

export interface SchemaProblem {
  message: string;
  start: number;
  end: number;
}

let validators: Map<SchemaName, ValidateFunction> | undefined;

function loadValidators(): Map<SchemaName, ValidateFunction> {
  if (validators) return validators;
  // Ajv is CommonJS; createRequire keeps its default export intact under NodeNext.
  const Ajv = require('ajv').default as typeof import('ajv').default;
  const addFormats = require('ajv-formats').default as typeof import('ajv-formats').default;
  const ajv = new Ajv({ allErrors: true, strict: false, messages: false });
  addFormats(ajv, ['date']);
  const names: SchemaName[] = ['style', 'units', 'volume', 'framework', 'chapter', 'wordlist'];
  const schemas = names.map((name) => [name, JSON.parse(readFileSync(join(projectRoot, 'schemas', `${name}.schema.json`), 'utf8'))] as const);
  for (const [, schema] of schemas) ajv.addSchema(schema);
  validators = new Map(schemas.map(([name, schema]) => [name, ajv.getSchema(schema.$id)!]));
  return validators;
}

/** Validates parsed YAML against a schema; every problem points at the offending key in the YAML text. */
export function validateAgainstSchema(name: SchemaName, data: unknown, document: Document.Parsed): SchemaProblem[] {
  const validate = loadValidators().get(name)!;
  if (validate(data)) return [];
  const localize = require('ajv-i18n/localize/zh') as (errors: ErrorObject[] | null | undefined) => void;
  const errors = pruneErrors(validate.errors ?? []);
  localize(errors);
  return errors.map((error) => {
    const path = error.instancePath.split('/').slice(1).map(decodePointer);
    const field = describeField(path);
    if (error.keyword === 'required') {
      const missing = (error.params as { missingProperty: string }).missingProperty;
      const [start, end] = rangeOfPath(document, path);
      return { message: `${field ? `${field}中` : ''}缺少必填字段「${missing}」`, start, end };
    }
    if (error.keyword === 'additionalProperties') {
      const extra = (error.params as { additionalProperty: string }).additionalProperty;
      const [start, end] = rangeOfPath(document, [...path, extra], true);
      return { message: `${field ? `${field}中` : ''}有不认识的字段「${extra}」`, start, end };
    }
    const [start, end] = rangeOfPath(document, path);
    return { message: `${field || '内容'}${error.message ?? '不符合要求'}`, start, end };
  });
}

/** oneOf and anyOf report every failed branch; keep the most specific messages only. */
function pruneErrors(errors: ErrorObject[]): ErrorObject[] {
  const specific = errors.filter((error) => error.keyword !== 'oneOf' && error.keyword !== 'anyOf');
  const kept = specific.length ? specific : errors;
  const seen = new Set<string>();
  return kept.filter((error) => {
    const key = `${error.instancePath}|${error.keyword}|${JSON.stringify(error.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function decodePointer(segment: string): string | number {
  const text = segment.replace(/~1/g, '/').replace(/~0/g, '~');
  return /^\d+$/.test(text) ? Number(text) : text;
}

function describeField(path: readonly (string | number)[]): string {
  if (!path.length) return '';
  return `「${path.map((segment) => (typeof segment === 'number' ? `[${segment + 1}]` : segment)).join('.').replace(/\.\[/g, '[')}」`;
}
