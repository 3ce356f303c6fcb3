import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseJsonReport, runCli, type CliResult, type JsonMessage } from './helpers.js';

/** The raw submissions in content/inbox, checked as intake for the 2016 yearbook by the built binary. */
let result: CliResult;
let files: Map<string, JsonMessage[]>;

beforeAll(async () => {
  result = await runCli(['check', 'content/inbox', '--volume', 'content/yearbook-2016', '--format', 'json', '--no-cache']);
  files = new Map(parseJsonReport(result.stdout).map((file) => [basename(file.path), file.messages]));
});

const ruleIds = (name: string) => [...new Set(files.get(name)!.map((message) => message.ruleId))].sort();

describe('fangzhi check content/inbox (built binary)', () => {
  it('exits with 1 because the submissions have errors', () => {
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
  });

  it.each([
    ['01-work-summary.md', ['author-credit', 'first-person', 'future-plan', 'not-work-summary', 'overview-first', 'praise-words', 'relative-time', 'slogan', 'time-scope']],
    ['02-work-plan.txt', ['first-person', 'future-plan', 'not-work-summary', 'praise-words', 'relative-time', 'time-scope']],
    ['03-web-paste.md', ['author-credit', 'commentary', 'date-form', 'first-person', 'future-plan', 'honorific', 'news-style', 'no-spaces', 'overview-first', 'praise-words', 'relative-time', 'title-punct', 'web-residue']],
    ['04-placeholders.md', ['placeholder', 'time-scope']],
    ['05-gbk.txt', ['encoding', 'first-person', 'overview-first', 'relative-time']],
    ['06-crlf-bom.md', ['date-form', 'decade-century', 'digit-width', 'duplicate-punct', 'ellipsis', 'invisible-chars', 'no-spaces', 'punct-width', 'quote-style', 'year-abbrev']],
    ['07-numbers.md', ['approx-no-stack', 'date-form', 'decade-century', 'mixed-digits-hanzi', 'number-form', 'percent-vs-point', 'range-format', 'times-direction']],
    ['08-names-terms.md', ['book-title-scope', 'foreign-abbr', 'honorific', 'name-title-order', 'no-dunhao-between-marks', 'paired-marks', 'political-terms', 'redundant-level', 'standard-chars', 'term-consistency']],
    ['09-entries.md', ['author-credit', 'entry-length', 'overview-first', 'personal-data', 'title-brackets', 'title-length', 'title-punct']],
    ['10-clean.md', []],
  ])('%s: exactly these rules fire', (name, expected) => {
    expect(ruleIds(name)).toEqual(expected);
  });

  it.each([
    ['05-gbk.txt', 'encoding', 1, 1, ''],
    ['06-crlf-bom.md', 'digit-width', 9, 5, '２０１５'],
    ['06-crlf-bom.md', 'invisible-chars', 11, 15, '\u200b'],
    ['06-crlf-bom.md', 'quote-style', 11, 19, '"'],
    ['06-crlf-bom.md', 'year-abbrev', 13, 7, '15年'],
    ['06-crlf-bom.md', 'date-form', 13, 83, '2015.3.10'],
    ['06-crlf-bom.md', 'decade-century', 15, 18, '八十年代'],
    ['07-numbers.md', 'mixed-digits-hanzi', 9, 184, '3亿4500万'],
    ['07-numbers.md', 'date-form', 11, 7, '3.10'],
    ['07-numbers.md', 'approx-no-stack', 11, 72, '约1000多'],
    ['07-numbers.md', 'percent-vs-point', 11, 128, '1.5%'],
    ['07-numbers.md', 'range-format', 13, 80, '15～30%'],
    ['07-numbers.md', 'times-direction', 13, 92, '降低2倍'],
    ['07-numbers.md', 'decade-century', 17, 142, '上世纪90年代'],
    ['08-names-terms.md', 'redundant-level', 11, 15, '市市委'],
    ['08-names-terms.md', 'book-title-scope', 11, 34, '《第三届示例市读书节》'],
    ['08-names-terms.md', 'name-title-order', 11, 46, '王振国市长'],
    ['08-names-terms.md', 'standard-chars', 11, 142, '開'],
    ['08-names-terms.md', 'term-consistency', 13, 22, '市发改委'],
    ['08-names-terms.md', 'political-terms', 15, 84, '文革'],
    ['08-names-terms.md', 'paired-marks', 15, 131, '《'],
    ['08-names-terms.md', 'honorific', 17, 148, '刘淑芬同志'],
    ['09-entries.md', 'title-punct', 11, 6, '，'],
    ['09-entries.md', 'title-brackets', 13, 1, '[最低生活保障]'],
    ['09-entries.md', 'personal-data', 19, 101, '360102196503124417'],
    ['09-entries.md', 'personal-data', 19, 124, '13812345678'],
  ])('%s: %s at %i:%i', (name, ruleId, line, column, actual) => {
    expect(files.get(name)!.filter((message) => message.ruleId === ruleId && message.line === line && message.column === column).map((m) => m.actual)).toEqual([actual]);
  });

  it('every offset, line and column points at the reported text in the original file', async () => {
    for (const [name, messages] of files) {
      const bytes = await readFile(`content/inbox/${name}`);
      const text = new TextDecoder(name === '05-gbk.txt' ? 'gb18030' : 'utf-8').decode(bytes).replace(/^\uFEFF/, '');
      const lineStarts = [0, ...[...text.matchAll(/\r\n|\n|\r/g)].map((match) => match.index! + match[0].length)];
      for (const message of messages) {
        expect(text.slice(message.offset, message.endOffset), `${name} ${message.ruleId}`).toBe(message.actual);
        expect(lineStarts[message.line - 1]! + message.column - 1, `${name} ${message.ruleId}`).toBe(message.offset);
        expect(message.message).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });
});

describe('worker threads', () => {
  it('--jobs 2 gives the same report as checking on the main thread', async () => {
    const args = ['check', 'content/yearbook-2016', 'content/inbox', '--volume', 'content/yearbook-2016', '--format', 'json', '--no-cache'];
    const [threads, inline] = await Promise.all([runCli([...args, '--jobs', '2']), runCli([...args, '--jobs', '1'])]);
    expect(threads.code).toBe(inline.code);
    expect(parseJsonReport(threads.stdout)).toEqual(parseJsonReport(inline.stdout));
    expect(parseJsonReport(threads.stdout).length).toBeGreaterThan(35);
  });
});

describe('report formats', () => {
  it('stylish groups by file and ends with a Chinese summary', async () => {
    const stylish = await runCli(['check', 'content/inbox/08-names-terms.md', '--no-cache']);
    expect(stylish.stdout).toContain('content/inbox/08-names-terms.md');
    expect(stylish.stdout).toMatch(/11:46\s+错误\s+「王振国市长」职务应写在姓名之前\s+name-title-order/);
    expect(stylish.stdout).toMatch(/✖ 检查1个文件，\d+字：共\d+个问题（错误\d+，警告\d+，提示\d+）/);
  });

  it('github prints workflow-command annotations', async () => {
    const github = await runCli(['check', 'content/inbox/08-names-terms.md', '--format', 'github', '--no-cache']);
    expect(github.stdout).toContain('::error file=content/inbox/08-names-terms.md,line=11,col=46,endLine=11,endColumn=51,title=name-title-order::「王振国市长」职务应写在姓名之前');
    expect(github.stdout).toMatch(/^::warning file=.*title=foreign-abbr::/m);
  });

  it('--quiet keeps only errors', async () => {
    const quiet = await runCli(['check', 'content/inbox/08-names-terms.md', '--format', 'json', '--quiet', '--no-cache']);
    const severities = new Set(parseJsonReport(quiet.stdout)[0]!.messages.map((m) => m.severity));
    expect([...severities]).toEqual(['error']);
  });
});
