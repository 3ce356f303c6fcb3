import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../project-root.js';
import { RenderError, type OutputFormat } from '../output-format.js';
import { runTool } from '../run-tool.js';
import { finishDocx } from './finish-docx.js';
import { prepareDocxImages } from './prepare-docx-images.js';
import { writeDocxMarkdown } from './write-docx-markdown.js';

const referenceDoc = join(projectRoot, 'templates/docx/reference.docx');

/**
 * Pandoc's reader: east_asian_line_breaks so that a line break inside Chinese text leaves no space;
 * no implicit figures, because captions are our own 图注 paragraphs; no smart punctuation, which would
 * read Chinese “” as quotation nodes and ... as an ellipsis.
 */
const PANDOC_ARGS = ['-f', 'markdown+east_asian_line_breaks-implicit_figures-smart', '-t', 'docx', '--reference-doc', referenceDoc, '-M', 'lang=zh-CN'];

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
      const markdown = writeDocxMarkdown(volume, images);
      context.progress('Word：pandoc 生成文档');
      // Relative image paths and the output name resolve in the working folder, never through a shell.
      await runTool('pandoc', [...PANDOC_ARGS, '-o', 'volume.docx'], { debianPackage: 'pandoc', cwd: dir, input: markdown });
      const docx = finishDocx(await readFile(join(dir, 'volume.docx')), volume.title);
      return [{ path: `${context.baseName}.docx`, data: docx }];
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};
