import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import type { Element, ElementContent } from 'hast';
import type { Block, Inline, Section } from '../../model/assembled.js';
import { sanitizeContent } from './sanitize-html.js';
import type { ResponsiveImage } from './site-images.js';

export interface BlockContext {
  /** Heading level of the chapter's entries (2 on a page whose h1 is the chapter's title). */
  entryLevel: number;
  /** Responsive derivatives by the absolute path of the original picture. */
  images: Map<string, ResponsiveImage>;
  href(path: string): string;
}

/**
 * One chapter's blocks as HTML for the website: every 条目 under a heading with its permanent anchor
 * and a permalink, tables in a keyboard-scrollable frame, pictures with responsive sources. The tree
 * is sanitised before it is serialised; it is the only HTML of a page not written by the templates.
 */
export function renderChapterHtml(section: Section, context: BlockContext): string {
  const blocks = section.chapter?.blocks ?? [];
  const hasSubheadings = blocks.some((block) => block.type === 'heading');
  const entryLevel = context.entryLevel + (hasSubheadings ? 1 : 0);
  const tree = h('div', { className: ['chapter-text'] }, blocks.flatMap((block) => blockElements(block, { ...context, entryLevel })));
  return toHtml(sanitizeContent(tree));
}

function blockElements(block: Block, context: BlockContext): ElementContent[] {
  switch (block.type) {
    case 'entry':
      return [
        h('section', { className: ['entry'], ariaLabelledBy: block.anchor }, [
          h('header', { className: ['entry-head'] }, [
            h(`h${Math.min(context.entryLevel, 4)}`, { id: block.anchor, className: ['entry-title'] }, block.title),
            h('a', { className: ['permalink'], href: `#${block.anchor}`, title: '本条目的固定链接', ariaLabel: `「${block.title}」的固定链接`, dataPermalink: '', dataPagefindIgnore: '' }, '#'),
          ]),
          ...block.body.flatMap((child) => blockElements(child, context)),
        ]),
      ];
    case 'heading':
      return [h(`h${Math.min(context.entryLevel - 1, 4)}`, { id: block.anchor, className: ['subheading'] }, block.text)];
    case 'paragraph':
      return [h('p', inlines(block.inlines))];
    case 'credit':
      return [h('p', { className: ['credit'] }, block.text)];
    case 'table': {
      const caption = [block.number, block.title].filter(Boolean).join('\u3000');
      const align = (index: number) => (block.align[index] ? [`align-${block.align[index]}`] : []);
      return [
        h('figure', { className: ['table-figure'], id: block.anchor }, [
          caption ? h('figcaption', caption) : undefined,
          block.unit ? h('p', { className: ['table-unit'] }, block.unit) : undefined,
          h('div', { className: ['table-scroll'], role: 'region', ariaLabel: caption || '表格', tabIndex: 0 }, [
            h('table', [
              h('thead', h('tr', block.header.map((cell, index) => h('th', { scope: 'col', className: align(index) }, inlines(cell))))),
              h('tbody', block.rows.map((row) => h('tr', row.map((cell, index) => h('td', { className: align(index) }, inlines(cell)))))),
            ]),
          ]),
          ...block.notes.map((note) => h('p', { className: ['table-note'] }, note)),
        ].filter((child): child is Element => Boolean(child))),
      ];
    }
    case 'figure':
      return [pictureFigure(block.anchor, block.src, block.caption, block.credit, context, block.width === 'full' ? 'picture-full' : 'picture')];
    case 'list':
      return [h(block.ordered ? 'ol' : 'ul', block.items.map((item) => h('li', item.flatMap((child) => blockElements(child, context)))))];
    case 'quote':
      return [h('blockquote', block.children.flatMap((child) => blockElements(child, context)))];
  }
}

/** Inline content. Only the kinds listed here are rendered; anything else in the model is dropped. */
function inlines(list: Inline[]): ElementContent[] {
  return list.flatMap((inline): ElementContent[] => {
    switch (inline.type) {
      case 'text':
        return [{ type: 'text', value: inline.value }];
      case 'strong':
        return [h('strong', inlines(inline.children))];
      case 'emphasis':
        return [h('em', inlines(inline.children))];
      case 'sup':
        return [h('sup', inline.value)];
      case 'sub':
        return [h('sub', inline.value)];
      case 'index':
        return inlines(inline.children);
      default:
        return [];
    }
  });
}

/** A picture with AVIF and WebP sources and a JPEG fallback; the caption is its alt text. */
function pictureFigure(anchor: string, src: string, caption: string, credit: string | undefined, context: Pick<BlockContext, 'images' | 'href'>, className: string): Element {
  const image = context.images.get(src);
  return h('figure', { className: [className], id: anchor }, [
    image ? pictureElement(image, caption, context.href) : h('div', { className: ['picture-missing'] }, '（图片暂缺）'),
    h('figcaption', [caption, credit ? h('span', { className: ['photo-credit'] }, `（${credit}）`) : '']),
  ]);
}

export function pictureElement(image: ResponsiveImage, alt: string, href: (path: string) => string, sizes = '(min-width: 64em) 44rem, 100vw'): Element {
  const srcset = (format: 'avif' | 'webp' | 'jpeg') => image.variants.filter((variant) => variant.format === format).map((variant) => `${href(variant.path)} ${variant.width}w`).join(', ');
  return h('picture', [
    h('source', { type: 'image/avif', srcSet: srcset('avif'), sizes }),
    h('source', { type: 'image/webp', srcSet: srcset('webp'), sizes }),
    h('img', { src: href(image.fallback), srcSet: srcset('jpeg'), sizes, width: image.width, height: image.height, alt, loading: 'lazy', decoding: 'async' }),
  ]);
}
