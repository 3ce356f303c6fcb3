import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
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

  it('every schema is a valid JSON Schema and every sample YAML file names its schema', async () => {
    const { default: Ajv } = (await import('ajv')).default as unknown as { default: typeof import('ajv').default };
    const ajv = new Ajv({ strict: false, validateSchema: true });
    const names = ['style', 'units', 'volume', 'framework', 'chapter', 'wordlist'];
    for (const name of names) ajv.addSchema(JSON.parse(await readFile(join(root, 'schemas', `${name}.schema.json`), 'utf8')));
    for (const name of names) expect(ajv.getSchema(`https://fangzhi.local/schemas/${name}.schema.json`), name).toBeTypeOf('function');
    for (const file of ['content/units.yaml', 'content/style.yaml', 'content/yearbook-2016/volume.yaml', 'content/yearbook-2016/framework.yaml', 'content/gazetteer-jiaotong/volume.yaml']) {
      expect(await readFile(join(root, file), 'utf8'), file).toMatch(/^# yaml-language-server: \$schema=(\.\.\/)+schemas\/\w+\.schema\.json/);
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
