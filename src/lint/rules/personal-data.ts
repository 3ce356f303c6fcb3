import { defineRule, type SectionOptions } from '../define-rule.js';

/** 18-digit resident ID: region (6), birth date (8, 19xx or 20xx), sequence (3), check digit. */
const ID_NUMBER = /(?<![\dA-Za-z.])[1-8]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![\dA-Za-z])/g;
/** Mobile number, optionally grouped 3-4-4 with a hyphen or a space; a following unit makes it a quantity. */
const MOBILE = /(?<![\d.])1[3-9]\d(?:[- ]?\d{4}){2}(?![\d.%‰]|[元万亿人吨个件户次千辆台套册株头只亩项家所座名卷条篇张页米克升度位])/g;

export default defineRule<SectionOptions>({
  id: 'personal-data',
  catalogue: 'EXTRA-08',
  severity: 'error',
  summary: '不得出现身份证号、手机号码等个人信息',
  why: '年鉴公开出版、长期流传，身份证号、手机号码属于个人信息，印出即是泄露；来稿中多是救助对象、案件当事人或联系人的信息随材料一并带入，应删去。更长的数字串（如编号、金额）不在此列。',
  defaults: { exemptSections: [] },
  optionDocs: { exemptSections: '不检查的类目或分目标题' },
  examples: {
    bad: [
      '【医疗救助】受助人张某某（身份证号420102198507123456）获救助金2万元。',
      '【便民服务】热线联系人王芳，手机13812345678。',
      '【志愿服务】志愿者服务队队长手机：139-0712-3456。',
    ],
    good: [
      '【医疗救助】2015年，示例市医疗救助困难群众1.2万人次，支出救助资金3860万元。',
      '【项目编号】示例市东环路改造工程招标编号为2015420100123456789012。',
      '【财政收入】全年一般公共预算收入13812345678元。',
      '【人口统计】年末户籍人口182.6万人，比上年增加1.3万人。',
    ],
  },
  check(context) {
    for (const block of context.blocks) {
      for (const match of block.text.matchAll(ID_NUMBER)) {
        context.report(block, match.index, match.index + match[0].length, {
          message: `「${match[0]}」疑为身份证号，属个人信息，应删去`,
          expected: ['删去'],
        });
      }
      for (const match of block.text.matchAll(MOBILE)) {
        context.report(block, match.index, match.index + match[0].length, {
          message: `「${match[0]}」疑为手机号码，属个人信息，应删去`,
          expected: ['删去'],
        });
      }
    }
  },
});
