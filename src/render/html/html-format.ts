import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import type { Element, ElementContent } from 'hast';
import type { AssembledVolume, Block, Finding, Inline, Section } from '../../model/assembled.js';
import { projectRoot } from '../../project-root.js';
import { prepareImage } from '../images/prepare-image.js';
import { volumeImagePaths } from '../images/volume-images.js';
import type { OutputFormat } from '../output-format.js';
import { revisionLegend, revisionTitle } from './html-revisions.js';

const SEVERITY = { error: '错误', warning: '警告', info: '提示' } as const;

/** Review HTML: one self-contained file (styles and pictures inside), a TOC sidebar and an anchor per 条目. */
export const htmlFormat: OutputFormat = {
  id: 'html',
  label: '审读版 HTML',
  async render(volume, context) {
    const css = await readFile(join(projectRoot, 'templates/review/review.css'), 'utf8');
    const images = await embedImages(volume, context.cacheDir);
    const labels = locatorLabels(volume);
    const body = h('body', [
      h('nav.toc', { 'aria-label': '目录' }, [h('p.toc-title', '目录'), h('ol', volume.sections.map(tocItem))]),
      h('main', [
        frontMatter(volume),
        ...volume.plates.map((plate) => figure(plate.anchor, images.get(plate.src), plate.caption, plate.credit, 'plate')),
        ...volume.sections.map((section) => sectionElement(section, volume, images)),
        indexElement(volume, labels),
      ]),
    ]);
    const document = h(null, [
      { type: 'doctype' },
      h('html', { lang: 'zh-CN' }, [
        h('head', [
          h('meta', { charset: 'utf-8' }),
          h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          h('title', `《${volume.title}》${volume.mode === 'draft' ? '审读稿' : '定稿'}${scopeLabel(volume)}`),
          h('style', css),
        ]),
        body,
      ]),
    ]);
    context.progress('审读版 HTML 已生成');
    return [{ path: `${context.baseName}.html`, data: toHtml(document) }];
  },
};

function scopeLabel(volume: AssembledVolume): string {
  return volume.scope.kind === 'node' ? `·${volume.scope.title}` : volume.scope.kind === 'unit' ? `·${volume.scope.name}` : '';
}

function frontMatter(volume: AssembledVolume): Element {
  return h('header.front', [
    h('h1.book-title', `${volume.title}`),
    h('p.edition', `${volume.redline ? '红样' : volume.mode === 'draft' ? '审读稿' : '定稿'}${scopeLabel(volume)}${volume.publisher ? `　${volume.publisher}` : ''}`),
    ...revisionLegend(volume),
    ...volume.editorialBoard.map((board) => h('section.board', [h('h2', board.name), h('dl', board.members.flatMap((member) => [h('dt', member.role), h('dd', member.names.join('　'))]))])),
    volume.editorialNotes.length ? h('section.notes', [h('h2', '编辑说明'), h('ol', volume.editorialNotes.map((note) => h('li', note)))]) : h('div'),
  ]);
}

function tocItem(section: Section): Element {
  const entries = section.chapter?.blocks.filter((block) => block.type === 'entry' || block.type === 'heading') ?? [];
  return h('li', [
    h('a', { href: `#${section.anchor}` }, section.title),
    section.children.length ? h('ol', section.children.map(tocItem)) : entries.length ? h('ol', entries.map((block) => h('li.toc-entry', [h('a', { href: `#${(block as { anchor: string }).anchor}` }, block.type === 'entry' ? block.title : block.type === 'heading' ? block.text : '')]))) : h('span'),
  ]);
}

function sectionElement(section: Section, volume: AssembledVolume, images: Map<string, string>): Element {
  const heading = h(`h${Math.min(section.depth + 2, 6)}`, { class: `level-${section.depth}` }, section.title);
  const content: ElementContent[] = [heading];
  if (section.missing) content.push(h('div.missing', `缺稿：${section.missing.unitName}`));
  if (section.chapter) {
    content.push(...findingList(section.chapter.findings));
    content.push(...section.chapter.blocks.flatMap((block) => blockElements(block, volume, images)));
  }
  content.push(...section.children.map((child) => sectionElement(child, volume, images)));
  return h('section', { id: section.anchor, class: [`depth-${section.depth}`, section.fullWidth ? 'full-width' : ''] }, content);
}

function blockElements(block: Block, volume: AssembledVolume, images: Map<string, string>): ElementContent[] {
  switch (block.type) {
    case 'entry': {
      const [first, ...rest] = block.body;
      const title = h('span.entry-title', volume.kind === 'yearbook' ? `【${block.title}】` : block.title);
      const opening = first?.type === 'paragraph' ? [h('p', [title, ...inlines(first.inlines)]), ...findingList(first.findings)] : [h('p', [title]), ...(first ? blockElements(first, volume, images) : [])];
      return [h('div.entry', { id: block.anchor }, [...findingList(block.findings), ...opening, ...rest.flatMap((child) => blockElements(child, volume, images))])];
    }
    case 'heading':
      return [h('h5.subheading', { id: block.anchor }, block.text), ...findingList(block.findings)];
    case 'paragraph':
      return [h('p', inlines(block.inlines)), ...findingList(block.findings)];
    case 'credit':
      return [h('p.credit', block.text)];
    case 'table':
      return [
        h('figure.table', { id: block.anchor, class: block.wide ? 'wide' : '' }, [
          block.number || block.title ? h('figcaption', [block.number ?? '', block.number && block.title ? '　' : '', block.title ?? '']) : h('span'),
          block.unit ? h('p.table-unit', block.unit) : h('span'),
          h('table', [
            h('thead', h('tr', block.header.map((cell, index) => h('th', { style: alignStyle(block.align[index]) }, inlines(cell))))),
            h('tbody', block.rows.map((row) => h('tr', row.map((cell, index) => h('td', { style: alignStyle(block.align[index]) }, inlines(cell)))))),
          ]),
          ...block.notes.map((note) => h('p.table-note', note)),
        ]),
        ...findingList(block.findings),
      ];
    case 'figure':
      return [figure(block.anchor, images.get(block.src), block.caption, block.credit, block.width)];
    case 'list':
      return [h(block.ordered ? 'ol' : 'ul', block.items.map((item) => h('li', item.flatMap((child) => blockElements(child, volume, images)))))];
    case 'quote':
      return [h('blockquote', block.children.flatMap((child) => blockElements(child, volume, images)))];
  }
}

