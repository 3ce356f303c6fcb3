import type { Alias } from '../model/generated/style.js';
import { sourceOffset, type TextBlock } from '../parse/text-block.js';
import { escapeRegExp } from './word-list.js';

/** One occurrence of a name from the alias table, in reading order. */
export interface AliasMention {
  alias: number;
  form: 'full' | 'short' | 'variant';
  text: string;
  start: number;
  end: number;
  /** Index of the entry (条目) it occurs in, or -1. */
  entry: number;
}

/** Finds every full name, short name and variant of the alias table; the longest form wins an overlap. */
export function collectAliasMentions(blocks: readonly TextBlock[], aliases: readonly Alias[]): AliasMention[] {
  if (!aliases.length) return [];
  const forms = new Map<string, { alias: number; form: AliasMention['form'] }>();
  aliases.forEach((alias, index) => {
    forms.set(alias.full, { alias: index, form: 'full' });
    for (const short of alias.short ?? []) if (!forms.has(short)) forms.set(short, { alias: index, form: 'short' });
    for (const variant of alias.variants ?? []) if (!forms.has(variant)) forms.set(variant, { alias: index, form: 'variant' });
  });
  const pattern = new RegExp([...forms.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|'), 'g');
  const mentions: AliasMention[] = [];
  for (const block of blocks) {
    if (block.kind === 'credit') continue;
    for (const match of block.text.matchAll(pattern)) {
      const form = forms.get(match[0])!;
      const start = sourceOffset(block, match.index!);
      mentions.push({ ...form, text: match[0], start, end: sourceOffset(block, match.index! + match[0].length - 1) + 1, entry: block.entry });
    }
  }
  return mentions;
}
