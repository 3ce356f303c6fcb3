import type { Rule } from '../define-rule.js';
import relativeTime from './relative-time.js';
import futurePlan from './future-plan.js';
import praiseWords from './praise-words.js';
import slogan from './slogan.js';
import commentary from './commentary.js';
import newsStyle from './news-style.js';
import nameTitleOrder from './name-title-order.js';
import honorific from './honorific.js';
import foreignAbbr from './foreign-abbr.js';
import termConsistency from './term-consistency.js';
import redundantLevel from './redundant-level.js';
import politicalTerms from './political-terms.js';
import placeholder from './placeholder.js';
import webResidue from './web-residue.js';
import personalData from './personal-data.js';

/** Rules of the group: 写作与称谓（WRITE、NAME、EXTRA、CHAR-01）, in catalogue order. */
export const writingRules: Rule<object>[] = [
  relativeTime,
  futurePlan,
  praiseWords,
  slogan,
  commentary,
  newsStyle,
  nameTitleOrder,
  honorific,
  foreignAbbr,
  termConsistency,
  redundantLevel,
  politicalTerms,
  placeholder,
  webResidue,
  personalData,
] as Rule<object>[];
