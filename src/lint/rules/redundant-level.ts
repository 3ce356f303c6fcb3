import { defineRule, type SectionOptions } from '../define-rule.js';

/**
 * 市市委, 县县政府, 镇镇党委…: the level repeated before the body. Not 城市市委 (城市 + 市委), 城区区委, 新区区委,
 * 郊区区委, 矿区区委 (the district is named 城区/新区…), nor 城乡乡政府; 市市长 is correct (the post is 市长).
 */
const REDUNDANT = /(?<![城新郊矿都])([省市县区])\1(委|政府|人民政府|人大(?:常委会)?|政协|纪委)|(?<![城])([镇乡])\3(党委|政府|人民政府|人大)/g;

export default defineRule<SectionOptions>({
  id: 'redundant-level',
  catalogue: 'NAME-08',
  severity: 'error',
  summary: '不写“市市委”“县县政府”等重复层级',
  why: '党委、政府等机构名称已含行政区划层级，“示例市市委书记”“东湖区区政府”多了一个“市”“区”，应写作“示例市委书记”“东湖区政府”。“示例市市长”是正确的（职务是市长）。',
  defaults: { exemptSections: [] },
  optionDocs: { exemptSections: '不检查的类目或分目标题' },
  examples: {
    bad: [
      '【中心组学习】示例市市委理论学习中心组全年集中学习12次。',
      '【区政府常务会议】东湖区区政府召开常务会议38次。',
      '【县人大】青山县县人大常委会审议工作报告6项。',
      '【镇村治理】桃源镇镇党委开展“三务公开”示范创建。',
    ],
    good: [
      '【中心组学习】中共示例市委理论学习中心组全年集中学习12次，示例市市长王建华作专题辅导。',
      '【区政府常务会议】东湖区人民政府召开常务会议38次，区长林海主持。',
      '【城市管理】示例市城市市容环境卫生管理条例修订，城市市政设施完好率98.6%。',
      '【矿区党建】示例市矿区区委组织部组织党员培训1200人次。',
    ],
  },
  check(context) {
    for (const block of context.blocks) {
      for (const match of block.text.matchAll(REDUNDANT)) {
        const level = match[1] ?? match[3]!;
        const body = match[2] ?? match[4]!;
        context.report(block, match.index, match.index + match[0].length, {
          message: `「${match[0]}」层级重复，应写作「${level}${body}」`,
          expected: [`${level}${body}`],
        });
      }
    }
  },
});
