import { abbreviate } from '../report-words.js';
import { defineRule, type SectionOptions } from '../define-rule.js';

/** A numbered item at the start of a paragraph: 一、 （一） (一). */
const NUMBERED_START = /^(?:[一二三四五六七八九十]{1,3}、(?![一二三四五六七八九十])|[（(][一二三四五六七八九十]{1,3}[）)])/;
/** 一、 opening a list after a colon or a full stop, and 二、 after a later full stop or semicolon. */
const INLINE_FIRST = /(?:^|[：。；:])\s*(?:一、(?![二三四五六七八九十])|[（(]一[）)])/;
const INLINE_SECOND = /[。；;]\s*(?:二、(?![三四五六七八九十])|[（(]二[）)])/;

export default defineRule<SectionOptions>({
  id: 'not-work-summary',
  catalogue: 'ENTRY-15',
  severity: 'warning',
  summary: '条目不写成工作总结',
  why: '条目可以参照工作总结选材，但不能照搬：“一是……二是……”“主要做了以下工作”“存在的问题”“下一步打算”和条目内的“一、二、三、”编号，是总结的写法和流水账，年鉴只记事实、数字和结果，问题议论和工作打算都不收录。',
  defaults: { exemptSections: [] },
  optionDocs: { exemptSections: '不检查的类目或分目标题' },
  examples: {
    bad: [
      { text: '一、深化公立医院综合改革。全市12家公立医院取消药品加成。\n\n二、加强基层医疗卫生服务。', plainText: true },
      '【安全生产】2015年，市应急管理局一是开展隐患排查，二是加强执法检查，三是组织应急演练。',
      '【人才工作】2015年，市人力资源和社会保障局主要做了以下工作：引进高层次人才126人，培训专业技术人员8600人次。',
      '【农村公路】2015年，示例市新建农村公路186千米。工作中存在的主要问题是养护资金不足。',
      '【文物保护】2015年，示例市完成文物保护工程8项。下一步工作打算是启动第四次文物普查。',
      '【社区建设】2015年，示例市社区建设取得以下成效：新建社区服务中心12个。',
      '【城市管理】2015年，示例市城市管理工作分三个方面：\n\n一、拆除违法建筑3.2万平方米。\n\n二、新增停车泊位6200个。',
    ],
    good: [
      '【安全生产】2015年，示例市排查整改安全隐患1.2万处，整改存在的问题企业326家，组织应急演练48场。',
      '【公路等级】2015年末，示例市一、二级公路共486.2千米，比上年增加38.6千米。',
      '【信访工作】2015年，示例市受理群众来信来访6820件次，按期办结率98.6%，其中反映存在的问题属实的1260件。',
      '【统一执法】2015年，示例市城市管理综合执法实现统一，是全省首批试点城市之一。',
      { text: '## 第二章　运输\n\n### 第一节　道路运输\n\n一、客运\n\n1986年，示例市汽车运输公司承担全市61%的班车客运。\n\n二、货运\n\n1986年，个体运输户以货运为主。', kind: 'gazetteer' },
    ],
  },
  check(context) {
    const words = context.words('work-summary');
    const blocks = context.chapter.blocks;
    for (const block of context.blocks) {
      if (block.kind === 'tableCell') continue;
      for (const match of words.find(block.text)) {
        // An enumeration 一是……二是…… is reported at its first marker, not across the whole paragraph.
        const enumeration = /^[一首]是/.test(match.text);
        const end = match.index + (enumeration ? 2 : match.text.length);
        context.report(block, match.index, end, {
          message: `「${enumeration ? `${match.text.slice(0, 2)}……${match.text.slice(-2)}` : abbreviate(match.text, 16)}」是工作总结的写法，条目应直述事实和数字`,
          expected: match.suggest,
        });
      }
      // Numbered lists inside an entry, or numbered paragraphs in a submission that has no entries at all
      // (a report pasted as it is). Gazetteers use 一、二、 as headings of the 目 level, so they are not checked.
      if (context.kind === 'gazetteer' || block.kind !== 'paragraph') continue;
      const entry = context.chapter.entries[block.entry];
      if (!entry) {
        const numbered = context.chapter.entries.length ? undefined : NUMBERED_START.exec(block.text);
        if (numbered && /[，。；]/.test(block.text)) {
          context.report(block, 0, numbered[0].length, { message: `来稿以「${numbered[0]}」编号分段，是工作总结的写法`, expected: ['按事项分写条目，每条以【标题】开头'] });
        }
        continue;
      }
      const isFirst = blocks[entry.firstBlock] === block;
      const numbered = isFirst ? undefined : NUMBERED_START.exec(block.text);
      if (numbered && /[，。；]/.test(block.text)) {
        context.report(block, 0, numbered[0].length, { message: `条目「${entry.title}」内用「${numbered[0]}」编号分段，是工作总结的写法`, expected: ['按事项分写条目，或写成一段'] });
        continue;
      }
      const first = INLINE_FIRST.exec(block.text);
      if (!first) continue;
      const second = INLINE_SECOND.exec(block.text.slice(first.index + first[0].length));
      if (second) {
        const start = block.text.indexOf('一', first.index);
        context.report(block, start, start + 2, { message: `条目「${entry.title}」内用「一、二、」编号列举，是工作总结的写法`, expected: ['按事项分写条目，直述事实和数字'] });
      }
    }
  },
});
