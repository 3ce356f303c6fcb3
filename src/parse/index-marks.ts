/**
 * An inline index mark, in pandoc's bracketed-span syntax so that Word exports keep it:
 * `[义务教育]{.index}` marks the words shown; `[市政协]{.index term="中国人民政治协商会议示例市委员会"}`
 * files them under another heading. Group 1 is the text shown, group 2 the heading if given.
 */
export const INDEX_MARK = /\[([^[\]\n]+)\]\{\.index(?:\s+term="([^"\n]+)")?\}/g;
