import { defineRule, type SectionOptions } from '../define-rule.js';
import { sourceOffset } from '../../parse/text-block.js';

const RUN = /[，。、；：？！]{2,}/g;
/** Strength of a mark: the one kept when marks clash (，。 → 。；、， → ，). */
const STRENGTH: Record<string, number> = { '、': 1, '，': 2, '：': 3, '；': 4, '。': 5, '！': 6, '？': 6 };

export default defineRule<SectionOptions>({
  id: 'duplicate-punct',
  catalogue: 'PUNCT-10',
  severity: 'error',
  summary: '不重复或叠用点号（，， 。。 ，。 、。 ；。 等）',
  why: '重复或叠用的点号多是修改稿件时删改不净留下的，计为标点差错。保留作用较强的一个：句末点号优先于句内点号。“！！”“？？”“？！”可表强烈语气，“？？”作占位符时由 placeholder 规则检查；省略号“……”和破折号“——”本来就占两个字位，不在此列。',
  fixable: true,
  defaults: { exemptSections: [] },
  optionDocs: { exemptSections: '不检查的类目或分目标题' },
  examples: {
    bad: [
      '全市21个地表水监测断面中，水质达标的18个，，达标率85.7%。',
      '全年完成治水投资42.6亿元。。',
      '新建城市书房12个、农家书屋42个，。',
      '全市有幼儿园186所、、小学128所。',
      '主要指标：：地区生产总值1865.3亿元；。',
    ],
    good: [
      '全市21个地表水监测断面中，水质达标的18个，达标率85.7%。',
      '市区整治黑臭河道、修复河岸、铺设截污管网……完成投资8.6亿元。',
      '该项目——全市最大的物流园——于5月开工。',
      '展板上写着“保护母亲河，从我做起！！”',
      '市民热线接到的第一个问题是“公交车什么时候通到村里？！”',
    ],
  },
  check(context) {
    for (const block of context.blocks) {
      const text = block.text;
      for (const match of text.matchAll(RUN)) {
        const run = match[0];
        if (/^[？！]+$/.test(run)) continue; // rhetorical ！！ ？！; ？？ placeholders are placeholder's
        if (/^。{3,}$/.test(run)) continue; // 。。。 is an ellipsis written wrong: ellipsis reports it
        const keep = [...run].reduce((best, mark) => (STRENGTH[mark]! > STRENGTH[best]! ? mark : best));
        const start = match.index;
        const end = start + run.length;
        const source = context.text.slice(sourceOffset(block, start), sourceOffset(block, end - 1) + 1);
        context.report(block, start, end, {
          message: `点号「${run}」重复或叠用，应只保留「${keep}」`,
          expected: [keep],
          ...(source === run ? { fix: keep } : {}),
        });
      }
    }
  },
});
