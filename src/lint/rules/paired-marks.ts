import { defineRule, type SectionOptions } from '../define-rule.js';

/** Opening mark → closing mark. Half-width parentheses count as partners but are never reported (punct-width's job). */
const PAIRS: Record<string, string> = { '（': '）', '【': '】', '《': '》', '〈': '〉', '“': '”', '‘': '’', '(': ')' };
const CLOSERS: Record<string, string> = Object.fromEntries(Object.entries(PAIRS).map(([open, close]) => [close, open]));
const MARKS = /[（）【】《》〈〉“”‘’()]/g;
const LATIN = /[A-Za-z]/;
/** 1） 2） or 一） used as list numbering: a numbering style question, not a lost bracket. */
const NUMBERING = /(?:^|[。；：，\s])[\d一二三四五六七八九十]{1,2}$/;

export default defineRule<SectionOptions>({
  id: 'paired-marks',
  catalogue: 'PUNCT-03',
  severity: 'error',
  summary: '括号、书名号、引号成对使用，并正确嵌套',
  why: '丢失一半的括号、书名号或引号是常见的录排差错，读者无法判断引用或注释到哪里结束；交叉嵌套（《A（B》）同样计为标点差错。检查在同一段落、标题或表格单元格内进行。',
  defaults: { exemptSections: [] },
  optionDocs: { exemptSections: '不检查的类目或分目标题' },
  examples: {
    bad: [
      '示例市地方志办公室编纂的《示例市志（1986—2005）出版发行。',
      '【概况】2015年末，示例市有公共图书馆6个（含少儿图书馆1个，文化馆6个。',
      '示例市开展“书香社区创建活动，新建城市书房12个。',
      '市人民政府印发《示例市城乡居民基本养老保险实施办法（试行》）。',
      '全市新增农民专业合作社128家）。',
    ],
    good: [
      '【出版地方志书】示例市地方志办公室编纂的《示例市志（1986—2005）》出版发行。',
      '市人民政府印发《关于印发〈示例市城乡居民基本养老保险实施办法〉的通知》。',
      '市文明办开展“争做‘最美示例人’”主题活动。',
      '示例经济技术开发区引进McDonald’s等外资餐饮企业6家。',
      '“加快建设交通强市，\n\n“推进城乡客运一体化。”',
      '主要措施：1）新建城市书房12个；2）新建农家书屋42个。',
    ],
  },
  check(context) {
    const blocks = context.blocks;
    blocks.forEach((block, blockIndex) => {
      const text = block.text;
      const stack: number[] = [];
      const unmatched: number[] = [];
      for (const match of text.matchAll(MARKS)) {
        const index = match.index;
        const mark = match[0];
        if (mark === '’' && LATIN.test(text[index - 1] ?? '') && LATIN.test(text[index + 1] ?? '')) continue; // apostrophe
        if (PAIRS[mark]) {
          stack.push(index);
          continue;
        }
        const open = CLOSERS[mark]!;
        const partners = open === '（' || open === '(' ? '（(' : open;
        // Look a few levels down only, so that a text full of unclosed marks stays linear.
        const floor = Math.max(0, stack.length - 8);
        let depth = stack.length - 1;
        while (depth >= floor && !partners.includes(text[stack[depth]!]!)) depth--;
        if (depth < floor) {
          if (mark !== '）' || !NUMBERING.test(text.slice(Math.max(0, index - 3), index))) unmatched.push(index);
          continue;
        }
        unmatched.push(...stack.splice(depth).slice(1));
      }
      unmatched.push(...stack);
      // A quotation running over several paragraphs opens each paragraph with “ and closes only in the last one.
      const next = blocks[blockIndex + 1];
      const continued = text.startsWith('“') && next?.kind === 'paragraph' && next.text.startsWith('“');
      for (const index of unmatched.sort((a, b) => a - b)) {
        const mark = text[index]!;
        if (mark === '(' || mark === ')') continue;
        if (index === 0 && continued) continue;
        const partner = PAIRS[mark] ?? CLOSERS[mark]!;
        context.report(block, index, index + 1, {
          message: `「${mark}」没有配对的「${partner}」：「${text.slice(Math.max(0, index - 8), index + 9)}」`,
        });
      }
    });
  },
});
