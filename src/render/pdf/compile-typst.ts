import { createHash } from 'node:crypto';
import { NodeCompiler, type NodeError, type NodeTypstDocument } from '@myriaddreamin/typst-ts-node-compiler';
import { RenderError } from '../output-format.js';

export interface TypstProject {
  /** Files by absolute path inside the project (template, images). */
  files: Array<{ path: string; data: Buffer }>;
  /** Folders with the font files; nothing else is searched for fonts. */
  fontFolders: string[];
}

export interface TypstPass {
  document: NodeTypstDocument;
  pages: number;
  warnings: string[];
}

/**
 * A compiler holding one project (template, pictures, fonts) for the documents of a volume: the fonts
 * are read once, and passes of one document that differ only in their data reuse layout work.
 */
export interface TypstSession {
  /** Lays out the document `main` with `/fz-data.json` set to `data` and `/fz-balance.json` to `balance`. */
  compile(main: string, data: unknown, balance?: unknown): TypstPass;
  /** Values of the metadata elements with a label, e.g. `<fz-info>`. */
  query<T>(pass: TypstPass, label: string): T[];
  pdf(pass: TypstPass): Buffer;
  /** Drops the layout caches and the main files laid out so far (a finished document's are no use to the next). */
  evict(): void;
  close(): void;
}

interface Diagnostic {
  message?: string;
  path?: string;
}

/** Paths of the data files the template reads: everything but the body, and the column balancing. */
const DATA_PATH = '/fz-data.json';
const BALANCE_PATH = '/fz-balance.json';

/**
 * Opens a Typst project held in memory. Errors become a RenderError in Chinese with Typst's own
 * diagnostics as the cause; a warning about an unknown font is an error too, because Typst would
 * otherwise print the text in a fallback face (or as tofu).
 */
export function openTypst(project: TypstProject): TypstSession {
  const compiler = NodeCompiler.create({ workspace: '/', fontArgs: [{ fontPaths: project.fontFolders }] });
  for (const file of project.files) compiler.mapShadow(file.path, file.data);
  const mains = new Set<string>();
  const evict = (maxAge: number) => {
    for (const path of mains) compiler.unmapShadow(path);
    mains.clear();
    compiler.evictCache(maxAge);
  };
  return {
    compile(main, data, balance = {}) {
      // Each main file gets a path of its own, named by its content: Typst knows source files by path,
      // and a compiler that had laid out one document as main content set wrong characters in the next
      // (审稿：韦德林 came out as 韦德志, a name from the section before).
      const path = `/main-${createHash('sha256').update(main).digest('hex').slice(0, 32)}.typ`;
      if (!mains.has(path)) compiler.mapShadow(path, Buffer.from(main));
      mains.add(path);
      compiler.mapShadow(DATA_PATH, Buffer.from(JSON.stringify(data)));
      compiler.mapShadow(BALANCE_PATH, Buffer.from(JSON.stringify(balance)));
      const result = compiler.compile({ mainFilePath: path });
      const warnings = diagnosticsOf(compiler, result.takeWarnings());
      const document = result.result;
      if (!document || result.hasError()) {
        const errors = diagnosticsOf(compiler, result.takeError() ?? result.takeDiagnostics());
        throw new RenderError(`Typst 排版失败：${errors.slice(0, 3).join('；') || '未知错误'}`, { cause: errors });
      }
      const fontProblems = warnings.filter((warning) => /unknown font family/i.test(warning));
      if (fontProblems.length) throw new RenderError(`印刷版缺少字体，文字会以替代字形排出：${fontProblems.join('；')}`);
      return { document, pages: document.numOfPages, warnings };
    },
    query<T>(pass: TypstPass, label: string): T[] {
      return (compiler.query(pass.document, { selector: label }) as Array<{ value: T }>).map((element) => element.value);
    },
    pdf(pass) {
      // Tagging (structure for screen readers) makes the file about a third larger; print does not need it.
      return compiler.pdf(pass.document, { pdfTags: false });
    },
    // Typst's caches are global to the process: results younger than two evictions stay, so a worker
    // thread that finishes a section does not take away the layout another one is about to reuse.
    evict: () => evict(2),
    close: () => evict(0),
  };
}

function diagnosticsOf(compiler: NodeCompiler, error: NodeError | null): string[] {
  if (!error) return [];
  let list: Diagnostic[];
  try {
    list = compiler.fetchDiagnostics(error) as Diagnostic[];
  } catch {
    list = error.shortDiagnostics as Diagnostic[];
  }
  return list.map((item) => `${item.message ?? String(item)}${item.path ? `（${item.path}）` : ''}`);
}
