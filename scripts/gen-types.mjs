// Generates src/model/generated/*.ts from schemas/*.schema.json: the schemas are the single source of truth.
// Usage: node scripts/gen-types.mjs [--check]  (--check exits 1 when a generated file is stale)
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { compile } from 'json-schema-to-typescript';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const schemaDir = join(root, 'schemas');
const outDir = join(root, 'src/model/generated');
const check = process.argv.includes('--check');

export async function generateTypes() {
  const files = (await readdir(schemaDir)).filter((name) => name.endsWith('.schema.json')).sort();
  const results = [];
  for (const name of files) {
    const schema = JSON.parse(await readFile(join(schemaDir, name), 'utf8'));
    const ts = await compile(schema, schema.title, {
      cwd: schemaDir,
      bannerComment: `/* Generated from schemas/${name} by scripts/gen-types.mjs. Do not edit. */`,
      additionalProperties: false,
      ignoreMinAndMaxItems: true,
      declareExternallyReferenced: true,
      style: { singleQuote: true, printWidth: 110 },
    });
    results.push({ path: join(outDir, name.replace('.schema.json', '.ts')), ts });
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let stale = 0;
  for (const { path, ts } of await generateTypes()) {
    const current = await readFile(path, 'utf8').catch(() => '');
    if (current === ts) continue;
    if (check) { console.error(`过期：${path}（请运行 npm run gen:types）`); stale++; }
    else { await writeFile(path, ts); console.log(`已生成 ${path}`); }
  }
  process.exit(stale ? 1 : 0);
}
