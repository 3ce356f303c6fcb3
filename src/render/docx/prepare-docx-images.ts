import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AssembledVolume } from '../../model/assembled.js';
import { volumeImagePaths } from '../images/volume-images.js';
import { prepareImages } from '../images/prepare-image.js';
import { RenderError } from '../output-format.js';
import type { ImageSlot } from './write-context.js';

/** Review copies need no print resolution: 1600 px fill a Word page and keep the file small. */
const MAX_WIDTH = 1600;

/**
 * Re-encodes every picture of the volume (EXIF and GPS stripped) into `dir`/images under generated
 * names, so pandoc never sees the original file names. The names are hashes of the sources, not
 * running numbers: a picture added to one chapter leaves the Markdown of the others, and so their
 * cached pandoc reading, unchanged. In a draft an unreadable image becomes a placeholder; in a final
 * build it is an error.
 */
export async function prepareDocxImages(volume: AssembledVolume, dir: string, cacheDir?: string): Promise<Map<string, ImageSlot>> {
  const sources = volumeImagePaths(volume);
  const slots = new Map<string, ImageSlot>();
  if (sources.length === 0) return slots;
  await mkdir(join(dir, 'images'));
  const prepared = await prepareImages(sources, { maxWidth: MAX_WIDTH, ...(cacheDir ? { cacheDir } : {}) });
  for (const [index, src] of sources.entries()) {
    const image = prepared[index]!;
    if (image instanceof RenderError) {
      if (volume.mode === 'final') throw image;
      slots.set(src, { error: image.message });
      continue;
    }
    const path = `images/${createHash('sha256').update(src).digest('hex').slice(0, 16)}.${image.format === 'png' ? 'png' : 'jpg'}`;
    await writeFile(join(dir, path), image.data);
    slots.set(src, { path, width: image.width, height: image.height });
  }
  return slots;
}