function alignStyle(align: 'left' | 'right' | 'center' | null | undefined): string | undefined {
  return align ? `text-align:${align}` : undefined;
}

function inlines(list: Inline[]): ElementContent[] {
  return list.map((inline): ElementContent => {
    switch (inline.type) {
      case 'text':
        return { type: 'text', value: inline.value };
      case 'strong':
        return h('strong', inlines(inline.children));
      case 'emphasis':
        return h('em', inlines(inline.children));
      case 'sup':
        return h('sup', inline.value);
      case 'sub':
        return h('sub', inline.value);
      case 'index':
        return h('span.index-term', { id: inline.id, 'data-term': inline.term }, inlines(inline.children));
      case 'insertion':
        return h('ins.rev-ins', { title: revisionTitle('插入', inline) }, inlines(inline.children));
      case 'deletion':
        return h('del.rev-del', { title: revisionTitle('删除', inline) }, inlines(inline.children));
      case 'highlight':
        return h('mark.rev-mark', inlines(inline.children));
      case 'comment':
        // The note floats into the right margin; CSS counters number the anchor and the note alike.
        return h('span.rev-comment', [
          inline.children.length ? h('mark.rev-mark', inlines(inline.children)) : '',
          h('sup.rev-ref'),
          h('span.margin-note', { role: 'note', title: revisionTitle('批注', inline) }, [inline.author ? h('span.note-author', `${inline.author}：`) : '', inline.note]),
        ]);
    }
  });
}

function findingList(findings: Finding[]): Element[] {
  return findings.map((finding) => h('aside.finding', { class: `finding-${finding.severity}` }, [h('span.rule', `${SEVERITY[finding.severity]} ${finding.ruleId}`), ` ${finding.line}:${finding.column}　${finding.message}`]));
}

function figure(anchor: string, src: string | undefined, caption: string, credit: string | undefined, kind: string): Element {
  return h('figure.picture', { id: anchor, class: kind }, [
    src ? h('img', { src, alt: caption, loading: 'lazy' }) : h('div.missing', '图片缺失'),
    h('figcaption', [caption, credit ? h('span.photo-credit', `（${credit}）`) : '']),
  ]);
}

/** Where each index locator sits, shown as the link text in place of a page number. */
function locatorLabels(volume: AssembledVolume): Map<string, string> {
  const labels = new Map<string, string>();
  const visitInlines = (list: Inline[], label: string) => {
    for (const inline of list) {
      if (inline.type === 'index') labels.set(inline.id, label);
      if ('children' in inline) visitInlines(inline.children, label);
    }
  };
  const visitBlocks = (blocks: Block[], label: string) => {
    for (const block of blocks) {
      if (block.type === 'entry') {
        labels.set(block.anchor, `${label}·${block.title}`);
        visitBlocks(block.body, `${label}·${block.title}`);
      } else if (block.type === 'paragraph') visitInlines(block.inlines, label);
      else if (block.type === 'table') [...block.header, ...block.rows.flat()].forEach((cell) => visitInlines(cell, label));
    }
  };
  const visitSection = (section: Section) => {
    if (section.chapter) visitBlocks(section.chapter.blocks, section.title);
    section.children.forEach(visitSection);
  };
  volume.sections.forEach(visitSection);
  return labels;
}

function indexElement(volume: AssembledVolume, labels: Map<string, string>): Element {
  if (!volume.index.length) return h('div');
  const groups = new Map<string, typeof volume.index>();
  for (const entry of volume.index) groups.set(entry.letter, [...(groups.get(entry.letter) ?? []), entry]);
  return h('section.index', { id: 'index' }, [
    h('h2.level-0', '索引'),
    ...[...groups].map(([letter, entries]) =>
      h('div.index-group', [
        h('h3', letter),
        h('ul', entries.map((entry) => h('li', [h('span.index-heading', entry.term), entry.see ? h('span.see', `　见 ${entry.see}`) : h('span.locators', entry.locators.flatMap((id, index) => [index ? '；' : '　', h('a', { href: `#${id}` }, labels.get(id) ?? id)]))]))),
      ]),
    ),
  ]);
}

/** Pictures become data URIs (downsized for the screen), so the review file is a single file. */
async function embedImages(volume: AssembledVolume, cacheDir: string | undefined): Promise<Map<string, string>> {
  const sources = volumeImagePaths(volume);
  const images = new Map<string, string>();
  await Promise.all(
    sources.map(async (src) => {
      const prepared = await prepareImage(src, { maxWidth: 1200, ...(cacheDir ? { cacheDir } : {}) });
      images.set(src, `data:image/${prepared.format};base64,${prepared.data.toString('base64')}`);
    }),
  );
  return images;
}
