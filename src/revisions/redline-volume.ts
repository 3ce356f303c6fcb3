import type { AssembledVolume, Block, Inline, RedlineInfo, Revision, Section } from '../model/assembled.js';

/**
 * Turns an assembled volume into a redline fragment: only the chosen chapters (no 缺稿 placeholders,
 * no front matter, index or plates), the two versions in its head, and every change signed with the
 * author and date of the new version of its chapter (`revisions` by chapter path), as Word shows them.
 */
export function redlineVolume(volume: AssembledVolume, keep: ReadonlySet<string>, info: RedlineInfo, revisions: ReadonlyMap<string, Revision>): AssembledVolume {
  const prune = (sections: readonly Section[]): Section[] =>
    sections.flatMap((section) => {
      if (section.chapter || section.missing) {
        if (!section.chapter || !keep.has(section.id)) return [];
        const revision = revisions.get(section.chapter.path) ?? {};
        return [{ ...section, chapter: { ...section.chapter, blocks: section.chapter.blocks.map((block) => signBlock(block, revision)) } }];
      }
      const children = prune(section.children);
      return children.length ? [{ ...section, children }] : [];
    });
  return { ...volume, sections: prune(volume.sections), editorialBoard: [], editorialNotes: [], plates: [], index: [], redline: info };
}

function signBlock(block: Block, revision: Revision): Block {
  const sign = (inlines: Inline[]) => inlines.map((inline) => signInline(inline, revision));
  switch (block.type) {
    case 'paragraph':
      return { ...block, inlines: sign(block.inlines) };
    case 'entry':
      return { ...block, body: block.body.map((child) => signBlock(child, revision)) };
    case 'table':
      return { ...block, header: block.header.map(sign), rows: block.rows.map((row) => row.map(sign)) };
    case 'list':
      return { ...block, items: block.items.map((item) => item.map((child) => signBlock(child, revision))) };
    case 'quote':
      return { ...block, children: block.children.map((child) => signBlock(child, revision)) };
    default:
      return block;
  }
}

function signInline(inline: Inline, revision: Revision): Inline {
  if (!('children' in inline)) return inline;
  const children = inline.children.map((child) => signInline(child, revision));
  if (inline.type === 'insertion' || inline.type === 'deletion') return { ...revision, ...inline, children };
  return { ...inline, children };
}
