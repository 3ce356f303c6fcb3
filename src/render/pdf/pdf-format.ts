import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { projectRoot } from '../../project-root.js';
import type { OutputFormat, RenderContext } from '../output-format.js';
import { decideAll, failedSections, type SectionEndInfo } from './balance-columns.js';
import { openTypst, type TypstPass, type TypstSession } from './compile-typst.js';
import { fontFolders, requirePrintFonts } from './fonts.js';
import { preparePrintImages } from './pdf-images.js';
import { printData, type PrintData } from './print-data.js';
import { TEMPLATE_PATH, writeTypst } from './typst-writer.js';

/** Folder of the print templates in the package. */
export const PRINT_TEMPLATE_DIR = join(projectRoot, 'templates', 'print');

/** Print PDF through Typst: two-column body, running heads, 目录 and 索引 with page-and-column locators. */
export const pdfFormat: OutputFormat = {
  id: 'pdf',
  label: '印刷版 PDF',
  async render(volume, context) {
    const fonts = requirePrintFonts();
    const images = await preparePrintImages(volume, context.cacheDir);
    const template = await readFile(join(PRINT_TEMPLATE_DIR, 'yearbook.typ'));
    const session = openTypst({
      main: writeTypst(volume, images),
      files: [{ path: TEMPLATE_PATH, data: template }, ...images.files],
      fontFolders: fontFolders(fonts),
    });
    try {
      const pass = layOut(session, printData(volume, context.print, images), context);
      context.progress(`印刷版 PDF 共 ${pass.pages} 页`);
      return [{ path: `${context.baseName}.pdf`, data: session.pdf(pass) }];
    } finally {
      session.close();
    }
  },
};

/**
 * Lays the volume out with balanced last pages: a first pass of the body alone shows where each
 * section ends; the full pass places the balancing floats. A section whose end then moved to a later
 * page is tried again with more room, and after a second failure left unbalanced (see decideAll).
 */
function layOut(session: TypstSession, data: PrintData, context: RenderContext): TypstPass {
  context.progress('排版印刷版 PDF：测量分栏');
  const measured = session.query<SectionEndInfo>(session.compile({ ...data, pass: 'measure' }), '<fz-info>');
  const options = { pitch: data.geometry.bodySize * 1.5, slack: 0.75 };
  const attempts = new Map<string, number>();
  for (;;) {
    context.progress(attempts.size ? '排版印刷版 PDF：调整栏高' : '排版印刷版 PDF');
    const balance = decideAll(measured, options, attempts);
    const pass = session.compile({ ...data, pass: 'final', balance });
    const failed = failedSections(measured, session.query<SectionEndInfo>(pass, '<fz-info>')).filter((id) => id in balance);
    if (failed.length === 0) return pass;
    for (const id of failed) attempts.set(id, (attempts.get(id) ?? 0) + 1);
  }
}
