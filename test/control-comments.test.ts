import { describe, expect, it } from 'vitest';
import { lintChapter } from '../src/lint/lint-chapter.js';
import { resolveStyle } from '../src/lint/style-config.js';

const lint = (text: string) =>
  lintChapter({ path: 'a.md', text, kind: 'yearbook', recordYears: { from: 2015, to: 2015 }, sectionTitles: ['社会', '教育'], style: resolveStyle(), levelCount: 3 })
    .messages.filter((m) => m.ruleId === 'first-person')
    .map((m) => m.place && 'start' in m.place ? m.place.start.line : 0);

describe('inline control comments', () => {
  it('disable-next-line silences the next line only, for the named rule', () => {
    const text = ['<!-- fangzhi-disable-next-line first-person -->', '“我市决不让一个困难群众掉队。”', '', '我局新建学校3所。'].join('\n');
    expect(lint(text)).toEqual([4]);
  });

  it('disable-next-line before a blank line silences the following block', () => {
    const text = ['<!-- fangzhi-disable-next-line first-person -->', '', '我市新建学校3所。', '', '我局新建学校3所。'].join('\n');
    expect(lint(text)).toEqual([5]);
  });

  it('disable … enable silences a range; another rule id leaves the rule on', () => {
    const text = [
      '我市新建学校1所。',
      '',
      '<!-- fangzhi-disable first-person -->',
      '',
      '我市新建学校2所。',
      '',
      '<!-- fangzhi-enable first-person -->',
      '',
      '我市新建学校3所。',
      '',
      '<!-- fangzhi-disable praise-words -->',
      '',
      '我市新建学校4所。',
    ].join('\n');
    expect(lint(text)).toEqual([1, 9, 13]);
  });

  it('disable without rule ids silences every rule until the end', () => {
    const text = ['我市新建学校1所。', '', '<!-- fangzhi-disable -->', '', '我市新建学校2所。'].join('\n');
    expect(lint(text)).toEqual([1]);
  });

  it('matches across soft line breaks inside a paragraph', () => {
    const text = '2015年，示例市新建学校3所，\n我\n局投入资金1.2亿元。';
    expect(lint(text)).toEqual([2]);
  });
});
