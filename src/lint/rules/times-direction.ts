import { defineRule, type SectionOptions } from '../define-rule.js';

const DECREASE_TIMES = /(?:降低|减少|下降|缩小|缩短|减低|压缩|减轻)了?(?:\d+(?:\.\d+)?|[一二三四五六七八九十两半]+)倍/g;

export default defineRule<SectionOptions>({
  id: 'times-direction',
  catalogue: 'NUM-11',
  severity: 'error',
  summary: '减少不能用“倍”表示，不写“降低2倍”“减少一倍”',
  why: '倍数只能表示增加：“增加了2倍”是原数的3倍，“增加到2倍”是原数的2倍。减少不可能“一倍”以上，“降低2倍”在数学上无意义，应改用百分数或分数，如“下降66.7%”“减少到原来的三分之一”。',
  defaults: { exemptSections: [] },
  optionDocs: { exemptSections: '不检查的类目或分目标题' },
  examples: {
    bad: [
      '【安全生产】全年道路交通事故死亡人数比上年降低了2倍。',
      '【行政审批】审批时限比上年缩短一倍。',
      '【节能】单位产品能耗比改造前下降1.5倍。',
      '【空气质量】重污染天数比上年减少两倍。',
    ],
    good: [
      '【安全生产】全年道路交通事故死亡人数比上年下降66.7%。',
      '【行政审批】审批时限由20个工作日缩短到10个工作日，减少50%。',
      '【旅游】全年旅游收入比2010年增加了2倍，接待游客人数增加到原来的2.5倍。',
      '【成本】企业物流成本成倍下降，运输时间缩短一半。',
    ],
  },
  check(context) {
    for (const block of context.blocks) {
      if (!block.text.includes('倍')) continue;
      for (const match of block.text.matchAll(DECREASE_TIMES)) {
        context.report(block, match.index!, match.index! + match[0].length, {
          message: `「${match[0]}」减少不能用倍数表示，应改用百分数或分数`,
          expected: ['下降××%', '减少到原来的×分之一'],
        });
      }
    }
  },
});
