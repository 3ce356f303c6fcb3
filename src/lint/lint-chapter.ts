import type { VFileMessage } from 'vfile-message';
import { LineIndex } from '../diagnostics/line-index.js';
import { parseChapter, type ParsedChapter } from '../parse/parse-chapter.js';
import type { ChapterContext } from './define-rule.js';
import { allRules } from './rules/index.js';
import { runRules, runVolumeRules } from './run-rules.js';
import { collectAliasMentions } from './alias-mentions.js';
import type { ResolvedStyle } from './style-config.js';

export interface LintInput {
  path: string;
  text: string;
  kind: ChapterContext['kind'];
  recordYears?: { from: number; to: number };
  sectionTitles: string[];
  style: ResolvedStyle;
  /** Number of levels of the volume (3 for 类目/分目/条目); entries are headings of this depth. */
  levelCount?: number;
  plainText?: boolean;
  /** A chapter checked on its own (a lone file, a rule example): volume rules see it as a volume of one. */
  standalone?: boolean;
}

export interface LintOutput {
  chapter: ParsedChapter;
  messages: VFileMessage[];
}

/** Parses one chapter and runs the house-style rules on it: the pure core of `fangzhi check`. */
export function lintChapter(input: LintInput): LintOutput {
  const chapter = parseChapter(input.text, {
    bracketEntries: input.kind !== 'gazetteer',
    ...(input.levelCount === undefined ? {} : { entryDepth: input.levelCount }),
    ...(input.plainText ? { plainText: true } : {}),
  });
  const context: ChapterContext = {
    path: input.path,
    text: input.text,
    chapter,
    kind: input.kind,
    sectionTitles: input.sectionTitles,
    style: input.style,
    ...(input.recordYears ? { recordYears: input.recordYears } : {}),
  };
  const lines = new LineIndex(input.text);
  const messages = runRules(context, allRules, lines);
  if (input.standalone) {
    const facts = { path: input.path, nodeId: '', categoryId: '', aliasMentions: collectAliasMentions(chapter.blocks, input.style.aliases) };
    messages.push(...runVolumeRules([facts], input.style, allRules, () => lines));
  }
  return { chapter, messages };
}
