import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { unzipSync } from 'fflate';
import { CHECKER_COMMENT_AUTHOR } from '../render/docx/write-context.js';
import { runTool } from '../render/run-tool.js';
import { RevisionError } from './revision-error.js';
import { readWordParagraphs, type WordParagraph } from './word-import-ast.js';

/** The checker's notes in a draft Word file: not a reviewer's comments. */
const CHECKER_AUTHORS = new Set([CHECKER_COMMENT_AUTHOR]);

/**
 * Reads a reviewed Word file with pandoc (`--track-changes=all`, JSON), after making sure it is a
 * .docx at all: an old .doc, a renamed file or a broken archive gets a plain Chinese message instead
 * of pandoc's.
 */
export async function readReviewedDocx(path: string): Promise<WordParagraph[]> {
  const name = basename(path);
  const bytes = await readFile(path).catch((error: NodeJS.ErrnoException) => {
    throw new RevisionError(error.code === 'ENOENT' ? `找不到 Word 文件 ${path}` : `无法读取 ${path}：${error.message}`);
  });
  if (bytes.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) throw new RevisionError(`${name} 是旧版 Word 97-2003 文档（.doc），请在 Word 中“另存为”.docx 格式后再导入`);
  let hasDocument = false;
  try {
    hasDocument = Boolean(unzipSync(bytes, { filter: (file) => file.name === 'word/document.xml' })['word/document.xml']);
  } catch {
    hasDocument = false;
  }
  if (!hasDocument) throw new RevisionError(`${name} 不是 Word 文档（.docx）：文件不是有效的 .docx 压缩包，或其中没有 word/document.xml`);
  const { stdout } = await runTool('pandoc', ['--track-changes=all', '-f', 'docx', '-t', 'json', path], { debianPackage: 'pandoc' });
  return readWordParagraphs(JSON.parse(stdout.toString('utf8')), CHECKER_AUTHORS);
}
