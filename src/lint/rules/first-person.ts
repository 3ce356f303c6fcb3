import { reportWordMatches } from '../report-words.js';
import { defineRule, type SectionOptions } from '../define-rule.js';

export default defineRule<SectionOptions>({
  id: 'first-person',
  catalogue: 'WRITE-01',
  severity: 'error',
  summary: '不用第一人称，应写明主体名称',
  why: '年鉴是本行政区域的资料性文献，由众多单位供稿汇编而成。“我局”“本市”一经汇编即失去所指，外地和后世读者无从知道是谁。',
  defaults: { exemptSections: [] },
  optionDocs: { exemptSections: '不检查的类目或分目标题' },
  examples: {
    bad: ['【受理投诉】2015年，我局受理消费者投诉1200件。', '【概况】2015年末，本市有幼儿园186所。', '我们组织专家评审项目42个。', '我国首条城际铁路在示例市设站。'],
    good: [
      '【受理投诉】2015年，示例市市场监督管理局受理消费者投诉1200件。',
      '示例市与日本市场的贸易额增长8.2%。',
      '全市资本市场融资38.6亿元。',
      '本次会议审议通过决议3项。',
      { text: '第二十条　本办法自2015年3月1日起施行。示例市农产品批发市场年交易额38亿元，本市场入驻商户860户。', sectionTitles: ['附录', '文件选编'] },
    ],
  },
  check(context) {
    reportWordMatches(context, 'first-person', (shown) => `「${shown}」为第一人称，应写明主体名称`);
  },
});
