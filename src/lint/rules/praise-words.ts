import { defineRule, type SectionOptions } from '../define-rule.js';

export default defineRule<SectionOptions>({
  id: 'praise-words',
  catalogue: 'WRITE-05',
  severity: 'warning',
  summary: '不用褒扬词和空话套话（高度重视、取得显著成效、圆满成功、积极、大力……）',
  why: '年鉴“述而不论”，“不评不议，不褒不贬”，用事实和数据说话。“高度重视”“精心组织”“取得显著成效”“一致好评”和“积极”“大力”“扎实”之类的强调词不含信息，只让文字变成工作总结和宣传稿。书名号、引号内的文件名和称号照录，不检查；特载、专文所载讲话和文献不检查。',
  defaults: { exemptSections: ['特载', '专文'] },
  optionDocs: { exemptSections: '不检查的类目或分目标题（默认特载、专文）' },
  examples: {
    bad: [
      '【创建卫生城市】市委、市政府高度重视，精心组织，全市创卫工作取得显著成效。',
      '【全民健身】第三届示例市全民健身运动会圆满成功，受到广泛好评。',
      '【农业产业化】示例市大力发展农民专业合作社，扎实推进土地流转。',
      '【环境整治】示例市积极开展城乡环境综合整治，有效改善群众居住环境。',
      '【社区服务】社区服务设施不断完善，服务水平进一步提高。',
    ],
    good: [
      '【乡村旅游】青山县突出山区生态特色，建成乡村旅游示范点12个。',
      '【创建卫生城市】11月，示例市通过国家卫生城市技术评估，城区主次干道保洁率98.2%。',
      '【党员教育】示例市表彰优秀共产党员126名，入党积极分子培训班结业学员860人。',
      '【知识产权】年末，示例市每万人有效发明专利拥有量4.6件，有效灌溉面积86.2千公顷，疫苗有效接种率98.6%。',
      '【市场供应】春节期间，示例市主要农副产品供应不断档，加大力度查处价格违法案件38件。',
      '【文件印发】示例市人民政府印发《关于进一步加强安全生产工作的意见》，示例市第一中学获“全国积极推进素质教育先进学校”称号。',
      { text: '全市上下高度重视，扎实推进各项工作，取得显著成效。', sectionTitles: ['特载', '2015年示例市政府工作报告'] },
    ],
  },
  check(context) {
    const words = context.words('praise-words');
    for (const block of context.blocks) {
      let last = -1;
      for (const match of words.find(block.text)) {
        if (match.index < last) continue;
        last = match.index + match.text.length;
        context.report(block, match.index, last, {
          message: `「${match.text}」是褒扬用语或套话，年鉴述而不论，应直述事实和数字`,
          expected: match.suggest,
        });
      }
    }
  },
});
