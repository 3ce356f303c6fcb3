import type { IndexEntry } from '../../model/assembled.js';
import { STYLE } from './docx-styles.js';
import { escapeLine, styledDiv } from './pandoc-markdown.js';
import type { WriteContext } from './write-context.js';
import { tcField } from './word-fields.js';

const INDEX_NOTE = '本索引按索引词的汉语拼音音序排列。索引词后列出其所在条目（括号内为所属分目或标题），单击可跳转；Word 版不标页码，页码以印刷版为准。';

/**
 * The subject index as a simple list. Word has no page and column locators of the print edition
 * (57a), so each term lists the entries where it occurs, linked to the exact place of the mark.
 * Locators outside this build (another node or unit) are left out.
 */
export function writeIndex(index: readonly IndexEntry[], context: WriteContext): string[] {
  if (index.length === 0) return [];
  const bookmark = context.bookmark('fangzhi-index', '索引');
  context.toc.push({ level: 1, text: '索引', bookmark });
  const out = [styledDiv(STYLE.frontHeading, `索引${tcField('索引', 1)}`, bookmark), styledDiv(STYLE.body, escapeLine(INDEX_NOTE))];
  let letter: string | undefined;
  for (const entry of index) {
    if (entry.letter !== letter) {
      letter = entry.letter;
      out.push(styledDiv(STYLE.minorHeading, escapeLine(/^[A-Z]$/.test(letter) ? letter : '数字及其他')));
    }
    out.push(styledDiv(STYLE.indexEntry, writeIndexLine(entry, context)));
  }
  return out;
}

function writeIndexLine(entry: IndexEntry, context: WriteContext): string {
  const links = new Map<string, string>();
  for (const id of entry.locators) {
    const locator = context.locator(id);
    if (locator && !links.has(locator.label)) links.set(locator.label, `[${escapeLine(locator.label)}](#${locator.bookmark})`);
  }
  const see = entry.see ? `　见${escapeLine(entry.see)}` : '';
  const places = links.size ? `　${[...links.values()].join('；')}` : '';
  return `${escapeLine(entry.term)}${see}${places}`;
}
