import { defineRule, type SectionOptions } from '../define-rule.js';

export default defineRule<SectionOptions>({
  id: 'political-terms',
  catalogue: 'NAME-09',
  severity: 'error',
  summary: '政治性和规范性用语按规定写（“文化大革命”加引号，不写文革、建国后、前苏联、两岸三地……）',
  why: '年鉴是官修文献，政治性表述出错按编校差错计为重大差错。新华社《新闻报道中的禁用词和慎用词》和志书行文规范规定：“文化大革命”加引号、不简称“文革”；“建国后”写作“中华人民共和国成立后”；不写“前苏联”“中港”“两岸三地”“日寇”“满清”；民族名称不随意简称。词表 political-terms 中的写法报为错误，词表 political-terms-caution 中的慎用写法（解放前、村官……）报为警告，由编辑斟酌。',
  defaults: { exemptSections: [] },
  optionDocs: { exemptSections: '不检查的类目或分目标题' },
  examples: {
    bad: [
      '【党史研究】示例市党史研究室征集文革时期档案资料320件。',
      '【城市建设】建国后，示例市先后编制城市总体规划5版。',
      '【国际友城】示例市与前苏联加盟共和国城市的友好往来始于20世纪50年代。',
      '【港澳台交流】示例市举办两岸三地青少年夏令营，营员260人。',
      '【抗战纪念】示例市修缮日寇侵华罪证遗址3处。',
      '【村级组织】2015年，示例市选聘村官86名。',
    ],
    good: [
      '【党史研究】示例市党史研究室征集“文化大革命”时期档案资料320件。',
      '【城市建设】中华人民共和国成立后，示例市先后编制城市总体规划5版，王建国主持编制第五版。',
      '【港澳台交流】示例市举办海峡两岸和香港青少年夏令营，营员260人。',
      '【村级组织】2015年，示例市选聘大学生村官86名，农村长效保洁机制覆盖全部行政村。',
      '【史志编纂】示例市地方志办公室出版《建国后示例工业史料选编》。',
    ],
  },
  check(context) {
    const lists = [
      { words: context.words('political-terms'), severity: context.severity },
      { words: context.words('political-terms-caution'), severity: context.severity === 'error' ? ('warning' as const) : context.severity },
    ];
    for (const block of context.blocks) {
      for (const { words, severity } of lists) {
        for (const match of words.find(block.text)) {
          const advice = match.suggest.length ? `，宜写作「${match.suggest[0]}」` : '';
          context.report(block, match.index, match.index + match.text.length, {
            message: `「${match.text}」不符合规范表述${match.note ? `（${match.note}）` : ''}${advice}`,
            expected: match.suggest,
            severity,
          });
        }
      }
    }
  },
});
