import type { AssembledVolume, Block, Inline, Section } from '../model/assembled.js';

export interface RevisionStats {
  insertions: number;
  deletions: number;
  comments: number;
}

/** Counts the suggestions and comments an assembled volume shows, for legends and title pages. */
export function revisionStats(volume: AssembledVolume): RevisionStats {
  const stats: RevisionStats = { insertions: 0, deletions: 0, comments: 0 };
  const visitInlines = (inlines: readonly Inline[]) => {
    for (const inline of inlines) {
      if (inline.type === 'insertion') stats.insertions++;
      else if (inline.type === 'deletion') stats.deletions++;
      else if (inline.type === 'comment') stats.comments++;
      if ('children' in inline) visitInlines(inline.children);
    }
  };
  const visitBlocks = (blocks: readonly Block[]) => {
    for (const block of blocks) {
      if (block.type === 'paragraph') visitInlines(block.inlines);
      else if (block.type === 'entry') visitBlocks(block.body);
      else if (block.type === 'table') [...block.header, ...block.rows.flat()].forEach(visitInlines);
      else if (block.type === 'list') block.items.forEach(visitBlocks);
      else if (block.type === 'quote') visitBlocks(block.children);
    }
  };
  const visitSection = (section: Section) => {
    if (section.chapter) visitBlocks(section.chapter.blocks);
    section.children.forEach(visitSection);
  };
  volume.sections.forEach(visitSection);
  return stats;
}
