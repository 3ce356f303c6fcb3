import { defineRule } from '../define-rule.js';

export default defineRule<{ max: number }>({
  id: 'title-length',
  catalogue: 'ENTRY-02',
  severity: 'warning',
  summary: '条目标题不超过规定字数（默认15字）',
  why: '短标题排得下一栏一行，也便于作索引标目；超长的标题往往写了两件事，或夹带了褒扬之词。各地规范为15、16或18字，可按卷配置。',
  defaults: { max: 15 },
  optionDocs: { max: '标题最多字数（不含【】）' },
  examples: {
    bad: ['【市政府召开全市安全生产工作会议暨安全生产目标责任书签订仪式】3月5日，示例市人民政府召开会议。'],
    good: ['【召开安全生产工作会议】3月5日，示例市人民政府召开全市安全生产工作会议。'],
  },
  check(context) {
    if (context.kind === 'gazetteer') return;
    for (const entry of context.chapter.entries) {
      const length = [...entry.title.replace(/\s/g, '')].length;
      if (length > context.options.max) {
        context.reportRange(entry.titleStart, entry.titleEnd, {
          message: `条目标题「${entry.title}」共${length}字，超过${context.options.max}字`,
        });
      }
    }
  },
});
