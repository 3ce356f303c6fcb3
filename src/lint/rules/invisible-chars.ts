import { defineRule, type SectionOptions } from '../define-rule.js';
import { isCjkLike, sourceOffset } from '../../parse/text-block.js';

const NAMES: Record<string, string> = {
  '\u00a0': '不换行空格', '\u200b': '零宽空格', '\u200c': '零宽不连字', '\u200d': '零宽连字', '\u2060': '零宽不换行',
  '\ufeff': '字节顺序标记', '\u00ad': '软连字符', '\u000b': '垂直制表符', '\t': '制表符', '\u202f': '窄不换行空格',
};
/** Removed outright; the other characters (NBSP, odd spaces, tabs, control characters) become nothing next to Chinese text and a normal space between Latin words. */
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad\u180e]/;
const PRIVATE_USE = /^(?:[\ue000-\uf8ff]|[\udb80-\udbff][\udc00-\udfff])$/;
const ANY = /[\u200b-\u200d\u2060\ufeff\u00ad\u180e\u00a0\u2000-\u200a\u2028\u2029\u202f\u205f\t\u000b\u000c\u0001-\u0008\u000e-\u001f\u007f-\u009f\ue000-\uf8ff]|[\udb80-\udbff][\udc00-\udfff]|[xX]0[dD][xX]0[aA]|_x000[dD]_/g;
/** Entity references that decode to one of the characters above. */
const ENTITY = /&(?:#x?[0-9a-f]{2,6}|nbsp|shy|ensp|emsp|thinsp|zwj|zwnj|NewLine|Tab);/i;

export default defineRule<SectionOptions>({
  id: 'invisible-chars',
  catalogue: 'CHAR-04',
  severity: 'error',
  summary: '不含不换行空格、零宽字符、制表符、私用区字符和“x0dx0a”等转义残留',
  why: '从网页、Word和数据库导出的文字常夹带看不见的字符：不换行空格、零宽空格、软连字符、垂直制表符（Word的手动换行）、制表符，以及回车换行被转义后留下的“x0dx0a”“_x000D_”。它们在编辑器里看不出来，却会造成排版空隙、断行错误和检索失败。私用区字符多为造字或乱码，须人工核对。',
  fixable: true,
  defaults: { exemptSections: [] },
  optionDocs: { exemptSections: '不检查的类目或分目标题' },
  examples: {
    bad: [
      '全市\u00a0共有公共图书馆6个。',
      '【治水工作】2015年，示例\u200b市开展河道整治。',
      '全年完成治水投资42.6亿元。x0dx0a市区整治黑臭河道38条。',
      '市区整治黑臭河道38条，\t新建城镇污水管网216千米。',
      '全市有公共图书馆&nbsp;6个。',
    ],
    good: [
      '全市共有公共图书馆6个。',
      '示例港与Port of Singapore Authority签订合作协议。',
      '|指标|2015年|\n|---|---:|\n|地区生产总值|1865.3|',
      '表1\u30002011—2015年示例市主要经济指标',
    ],
  },
  check(context) {
    const text = context.text;
    const bodyStart = context.chapter.frontMatter?.end ?? 0;
    const describe = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}${NAMES[char] ? `（${NAMES[char]}）` : ''}`;
    const replacement = (char: string, before: string, after: string) =>
      ZERO_WIDTH.test(char) ? '' : isCjkLike(before) || isCjkLike(after) || before === ' ' || after === ' ' || !before || !after ? '' : ' ';
    const shown = (from: number, to: number) => text.slice(Math.max(bodyStart, from - 6), from).replace(/\s+$/, '') + '□' + text.slice(to, to + 6).replace(/^\s+/, '');

    // Literal characters anywhere in the body, credit lines included.
    for (const match of text.slice(bodyStart).matchAll(ANY)) {
      const start = bodyStart + match.index;
      const end = start + match[0].length;
      const char = match[0];
      if (start === 0 && char === '\ufeff') continue;
      if (char === '\t' && /(?:^|\n)[ \t]*$/.test(text.slice(Math.max(0, start - 40), start))) continue; // indentation
      if (char.length > 2) {
        context.reportRange(start, end, { message: `「${char}」是回车换行符转义后的残留：「${shown(start, end)}」`, fix: '' });
      } else if (PRIVATE_USE.test(char)) {
        context.reportRange(start, end, { message: `私用区字符${describe(char)}可能是造字或乱码，应核实：「${shown(start, end)}」` });
      } else {
        context.reportRange(start, end, { message: `不可见字符${describe(char)}：「${shown(start, end)}」`, fix: replacement(char, text[start - 1] ?? '', text[end] ?? '') });
      }
    }

    // The same characters written as HTML entities (&nbsp; &#8203;) reach the blocks only after decoding.
    if (!ENTITY.test(text)) return;
    for (const block of context.blocks) {
      for (const match of block.text.matchAll(ANY)) {
        const char = match[0];
        if (char.length > 2 || PRIVATE_USE.test(char)) continue;
        const offset = sourceOffset(block, match.index);
        if (text[offset] === char) continue; // literal: reported above
        const entity = /^&#?[0-9A-Za-z]{2,8};/.exec(text.slice(offset, offset + 12));
        if (!entity) continue;
        const end = offset + entity[0].length;
        context.reportRange(offset, end, {
          message: `不可见字符${describe(char)}（写作「${entity[0]}」）：「${shown(offset, end)}」`,
          fix: replacement(char, block.text[match.index - 1] ?? '', block.text[match.index + 1] ?? ''),
        });
      }
    }
  },
});
