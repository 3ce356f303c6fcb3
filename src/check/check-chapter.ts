import type { VFileMessage } from 'vfile-message';
import { createDiagnostic, serializeDiagnostic, type SerializedDiagnostic } from '../diagnostics/diagnostic.js';
import { LineIndex } from '../diagnostics/line-index.js';
import { decodeSource } from '../load/read-source.js';
import { sourceProblems } from '../load/source-problems.js';
import { lintChapter } from '../lint/lint-chapter.js';
import { collectAliasMentions, type AliasMention } from '../lint/alias-mentions.js';
import type { ResolvedStyle } from '../lint/style-config.js';
import type { ChapterFrontMatter } from '../model/generated/chapter.js';
import type { VolumeContext } from '../model/volume.js';
import { rangeOfPath } from '../parse/parse-yaml.js';
import { validateAgainstSchema } from '../validate/validate-schema.js';
import { parseFrontMatter } from '../parse/parse-chapter.js';
import { describeMark, type CriticKind } from '../revisions/critic-markup.js';

/** One file to check. Bytes travel to worker threads; text is decoded there. */
export interface ChapterTask {
  path: string;
  bytes: Uint8Array;
  /** Set for chapters of a volume; lone files have none. */
  volume?: VolumeContext;
  /** Lone files: record years from --record-year, and the office style if one was found. */
  lone?: { recordYears?: { from: number; to: number }; style: ResolvedStyle };
}

/** What the volume-level stages need to know about a chapter; cached with its diagnostics. */
export interface ChapterSummary {
  frontMatter?: ChapterFrontMatter;
  /** Source ranges of front-matter fields, for structure diagnostics. */
  fieldRanges: Record<string, [number, number]>;
  hasFrontMatter: boolean;
  chars: number;
  images: number;
  entries: Array<{ title: string; chars: number; start: number }>;
  headings: Array<{ depth: number; text: string; start: number; end: number }>;
  credits: number;
  aliasMentions: AliasMention[];
  /** Open CriticMarkup (suggestions and comments): a warning in drafts, an error in a final check. */
  critic: Array<{ kind: CriticKind; start: number; end: number; label: string }>;
  encoding: 'utf-8' | 'gb18030';
  unreadable: boolean;
}

export interface ChapterResult {
  messages: SerializedDiagnostic[];
  summary: ChapterSummary;
}

/** Like checkChapter, but a failure becomes an error on that file instead of ending the whole run. */
export function checkChapterSafely(task: ChapterTask): ChapterResult {
  try {
    return checkChapter(task);
  } catch (error) {
    const message = createDiagnostic(
      { file: task.path, ruleId: 'internal-error', source: 'parse', severity: 'error', message: `检查本文件时程序出错：${(error as Error).message}（请把本文件报告给维护者）`, start: 0, end: 0, cause: error as Error },
      new LineIndex(''),
    );
    return { messages: [serializeDiagnostic(message)], summary: emptySummary('utf-8', false) };
  }
}

function emptySummary(encoding: ChapterSummary['encoding'], unreadable: boolean): ChapterSummary {
  return { fieldRanges: {}, hasFrontMatter: false, chars: 0, images: 0, entries: [], headings: [], credits: 0, aliasMentions: [], critic: [], encoding, unreadable };
}

/**
 * Checks one chapter: the file as a file, its front matter against the schema, then the house-style
 * rules. Pure apart from decoding; the same function runs inline and in worker threads.
 */
export function checkChapter(task: ChapterTask): ChapterResult {
  const source = decodeSource(task.path, task.bytes);
  const lines = new LineIndex(source.text);
  const messages: VFileMessage[] = sourceProblems(source, lines);
  const summary = emptySummary(source.encoding, Boolean(source.unreadable));
  if (source.unreadable || !source.text.trim()) return { messages: messages.map(serializeDiagnostic), summary };

  const plainText = /\.txt$/i.test(task.path);
  const report = (ruleId: string, message: string, start: number, end: number, severity: 'error' | 'warning' = 'error', stage: 'parse' | 'validate' = 'validate') =>
    messages.push(createDiagnostic({ file: task.path, ruleId, source: stage, severity, message, start, end }, lines));

  let sectionTitles: string[] = [];
  const frontMatter = plainText ? undefined : parseFrontMatter(source.text);
  if (frontMatter) {
    summary.hasFrontMatter = true;
    const { yaml, offset } = frontMatter;
    for (const problem of yaml.problems) report('yaml-syntax', `文件头${problem.message}`, offset + problem.start, offset + problem.end, 'error', 'parse');
    if (!yaml.problems.length) {
      const data = (yaml.data ?? {}) as ChapterFrontMatter;
      for (const field of ['node', 'unit', 'writers', 'reviewer', 'submitted']) {
        const [start, end] = rangeOfPath(yaml.document, [field]);
        summary.fieldRanges[field] = [offset + start, offset + end];
      }
      if (task.volume) {
        for (const problem of validateAgainstSchema('chapter', data, yaml.document)) report('schema', `文件头${problem.message}`, offset + problem.start, offset + problem.end);
      }
      summary.frontMatter = data;
      if (typeof data.node === 'string') sectionTitles = task.volume?.nodeTitles[data.node] ?? [];
    }
  } else if (task.volume) {
    report('front-matter-missing', '稿件缺少文件头（front matter），应以 --- 开始写明 node、unit、writers', 0, 0);
  }

  const style = task.volume?.style ?? task.lone!.style;
  const recordYears = task.volume?.recordYears ?? task.lone?.recordYears;
  const { chapter, messages: lintMessages } = lintChapter({
    path: task.path,
    text: source.text,
    kind: task.volume?.kind ?? 'lone',
    sectionTitles,
    style,
    ...(recordYears ? { recordYears } : {}),
    ...(task.volume ? { levelCount: task.volume.levelCount } : {}),
    ...(plainText ? { plainText } : {}),
  });
  messages.push(...lintMessages);
  for (const html of chapter.rawHtml) {
    report('raw-html', `稿件中不应有 HTML 代码「${html.value.trim().slice(0, 40)}」，请改用 Markdown 或删除`, html.start, html.end, 'error', 'parse');
  }
  summary.chars = chapter.chars;
  summary.images = chapter.images.length;
  summary.entries = chapter.entries.map((entry) => ({ title: entry.title, chars: entry.chars, start: entry.titleStart }));
  summary.headings = chapter.headings;
  summary.credits = chapter.credits.length;
  summary.aliasMentions = collectAliasMentions(chapter.blocks, style.aliases);
  summary.critic = chapter.critic.marks.map((mark) => ({ kind: mark.kind, start: mark.start, end: mark.end, label: describeMark(mark) }));
  for (const problem of chapter.critic.problems) report('critic-markup-syntax', problem.message, problem.start, problem.end, 'error', 'parse');
  return { messages: messages.map(serializeDiagnostic), summary };
}
