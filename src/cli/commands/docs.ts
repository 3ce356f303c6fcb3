import { readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { projectRoot } from '../../project-root.js';
import { renderRuleDocs } from '../../lint/rule-docs.js';
import { allRules } from '../../lint/rules/index.js';
import { writeFileAtomic } from '../../write/write-file-atomic.js';

/** Writes docs/rules from the rules' metadata; with --check only reports whether they are stale. */
export async function docsCommand(options: { check?: boolean }): Promise<number> {
  const dir = join(projectRoot, 'docs', 'rules');
  const wanted = renderRuleDocs(allRules);
  const present = await readdir(dir).catch(() => [] as string[]);
  const stale: string[] = [];
  for (const [name, content] of wanted) {
    const current = await readFile(join(dir, name), 'utf8').catch(() => undefined);
    if (current !== content) stale.push(name);
  }
  const extra = present.filter((name) => name.endsWith('.md') && !wanted.has(name));
  if (options.check) {
    if (!stale.length && !extra.length) return 0;
    process.stderr.write(`规则文档已过期：${[...stale, ...extra].join('、')}。请运行 npm run gen:docs\n`);
    return 1;
  }
  for (const name of stale) await writeFileAtomic(join(dir, name), wanted.get(name)!);
  for (const name of extra) await rm(join(dir, name));
  process.stdout.write(`规则文档：更新${stale.length}篇，删除${extra.length}篇，共${wanted.size}篇\n`);
  return 0;
}
