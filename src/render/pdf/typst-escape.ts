/**
 * Escaping for generated Typst. Every ASCII punctuation character gets a backslash in markup: Typst
 * accepts `\` before any of them, and this covers the markup syntax (# $ * _ ` < > @ [ ] \ ~ " ' / = - +
 * . : and the `//` and `/*` comments) as well as a `(` or `[` that would otherwise continue a
 * function call written just before the text.
 */
const MARKUP_SPECIAL = /[!-/:-@[-`{-~]/g;

/** Han characters, kana and CJK punctuation: a line break between two of them is not a space. */
const CJK = '\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u3000-\\u303f';
const BREAK_BETWEEN_CJK = new RegExp(`(?<=[${CJK}])[ \\t]*\\r?\\n[ \\t]*(?=[${CJK}])`, 'g');

/** Text as Typst markup: special characters escaped, line breaks folded (none between Chinese characters). */
export function escapeMarkup(text: string): string {
  return foldLines(text).replace(MARKUP_SPECIAL, (char) => `\\${char}`);
}

/** Text as a Typst string literal, quotes included. */
export function typstString(text: string): string {
  return `"${text.replace(/[\\"]/g, (char) => `\\${char}`).replace(/\r?\n/g, '\\n').replace(/\t/g, '\\t').replace(/\r/g, '\\r')}"`;
}

/** A soft line break inside a paragraph: removed between Chinese characters, a space elsewhere. */
function foldLines(text: string): string {
  return text.replace(BREAK_BETWEEN_CJK, '').replace(/[ \t]*\r?\n[ \t]*/g, ' ');
}
