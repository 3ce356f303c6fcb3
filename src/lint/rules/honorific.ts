import { defineRule, type SectionOptions } from '../define-rule.js';

/** Characters that do not occur in given names (see name-title-order); 老同志、广大同志 never look like a name. */
const NOT_GIVEN_NAME = /[^\u4e00-\u9fff]|[局办委区市县镇乡村院所站会部厅处科室组队校馆社司厂街道省州盟旗团党政协联务间目业检装医监管理事长副正总代任为兼是的了和与及在由对将等共各全其该本我他她它这那有无不也都而或并从向到被把给让使以于上下中内外前后年月日时号届次个名位项件批第级城化港庄屯寨堡铺坝湾沟洼垸圩坊埠墩峪老青年轻大干员导体众位些广]/;

export default defineRule<SectionOptions>({
  id: 'honorific',
  catalogue: 'NAME-02',
  severity: 'error',
  summary: '姓名后不加“同志”“先生”“女士”',
  why: '年鉴“直书其名”，对任何人都不加敬称，也不加褒贬之词。“老同志”“青年同志”“广大同志”泛指一类人，不是姓名后的敬称；孙中山先生等习惯称谓收在词表 honorific 的例外中。本规则只认“常见姓氏＋名”，不认识的姓名不报。',
  defaults: { exemptSections: [] },
  optionDocs: { exemptSections: '不检查的类目或分目标题' },
  examples: {
    bad: [
      '【人大换届】张建国同志当选为示例市人民代表大会常务委员会主任。',
      '【捐资助学】旅港乡亲陈志明先生捐资500万元设立助学基金。',
      '【三八红旗手】示例市第一人民医院护士长刘芳女士获“全国三八红旗手”称号。',
      '【来信办理】市长信箱全年办理王先生等群众来信1260件。',
    ],
    good: [
      '【人大换届】张建国当选为示例市人民代表大会常务委员会主任。',
      '【老干部工作】示例市委老干部局组织离退休老同志参观重点项目，广大同志参加座谈。',
      '【孙中山纪念】示例市举办纪念孙中山先生诞辰149周年座谈会。',
      '【志愿服务】示例市团委组织大学生共同志愿服务，首先生产防疫物资的企业获表彰。',
    ],
  },
  check(context) {
    const surnames = context.words('surnames');
    const honorifics = context.words('honorific');
    for (const block of context.blocks) {
      const text = block.text;
      const found = honorifics.find(text);
      if (!found.length) continue;
      const surnameEnds = new Map<number, number>();
      for (const surname of surnames.find(text)) surnameEnds.set(surname.index + surname.text.length, surname.index);
      for (const honorific of found) {
        const nameEnd = honorific.index;
        for (const given of [2, 1, 0]) {
          if (given > 0 && NOT_GIVEN_NAME.test(text.slice(nameEnd - given, nameEnd))) continue;
          const start = surnameEnds.get(nameEnd - given);
          if (start === undefined) continue;
          const name = text.slice(start, nameEnd);
          context.report(block, start, nameEnd + honorific.text.length, {
            message: `「${name}${honorific.text}」姓名后不加敬称，应直书其名`,
            expected: [given > 0 ? name : '直书姓名'],
          });
          break;
        }
      }
    }
  },
});
