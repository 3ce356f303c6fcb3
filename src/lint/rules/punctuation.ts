import type { Rule } from '../define-rule.js';

/** Rules of the group: 标点与字符（PUNCT、CHAR-04）. */
export const punctuationRules: Rule<object>[] = [] as Rule<object>[];
