import type { OutputFormat } from './output-format.js';

export type FormatId = OutputFormat['id'];

/** The output formats, loaded on demand: the print engine is large and a review build does not need it. */
const loaders: Record<FormatId, () => Promise<OutputFormat>> = {
  pdf: async () => (await import('./pdf/pdf-format.js')).pdfFormat,
  html: async () => (await import('./html/html-format.js')).htmlFormat,
  docx: async () => (await import('./docx/docx-format.js')).docxFormat,
};

export const FORMAT_IDS = Object.keys(loaders) as FormatId[];

export function loadFormat(id: FormatId): Promise<OutputFormat> {
  return loaders[id]();
}
