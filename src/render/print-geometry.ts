import type { PrintSettings } from './output-format.js';

/** Page and text-block sizes in millimetres for each trim size; the print template and the image check share them. */
export interface PrintGeometry {
  pageWidth: number;
  pageHeight: number;
  inner: number;
  outer: number;
  top: number;
  bottom: number;
  columnGap: number;
}

const GEOMETRY: Record<PrintSettings['trim'], PrintGeometry> = {
  '16k': { pageWidth: 185, pageHeight: 260, inner: 20, outer: 16, top: 22, bottom: 20, columnGap: 6 },
  da16k: { pageWidth: 210, pageHeight: 285, inner: 22, outer: 18, top: 24, bottom: 22, columnGap: 7 },
};

export function printGeometry(trim: PrintSettings['trim']): PrintGeometry {
  return GEOMETRY[trim];
}

/** Width of the text block and of one column, in millimetres. */
export function textWidths(geometry: PrintGeometry): { full: number; column: number } {
  const full = geometry.pageWidth - geometry.inner - geometry.outer;
  return { full, column: (full - geometry.columnGap) / 2 };
}

/** Pixels an image needs to print at 300 dpi across a width in millimetres. */
export function pixelsFor300Dpi(widthMm: number): number {
  return Math.ceil((widthMm / 25.4) * 300);
}
