import type { Rule } from '../define-rule.js';
import titleBrackets from './title-brackets.js';
import titlePunct from './title-punct.js';
import entryLength from './entry-length.js';
import authorCredit from './author-credit.js';
import notWorkSummary from './not-work-summary.js';
import numberForm from './number-form.js';
import approxNoStack from './approx-no-stack.js';
import mixedDigitsHanzi from './mixed-digits-hanzi.js';
import rangeFormat from './range-format.js';
import digitWidth from './digit-width.js';
import percentVsPoint from './percent-vs-point.js';
import timesDirection from './times-direction.js';
import dateForm from './date-form.js';
import yearAbbrev from './year-abbrev.js';
import decadeCentury from './decade-century.js';

/** Rules of the group: 条目、数字与日期（ENTRY、NUM、DATE）, in catalogue order. */
export const entryAndNumberRules: Rule<object>[] = [
  titleBrackets,
  titlePunct,
  entryLength,
  authorCredit,
  notWorkSummary,
  numberForm,
  approxNoStack,
  mixedDigitsHanzi,
  rangeFormat,
  digitWidth,
  percentVsPoint,
  timesDirection,
  dateForm,
  yearAbbrev,
  decadeCentury,
] as Rule<object>[];
