import type { Alias, Severity as ConfiguredSeverity, StyleConfig } from '../model/generated/style.js';
import type { Severity } from '../diagnostics/diagnostic.js';
import type { WordListOverride } from './word-list.js';

/** The style configuration after the cascade: built-in defaults < office (content/style.yaml) < volume. */
export interface ResolvedStyle {
  rules: Record<string, { severity?: ConfiguredSeverity; [option: string]: unknown }>;
  timeScopeExemptSections: string[];
  chronicleSections: string[];
  overviewTitles: string[];
  wordLists: Record<string, WordListOverride[]>;
  aliases: Alias[];
}

export const defaultStyle: ResolvedStyle = {
  rules: {},
  timeScopeExemptSections: ['特载', '专文', '专记', '附录', '统计资料'],
  chronicleSections: ['大事记'],
  overviewTitles: ['概况', '综述', '概述'],
  wordLists: {},
  aliases: [],
};

/** Merges style layers, later layers winning; the one place where precedence is decided. */
export function resolveStyle(...layers: Array<StyleConfig | undefined>): ResolvedStyle {
  return layers.reduce<ResolvedStyle>((style, layer) => {
    if (!layer) return style;
    const rules = { ...style.rules };
    for (const [id, setting] of Object.entries(layer.rules ?? {})) {
      const previous = rules[id] ?? {};
      rules[id] = typeof setting === 'string' ? { ...previous, severity: setting } : { ...previous, ...(setting as object) };
    }
    const wordLists = { ...style.wordLists };
    for (const [id, override] of Object.entries(layer.wordLists ?? {})) wordLists[id] = [...(wordLists[id] ?? []), override];
    return {
      rules,
      timeScopeExemptSections: layer.timeScopeExemptSections ?? style.timeScopeExemptSections,
      chronicleSections: layer.chronicleSections ?? style.chronicleSections,
      overviewTitles: layer.overviewTitles ?? style.overviewTitles,
      wordLists,
      aliases: [...style.aliases, ...(layer.aliases ?? [])],
    };
  }, defaultStyle);
}

/** A rule's effective severity (or off) and options: its defaults overlaid with the configured ones. */
export function ruleSettings<Options extends object>(
  rule: { id: string; severity: Severity; defaults: Options },
  style: ResolvedStyle,
): { severity: Severity | 'off'; options: Options } {
  const { severity, ...options } = style.rules[rule.id] ?? {};
  return { severity: severity ?? rule.severity, options: { ...rule.defaults, ...options } as Options };
}
