import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../write/write-file-atomic.js';
import { codeFingerprint } from './code-fingerprint.js';
import { hashParts } from './lint-cache.js';

interface CacheFile {
  fingerprint: string;
  entries: Record<string, unknown>;
}

/**
 * What assembling a volume computes per chapter (front matter, render blocks), by a hash of the
 * input, one file per volume and scope: a rebuild parses only the chapters that changed. The file
 * keeps only the entries the last build used, so it never grows past one volume.
 */
export class AssemblyCache {
  private readonly used: Record<string, unknown> = {};
  private missed = false;

  private constructor(
    private readonly path: string,
    private readonly stored: CacheFile,
  ) {}

  static async open(dir: string, name: string): Promise<AssemblyCache> {
    const path = join(dir, 'assembly', `${name}.json`);
    const fingerprint = await codeFingerprint();
    let stored: CacheFile = { fingerprint, entries: {} };
    try {
      const data = JSON.parse(await readFile(path, 'utf8')) as CacheFile;
      if (data.fingerprint === fingerprint) stored = data;
    } catch {
      // No cache yet, or an unreadable one: start empty.
    }
    return new AssemblyCache(path, stored);
  }

  /** `compute` with its results kept: by `kind` and the input as JSON (results must be plain data). */
  memo<I, O>(kind: string, compute: (input: I) => O): (input: I) => O {
    return (input) => {
      const key = hashParts(kind, JSON.stringify(input));
      if (key in this.stored.entries) {
        this.used[key] = this.stored.entries[key];
        return this.stored.entries[key] as O;
      }
      const result = compute(input);
      this.used[key] = result;
      this.missed = true;
      return result;
    };
  }

  async save(): Promise<void> {
    if (!this.missed && Object.keys(this.used).length === Object.keys(this.stored.entries).length) return;
    await writeFileAtomic(this.path, JSON.stringify({ fingerprint: this.stored.fingerprint, entries: this.used }));
  }
}
