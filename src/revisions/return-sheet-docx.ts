import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../project-root.js';
import { runTool } from '../render/run-tool.js';
import { writeReturnSheet, type ReturnSheet } from './return-sheet.js';

const referenceDoc = join(projectRoot, 'templates/docx/reference.docx');

/**
 * The Word copy of a 退改单, for units that work in Word: pandoc with the project's Chinese reference
 * styles (east_asian_line_breaks so that no space appears inside Chinese text, no smart punctuation).
 */
export async function returnSheetDocx(sheet: ReturnSheet): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), 'fangzhi-return-'));
  try {
    const args = ['-f', 'markdown+east_asian_line_breaks-smart', '-t', 'docx', '--reference-doc', referenceDoc, '-M', 'lang=zh-CN', '-o', 'sheet.docx'];
    await runTool('pandoc', args, { debianPackage: 'pandoc', cwd: dir, input: writeReturnSheet(sheet, 'docx') });
    return await readFile(join(dir, 'sheet.docx'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
