import { readFile } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import { loadVolume } from '../../load/load-volume.js';
import { decodeSource, encodeSource } from '../../load/read-source.js';
import { repoRoot, showFile } from '../../revisions/git-store.js';
import { RevisionError } from '../../revisions/revision-error.js';
import { importWordReview, type ImportReport } from '../../revisions/word-import.js';
import { readReviewedDocx } from '../../revisions/word-import-docx.js';
import { writeFileAtomic } from '../../write/write-file-atomic.js';
import { UsageError } from '../usage-error.js';
import { locateChapter } from './accept.js';

export interface ReviewImportOptions {
  chapter: string;
  volume?: string;
  /** Import although the chapter has changes that are not committed (its text before the import is then not in git). */
  force?: boolean;
  dryRun?: boolean;
}

/**
 * `fangzhi review import <reviewed.docx> --chapter <id>`: a unit's or a leader's tracked changes and
 * comments become CriticMarkup in the chapter; only that file is written (atomically). The chapter must
 * be committed first, so that its text before the import stays in git.
 */
export async function reviewImportCommand(docx: string, options: ReviewImportOptions): Promise<number> {
  const found = await locateChapter(options.chapter, options.volume);
  const shown = relative(process.cwd(), found.path);
  const bytes = await readFile(found.path);
  const source = decodeSource(found.path, bytes);
  if (source.unreadable || source.encoding !== 'utf-8') throw new UsageError(`${shown} 不是 UTF-8 文本（GBK 文件请先用 fangzhi check --fix 转换）`);
  if (!options.force && !options.dryRun) await requireCommitted(found.path, bytes, shown);

  const paragraphs = await readReviewedDocx(docx).catch((error: unknown) => {
    throw error instanceof RevisionError ? new UsageError(error.message) : error;
  });
  const config = found.volumeDir ? (await loadVolume(found.volumeDir)).volume?.config : undefined;
  const { text, report } = importWordReview(source.text, paragraphs, {
    bracketEntries: config?.kind !== 'gazetteer',
    ...(config ? { entryDepth: config.levels.length } : {}),
  });
  const changed = text !== source.text;
  if (changed && !options.dryRun) await writeFileAtomic(found.path, encodeSource(text, source));
  process.stdout.write(describeImport(relative(process.cwd(), docx), shown, report, changed, Boolean(options.dryRun)));
  return report.unmatched.length || report.skipped.length ? 1 : 0;
}

/** Refuses a chapter with uncommitted changes: after the import its previous text must still be in git. */
async function requireCommitted(path: string, bytes: Buffer, shown: string): Promise<void> {
  const root = await repoRoot(dirname(path));
  if (!root) return;
  const committed = await showFile(root, 'HEAD', relative(root, path));
  if (!committed || !committed.equals(bytes)) throw new UsageError(`${shown} 有尚未提交的改动（或尚未提交过）：请先提交，使导入前的文字留在 git 中；确需直接导入请加 --force`);
}

function describeImport(docx: string, chapter: string, report: ImportReport, changed: boolean, dryRun: boolean): string {
  const lines: string[] = [];
  const counts = [
    report.insertions && `插入 ${report.insertions} 处`,
    report.deletions && `删除 ${report.deletions} 处`,
    report.substitutions && `替换 ${report.substitutions} 处`,
    report.comments && `批注 ${report.comments} 条`,
    report.resolved && `原有修改标记在 Word 中已处理 ${report.resolved} 处`,
  ].filter(Boolean);
  if (!changed) lines.push(`${docx}：没有可导入的修订或批注，${chapter} 未改动`);
  else lines.push(`${dryRun ? '（试运行，未写入）' : ''}已将 ${docx} 的修订导入 ${chapter}：${counts.join('，')}；改动 ${report.paragraphs} 段`);
  for (const change of report.changes.slice(0, 20)) lines.push(`  第${change.line}行　${change.label}`);
  if (report.changes.length > 20) lines.push(`  ……另有 ${report.changes.length - 20} 处`);
  for (const item of report.skipped) lines.push(`  未导入：第${item.line}行，${item.reason}`);
  for (const item of report.unmatched) lines.push(`  未导入：Word 中「${item}」一段的修订在稿件中找不到对应段落`);
  for (const item of report.untracked) lines.push(`  注意：第${item.line}行「${item.sample}」与 Word 文本有未标记修订的差异，这些差异未导入`);
  if (changed && !dryRun) lines.push('导入前的文字保存在 git 中；请用 fangzhi accept / reject 逐条处理修改建议。');
  return `${lines.join('\n')}\n`;
}
