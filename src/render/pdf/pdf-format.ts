import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { codeFingerprint } from '../../cache/code-fingerprint.js';
import { hashParts } from '../../cache/lint-cache.js';
import { projectRoot } from '../../project-root.js';
import type { OutputFormat, RenderContext } from '../output-format.js';
import { openTypst, type TypstProject, type TypstSession } from './compile-typst.js';
import { fontFolders, requirePrintFonts } from './fonts.js';
import { joinPdfs } from './join-pdf.js';
import { layOutDocument } from './lay-out-section.js';
import { layOutSections } from './lay-out-sections.js';
import { bodyStarts, folios, indexLines, paddedPages, tocLines } from './page-map.js';
import { PartCache, type CompiledPart } from './part-cache.js';
import { preparePrintImages } from './pdf-images.js';
import { printData, type PrintData } from './print-data.js';
import { BLANK_MAIN, FOLIOS_MAIN, FRONT_MATTER_MAIN, INDEX_MAIN, TEMPLATE_PATH, writeSectionParts, type SectionPart } from './typst-writer.js';

/** Folder of the print templates in the package. */
export const PRINT_TEMPLATE_DIR = join(projectRoot, 'templates', 'print');

/**
 * Print PDF through Typst: two-column body, running heads, 目录 and 索引 with page-and-column locators.
 * Each top-level section is laid out as a document of its own and cached by its content, so after one
 * chapter changes only its section is laid out again; the 目录, the index and the folios, which depend
 * on where everything landed, are small documents made afresh, and qpdf joins the pages.
 */
export const pdfFormat: OutputFormat = {
  id: 'pdf',
  label: '印刷版 PDF',
  async render(volume, context) {
    const fonts = requirePrintFonts();
    const images = await preparePrintImages(volume, context.cacheDir);
    const template = await readFile(join(PRINT_TEMPLATE_DIR, 'yearbook.typ'));
    const work = await mkdtemp(join(tmpdir(), 'fangzhi-pdf-'));
    const project = { files: [{ path: TEMPLATE_PATH, data: template }, ...images.files], fontFolders: fontFolders(fonts) };
    const session = openTypst(project);
    try {
      const book: Book = {
        project,
        session,
        cache: new PartCache(context.cacheDir ? join(context.cacheDir, 'print') : work),
        setting: [template, compilerSignature(fonts), await codeFingerprint()],
        data: printData(volume, context.print, images),
      };
      const body = await layOutBody(book, writeSectionParts(volume, images), context);
      const reports = body.map((part) => part.report);
      const { starts, next } = bodyStarts(reports.map((report) => report.pages));

      context.progress('排版印刷版 PDF：索引、目录与页码');
      const index = volume.index.length ? await layOutSmall(book, INDEX_MAIN, { ...book.data, index: indexLines(volume.index, reports, starts) }) : undefined;
      const front = await layOutSmall(book, FRONT_MATTER_MAIN, { ...book.data, toc: tocLines(reports, starts, index ? next : null) });
      const blank = await layOutSmall(book, BLANK_MAIN, book.data);
      const parts = index ? [...body, index] : body;
      const folioData = { ...book.data, folios: folios(paddedPages(front.report.pages), parts.map((part) => part.report.pages)) };
      const folioPages = await layOutSmall(book, FOLIOS_MAIN, folioData);

      // Every part starts on a recto: a part with an odd number of pages is followed by a blank verso.
      const files = [front, ...parts].flatMap((part) => (part.report.pages % 2 ? [part.pdfPath, blank.pdfPath] : [part.pdfPath]));
      const pdf = await joinPdfs(files, folioPages.pdfPath, work);
      if (context.cacheDir) await book.cache.prune(context.baseName);
      context.progress(`印刷版 PDF 共 ${folioData.folios.length} 页`);
      return [{ path: `${context.baseName}.pdf`, data: pdf }];
    } finally {
      session.close();
      await rm(work, { recursive: true, force: true });
    }
  },
};

/** What the documents of one volume share while it is laid out. */
interface Book {
  project: TypstProject;
  session: TypstSession;
  cache: PartCache;
  /** Inputs of every document's cache key besides its own markup and data: template, compiler, fonts, code. */
  setting: Array<string | Buffer>;
  data: PrintData;
}

function keyOf(book: Book, main: string, data: PrintData): string {
  return hashParts(...book.setting, main, JSON.stringify(data));
}

/** The top-level sections in order: from the cache where unchanged, the others laid out (on `jobs` threads). */
async function layOutBody(book: Book, sections: SectionPart[], context: RenderContext): Promise<CompiledPart[]> {
  const keys = sections.map((section) => keyOf(book, section.main, book.data));
  const body = await Promise.all(keys.map((key) => book.cache.get(key)));
  const missing = sections.flatMap((section, index) => (body[index] ? [] : [{ index, task: { main: section.main, data: book.data } }]));
  let finished = 0;
  const laidOut = await layOutSections(book.project, book.session, missing.map((item) => item.task), context.jobs ?? 1, (position) => {
    context.progress(`排版印刷版 PDF：${sections[missing[position]!.index]!.title}（${++finished}/${missing.length}）`);
  });
  for (const [position, { index }] of missing.entries()) body[index] = await book.cache.put(keys[index]!, laidOut[position]!.pdf, laidOut[position]!.report);
  return body as CompiledPart[];
}

/** A small document (front matter, index, folios, blank page), from the cache or laid out now. */
async function layOutSmall(book: Book, main: string, data: PrintData): Promise<CompiledPart> {
  const key = keyOf(book, main, data);
  const cached = await book.cache.get(key);
  if (cached) return cached;
  const document = layOutDocument(book.session, main, data, false);
  return book.cache.put(key, document.pdf, document.report);
}

/** What else a layout depends on: the compiler's version and the font files. */
function compilerSignature(fonts: readonly string[]): string {
  const manifest = createRequire(import.meta.url).resolve('@myriaddreamin/typst-ts-node-compiler/package.json');
  const compiler = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  return [compiler.version, ...fonts.map((file) => `${file}:${statSync(file).size}:${statSync(file).mtimeMs}`)].join('\n');
}
