import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Artifact } from '../render/output-format.js';

/**
 * The only writer of build output. Everything is written into a staging folder first and moved into
 * place file by file with rename (atomic), so an interrupted build leaves the previous files whole.
 */
export async function writeArtifacts(outDir: string, artifacts: readonly Artifact[]): Promise<string[]> {
  const staging = join(outDir, `.staging-${process.pid}-${Date.now()}`);
  try {
    for (const artifact of artifacts) {
      const path = join(staging, artifact.path);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, artifact.data);
    }
    const written: string[] = [];
    for (const artifact of artifacts) {
      const target = join(outDir, artifact.path);
      await mkdir(dirname(target), { recursive: true });
      await rename(join(staging, artifact.path), target);
      written.push(target);
    }
    return written;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
