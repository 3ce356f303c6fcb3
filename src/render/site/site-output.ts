import { createHash } from 'node:crypto';
import { readdir, readFile, rm, rmdir } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { writeArtifacts } from '../../write/write-artifacts.js';
import { RenderError, type Artifact } from '../output-format.js';

/** Lists every file of the site with its hash; it marks the folder as the site's and makes rebuilds incremental. */
export const MANIFEST = '.fangzhi-site.json';

interface Manifest {
  version: 1;
  files: Record<string, string>;
}

/**
 * The site's output folder. Files are written through the project's only writer (atomically, via a
 * staging folder) and only when their content hash changed; files of the previous build that the new
 * one no longer has are deleted, so a chapter withdrawn from publication disappears from the folder.
 * A folder that holds files but no manifest belongs to someone else and is refused.
 */
export class SiteOutput {
  private constructor(
    readonly dir: string,
    private hashes: Map<string, string>,
  ) {}

  static async open(dir: string): Promise<SiteOutput> {
    const text = await readFile(join(dir, MANIFEST), 'utf8').catch(() => undefined);
    if (text === undefined) {
      const present = await readdir(dir).catch(() => [] as string[]);
      if (present.length) throw new RenderError(`输出目录 ${dir} 已有文件，但不是 fangzhi site 生成的；为免误删，请换一个目录或先清空它`);
      return new SiteOutput(dir, new Map());
    }
    try {
      const manifest = JSON.parse(text) as Manifest;
      return new SiteOutput(dir, new Map(Object.entries(manifest.files)));
    } catch {
      throw new RenderError(`输出目录 ${dir} 中的 ${MANIFEST} 已损坏；请删除整个输出目录后重新生成`);
    }
  }

  /** Makes the folder hold exactly `artifacts` (a full build). */
  async replaceAll(artifacts: readonly Artifact[]): Promise<{ written: string[]; removed: string[] }> {
    const keep = new Set(artifacts.map((artifact) => artifact.path));
    return this.apply(artifacts, [...this.hashes.keys()].filter((path) => !keep.has(path)));
  }

  /** Writes the artifacts whose content changed and deletes `removed` (a rebuild after an edit). */
  async apply(artifacts: readonly Artifact[], removed: readonly string[]): Promise<{ written: string[]; removed: string[] }> {
    const changed: Artifact[] = [];
    for (const artifact of artifacts) {
      const hash = createHash('sha1').update(artifact.data).digest('hex');
      if (this.hashes.get(artifact.path) === hash) continue;
      this.hashes.set(artifact.path, hash);
      changed.push(artifact);
    }
    const gone = removed.filter((path) => this.hashes.delete(path));
    if (!changed.length && !gone.length) return { written: [], removed: [] };
    const manifest: Manifest = { version: 1, files: Object.fromEntries([...this.hashes].sort(([a], [b]) => a.localeCompare(b))) };
    // The manifest goes last: an interrupted write leaves the previous manifest, and the next build rewrites what differs.
    const written = await writeArtifacts(this.dir, [...changed, { path: MANIFEST, data: `${JSON.stringify(manifest, null, 1)}\n` }]);
    for (const path of gone) await this.remove(path);
    return { written: written.slice(0, -1), removed: gone.map((path) => join(this.dir, path)) };
  }

  private async remove(path: string): Promise<void> {
    await rm(join(this.dir, path), { force: true });
    // Empty folders left behind (a withdrawn chapter's page) go too, up to the site folder.
    for (let folder = dirname(join(this.dir, path)); relative(this.dir, folder) && !relative(this.dir, folder).startsWith(`..${sep}`); folder = dirname(folder)) {
      if ((await readdir(folder).catch(() => ['?'])).length) break;
      await rmdir(folder).catch(() => undefined);
    }
  }
}
