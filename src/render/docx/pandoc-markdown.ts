/**
 * Building blocks of pandoc Markdown with everything escaped. Text never reaches pandoc unescaped: every
 * ASCII punctuation character gets a backslash (pandoc's all_symbols_escapable), which covers emphasis,
 * links, spans, raw HTML, math, footnotes, smart quotes, list markers and headings at line start.
 */

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;
/** C0 controls other than tab and newline, and DEL: never meaningful in chapter text, invalid in XML. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
/** Characters that pandoc's east_asian_line_breaks treats as wide: a line break between two of them vanishes. */
const WIDE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u2e80-\u2fff\u3000-\u303f\uff00-\uffef]/u;

function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ').replace(CONTROL, '');
}

/** Escapes running text. Line breaks stay (pandoc joins CJK lines without a space); blank lines do not. */
export function escapeInline(text: string): string {
  return cleanText(text).replace(ASCII_PUNCTUATION, '\\$&');
}

/** Joins the lines of a text the way pandoc's east_asian_line_breaks does, for places that take one line. */
export function joinLines(text: string): string {
  return cleanText(text)
    .replace(/[ ]*\n[ \n]*/g, (match: string, offset: number, whole: string) => (WIDE.test(whole.charAt(offset - 1)) && WIDE.test(whole.charAt(offset + match.length)) ? '' : ' '))
    .trim();
}

/** Escapes a text that must stay on one line: headings, table cells, captions, comments. */
export function escapeLine(text: string): string {
  return escapeInline(joinLines(text));
}

/**
 * Tidies the lines of a paragraph: no blank line (it would end the paragraph), no leading spaces (four
 * of them would start a code block), no trailing spaces (two of them would make a hard line break).
 */
export function paragraphLines(markdown: string): string {
  return markdown.replace(/[ ]*\n[ \n]*/g, '\n').trim();
}

/** A fenced div: pandoc's docx writer gives its paragraphs the named style; `id` becomes a bookmark. */
export function styledDiv(style: string, content: string, id?: string): string {
  return `::: {custom-style="${style}"${id ? ` #${id}` : ''}}\n${content}\n:::`;
}

/** A bracketed span with attributes, e.g. a character style or a bookmark. */
export function span(content: string, attributes: string): string {
  return `[${content}]{${attributes}}`;
}

/** Escapes text for Office Open XML, including the backtick so raw code spans can never be closed early. */
export function escapeXml(text: string): string {
  return cleanText(text).replace(/[&<>"'`\n]/g, (char) => XML_ENTITIES[char]!);
}

const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '`': '&#96;', '\n': ' ' };

/** Raw Office Open XML inline; the XML comes from escapeXml, so it holds no backtick. */
export function rawInline(xml: string): string {
  return `\`${xml}\`{=openxml}`;
}

export function rawBlock(xml: string): string {
  return `\`\`\`{=openxml}\n${xml}\n\`\`\``;
}
