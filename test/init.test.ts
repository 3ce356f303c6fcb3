import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJsonReport, runCli, tempDir, writeTree } from './helpers.js';

describe('fangzhi init', () => {
  it.each([
    ['yearbook', ['--year', '2017'], '示例市年鉴（2017）', '2016-01-01'],
    ['gazetteer', ['--year', '2005', '--from', '1986'], '示例市志（1986—2005）', '1986-01-01'],
  ])('scaffolds a %s volume that validates against the schemas', async (kind, args, title, from) => {
    const dir = await tempDir();
    await writeTree(dir, { 'content/units.yaml': 'units:\n  - { id: edu, name: 示例市教育局, shortName: 市教育局, contact: { name: 许文博 } }\n' });
    const created = await runCli(['init', 'content/new', '--kind', kind, '--name', '示例市', ...args], dir);
    expect(created.code).toBe(0);
    expect(created.stdout).toContain(title);
    const volume = await readFile(join(dir, 'content/new/volume.yaml'), 'utf8');
    expect(volume).toMatch(/^# yaml-language-server: \$schema=..\/..\/.+schemas\/volume.schema.json/);
    expect(volume).toContain(from);
    const checked = await runCli(['check', 'content/new', '--format', 'json', '--no-cache'], dir);
    const ruleIds = new Set(parseJsonReport(checked.stdout).flatMap((file) => file.messages.map((m) => m.ruleId)));
    expect([...ruleIds].sort()).toEqual(['missing-chapter', 'unassigned-node']);
    const again = await runCli(['init', 'content/new', '--kind', kind, '--name', '示例市', ...args], dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('不会覆盖');
  });

  it('the yearbook framework follows the typical city 类目', async () => {
    const dir = await tempDir();
    await runCli(['init', 'v', '--name', '示例市', '--year', '2017'], dir);
    const framework = await readFile(join(dir, 'v/framework.yaml'), 'utf8');
    for (const title of ['特载', '大事记', '市情概览', '政治', '经济', '文化', '社会', '附录', '中国共产党示例市委员会']) expect(framework).toContain(title);
  });
});
