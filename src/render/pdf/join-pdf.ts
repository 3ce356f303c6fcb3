import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runTool } from '../run-tool.js';

/**
 * Joins PDFs page by page with qpdf and lays the pages of `overlay` over them, page n on page n. The
 * first file gives the document its metadata (title). Files may repeat (a blank verso). qpdf copies
 * the pages without re-encoding them, so fonts and pictures stay as Typst wrote them.
 */
export async function joinPdfs(files: readonly string[], overlay: string, workDir: string): Promise<Buffer> {
  const output = join(workDir, 'joined.pdf');
  const [first] = files;
  if (!first) throw new Error('joinPdfs needs at least one file');
  await runTool('qpdf', ['--warning-exit-0', first, '--pages', ...files, '--', '--overlay', overlay, '--', output], { debianPackage: 'qpdf' });
  return readFile(output);
}
