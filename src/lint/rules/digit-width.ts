import { defineRule, type SectionOptions } from '../define-rule.js';

/** A number written with at least one full-width digit; a full-width point only between digits, ％ right after. */
const NUMBER = /[0-9０-９](?:[0-9０-９]|[．.](?=[0-9０-９]))*％?/g;

function halfWidth(text: string): string {
  return text.replace(/[０-９．％]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0));
}

export default defineRule<SectionOptions>({
  id: 'digit-width',
  catalogue: 'NUM-08',
  severity: 'error',
  summary: '阿拉伯数字和小数点使用半角',
  why: '阿拉伯数字一律用半角形式。全角数字（１２．５）多来自输入法切换或网页粘贴，排版时字距不一，检索和统计核对时也与半角数字不等同。',
  fixable: true,
  defaults: { exemptSections: [] },
  optionDocs: { exemptSections: '不检查的类目或分目标题' },
  examples: {
    bad: [
      '【地区生产总值】2015年，示例市地区生产总值比上年增长７．６％。',
      '【学校】年末全市有各级各类学校３１２所。',
      '【人口】年末常住人口２86.4万人。',
      '| 指标 | 数值 |\n|---|---|\n| 学校（所） | ３１２ |',
    ],
    good: [
      '【地区生产总值】2015年，示例市地区生产总值比上年增长7.6%。',
      '【学校】年末全市有各级各类学校312所，在校生21.6万人。',
      '【规划】示例市编制“十三五”规划，实施第一期工程。',
    ],
  },
  check(context) {
    for (const block of context.blocks) {
      const text = block.text;
      if (!/[０-９]/.test(text)) continue;
      for (const match of text.matchAll(NUMBER)) {
        if (!/[０-９]/.test(match[0])) continue;
        const fixed = halfWidth(match[0]);
        context.report(block, match.index!, match.index! + match[0].length, {
          message: `「${match[0]}」使用了全角数字，应改为半角「${fixed}」`,
          fix: fixed,
        });
      }
    }
  },
});
