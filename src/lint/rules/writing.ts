import type { Rule } from '../define-rule.js';

/** Rules of the group: 写作与称谓（WRITE、NAME、EXTRA、CHAR-01）. */
export const writingRules: Rule<object>[] = [] as Rule<object>[];
