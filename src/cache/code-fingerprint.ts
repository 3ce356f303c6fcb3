import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { codeDir, projectRoot } from '../project-root.js';

let fingerprint: Promise<string> | undefined;

/**
 * A hash of the running code and the data it reads (word lists, schemas): part of every cache whose
 * results the code decides (check results, assembled chapters, laid-out print sections), so that a
 * new fangzhi does that work afresh.
 */
export function codeFingerprint(): Promise<string> {
  fingerprint ??= (async () => {
    const hash = createHash('sha1');
    const dirs = [codeDir, join(projectRoot, 'src/lint/wordlists'), join(projectRoot, 'schemas')];
    for (const dir of dirs) {
      const entries = await readdir(dir, { recursive: true, withFileTypes: true });
      const files = entries.filter((entry) => entry.isFile() && !entry.name.endsWith('.map')).map((entry) => join(entry.parentPath, entry.name)).sort();
      for (const file of files) hash.update(file.slice(projectRoot.length)).update(await readFile(file));
    }
    return hash.digest('hex');
  })();
  return fingerprint;
}
