import type { Rule, RuleExample } from './define-rule.js';

const SEVERITY = { error: '错误', warning: '警告', info: '提示' } as const;

/** Renders docs/rules/<id>.md for every rule, plus the index README.md, from the rules' own metadata. */
export function renderRuleDocs(rules: readonly Rule<object>[]): Map<string, string> {
  const files = new Map<string, string>();
  for (const rule of rules) files.set(`${rule.id}.md`, renderRule(rule));
  const rows = rules.map((rule) => `| [${rule.id}](${rule.id}.md) | ${rule.catalogue} | ${SEVERITY[rule.severity]} | ${rule.fixable ? '是' : ''} | ${rule.summary} |`);
  files.set(
    'README.md',
    [
      '# 体例规则',
      '',
      '本目录由 `npm run gen:docs` 根据各规则的元数据生成，请勿手改。规则编号对应《年鉴编辑规范目录》中的条款。',
      '',
      '| 规则 | 条款 | 默认级别 | 自动修正 | 说明 |',
      '|---|---|---|---|---|',
      ...rows,
      '',
    ].join('\n'),
  );
  return files;
}

function renderRule(rule: Rule<object>): string {
  const lines = [`# ${rule.id}`, '', `> ${rule.summary}`, '', `- 条款：${rule.catalogue}`, `- 默认级别：${SEVERITY[rule.severity]}`, `- 自动修正：${rule.fixable ? '可以（`fangzhi check --fix`）' : '不可以'}`, '', '## 为什么', '', rule.why, ''];
  lines.push('## 错误示例', '', ...rule.examples.bad.map(renderExample), '');
  lines.push('## 正确示例', '', ...rule.examples.good.map(renderExample), '');
  const options = Object.entries(rule.defaults as Record<string, unknown>);
  lines.push('## 选项', '');
  if (!options.length) lines.push('本规则只有级别可以配置。', '');
  else {
    lines.push('| 选项 | 默认值 | 说明 |', '|---|---|---|');
    const docs = (rule.optionDocs ?? {}) as Record<string, string | undefined>;
    for (const [name, value] of options) lines.push(`| \`${name}\` | \`${JSON.stringify(value)}\` | ${docs[name] ?? ''} |`);
    lines.push('');
  }
  lines.push(
    '## 配置',
    '',
    '在 `content/style.yaml`（编辑部）或 `volume.yaml` 的 `style`（本卷）中设置：',
    '',
    '```yaml',
    'rules:',
    `  ${rule.id}: ${options.length ? `{ severity: ${rule.severity}${options.map(([name, value]) => `, ${name}: ${JSON.stringify(value)}`).join('')} }` : rule.severity}   # 或 off 关闭`,
    '```',
    '',
    `临时关闭：\`<!-- fangzhi-disable-next-line ${rule.id} -->\`。`,
    '',
  );
  return lines.join('\n');
}

function renderExample(example: RuleExample): string {
  const spec = typeof example === 'string' ? { text: example } : example;
  const where = 'sectionTitles' in spec && spec.sectionTitles ? `（位于「${spec.sectionTitles.join(' › ')}」）` : '';
  const note = 'note' in spec && spec.note ? `：${spec.note}` : '';
  return `- ${where}${spec.text.split('\n').filter(Boolean).map((line) => `\`${line.replace(/`/g, 'ˋ')}\``).join(' ⏎ ')}${note}`;
}
