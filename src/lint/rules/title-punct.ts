import { defineRule } from '../define-rule.js';

/** Punctuation marks that may not stand in an entry title (half- and full-width). */
const PUNCT = /[，。、；：？！,;:?!.．…—～~\-－/／"'“”‘’《》〈〉（）()「」『』]/g;

/**
 * Allowed inside a title: “ ” around a term, 《》 around a document, ‘ ’ inside them, （） around part of a name
 * (中国（示例）自由贸易试验区), · in foreign names and in “3·15”, a decimal point between digits (8.1%), the connecting
 * marks — and ～ of a range (1—11月, 示例—南州, 15～30人; the dash —— is not allowed), and the hyphen/slash/dot inside Latin codes (G20、PM2.5).
 */
function allowedSpans(title: string): boolean[] {
  const ok = new Array<boolean>(title.length).fill(false);
  const mark = (from: number, to: number) => {
    for (let i = from; i < to; i++) ok[i] = true;
  };
  // A leading number (一、 （一）) is title-brackets' concern in yearbooks and the custom in gazetteers.
  const numbering = /^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)])/.exec(title);
  if (numbering) mark(0, numbering[0].length);
  for (const pattern of [/“[^“”，。；：！？]+”/g, /《[^《》]+》/g, /‘[^‘’]+’/g, /〈[^〈〉]+〉/g, /（[^（），。；：]+）/g, /\([^()，。；：]+\)/g]) {
    for (const m of title.matchAll(pattern)) {
      ok[m.index!] = true;
      ok[m.index! + m[0].length - 1] = true;
    }
  }
  for (const m of title.matchAll(/\d[.．][\d]/g)) mark(m.index! + 1, m.index! + 2);
  for (const m of title.matchAll(/(?<!—)[—～](?!—)/g)) if (m.index! > 0 && m.index! < title.length - 1) mark(m.index!, m.index! + 1);
  for (const m of title.matchAll(/[A-Za-z0-9][-./][A-Za-z0-9]/g)) mark(m.index! + 1, m.index! + 2);
  return ok;
}

export default defineRule<Record<string, never>>({
  id: 'title-punct',
  catalogue: 'ENTRY-03',
  severity: 'error',
  summary: '条目标题中间和末尾不用标点符号',
  why: '标题是条目的名称，不是句子；标题中用逗号、顿号，说明一个条目写了两件事，末尾加句号则违反“标题末尾不用标点”的通例（PUNCT-11）。专名上的引号、文件名上的书名号、外国人名中的间隔号，以及数字中的小数点和表示数值、时间、地域起止的浪纹线“～”、一字线“—”不在此列；破折号“——”仍应删去。',
  defaults: {},
  examples: {
    bad: [
      '【加强监管，确保食品安全】2015年，示例市市场监督管理局抽检食品2860批次。',
      '【召开全市经济工作会议。】12月28日，中共示例市委召开全市经济工作会议。',
      '【教育、卫生项目建设】2015年，示例市建成中小学校舍和乡镇卫生院项目26个。',
      '【城区道路改造——东湖大道】2015年，示例市完成东湖大道改造。',
      '【学前教育：新建幼儿园12所】2015年，示例市新建公办幼儿园12所。',
      '### 东湖大桥建成通车！\n\n12月30日，示例市东湖大桥建成通车。',
    ],
    good: [
      '【“十三五”规划纲要编制】2015年，示例市发展和改革委员会启动规划纲要编制。',
      '【《示例市城市总体规划》修编】2015年，示例市完成城市总体规划修编。',
      '【规模以上工业增加值增长8.1%】2015年，示例市规模以上工业增加值702.5亿元。',
      '【1—11月财政收支】1—11月，示例市一般公共预算收入128.6亿元。',
      '【中国（示例）跨境电子商务综合试验区】2015年，试验区完成跨境电子商务交易额12.6亿元。',
      '【示例—南州高速公路建成通车】12月28日，示例至南州高速公路建成通车，全长86.4千米。',
      { text: '## 第二章　公路\n\n### 一、国道改建\n\n1988年3月，国道215线示例段改建工程开工。', kind: 'gazetteer' },
      '【约翰·史密斯获示例市荣誉市民称号】9月10日，示例市人民政府授予约翰·史密斯荣誉市民称号。',
    ],
  },
  check(context) {
    const blocks = context.chapter.blocks;
    for (const entry of context.chapter.entries) {
      const block = blocks[entry.firstBlock];
      if (!block) continue;
      // Bracket titles start after 【 at index 1; heading titles start after leading white space.
      const offset = entry.form === 'bracket' ? 1 : block.text.indexOf(entry.title);
      if (offset < 0) continue;
      const title = entry.title.replace(/\s+$/, '');
      const ok = allowedSpans(title);
      const bad = [...title.matchAll(PUNCT)].filter((m) => !ok[m.index!]);
      if (!bad.length) continue;
      const shown = [...new Set(bad.map((m) => m[0]))].join('');
      const last = bad[bad.length - 1]!;
      const atEnd = bad.length === 1 && last.index === title.length - 1;
      const first = bad[0]!.index!;
      context.report(block, offset + first, offset + last.index! + 1, {
        message: atEnd ? `条目标题「${title}」末尾不用标点「${shown}」` : `条目标题「${title}」中不用标点「${shown}」`,
        ...(atEnd ? { expected: [title.slice(0, -1)] } : {}),
      });
    }
  },
});
