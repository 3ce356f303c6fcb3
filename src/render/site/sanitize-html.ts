import type { Root, Element, Nodes } from 'hast';
import { sanitize, type Schema } from 'hast-util-sanitize';

const aria = ['ariaLabel', 'ariaLabelledBy'];

/**
 * The allow-list for chapter content on the public website. Everything the site renders from
 * chapters goes through it, so whatever the Markdown carried (raw HTML, event handlers,
 * `javascript:` URLs, comments) only the elements and attributes below can reach a page: the markup
 * of entries, tables and figures, plus what editors legitimately write by hand (sub/sup and span
 * with a class). Ids are kept as they are: they are the permalink anchors.
 */
export const siteSchema: Schema = {
  tagNames: ['section', 'header', 'div', 'h2', 'h3', 'h4', 'p', 'br', 'a', 'span', 'strong', 'em', 'sub', 'sup', 'ul', 'ol', 'li', 'blockquote', 'figure', 'figcaption', 'picture', 'source', 'img', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'time'],
  attributes: {
    '*': ['id', 'className'],
    a: [...aria, 'href', 'title', 'dataPagefindIgnore', 'dataPermalink'],
    div: [...aria, 'role', 'tabIndex'],
    section: aria,
    img: ['src', 'srcSet', 'sizes', 'width', 'height', 'alt', 'loading', 'decoding'],
    source: ['type', 'srcSet', 'sizes'],
    th: ['scope'],
    time: ['dateTime'],
    h2: ['dataPagefindIgnore'],
  },
  ancestors: { tbody: ['table'], thead: ['table'], tr: ['table'], th: ['table'], td: ['table'], source: ['picture'] },
  protocols: { href: ['http', 'https'], src: ['http', 'https'], srcSet: ['http', 'https'] },
  strip: ['script', 'style', 'template', 'iframe', 'object', 'noscript'],
  clobber: [],
  allowComments: false,
  allowDoctypes: false,
};

/** Sanitises chapter content (hast) with the site's allow-list. */
export function sanitizeContent(tree: Element | Root): Nodes {
  return sanitize(tree, siteSchema);
}
