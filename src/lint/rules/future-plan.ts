import { defineRule, type SectionOptions } from '../define-rule.js';

export default defineRule<SectionOptions>({
  id: 'future-plan',
  catalogue: 'WRITE-04',
  severity: 'warning',
  summary: '不记计划、预测和展望（下一步、今后、将继续、拟、预计、力争……）',
  why: '年鉴是资料性文献，只记年度内已经发生的事。“对尚在计划之中，年度内未付诸实施的事，不予记载”；计划和预测不是事实，日后若未实现便成了错误的记录。年度内通过或印发的规划是事实，可以记载。特载、专文、专记不受此限。',
  defaults: { exemptSections: ['特载', '专文', '专记'] },
  optionDocs: { exemptSections: '不检查的类目或分目标题（默认特载、专文、专记）' },
  examples: {
    bad: [
      '【地铁建设】下一步，示例市将加快推进轨道交通2号线建设。',
      '【安全生产】各乡镇要切实加强危险化学品企业监管，要确保全年不发生较大事故。',
      '【产业园区】示例市经济技术开发区拟于2016年启动三期建设。',
      '【工业经济】全年规模以上工业增加值预计增长8%。',
      '【城市供水】示例市第三水厂力争2016年6月建成通水。',
      '【职业教育】示例市职业教育中心今后将继续扩大招生规模。',
    ],
    good: [
      '【重点工作】示例市人民政府确定重要民生实事10件，主要指标全部完成，编印《安全生产工作要点》。',
      '【计划生育】2015年，示例市卫生和计划生育委员会落实计划生育奖励扶助政策，发放奖励扶助金3860万元。',
      '【农村公路养护】示例市交通运输局将农村公路养护纳入乡镇年度考核。',
      '【通报情况】示例市人民政府办公室印发通报，现将全年重点项目完成情况通报如下。',
      '【规划编制】12月，《示例市国民经济和社会发展第十三个五年规划纲要（草案）》拟定，《示例市关于进一步加快旅游业发展的意见》印发。',
      '【继续教育】示例市将继续教育学时纳入专业技术人员考核，全年争取上级补助资金2.3亿元。',
      { text: '2016年，示例市将加快推进轨道交通2号线建设，力争年内开通试运营。', sectionTitles: ['特载', '2016年示例市政府工作报告'] },
    ],
  },
  check(context) {
    const words = context.words('future-plan');
    for (const block of context.blocks) {
      let last = -1;
      for (const match of words.find(block.text)) {
        if (match.index < last) continue;
        last = match.index + match.text.length;
        context.report(block, match.index, last, {
          message: `「${match.text}」是计划或预测用语，年鉴只记已发生的事`,
          expected: match.suggest,
        });
      }
    }
  },
});
