import { defineRule, type SectionOptions } from '../define-rule.js';
import { isCjkLike } from '../../parse/text-block.js';

const FULL_WIDTH: Record<string, string> = { ',': '，', '.': '。', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };
const HALF_WIDTH = /[,.;:?!()]/g;

export default defineRule<SectionOptions>({
  id: 'punct-width',
  catalogue: 'PUNCT-01',
  severity: 'error',
  summary: '中文文本使用全角标点',
  why: '用英文输入法录入或从网页粘贴的半角标点是来稿中最常见的标点差错，计入编校差错率。拉丁文、网址和数字中的半角符号不受影响。',
  fixable: true,
  defaults: { exemptSections: [] },
  examples: {
    bad: ['全市有学校312所,在校生21.6万人.', '示例市第一中学(省级示范高中)', '主要指标:地区生产总值1865.3亿元'],
    good: ['全市有学校312所，在校生21.6万人。', '示例市第一中学（省级示范高中）', '会议于14:30开始，增长3.5%。', 'Mr. Smith, welcome.'],
  },
  check(context) {
    for (const block of context.blocks) {
      const text = block.text;
      for (const match of text.matchAll(HALF_WIDTH)) {
        const i = match.index!;
        const replacement = FULL_WIDTH[text[i]!]!;
        const before = text[i - 1] ?? '';
        const after = text[i + 1] ?? '';
        const chinese = (char: string) => char !== '' && isCjkLike(char);
        const flagged =
          text[i] === '.'
            ? chinese(before) && !/[\d.]/.test(after)
            : text[i] === '(' ? chinese(after) || chinese(before) : text[i] === ')' ? chinese(before) || chinese(after) : chinese(before) || (chinese(after) && before !== '' && !/[A-Za-z0-9]/.test(before));
        if (!flagged) continue;
        context.report(block, i, i + 1, { message: `中文文本中的半角标点「${text[i]}」应改为全角「${replacement}」`, fix: replacement });
      }
    }
  },
});
