import { defineRule } from '../define-rule.js';

/** Two or more capital letters, digits allowed inside or after: GDP, CPI, B2B, PM2.5, CO2. */
const ABBR = /(?<![A-Za-z0-9.\-_/@])[A-Z][A-Z0-9]*[A-Z](?:\d+(?:\.\d+)?)?(?![A-Za-z0-9.\-_@])/g;
/** Roman numerals (III类水质) and model numbers (CRH380A) are not abbreviations. */
const NOT_ABBR = /^(?:[IVXLC]+|[A-Z]{2,}\d{3,}[A-Z]?)$/;
/** 中文（ABBR）, （以下简称ABBR）, ABBR（中文）. */
const GLOSS_BEFORE = /(?:[\u4e00-\u9fff”’][（(]|[（(](?:以下)?简称[“]?)$/;
const GLOSS_AFTER = /^[”]?[）)]/;
const GLOSS_FOLLOWING = /^[（(][^（）()]{0,30}[\u4e00-\u9fff][^（）()]{0,30}[）)]/;

interface Options {
  allowedLatinAbbr: string[];
  exemptSections: string[];
}

export default defineRule<Options>({
  id: 'foreign-abbr',
  catalogue: 'NAME-06',
  severity: 'warning',
  summary: '外文缩写（GDP、CPI、PPP……）改用中文，或在本章首次出现时括注中文',
  why: '年鉴的读者不一定认识外文缩写，“GDP”“CPI”“QC”要用中文表述；确需使用的，在首次出现时写明中文名称并括注缩写，如“居民消费价格指数（CPI）”“细颗粒物（PM2.5）”。“5G”“App”等已通用的写法可在选项或词表 latin-abbr-allowed 中放行。',
  defaults: { allowedLatinAbbr: ['5G', 'App'], exemptSections: [] },
  optionDocs: { allowedLatinAbbr: '可不括注中文的外文缩写', exemptSections: '不检查的类目或分目标题' },
  examples: {
    bad: [
      '【经济总量】全市GDP达到1865.3亿元，比上年增长8.1%。',
      '【物价】全年CPI比上年上涨1.6%。',
      '【质量管理】示例市企业开展QC小组活动，注册QC小组386个。',
      '【大气治理】全年PM2.5年均浓度每立方米52微克，比上年下降8.8%。',
    ],
    good: [
      '【物价】全年居民消费价格指数（CPI）比上年上涨1.6%，CPI中食品价格上涨2.3%。',
      '【大气治理】全年细颗粒物（PM2.5）年均浓度每立方米52微克，PM2.5优良天数286天。',
      '【基础设施】示例市推广政府和社会资本合作（以下简称PPP）模式，签约PPP项目12个。',
      '【旅游景区】东湖风景区获评国家AAAA级旅游景区，示例市开通5G试验基站，上线政务App。',
      '【标准化】示例市企业主导制定GB/T 31000系列国家标准3项，Ⅲ类水质断面占比提高，XXL码服装出口增长。',
    ],
  },
  check(context) {
    const allowed = context.words('latin-abbr-allowed');
    const glossary = context.words('latin-abbr-glossary');
    const allowedByOption = new Set(context.options.allowedLatinAbbr);
    const seen = new Set<string>();
    for (const block of context.blocks) {
      const text = block.text;
      if (!/[A-Z][A-Z0-9]*[A-Z]/.test(text)) continue;
      const allowedRanges = allowed.find(text).map((match) => [match.index, match.index + match.text.length] as const);
      for (const match of text.matchAll(ABBR)) {
        const abbr = match[0];
        const start = match.index;
        const end = start + abbr.length;
        if (seen.has(abbr) || allowedByOption.has(abbr) || NOT_ABBR.test(abbr)) continue;
        if (allowedRanges.some(([from, to]) => start >= from && end <= to)) continue;
        seen.add(abbr);
        const glossed =
          (GLOSS_BEFORE.test(text.slice(Math.max(0, start - 6), start)) && GLOSS_AFTER.test(text.slice(end, end + 2))) ||
          GLOSS_FOLLOWING.test(text.slice(end, end + 64));
        if (glossed) continue;
        const known = glossary.find(abbr).find((entry) => entry.index === 0 && entry.text === abbr);
        context.report(block, start, end, {
          message: `外文缩写「${abbr}」应改用中文，或在本章首次出现时括注中文名称`,
          expected: known?.suggest ?? ['中文名称（缩写）'],
        });
      }
    }
  },
});
