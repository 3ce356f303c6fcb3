import { reportWordMatches } from '../report-words.js';
import { defineRule, type SectionOptions } from '../define-rule.js';

export default defineRule<SectionOptions>({
  id: 'news-style',
  catalogue: 'WRITE-08',
  severity: 'warning',
  summary: '不用新闻稿写法（据悉、据了解、本报讯、记者署名、隆重开幕、落下帷幕）',
  why: '供稿单位常把本单位的新闻稿直接报来。新闻稿有电头、记者署名和“据悉”“隆重开幕”“落下帷幕”之类的渲染，时间又多是“近日”“日前”，都不符合条目的记述体，须改写为直述事实、写明日期的条目。',
  defaults: { exemptSections: [] },
  optionDocs: { exemptSections: '不检查的类目或分目标题' },
  examples: {
    bad: [
      '【读书节】据悉，第三届示例市读书节共举办活动126场。',
      '【桃花节】示例日报讯（记者　王小川　通讯员　李青）3月28日，第五届示例市桃花节开幕。',
      '【农民运动会】9月20日，为期3天的示例市第二届农民运动会落下帷幕。',
      '【博览会】示例市首届农产品博览会在会展中心隆重开幕。',
      '【就业统计】记者从示例市人力资源和社会保障局了解到，全年城镇新增就业3.6万人。',
    ],
    good: [
      '【读书节】4月23日—5月10日，示例市举办第三届读书节，共举办活动126场。',
      '【新闻队伍】年末，示例日报社有采编人员186人，其中取得新闻记者证的128人。',
      '【记者节】11月8日，示例市新闻工作者协会举办记者节座谈会，表彰优秀新闻作品24件。',
      '【博览会】10月16—18日，示例市首届农产品博览会在示例国际会展中心举办，签约金额8.6亿元。',
      '【广播电视】示例广播电视台开办“据悉今日”新闻栏目，全年播出新闻2860条。',
    ],
  },
  check(context) {
    reportWordMatches(context, 'news-style', (shown) => `「${shown}」是新闻稿写法，应改写为直述事实的条目`);
  },
});
