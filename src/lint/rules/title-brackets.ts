import { defineRule } from '../define-rule.js';

/** A paragraph opening with a title in the wrong brackets: [标题] 〖标题〗 ［标题］ 〔标题〕 (or a mismatched pair). */
const WRONG_BRACKETS = /^([[〖［〔【])([^[\]〖〗［］〔〕【】\n]{2,30})([\]〗］〕】])/;
/** A numbered title line: 一、工业生产 / （一）工业生产 / (一) 工业生产. */
const NUMBERED = /^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)])\s*/;
/** Sentence punctuation: a line containing it is text, not a title. */
const SENTENCE = /[，。；！？,;!?]/;

export default defineRule<Record<string, never>>({
  id: 'title-brackets',
  catalogue: 'ENTRY-01',
  severity: 'error',
  summary: '条目标题用方头括号【】标示，不用其他括号或序号',
  why: '【】标题是条目的检索把手：目录、索引和地情网数据都以它识别条目，排版也据此自动设置标题样式。用[]〖〗〔〕等括号或“一、”“（一）”编号写的标题，程序无法识别为条目，整卷体例也不统一。',
  defaults: {},
  examples: {
    bad: [
      '[规模以上工业增加值增长8.3%]2015年，示例市规模以上工业增加值702.5亿元。',
      '〖学前教育〗2015年，示例市新建公办幼儿园12所，新增学位3600个。',
      '〔城市道路改造〕2015年，示例市改造城区道路26条，总长38.6千米。',
      '一、工业生产\n\n2015年，示例市规模以上工业增加值702.5亿元，比上年增长8.3%。',
      '### （二）义务教育\n\n2015年，示例市有小学186所、初中64所。',
    ],
    good: [
      '【规模以上工业增加值增长8.3%】2015年，示例市规模以上工业增加值702.5亿元。',
      '〔2015〕12号文件明确了示例市城区道路改造的资金来源。',
      '示例市人民政府印发《关于加快发展学前教育的意见》（示政发〔2015〕18号）。',
      '一、二级公路新增里程46.2千米，三级公路新增28.5千米。',
      { text: '## 第一章　公路建设\n\n### 一、国道改建\n\n1988年，国道215线示例段改建工程开工。', kind: 'gazetteer' },
    ],
  },
  check(context) {
    // Gazetteers title their sections with headings and may number them; yearbook copy and lone submissions may not.
    if (context.kind === 'gazetteer') return;
    const blocks = context.chapter.blocks;
    blocks.forEach((block, index) => {
      if (block.kind === 'paragraph') {
        const match = WRONG_BRACKETS.exec(block.text);
        if (match && !(match[1] === '【' && match[3] === '】') && /[\u4e00-\u9fff]{2}/.test(match[2]!) && match[0].length < block.text.trim().length) {
          context.report(block, 0, match[0].length, {
            message: `条目标题「${match[0]}」应使用方头括号【】`,
            expected: [`【${match[2]!.trim()}】`],
          });
          return;
        }
        const numbered = NUMBERED.exec(block.text);
        const next = blocks[index + 1];
        const line = block.text.trim();
        if (numbered && [...line].length <= 20 && !SENTENCE.test(line) && next && next.kind === 'paragraph') {
          const title = line.slice(numbered[0].length);
          context.report(block, 0, block.text.length, { message: `「${line}」是带序号的标题行，条目标题应写作【${title}】并与正文接排`, expected: [`【${title}】`] });
        }
        return;
      }
      if (block.kind === 'heading' && block.entry >= 0) {
        const numbered = NUMBERED.exec(block.text.trim());
        if (!numbered) return;
        const offset = block.text.indexOf(numbered[0]);
        const title = block.text.trim().slice(numbered[0].length);
        context.report(block, offset, offset + numbered[0].length, { message: `条目标题「${block.text.trim()}」不用序号，应写作【${title}】`, expected: [`【${title}】`] });
      }
    });
  },
});
