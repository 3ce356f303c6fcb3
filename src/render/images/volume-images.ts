import type { AssembledVolume, Block, Section } from '../../model/assembled.js';

/** Every picture of a volume, plates first, then figures in reading order, each once. */
export function volumeImagePaths(volume: AssembledVolume): string[] {
  const paths = volume.plates.map((plate) => plate.src);
  const visit = (blocks: readonly Block[]) => {
    for (const block of blocks) {
      if (block.type === 'figure') paths.push(block.src);
      else if (block.type === 'entry') visit(block.body);
      else if (block.type === 'quote') visit(block.children);
      else if (block.type === 'list') block.items.forEach(visit);
    }
  };
  const visitSection = (section: Section) => {
    if (section.chapter) visit(section.chapter.blocks);
    section.children.forEach(visitSection);
  };
  volume.sections.forEach(visitSection);
  return [...new Set(paths)];
}
