import type { Rule } from '../define-rule.js';
import fullNameFirst from './full-name-first.js';

/** Rules that look across the chapters of a volume; kept apart so that a fully cached run loads only these. */
export const volumeRules: Rule<object>[] = [fullNameFirst] as Rule<object>[];
