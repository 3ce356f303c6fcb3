import { describe, expect, it } from 'vitest';
import { allRules } from '../src/lint/rules/index.js';
import { lintChapter } from '../src/lint/lint-chapter.js';
import { applyFixes } from '../src/lint/apply-fixes.js';
import { resolveStyle } from '../src/lint/style-config.js';
import type { Rule, RuleExample } from '../src/lint/define-rule.js';

function run(example: RuleExample, rule: Rule<object>) {
  const style = resolveStyle(rule.exampleStyle);
  const spec = typeof example === 'string' ? { text: example } : example;
  return lintChapter({
    path: 'example.md',
    text: spec.text,
    kind: spec.kind ?? 'yearbook',
    recordYears: { from: 2015, to: 2015 },
    sectionTitles: spec.sectionTitles ?? ['社会', '教育'],
    style,
    levelCount: 3,
    standalone: true,
    ...(spec.plainText ? { plainText: true } : {}),
  }).messages;
}

const text = (example: RuleExample) => (typeof example === 'string' ? example : example.text);

describe.each(allRules.map((rule) => [rule.id, rule] as const))('%s', (id, rule) => {
  it('has at least one bad and one good example', () => {
    expect(rule.examples.bad.length).toBeGreaterThan(0);
    expect(rule.examples.good.length).toBeGreaterThan(0);
  });

  it.each(rule.examples.bad.map((example) => [text(example), example] as const))('reports the bad example %s', (_label, example) => {
    const messages = run(example, rule).filter((message) => message.ruleId === id);
    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) {
      expect(message.reason).toMatch(/[\u4e00-\u9fff]/);
      expect(message.url).toBe(`docs/rules/${id}.md`);
    }
  });

  it.each(rule.examples.good.map((example) => [text(example), example] as const))('accepts the good example %s', (_label, example) => {
    const messages = run(example, rule).filter((message) => message.ruleId === id);
    expect(messages.map((message) => message.reason)).toEqual([]);
  });
});

describe('fixable rules', () => {
  it.each(allRules.filter((rule) => rule.fixable).map((rule) => [rule.id, rule] as const))('%s: its fixes remove what they fix', (id, rule) => {
    let fixed = 0;
    for (const example of rule.examples.bad) {
      const spec = typeof example === 'string' ? { text: example } : example;
      const messages = run(example, rule).filter((message) => message.ruleId === id);
      if (!messages.some((message) => message.fix !== undefined)) continue;
      const result = applyFixes(spec.text, messages);
      expect(result.applied).toBeGreaterThan(0);
      const after = run({ ...spec, text: result.text }, rule).filter((message) => message.ruleId === id && message.fix !== undefined);
      expect(after.map((message) => message.actual)).toEqual([]);
      fixed++;
    }
    expect(fixed, 'at least one bad example is fixable').toBeGreaterThan(0);
  });
});
