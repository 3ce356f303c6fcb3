import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../../write/write-file-atomic.js';
import type { PartReport } from './page-map.js';

/** A compiled part of the print volume: its PDF on disk (for qpdf to join) and its report. */
export interface CompiledPart {
  pdfPath: string;
  report: PartReport;
}

/** Parts younger than this are never removed: a build running at the same time may not have recorded them yet. */
const GRACE_MS = 60 * 60 * 1000;

/**
 * Compiled parts by key (a hashParts of everything a part's layout depends on) in a folder: the build
 * cache (`<cache>/print`), or a build's own temporary folder when caching is off. Each build records
 * the keys it used under its output name, and parts no build still uses are removed, so the folder
 * holds about one volume's worth per output.
 */
export class PartCache {
  private readonly used = new Set<string>();

  constructor(private readonly dir: string) {}

  async get(key: string): Promise<CompiledPart | undefined> {
    try {
      const report = JSON.parse(await readFile(this.path(key, 'json'), 'utf8')) as PartReport;
      await stat(this.path(key, 'pdf'));
      this.used.add(key);
      return { pdfPath: this.path(key, 'pdf'), report };
    } catch {
      return undefined;
    }
  }

  async put(key: string, pdf: Uint8Array, report: PartReport): Promise<CompiledPart> {
    // The PDF first: a report without its PDF would be taken for a complete entry.
    await writeFileAtomic(this.path(key, 'pdf'), pdf);
    await writeFileAtomic(this.path(key, 'json'), JSON.stringify(report));
    this.used.add(key);
    return { pdfPath: this.path(key, 'pdf'), report };
  }

  /** Records this build's keys under `output` and removes the parts that no recorded build uses. */
  async prune(output: string): Promise<void> {
    const manifests = join(this.dir, 'builds');
    await writeFileAtomic(join(manifests, `${output}.json`), JSON.stringify([...this.used]));
    const kept = new Set<string>();
    for (const name of (await readdir(manifests)).filter((file) => file.endsWith('.json'))) {
      try {
        for (const key of JSON.parse(await readFile(join(manifests, name), 'utf8')) as string[]) kept.add(key);
      } catch {
        // A damaged record only lets its build's parts go after the grace period; that build recompiles them.
      }
    }
    const now = Date.now();
    for (const name of await readdir(this.dir)) {
      const key = /^([0-9a-f]{40})\.(?:pdf|json)$/.exec(name)?.[1];
      if (!key || kept.has(key)) continue;
      const path = join(this.dir, name);
      if (now - (await stat(path)).mtimeMs > GRACE_MS) await rm(path, { force: true });
    }
  }

  private path(key: string, extension: 'pdf' | 'json'): string {
    return join(this.dir, `${key}.${extension}`);
  }
}
