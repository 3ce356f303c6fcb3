import type { Rule } from '../define-rule.js';
import firstPerson from './first-person.js';
import overviewFirst from './overview-first.js';
import punctWidth from './punct-width.js';
import timeScope from './time-scope.js';
import titleLength from './title-length.js';
import { writingRules } from './writing.js';
import { entryAndNumberRules } from './entries-numbers.js';
import { punctuationRules } from './punctuation.js';
import { volumeRules } from './volume-rules.js';

/** Every house-style rule, in the order of the style catalogue's sections. */
export const allRules: Rule<object>[] = [
  firstPerson,
  timeScope,
  ...writingRules,
  ...volumeRules,
  overviewFirst,
  titleLength,
  ...entryAndNumberRules,
  punctWidth,
  ...punctuationRules,
] as Rule<object>[];
