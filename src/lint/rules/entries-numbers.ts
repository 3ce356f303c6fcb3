import type { Rule } from '../define-rule.js';

/** Rules of the group: 条目、数字与日期（ENTRY、NUM、DATE）. */
export const entryAndNumberRules: Rule<object>[] = [] as Rule<object>[];
