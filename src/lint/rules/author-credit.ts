import { defineRule, type SectionOptions } from '../define-rule.js';

interface Options extends SectionOptions {
  placement: 'entry' | 'subsection';
}

export default defineRule<Options>({
  id: 'author-credit',
  catalogue: 'ENTRY-12',
  severity: 'warning',
  summary: '条目或分目末尾署撰稿人姓名，不以单位署名',
  why: '文责自负、有据可查：多年以后核对一个数字，编辑部要知道该问谁。撰稿人署名写在正文之后，如“（撰稿：张三　审稿：李四）”；“条目一般不以单位署名”，单位提供的资料写作“（××供稿）”。署名放在每个条目之后还是每个分目之末，按卷配置；志书按章署名，不要求逐条署名。',
  defaults: { placement: 'subsection', exemptSections: [] },
  optionDocs: {
    placement: '署名位置：entry 每个条目之后署名；subsection 每个分目（稿件）末尾至少署名一次',
    exemptSections: '不检查署名的类目或分目标题',
  },
  examples: {
    bad: [
      '【概况】2015年末，示例市有各级各类学校312所，在校生21.6万人。\n\n【学前教育】2015年，示例市新建公办幼儿园12所。',
      '【概况】2015年末，示例市有各级各类学校312所，在校生21.6万人。\n\n（撰稿：示例市教育局）',
      '【概况】2015年末，示例市有各级各类学校312所。\n\n（撰稿：许文博）\n\n【学前教育】2015年，示例市新建公办幼儿园12所。',
      { text: '【概况】2015年末，示例市有各级各类学校312所。\n\n（撰稿：市统计局办公室　马晓燕）', kind: 'lone' },
    ],
    good: [
      '【概况】2015年末，示例市有各级各类学校312所。\n\n【学前教育】2015年，示例市新建公办幼儿园12所。\n\n（撰稿：许文博　马晓燕　审稿：黄国栋）',
      '【概况】2015年末，示例市常住人口286.4万人。\n\n（示例市统计局供稿）',
      { text: '2015年，示例市收到群众来信326件。', kind: 'lone' },
      { text: '## 第一章　公路\n\n### 第一节　国道\n\n国道215线示例段48.6千米。\n\n### 第二节　省道\n\n省道103线示例段36.2千米。\n\n（撰稿：罗长庚　审稿：林知远）', kind: 'gazetteer' },
    ],
  },
  check(context) {
    const { entries, credits, blocks } = context.chapter;
    const body = blocks.filter((block) => block.kind !== 'credit');
    if (!body.length || (context.kind === 'lone' && !entries.length)) return;
    const perEntry = context.options.placement === 'entry' && context.kind !== 'gazetteer';
    const unitWords = context.words('unit-writer');
    for (const credit of credits) {
      const units = credit.writers.filter((name) => unitWords.find(name).length > 0);
      if (!units.length) continue;
      context.reportRange(credit.start, credit.end, {
        message: `署名「${units.join('、')}」是单位名称，撰稿应署撰稿人姓名；单位提供的资料写作「（${units[0]}供稿）」`,
        expected: [`（${units[0]}供稿）`],
      });
    }
    const missing = (message: string, at: number) => {
      const block = blocks[at];
      if (block) context.report(block, Math.max(0, block.text.length - 1), block.text.length, { message, expected: ['（撰稿：姓名　审稿：姓名）'] });
    };
    if (perEntry) {
      entries.forEach((entry, index) => {
        const next = entries[index + 1]?.start ?? Number.POSITIVE_INFINITY;
        if (!credits.some((credit) => credit.start >= entry.end && credit.start < next)) missing(`条目「${entry.title}」之后缺少撰稿人署名`, entry.lastBlock);
      });
      return;
    }
    const last = entries[entries.length - 1];
    const after = last ? last.end : 0;
    if (credits.some((credit) => credit.start >= after)) return;
    const lastBody = blocks.lastIndexOf(body[body.length - 1]!);
    missing(last ? `分目末尾（条目「${last.title}」之后）缺少撰稿人署名` : '稿件末尾缺少撰稿人署名', last ? last.lastBlock : lastBody);
  },
});
