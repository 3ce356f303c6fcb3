import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChapterResult } from '../check/check-chapter.js';
import type { SerializedDiagnostic } from '../diagnostics/diagnostic.js';
import type { ConfigCache } from '../load/load-yaml-file.js';
import { codeFingerprint } from './code-fingerprint.js';
import { writeFileAtomic } from '../write/write-file-atomic.js';

interface CacheFile {
  fingerprint: string;
  entries: Record<string, { key: string; result: ChapterResult }>;
  configs: Record<string, { key: string; data?: unknown; messages: SerializedDiagnostic[] }>;
}

/**
 * Check results keyed by content hash (file bytes + everything the check depends on), never by
 * modification time. The fingerprint of the checking code itself invalidates everything at once.
 */
export class LintCache implements ConfigCache {
  private dirty = false;

  private constructor(
    private readonly path: string,
    private readonly data: CacheFile,
  ) {}

  static async open(dir: string): Promise<LintCache> {
    const path = join(dir, 'check-cache.json');
    const fingerprint = await codeFingerprint();
    let data: CacheFile = { fingerprint, entries: {}, configs: {} };
    try {
      const stored = JSON.parse(await readFile(path, 'utf8')) as CacheFile;
      if (stored.fingerprint === fingerprint) data = stored;
    } catch {
      // No cache yet, or an unreadable one: start empty.
    }
    return new LintCache(path, data);
  }

  get(path: string, key: string): ChapterResult | undefined {
    const entry = this.data.entries[path];
    if (!entry || entry.key !== key) return undefined;
    return entry.result;
  }

  set(path: string, key: string, result: ChapterResult): void {
    this.data.entries[path] = { key, result };
    this.dirty = true;
  }

  getConfig(path: string, bytes: Uint8Array): { data?: unknown; messages: SerializedDiagnostic[] } | undefined {
    const entry = this.data.configs[path];
    return entry && entry.key === hashParts(bytes) ? entry : undefined;
  }

  setConfig(path: string, bytes: Uint8Array, result: { data?: unknown; messages: SerializedDiagnostic[] }): void {
    this.data.configs[path] = { key: hashParts(bytes), ...result };
    this.dirty = true;
  }

  async save(): Promise<void> {
    if (!this.dirty) return;
    await writeFileAtomic(this.path, JSON.stringify(this.data));
  }
}

export function hashParts(...parts: Array<string | Uint8Array>): string {
  const hash = createHash('sha1');
  for (const part of parts) {
    hash.update(part);
    hash.update('\u0000');
  }
  return hash.digest('hex');
}
