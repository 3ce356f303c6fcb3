import { defineRule, type SectionOptions } from '../define-rule.js';

export default defineRule<SectionOptions>({
  id: 'relative-time',
  catalogue: 'WRITE-02',
  severity: 'error',
  summary: '不用“今年”“近年来”“目前”等相对时间词，应写明具体时间',
  why: '年鉴要供几十年后的读者查阅，“今年”“去年”“近年来”“目前”“近日”一经出版就失去所指；撰稿时已是次年，“今年”在写作时就已错位。应写明年、月、日，或用“年内”“全年”“是年”“同年”“当月”“同日”；统计比较用“比上年”“上年同期”“同比”。',
  defaults: { exemptSections: [] },
  optionDocs: { exemptSections: '不检查的类目或分目标题' },
  examples: {
    bad: [
      '【旅游接待】今年，示例市接待国内外游客1260万人次。',
      '【城市绿化】近年来，示例市新建城市公园23个。',
      '【养老服务】目前，示例市有养老机构46家，床位8200张。',
      '【交通建设】示例市交通运输局日前召开农村公路建设推进会。',
      '【招商引资】示例市与去年相比新增签约项目12个。',
    ],
    good: [
      '【旅游接待】2015年，示例市接待国内外游客1260万人次，比上年增长9.6%，年内新增4A级旅游景区2个。',
      '【城市绿化】全年新建城市公园5个。同年12月，东湖湿地公园对外开放，次日接待游客1.2万人次。',
      '【网站建设】示例市人民政府门户网站“当前位置”栏目改版。',
      '【防汛工作】示例市人民政府印发《关于做好当前防汛抗旱工作的通知》，要求12月31日前完成水毁工程修复。',
      '【项目建设】示例市新建项目占地面积比上年度减少，离市区最近的物流园区于5月开工，主要表现在仓储用地减少，青山县出现阶段性干旱。',
      '【城市规划】《示例市城市总体规划》分近期、远期两个阶段，首次体现在职职工住房需求。',
    ],
  },
  check(context) {
    const words = context.words('relative-time');
    const years = context.recordYears;
    const fill = (suggestion: string) =>
      years && years.from === years.to
        ? suggestion.replace('{year}', String(years.to)).replace('{prevYear}', String(years.to - 1)).replace('{nextYear}', String(years.to + 1))
        : suggestion;
    for (const block of context.blocks) {
      for (const match of words.find(block.text)) {
        const last = match.index + match.text.length;
        const expected = match.suggest.map(fill).filter((suggestion) => !/\{\w+\}/.test(suggestion));
        context.report(block, match.index, last, {
          message: `「${match.text}」为相对时间，应写明具体时间`,
          expected,
        });
      }
    }
  },
});
