import type { Rule } from '../define-rule.js';
import quoteStyle from './quote-style.js';
import pairedMarks from './paired-marks.js';
import bookTitleScope from './book-title-scope.js';
import noDunhaoBetweenMarks from './no-dunhao-between-marks.js';
import ellipsis from './ellipsis.js';
import duplicatePunct from './duplicate-punct.js';
import noSpaces from './no-spaces.js';
import standardChars from './standard-chars.js';
import invisibleChars from './invisible-chars.js';

/** Rules of the group: 标点与字符（PUNCT、CHAR-01、CHAR-04）, in catalogue order. */
export const punctuationRules: Rule<object>[] = [
  quoteStyle,
  pairedMarks,
  bookTitleScope,
  noDunhaoBetweenMarks,
  ellipsis,
  duplicatePunct,
  noSpaces,
  standardChars,
  invisibleChars,
] as Rule<object>[];
