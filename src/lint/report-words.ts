import type { RuleContext } from './define-rule.js';
import type { WordMatch } from './word-list.js';

/** Shortens a long match for a one-line message: 为……作出新的更大贡献 → 为……贡献. */
export function abbreviate(text: string, max = 14): string {
  const trimmed = text.trim();
  return trimmed.length > max ? `${trimmed.slice(0, 5)}……${trimmed.slice(-5)}` : trimmed;
}

/**
 * The common shape of a list-driven rule: every match of the word list in the body blocks is
 * reported with the list's suggestions. `describe` receives the match, already shortened for display.
 */
export function reportWordMatches(context: RuleContext<object>, listId: string, describe: (shown: string, match: WordMatch) => string): void {
  const words = context.words(listId);
  for (const block of context.blocks) {
    for (const match of words.find(block.text)) {
      context.report(block, match.index, match.index + match.text.length, { message: describe(abbreviate(match.text), match), expected: match.suggest });
    }
  }
}
