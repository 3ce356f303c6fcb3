import { createHash } from 'node:crypto';
import type { AssembledVolume } from '../../model/assembled.js';
import { volumeImagePaths } from '../images/volume-images.js';
import { prepareImages } from '../images/prepare-image.js';
import { RenderError } from '../output-format.js';

/** Images handed to the compiler as in-memory files, by source path; a missing one maps to a message. */
export interface PrintImages {
  /** Source path → path inside the Typst project (e.g. /images/3.jpg). */
  paths: Map<string, string>;
  /** Source path → why it cannot be printed (drafts print a placeholder instead). */
  problems: Map<string, string>;
  /** In-memory files for the compiler. */
  files: Array<{ path: string; data: Buffer }>;
}

/**
 * Re-encodes every image without metadata (EXIF and GPS never reach the PDF). A missing or broken
 * file is fatal in a final build; a draft prints a marked placeholder, so the editors see the gap.
 */
export async function preparePrintImages(volume: AssembledVolume, cacheDir?: string): Promise<PrintImages> {
  const result: PrintImages = { paths: new Map(), problems: new Map(), files: [] };
  const sources = volumeImagePaths(volume);
  const prepared = await prepareImages(sources, cacheDir ? { cacheDir } : {});
  const mapped = new Set<string>();
  sources.forEach((src, index) => {
    const image = prepared[index]!;
    if (image instanceof RenderError) {
      if (volume.mode === 'final') throw image;
      result.problems.set(src, image.message);
      return;
    }
    // Named by content, so a picture added in one chapter leaves the markup of the others unchanged.
    const path = `/images/${createHash('sha1').update(image.data).digest('hex').slice(0, 20)}.${image.format === 'png' ? 'png' : 'jpg'}`;
    result.paths.set(src, path);
    if (!mapped.has(path)) result.files.push({ path, data: image.data });
    mapped.add(path);
  });
  return result;
}
