// Development aid: lints files with the built-in defaults (yearbook, record year 2015) and prints the findings.
// Usage: npx tsx scripts/try-rules.ts [--rule id] <file.md…>
import { readFileSync } from 'node:fs';
import { lintChapter } from '../src/lint/lint-chapter.js';
import { resolveStyle } from '../src/lint/style-config.js';

const args = process.argv.slice(2);
const ruleIndex = args.indexOf('--rule');
const only = ruleIndex >= 0 ? args.splice(ruleIndex, 2)[1] : undefined;
const style = resolveStyle();
for (const path of args) {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  const sectionTitles = path.includes('/tezai/') ? ['特载'] : path.includes('/dashiji/') ? ['大事记'] : path.includes('/fulu/') ? ['附录'] : path.includes('/shiqing/') ? ['市情概览'] : [];
  const { messages } = lintChapter({ path, text, kind: 'yearbook', recordYears: { from: 2015, to: 2015 }, sectionTitles, style, levelCount: 3, plainText: path.endsWith('.txt') });
  for (const m of messages) {
    if (only && m.ruleId !== only) continue;
    const p = m.place && 'start' in m.place ? m.place.start : undefined;
    console.log(`${path}:${p?.line}:${p?.column}  ${m.ruleId}  ${m.reason}`);
  }
}
