import { defineRule, type SectionOptions } from '../define-rule.js';

export default defineRule<SectionOptions>({
  id: 'commentary',
  catalogue: 'WRITE-07',
  severity: 'warning',
  summary: '述而不论：不写“标志着”“具有重要意义”“为……奠定了基础”等议论',
  why: '年鉴“述而不论，寓观点于记述之中”：事件的意义由事实本身说明，编者不下结论。“标志着……”“具有重要意义”“充分体现了……”“有力推动了……”是评论，写了也无从核实。特载、专文、市（县）情概览和志书的概述可以述中有论，不受此限。',
  defaults: { exemptSections: ['特载', '专文', '市情概览', '县情概览', '概述'] },
  optionDocs: { exemptSections: '不检查的类目或分目标题（默认特载、专文、市情概览、县情概览和志书的概述）' },
  examples: {
    bad: [
      '【国企改革】示例市国有企业改革方案出台，标志着示例市国资改革进入新阶段。',
      '【物流园区】示例市公路港物流园建成运营，具有重要意义。',
      '【职业培训】全年培训农村劳动力1.8万人次，为农民增收奠定了坚实基础。',
      '【文明创建】开展文明交通劝导活动，进一步增强了市民的文明出行意识。',
      '【招商引资】全年引进项目86个，有力推动了全市经济发展。',
    ],
    good: [
      '【国企改革】12月，示例市人民政府印发《示例市国有企业改革实施方案》，确定改制企业23家。',
      '【物流园区】6月，示例市公路港物流园建成运营，入驻物流企业46家，全年货物吞吐量320万吨。',
      '【职业培训】全年培训农村劳动力1.8万人次，其中8600人实现转移就业。',
      '【征文活动】示例市文联举办“标志着新起点的一年”主题征文，收到作品1260篇。',
      { text: '示例市地处长江中游，是区域性交通枢纽，区位优势具有重要意义。', sectionTitles: ['市情概览', '自然地理'] },
    ],
  },
  check(context) {
    const words = context.words('commentary');
    for (const block of context.blocks) {
      let last = -1;
      for (const match of words.find(block.text)) {
        if (match.index < last) continue;
        last = match.index + match.text.length;
        const shown = match.text.length > 14 ? `${match.text.slice(0, 5)}……${match.text.slice(-5)}` : match.text;
        context.report(block, match.index, last, {
          message: `「${shown}」是议论，年鉴述而不论，应只记事实和结果`,
          expected: match.suggest,
        });
      }
    }
  },
});
