import type { VFileMessage } from 'vfile-message';
import { createDiagnostic, type Severity } from '../diagnostics/diagnostic.js';
import { LineIndex } from '../diagnostics/line-index.js';
import { sourceOffset, type TextBlock } from '../parse/text-block.js';
import { MessageControl } from '../parse/control-comments.js';
import type { ChapterContext, ReportInit, Rule, RuleContext, VolumeChapterFacts } from './define-rule.js';
import type { ResolvedStyle } from './style-config.js';
import { ruleSettings } from './style-config.js';
import { compileWordList, type WordList } from './word-list.js';

interface RawReport {
  ruleId: string;
  url: string;
  start: number;
  end: number;
  severity: Severity;
  message: string;
  actual: string;
  expected?: string[];
  fix?: string;
}

/** Compiled lists per resolved style: every chapter of a volume shares one style object. */
const wordListCache = new WeakMap<ChapterContext['style'], Map<string, WordList>>();

function wordsFor(context: ChapterContext, listId: string): WordList {
  let lists = wordListCache.get(context.style);
  if (!lists) wordListCache.set(context.style, (lists = new Map()));
  let list = lists.get(listId);
  if (!list) lists.set(listId, (list = compileWordList(listId, context.style.wordLists[listId] ?? [])));
  return list;
}

/** Runs every enabled rule on one chapter and returns its diagnostics, control comments applied. */
export function runRules(context: ChapterContext, rules: readonly Rule<object>[], lines = new LineIndex(context.text)): VFileMessage[] {
  const reports: RawReport[] = [];
  const bodyBlocks = context.chapter.blocks.filter((block) => block.kind !== 'credit');
  const inSection = (titles: readonly string[]) => context.sectionTitles.some((title) => titles.includes(title));
  for (const rule of rules) {
    if (!rule.check) continue;
    const { severity, options } = ruleSettings(rule, context.style);
    if (severity === 'off') continue;
    const exempt = (options as { exemptSections?: string[] }).exemptSections;
    if (exempt && inSection(exempt)) continue;
    // A severity set by the office or the volume applies to every message of the rule; otherwise a rule
    // may grade its own messages (time-scope reports an error in 大事记 and a warning elsewhere).
    const configured = context.style.rules[rule.id]?.severity as Severity | undefined;
    const push = (start: number, end: number, actual: string, init: ReportInit) =>
      reports.push({
        ruleId: rule.id,
        url: rule.url,
        start,
        end,
        actual,
        severity: configured ?? init.severity ?? severity,
        message: init.message,
        ...(init.expected ? { expected: init.expected } : {}),
        ...(init.fix !== undefined && rule.fixable ? { fix: init.fix } : {}),
      });
    const ruleContext: RuleContext<object> = {
      ...context,
      options,
      severity,
      blocks: bodyBlocks,
      words: (listId) => wordsFor(context, listId),
      inSection,
      report(block: TextBlock, start: number, end: number, init: ReportInit) {
        const from = sourceOffset(block, start);
        const to = end > start ? sourceOffset(block, end - 1) + 1 : from;
        push(from, to, block.text.slice(start, end), init);
      },
      reportRange(start: number, end: number, init: ReportInit & { actual?: string }) {
        push(start, end, init.actual ?? context.text.slice(start, end), init);
      },
    };
    rule.check(ruleContext);
  }
  const control = new MessageControl(context.chapter.controls, context.text, (offset) => {
    const next = context.chapter.blocks.find((block) => block.start >= offset);
    return next ? [next.start, next.end] : undefined;
  });
  return reports
    .filter((report) => !control.isSilenced(report.ruleId, report.start))
    .map((report) =>
      createDiagnostic(
        {
          file: context.path,
          ruleId: report.ruleId,
          source: 'lint',
          severity: report.severity,
          message: report.message,
          start: report.start,
          end: report.end,
          actual: report.actual,
          expected: report.expected ?? (report.fix !== undefined ? [report.fix] : []),
          ...(report.fix !== undefined ? { fix: report.fix } : {}),
          url: report.url,
        },
        lines,
      ),
    );
}

/** Runs the volume rules over chapters given in framework order. */
export function runVolumeRules(
  chapters: readonly VolumeChapterFacts[],
  style: ResolvedStyle,
  rules: readonly Rule<object>[],
  linesFor: (path: string) => LineIndex,
): VFileMessage[] {
  const messages: VFileMessage[] = [];
  for (const rule of rules) {
    if (!rule.checkVolume) continue;
    const { severity, options } = ruleSettings(rule, style);
    if (severity === 'off') continue;
    for (const report of rule.checkVolume(chapters, { style, options, severity })) {
      messages.push(
        createDiagnostic(
          { file: report.path, ruleId: rule.id, source: 'lint', severity, message: report.message, start: report.start, end: report.end, actual: report.actual, expected: report.expected ?? [], url: rule.url },
          linesFor(report.path),
        ),
      );
    }
  }
  return messages;
}
