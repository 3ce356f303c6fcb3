import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Document } from 'yaml';
import AjvModule, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import localizeZhModule from 'ajv-i18n/localize/zh/index.js';
import { rangeOfPath } from '../parse/parse-yaml.js';
import { projectRoot } from '../project-root.js';

// CommonJS packages: ajv and ajv-formats set exports.default, ajv-i18n assigns module.exports;
// the default import is the module object under Node and may be either under a bundler.
const Ajv = AjvModule.default;
const addFormats = addFormatsModule.default;
const localizeZh = ((localizeZhModule as unknown as { default?: unknown }).default ?? localizeZhModule) as unknown as (errors: ErrorObject[]) => void;

export type SchemaName = 'units' | 'volume' | 'framework' | 'chapter' | 'style' | 'wordlist' | 'ledger';

export interface SchemaProblem {
  message: string;
  start: number;
  end: number;
}

let ajvInstance: InstanceType<typeof Ajv> | undefined;
const validators = new Map<SchemaName, ValidateFunction>();

/** Compiles a schema on first use only; a cached run needs none of them. */
function validatorFor(name: SchemaName): ValidateFunction {
  const known = validators.get(name);
  if (known) return known;
  const ajv = (ajvInstance ??= createAjv());
  const validate = ajv.getSchema(`https://fangzhi.local/schemas/${name}.schema.json`)!;
  validators.set(name, validate);
  return validate;
}

function createAjv(): InstanceType<typeof Ajv> {
  // The schemas are checked against the meta-schema by the test suite, not at every start.
  const ajv = new Ajv({ allErrors: true, strict: false, messages: false, validateSchema: false });
  addFormats(ajv, ['date']);
  const names: SchemaName[] = ['style', 'units', 'volume', 'framework', 'chapter', 'wordlist', 'ledger'];
  const schemas = names.map((name) => [name, JSON.parse(readFileSync(join(projectRoot, 'schemas', `${name}.schema.json`), 'utf8'))] as const);
  for (const [, schema] of schemas) ajv.addSchema(schema);
  return ajv;
}

/** Validates parsed YAML against a schema; every problem points at the offending key in the YAML text. */
export function validateAgainstSchema(name: SchemaName, data: unknown, document: Document.Parsed): SchemaProblem[] {
  const validate = validatorFor(name);
  if (validate(data)) return [];
  const errors = pruneErrors(validate.errors ?? []);
  localizeZh(errors);
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
    return { message: `${field || '内容'}${friendlyMessage(error)}`, start, end };
  });
}

const TYPE_NAMES: Record<string, string> = { array: '列表（如 [张三, 李四]）', string: '文字', integer: '整数', number: '数字', boolean: 'true 或 false', object: '键值对象' };

/** The wording editors meet most often, said plainly; other messages come from ajv-i18n. */
function friendlyMessage(error: ErrorObject): string {
  if (error.keyword === 'type') {
    const type = String((error.params as { type: string }).type);
    return `应为${type.split(',').map((name) => TYPE_NAMES[name] ?? name).join('或')}`;
  }
  if (error.keyword === 'format' && (error.params as { format: string }).format === 'date') return '应为日期，格式如 "2016-03-20"';
  if (error.keyword === 'enum') return `应为以下之一：${((error.params as { allowedValues: unknown[] }).allowedValues ?? []).join('、')}`;
  return error.message ?? '不符合要求';
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
