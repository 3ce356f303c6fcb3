import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AssembledVolume, Block, Section } from '../../model/assembled.js';
import { prepareImage } from '../images/prepare-image.js';
import type { ImageSlot } from './write-context.js';

/** Review copies need no print resolution: 1600 px fill a Word page and keep the file small. */
const MAX_WIDTH = 1600;

/**
 * Re-encodes every picture of the volume (EXIF and GPS stripped) into `dir`/images under generated
 * names, so pandoc never sees the original file names. In a draft an unreadable image becomes a
 * placeholder; in a final build it is an error.
 */
export async function prepareDocxImages(volume: AssembledVolume, dir: string): Promise<Map<string, ImageSlot>> {
  const sources = [...new Set([...volume.plates.map((plate) => plate.src), ...volume.sections.flatMap(sectionImages)])];
  const slots = new Map<string, ImageSlot>();
  if (sources.length === 0) return slots;
  await mkdir(join(dir, 'images'));
  for (const [index, src] of sources.entries()) {
    try {
      const image = await prepareImage(src, { maxWidth: MAX_WIDTH });
      const path = `images/${index + 1}.${image.format === 'png' ? 'png' : 'jpg'}`;
      await writeFile(join(dir, path), image.data);
      slots.set(src, { path, width: image.width, height: image.height });
    } catch (error) {
      if (volume.mode === 'final') throw error;
      slots.set(src, { error: (error as Error).message });
    }
  }
  return slots;
}

function sectionImages(section: Section): string[] {
  return [...blockImages(section.chapter?.blocks ?? []), ...section.children.flatMap(sectionImages)];
}

function blockImages(blocks: readonly Block[]): string[] {
  return blocks.flatMap((block) => {
    switch (block.type) {
      case 'figure':
        return [block.src];
      case 'entry':
        return blockImages(block.body);
      case 'quote':
        return blockImages(block.children);
      case 'list':
        return block.items.flatMap(blockImages);
      default:
        return [];
    }
  });
}
