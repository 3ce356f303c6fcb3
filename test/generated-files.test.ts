import { readFile, readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { renderRuleDocs } from '../src/lint/rule-docs.js';
import { allRules } from '../src/lint/rules/index.js';
import { root } from './helpers.js';

describe('generated files are fresh', () => {
  it('docs/rules matches the rules metadata (run npm run gen:docs)', async () => {
    for (const [name, content] of renderRuleDocs(allRules)) {
      expect(await readFile(join(root, 'docs/rules', name), 'utf8').catch(() => ''), `docs/rules/${name}`).toBe(content);
    }
  });

  it('src/model/generated matches schemas/ (run npm run gen:types)', async () => {
    const { generateTypes } = (await import('../scripts/gen-types.mjs')) as { generateTypes: () => Promise<Array<{ path: string; ts: string }>> };
    for (const { path, ts } of await generateTypes()) expect(await readFile(path, 'utf8'), path).toBe(ts);
  });

  it('every schema is a valid JSON Schema, and every YAML file names its schema and satisfies it', async () => {
    const { default: Ajv } = (await import('ajv')).default as unknown as { default: typeof import('ajv').default };
    const { default: addFormats } = (await import('ajv-formats')).default as unknown as { default: typeof import('ajv-formats').default };
    const ajv = new Ajv({ strict: false, validateSchema: true, allErrors: true });
    addFormats(ajv, ['date']);
    const schemaFiles = (await readdir(join(root, 'schemas'))).filter((name) => name.endsWith('.schema.json'));
    for (const name of schemaFiles) ajv.addSchema(JSON.parse(await readFile(join(root, 'schemas', name), 'utf8')));
    const yamlFiles = (await readdir(root, { recursive: true })).filter((path) => path.endsWith('.yaml') && !/^(node_modules|out|dist)\//.test(path));
    expect(yamlFiles.length).toBeGreaterThan(25);
    for (const path of yamlFiles) {
      const text = await readFile(join(root, path), 'utf8');
      const header = /^# yaml-language-server: \$schema=(\S+)/.exec(text);
      expect(header, `${path} names its schema`).not.toBeNull();
      const schemaName = basename(header![1]!);
      expect(schemaFiles, path).toContain(schemaName);
      const validate = ajv.getSchema(`https://fangzhi.local/schemas/${schemaName}`)!;
      expect(validate(parse(text)) ? [] : validate.errors, path).toEqual([]);
    }
  });

  it('every rule id is unique and documented in Chinese', () => {
    const ids = allRules.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of allRules) {
      expect(rule.summary, rule.id).toMatch(/[\u4e00-\u9fff]/);
      expect(rule.why, rule.id).toMatch(/[\u4e00-\u9fff]/);
      expect(rule.id).toMatch(/^[a-z][a-z0-9-]*$/);
    }
  });
});
