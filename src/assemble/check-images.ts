import sharp from 'sharp';
import type { VFileMessage } from 'vfile-message';
import { createDiagnostic } from '../diagnostics/diagnostic.js';
import type { LineIndex } from '../diagnostics/line-index.js';
import type { AssembledVolume, Block, Section } from '../model/assembled.js';
import { pixelsFor300Dpi, printGeometry, textWidths } from '../render/print-geometry.js';
import type { PrintSettings } from '../render/output-format.js';

interface PlacedImage {
  src: string;
  width: 'column' | 'full' | 'page';
  file: string;
  offset: number;
}

/**
 * Checks every picture before rendering: the file exists, decodes, and has enough pixels for 300 dpi
 * at its printed width. DPI metadata is not trusted; only pixels and placement count.
 * Too few pixels is a warning in a draft and an error in a final build.
 */
export async function checkImages(volume: AssembledVolume, print: PrintSettings, volumeFile: string, linesFor: (path: string) => LineIndex): Promise<VFileMessage[]> {
  const geometry = printGeometry(print.trim);
  const widths = { ...textWidths(geometry), page: geometry.pageWidth - geometry.inner - geometry.outer };
  const images: PlacedImage[] = volume.plates.map((plate) => ({ src: plate.src, width: 'page', file: volumeFile, offset: 0 }));
  const visit = (blocks: Block[], file: string) => {
    for (const block of blocks) {
      if (block.type === 'figure') images.push({ src: block.src, width: block.width, file, offset: block.sourceOffset });
      else if (block.type === 'entry') visit(block.body, file);
    }
  };
  const visitSection = (section: Section) => {
    if (section.chapter) visit(section.chapter.blocks, section.chapter.path);
    section.children.forEach(visitSection);
  };
  volume.sections.forEach(visitSection);

  const messages: VFileMessage[] = [];
  for (const image of images) {
    const report = (ruleId: string, severity: 'error' | 'warning', message: string) =>
      messages.push(createDiagnostic({ file: image.file, ruleId, source: 'assemble', severity, message, start: image.offset, end: image.offset }, linesFor(image.file)));
    let width: number | undefined;
    try {
      width = (await sharp(image.src).metadata()).width;
    } catch (error) {
      const missing = (error as Error).message.includes('missing') || (error as NodeJS.ErrnoException).code === 'ENOENT';
      report(missing ? 'image-missing' : 'image-corrupt', 'error', missing ? `找不到图片文件 ${image.src}` : `图片文件 ${image.src} 已损坏或格式不受支持`);
      continue;
    }
    const widthMm = image.width === 'column' ? widths.column : widths.full;
    const needed = pixelsFor300Dpi(widthMm);
    if ((width ?? 0) < needed) {
      const placement = image.width === 'column' ? '一栏宽' : image.width === 'full' ? '通栏' : '彩页整页';
      report('print-resolution', volume.mode === 'final' ? 'error' : 'warning', `图片宽${width}像素，按${placement}（${Math.round(widthMm)}毫米）印刷只有${Math.round(((width ?? 0) / widthMm) * 25.4)}dpi，至少需要${needed}像素（300dpi）：${image.src}`);
    }
  }
  return messages;
}
