import { defineRule, type SectionOptions } from '../define-rule.js';
import { sourceOffset, type TextBlock } from '../../parse/text-block.js';

/**
 * Ellipsis candidates: runs of …, ⋯, ASCII or full-width dots, three or more 。 or middle dots, each
 * optionally followed by 等/等等 (not 等级, 等待, 等候, 等同).
 */
const ELLIPSIS = /(…+|⋯+|\.{3,}|．{3,}|。{3,}|[·・]{3,})(等等|等(?![级待候同]))?/g;
/** Statistical tables use … alone in a cell for 数字不足本表最小单位数. */
const TABLE_SYMBOL = /^\s*(?:…|⋯|\.{3})\s*$/;

export default defineRule<SectionOptions>({
  id: 'ellipsis',
  catalogue: 'PUNCT-08',
  severity: 'error',
  summary: '省略号用“……”，不与“等”“等等”连用',
  why: 'GB/T 15834—2011规定省略号占两个字位，写作“……”；“...”“。。。”或单个“…”都是录入差错。省略号和“等”“等等”作用相同，连用重复，应删去其一（通常保留“等”）。统计表中单独的“…”表示数字不足最小单位，不在检查之列。',
  fixable: true,
  defaults: { exemptSections: [] },
  optionDocs: { exemptSections: '不检查的类目或分目标题' },
  examples: {
    bad: [
      '全年开展水污染防治宣传、培训、检查...等活动。',
      '市图书馆举办好书推荐、亲子共读、名家讲座。。。',
      '全市建成农家书屋、城市书房…',
      '市区整治黑臭河道、修复河岸、铺设截污管网……等等，完成投资8.6亿元。',
      '主要内容包括河道清淤、堤防加固．．．',
    ],
    good: [
      '全年开展水污染防治宣传、培训、检查等活动。',
      '《关于开展“文明交通进社区……进乡村”活动的通知》印发。',
      '|指标|2014年|2015年|\n|---|---:|---:|\n|出口退税|…|0.3|',
      '市区空气质量达到国家二级……标准的天数为287天。',
      '示例市被评为全国文明城市，全市获评省级文明单位的有……',
    ],
  },
  check(context) {
    for (const block of context.blocks) {
      const text = block.text;
      if (block.kind === 'tableCell' && TABLE_SYMBOL.test(text)) continue;
      for (const match of text.matchAll(ELLIPSIS)) {
        const [whole, marks, deng] = match as unknown as [string, string, string | undefined];
        const index = match.index;
        const proper = marks === '……' || (marks.length % 2 === 0 && /^…+$/.test(marks));
        if (deng) {
          // Dropping the ellipsis keeps one 等: 检查……等活动 → 检查等活动; not after a mark (培训、……等).
          const safe = /[\p{Script=Han}A-Za-z0-9》”’）]/u.test(text[index - 1] ?? '');
          report(context, block, index, index + whole.length, `省略号不与「${deng}」连用：「${whole}」`, safe ? '等' : undefined);
          continue;
        }
        if (proper) continue;
        report(context, block, index, index + marks.length, `省略号应为「……」，不用「${marks}」`, '……');
      }
    }
  },
});

function report(
  context: { text: string; report: (block: TextBlock, start: number, end: number, init: { message: string; fix?: string; expected?: string[] }) => void },
  block: TextBlock,
  start: number,
  end: number,
  message: string,
  fix: string | undefined,
): void {
  const source = context.text.slice(sourceOffset(block, start), sourceOffset(block, end - 1) + 1);
  const canFix = fix !== undefined && source === block.text.slice(start, end);
  context.report(block, start, end, { message, ...(fix !== undefined ? { expected: [fix] } : {}), ...(canFix ? { fix } : {}) });
}
