import { defineRule, type SectionOptions } from '../define-rule.js';
import { sourceOffset } from '../../parse/text-block.js';

/** A 顿号 directly between a closing and an opening mark of the same kind: 》、《 〉、〈 ”、“ ’、‘. */
const DUNHAO = /[》〉”’]、[《〈“‘]/g;
const SAME_KIND = new Set(['》、《', '〉、〈', '”、“', '’、‘']);

export default defineRule<SectionOptions>({
  id: 'no-dunhao-between-marks',
  catalogue: 'PUNCT-05',
  severity: 'warning',
  summary: '并列的引号、书名号之间不用顿号',
  why: 'GB/T 15834—2011规定：标有引号或书名号的并列成分之间通常不用顿号，如《条例》《办法》、“进社区”“进乡村”；只有在引号、书名号后面还有括注等其他成分时才用顿号。',
  fixable: true,
  defaults: { exemptSections: [] },
  optionDocs: { exemptSections: '不检查的类目或分目标题' },
  examples: {
    bad: [
      '示例市人民政府印发《示例市城区停车设施建设实施方案》、《示例市农村公路养护管理办法》。',
      '市文明办开展“文明交通进社区”、“文明交通进乡村”活动。',
      '全市组织学习《中华人民共和国环境保护法》、《中华人民共和国大气污染防治法》、《示例市水环境保护条例》。',
      '市文广新局印发《关于开展“送戏下乡”、“送书下乡”活动的通知》。',
    ],
    good: [
      '示例市人民政府印发《示例市城区停车设施建设实施方案》《示例市农村公路养护管理办法》。',
      '市文明办开展“文明交通进社区”“文明交通进乡村”活动。',
      '全市组织学习《中华人民共和国环境保护法》（2014年修订）、《示例市水环境保护条例》。',
      '示例市获“全国双拥模范城”称号、“省级生态市”称号。',
    ],
  },
  check(context) {
    for (const block of context.blocks) {
      for (const match of block.text.matchAll(DUNHAO)) {
        if (!SAME_KIND.has(match[0])) continue;
        const index = match.index + 1;
        const canFix = context.text[sourceOffset(block, index)] === '、';
        context.report(block, index, index + 1, {
          message: `并列的引号、书名号之间不用顿号：「${block.text.slice(Math.max(0, index - 6), index + 7)}」`,
          ...(canFix ? { fix: '' } : {}),
        });
      }
    }
  },
});
