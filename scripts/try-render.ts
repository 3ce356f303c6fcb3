// Development aid: assembles a volume and renders it with one format module, without the format registry.
// Usage: npx tsx scripts/try-render.ts <volume-dir> <format-module> <export-name> [--final] [--only id] [--unit id]
// e.g.   npx tsx scripts/try-render.ts content/yearbook-2016 ./src/render/pdf/pdf-format.ts pdfFormat
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadVolume } from '../src/load/load-volume.js';
import { assembleFromDisk, runCheck } from '../src/pipeline.js';
import type { OutputFormat } from '../src/render/output-format.js';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { final: { type: 'boolean' }, only: { type: 'string' }, unit: { type: 'string' } } });
const [volumeDir, modulePath, exportName] = positionals as [string, string, string];
const started = performance.now();
const check = await runCheck([resolve(volumeDir)], { cache: true, cacheDir: resolve('out/.cache'), final: Boolean(values.final), jobs: 1 });
const loaded = await loadVolume(resolve(volumeDir));
const { assembled } = await assembleFromDisk(loaded, check.files, { mode: values.final ? 'final' : 'draft', ...(values.only ? { only: values.only } : {}), ...(values.unit ? { unit: values.unit } : {}) });
const assembledAt = performance.now();
const format = (await import(resolve(modulePath)))[exportName] as OutputFormat;
const artifacts = await format.render(assembled, { baseName: assembled.id, print: { trim: loaded.volume!.config.print?.trim ?? '16k' }, progress: (message) => console.error(message) });
for (const artifact of artifacts) {
  const path = join('out', 'try', artifact.path);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, artifact.data);
  console.log(`wrote ${path}`);
}
console.log(`assemble ${Math.round(assembledAt - started)} ms, render ${Math.round(performance.now() - assembledAt)} ms`);
