import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../project-root.js';
import { RenderError, type OutputFormat } from '../output-format.js';
import { runTool } from '../run-tool.js';
import { finishDocx } from './finish-docx.js';
import { prepareDocxImages } from './prepare-docx-images.js';
import { readMarkdownBlocks } from './pandoc-reader.js';
import { writeDocxBlocks } from './write-docx-markdown.js';

const referenceDoc = join(projectRoot, 'templates/docx/reference.docx');

/** Pandoc's writer, fed the JSON document that pandoc-reader.ts read (and cached) block by block. */
const WRITER_ARGS = ['-f', 'json', '-t', 'docx', '--reference-doc', referenceDoc, '-M', 'lang=zh-CN'];

/** The Word edition for review by units and leaders: pandoc Markdown in, DOCX with Chinese styles out. */
export const docxFormat: OutputFormat = {
  id: 'docx',
  label: 'Word 文档',
  async render(volume, context) {
    if (!existsSync(referenceDoc)) throw new RenderError(`找不到 Word 样式模板 ${referenceDoc}，请运行 node scripts/make-reference-docx.mjs 生成`);
    const dir = await mkdtemp(join(tmpdir(), 'fangzhi-docx-'));
    try {
      context.progress('Word：准备图片');
      const images = await prepareDocxImages(volume, dir, context.cacheDir);
      const blocks = writeDocxBlocks(volume, images);
      context.progress('Word：pandoc 读入正文');
      const { json } = await readMarkdownBlocks(blocks, context.cacheDir ? join(context.cacheDir, 'docx', `${cacheName(context.baseName)}-${volume.mode}.blocks`) : undefined);
      context.progress('Word：pandoc 生成文档');
      // Relative image paths and the output name resolve in the working folder, never through a shell.
      await runTool('pandoc', [...WRITER_ARGS, '-o', 'volume.docx'], { debianPackage: 'pandoc', cwd: dir, input: json });
      const docx = await finishDocx(await readFile(join(dir, 'volume.docx')), volume.title);
      return [{ path: `${context.baseName}.docx`, data: docx }];
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};

/**
 * One cache file per output and mode: builds of one node or one unit keep only their own blocks, so
 * they would otherwise throw out the whole volume's entries each time they alternate with it.
 */
function cacheName(baseName: string): string {
  return baseName.replace(/[^\p{L}\p{N}._-]/gu, '_');
}
