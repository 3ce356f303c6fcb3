import { defineRule, type SectionOptions } from '../define-rule.js';
import { escapeRegExp } from '../word-list.js';

export default defineRule<SectionOptions>({
  id: 'term-consistency',
  catalogue: 'NAME-07',
  severity: 'warning',
  summary: '同一机构、事物始终用同一名称：不用名称对照表中的不规范异称',
  why: '“同一词语始终表示同一概念，同一概念始终使用同一词语”。同一机构在书中时而“市发改委”、时而“市发展改革委”，读者会以为是两个机构，索引和检索也会分裂。名称对照表（卷配置 style.aliases）为每个机构规定全称、规范简称和不规范的异称（variants）；正文中出现异称即报告，建议改用规范简称或全称。书名号内的文件名照录，不检查。',
  defaults: { exemptSections: [] },
  optionDocs: { exemptSections: '不检查的类目或分目标题' },
  exampleStyle: {
    aliases: [
      { full: '示例市发展和改革委员会', short: ['市发展改革委'], variants: ['市发改委', '示例市发改委'] },
      { full: '中国人民政治协商会议示例市委员会', short: ['市政协'], variants: ['示例市政协'] },
    ],
  },
  examples: {
    bad: [
      '【项目审批】2015年，市发改委审批固定资产投资项目186个。',
      '【委员视察】示例市政协组织委员视察重点项目12次。',
      '【价格监测】示例市发展和改革委员会（以下简称市发展改革委）设立价格监测点46个，示例市发改委全年发布价格信息1200条。',
    ],
    good: [
      '【项目审批】2015年，示例市发展和改革委员会（以下简称市发展改革委）审批固定资产投资项目186个，市发展改革委核准项目38个。',
      '【委员视察】中国人民政治协商会议示例市委员会（以下简称市政协）组织委员视察重点项目12次。',
      '【文件印发】示例市人民政府转发《市发改委关于2015年重点项目安排的通知》。',
    ],
  },
  check(context) {
    const aliases = context.style.aliases;
    const forms = new Map<string, { variant: boolean; expected: string[] }>();
    for (const alias of aliases) {
      const expected = [...(alias.short ?? []), alias.full];
      for (const name of [alias.full, ...(alias.short ?? [])]) forms.set(name, { variant: false, expected });
      for (const name of alias.variants ?? []) if (!forms.has(name)) forms.set(name, { variant: true, expected });
    }
    if (![...forms.values()].some((form) => form.variant)) return;
    // One alternation, longest first: a variant inside a longer full or short name is not reported.
    const pattern = new RegExp(['《[^《》\\n]*》', ...[...forms.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp)].join('|'), 'g');
    for (const block of context.blocks) {
      for (const match of block.text.matchAll(pattern)) {
        const form = forms.get(match[0]);
        if (!form?.variant) continue;
        context.report(block, match.index, match.index + match[0].length, {
          message: `「${match[0]}」是不规范的异称，应统一为「${form.expected.join('」或「')}」`,
          expected: form.expected,
        });
      }
    }
  },
});
