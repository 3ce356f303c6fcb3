import { defineRule, type SectionOptions } from '../define-rule.js';

interface Options extends SectionOptions {
  min: number;
  max: number;
}

const PLANT = '示例市东湖污水处理厂三期工程建成投入运行，新增日处理能力10万立方米，配套建设污水管网26.8千米，城区污水集中处理率达到94.6%，比上年提高2.1个百分点。';

export default defineRule<Options>({
  id: 'entry-length',
  catalogue: 'ENTRY-09',
  severity: 'warning',
  summary: '条目篇幅适度：过短（默认不足80字）提示，过长（默认超过1500字）警告',
  why: '不足80字的条目通常缺少时间、主体、数字、结果等要素；超过1500字的非综述条目往往写了几件事，或是照搬的工作总结，应拆分或精简。年鉴提倡中、小条目（200～600字）。概况、综述条目可以较长，只检查下限；大事记、特载、专文、附录、统计资料等不按条目计字。',
  defaults: { min: 80, max: 1500, exemptSections: ['大事记', '特载', '专文', '附录', '统计资料'] },
  optionDocs: {
    min: '条目正文少于此字数时提示（info）',
    max: '非概况条目正文多于此字数时警告；概况、综述、概述条目不设上限',
    exemptSections: '不检查篇幅的类目或分目标题',
  },
  examples: {
    bad: [
      '【开展安全检查】5月，示例市应急管理局开展安全检查。',
      '【召开会议】3月5日，示例市人民政府召开全市农业农村工作会议，部署年度工作。',
      `【污水处理】2015年，${PLANT.repeat(22)}`,
    ],
    good: [
      '【安全生产检查】5月10—20日，示例市应急管理局组织安全生产大检查，检查工矿商贸企业126家，排查安全隐患318处，责令限期整改310处，对8家企业立案处罚，罚款金额46.5万元，关闭不具备安全生产条件的小作坊5家。',
      `【概况】2015年，${PLANT.repeat(22)}`,
      { text: '### 1月\n\n5日　示例市第十五届人民代表大会第四次会议开幕。', sectionTitles: ['大事记', '2015年大事记'] },
      { text: '## 第一章　公路\n\n### 第一节　国道\n\n国道215线示例段48.6千米。', kind: 'gazetteer' },
    ],
  },
  check(context) {
    if (context.kind === 'gazetteer') return;
    const { min, max } = context.options;
    for (const entry of context.chapter.entries) {
      const overview = context.style.overviewTitles.includes(entry.title);
      if (entry.chars < min) {
        context.reportRange(entry.titleStart, entry.titleEnd, {
          message: `条目「${entry.title}」正文仅${entry.chars}字，少于${min}字，时间、主体、数字、结果等要素可能不全`,
          severity: 'info',
        });
      } else if (!overview && entry.chars > max) {
        context.reportRange(entry.titleStart, entry.titleEnd, {
          message: `条目「${entry.title}」正文${entry.chars}字，超过${max}字，宜拆分为几个条目或精简`,
        });
      }
    }
  },
});
