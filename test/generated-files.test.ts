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
