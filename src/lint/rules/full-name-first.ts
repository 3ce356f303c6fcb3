import { defineRule, type VolumeReport } from '../define-rule.js';

export default defineRule<Record<string, never>>({
  id: 'full-name-first',
  catalogue: 'NAME-04',
  severity: 'error',
  summary: '机构、会议等名称首次出现用全称并注明简称，此后才用简称',
  why: '条目常被单独检索阅读，孤立的简称外地和后世读者未必看得懂。名称对照表（卷配置 style.aliases）规定全称和规范简称；简称在其范围（默认每个类目）内首次出现之前，应已出现全称，一般写作“全称（以下简称××）”。',
  defaults: {},
  exampleStyle: { aliases: [{ full: '中国人民政治协商会议示例市委员会', short: ['市政协'], variants: ['示例市政协'] }] },
  examples: {
    bad: ['【召开全体会议】1月20日，市政协召开十届十二次常委会议。'],
    good: [
      '【召开全体会议】1月20日，中国人民政治协商会议示例市委员会（以下简称市政协）召开十届十二次常委会议。此后，市政协组织委员视察9次。',
      '【召开全体会议】1月20日，政协委员视察重点项目建设。',
    ],
  },
  checkVolume(chapters, { style }) {
    const reports: VolumeReport[] = [];
    const seenFull = new Set<string>();
    const reported = new Set<string>();
    for (const chapter of chapters) {
      for (const mention of chapter.aliasMentions) {
        const alias = style.aliases[mention.alias];
        if (!alias) continue;
        const scope = alias.scope ?? 'category';
        const scopeKey =
          scope === 'book' ? 'book' : scope === 'category' ? chapter.categoryId : scope === 'subsection' ? chapter.path : `${chapter.path}#${mention.entry}`;
        const key = `${scopeKey}\u0000${mention.alias}`;
        if (mention.form === 'full') seenFull.add(key);
        else if (mention.form === 'short' && !seenFull.has(key) && !reported.has(key)) {
          reported.add(key);
          reports.push({
            path: chapter.path,
            start: mention.start,
            end: mention.end,
            actual: mention.text,
            message: `「${mention.text}」首次出现，应先写全称「${alias.full}」并注明“以下简称${mention.text}”`,
            expected: [`${alias.full}（以下简称${mention.text}）`],
          });
        }
      }
    }
    return reports;
  },
});
