import { reportWordMatches } from '../report-words.js';
import { defineRule, type SectionOptions } from '../define-rule.js';

export default defineRule<SectionOptions>({
  id: 'slogan',
  catalogue: 'WRITE-06',
  severity: 'warning',
  summary: '不用口号和号召用语（在……的正确领导下、凝心聚力、为……作出新的更大贡献）',
  why: '年鉴记事“不戴帽子、不穿靴子”：开头的“在……的正确领导下”“以……为契机”和结尾的“凝心聚力”“为……作出新的更大贡献”是讲话稿和宣传稿的套路，不传递任何事实。特载、专文所载讲话和文献不检查。',
  defaults: { exemptSections: ['特载', '专文'] },
  optionDocs: { exemptSections: '不检查的类目或分目标题（默认特载、专文）' },
  examples: {
    bad: [
      '【社会治理】在市委、市政府的正确领导下，示例市刑事案件立案数比上年下降6.2%。',
      '【美丽乡村】全市上下凝心聚力，为建设美丽示例作出新的更大贡献。',
      '【旅游宣传】示例市以举办第五届桃花节为契机，推出乡村旅游线路12条。',
      '【重点项目】示例市重点项目建设者攻坚克难，谱写了城市建设的新篇章。',
    ],
    good: [
      '【社会治理】2015年，示例市刑事案件立案数比上年下降6.2%，由中共示例市委政法委员会领导的网格化管理覆盖全部社区。',
      '【美丽乡村】2015年，示例市建成美丽乡村示范村38个，改造农村危房2600户。',
      '【旅游宣传】4月，示例市举办第五届桃花节，推出乡村旅游线路12条。',
      '【主题活动】示例市总工会开展“凝心聚力建新功”劳动竞赛，参赛职工1.6万人。',
      { text: '全市上下要凝心聚力，为全面建成小康社会作出新的更大贡献。', sectionTitles: ['特载', '2016年示例市政府工作报告'] },
    ],
  },
  check(context) {
    reportWordMatches(context, 'slogan', (shown) => `「${shown}」是口号或号召用语，年鉴不戴帽子、不穿靴子，应删去`);
  },
});
