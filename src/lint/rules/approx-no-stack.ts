import { defineRule, type SectionOptions } from '../define-rule.js';

/** 约 as the adverb "about": not the 约 of 节约 预约 签约 合约 公约 制约 集约 简约 契约 违约 履约 邀约 特约 相约. */
const ABOUT = '(?:(?<![节预签合公制集简契违履邀特相纽婉隐缩条])约|将近|接近|(?<![附就最邻靠贴亲接将])近|超过|逾)';
const NUMBER = '\\d+(?:\\.\\d+)?(?:万|亿)?';
/** 多/余 as "more than", not the start of 多种 多元 多渠道… or 余额 余粮. */
const MORE = '(?:多(?!种|元化|样|功能|层次|方面|措施|部门|渠道)|余(?![额粮热量]))';
const AROUND = '(?:左右|上下(?![游级班车楼水联贯半]))';

const PATTERNS: Array<{ pattern: RegExp; why: string }> = [
  { pattern: new RegExp(`${ABOUT}(?:为|有|占|计|合|达)?${NUMBER}${MORE}`, 'g'), why: '“约”“近”“超过”与“多”“余”叠用' },
  { pattern: new RegExp(`${ABOUT}(?:为|有|占|计|合|达)?${NUMBER}[^\\d，。；、：！？]{0,6}?${AROUND}`, 'g'), why: '“约”“近”与“左右”“上下”叠用' },
  { pattern: new RegExp(`(?<![\\d.])\\d+(?:万|亿)?${MORE}[^\\d，。；、：！？]{0,4}?${AROUND}`, 'g'), why: '“多”“余”与“左右”“上下”叠用' },
  { pattern: new RegExp(`(?<![\\d.])\\d+\\.\\d+(?:万|亿)?${MORE}`, 'g'), why: '小数后不用“多”“余”' },
];

export default defineRule<SectionOptions>({
  id: 'approx-no-stack',
  catalogue: 'NUM-04',
  severity: 'error',
  summary: '约数不叠用：不写“约1000多人”“约5000字左右”“13.5万多人”',
  why: '“约”“近”“左右”“上下”“多”“余”各自已表示约数，叠用是语病，编校中一律改正；用小数表述的数已是精确到小数位的数，后面不能再加“多”“余”。',
  defaults: { exemptSections: [] },
  optionDocs: { exemptSections: '不检查的类目或分目标题' },
  examples: {
    bad: [
      '【志愿服务】全年参加志愿服务的市民约1000多人。',
      '【地方志编纂】《示例市志》初稿约150万字左右。',
      '【旅游接待】黄金周期间接待游客13.5万多人次。',
      '【公路养护】全年养护农村公路近3000余千米。',
      '【会议】参会代表600多人左右。',
    ],
    good: [
      '【志愿服务】全年参加志愿服务的市民1000多人，约占常住人口的0.4%。',
      '【节能降耗】全年节约用水1200多万吨，节约标准煤3.5万吨。',
      '【签约项目】全年签约项目60余个，合同金额约120亿元。',
      '【产业链】示例市引进汽车零部件企业约30家上下游配套。',
      '【贷款】年末贷款余额2362.7亿元，比上年增加257.9亿元，存款余额2986.1亿元。',
      '【旅游接待】黄金周期间接待游客13万多人次，旅游收入约2.6亿元。',
    ],
  },
  check(context) {
    for (const block of context.blocks) {
      const text = block.text;
      if (!/[约近多余逾超]/.test(text)) continue;
      const seen = new Set<number>();
      for (const { pattern, why } of PATTERNS) {
        for (const match of text.matchAll(pattern)) {
          if (seen.has(match.index!)) continue;
          seen.add(match.index!);
          context.report(block, match.index!, match.index! + match[0].length, {
            message: `「${match[0]}」约数叠用（${why}）`,
            expected: ['只保留一种约数表示'],
          });
        }
      }
    }
  },
});
