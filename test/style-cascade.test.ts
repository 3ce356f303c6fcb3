import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chapter, miniVolume, parseJsonReport, runCli, tempDir, writeTree } from './helpers.js';

const body = '【概况】2015年末，示例市有各级各类学校312所，在校学生21.6万人。全年教育经费投入38.2亿元，比上年增长6.5%，各项工作成效显著，鼓舞人心。';

async function check(files: Record<string, string>) {
  const dir = await tempDir();
  await writeTree(dir, miniVolume({ 'vol/chapters/shehui/jiaoyu.md': chapter('jiaoyu', 'edu', body), ...files }));
  const result = await runCli(['check', join(dir, 'vol'), '--format', 'json', '--no-cache'], dir);
  return parseJsonReport(result.stdout).find((file) => file.path.endsWith('jiaoyu.md'))!.messages;
}

describe('style configuration cascade: built-in < office (content/style.yaml) < volume', () => {
  it('built-in word list only', async () => {
    const praise = (await check({})).filter((m) => m.ruleId === 'praise-words').map((m) => m.actual);
    expect(praise).toEqual(['成效显著']);
  });

  it('the office adds a word; the volume removes a built-in one and raises the severity', async () => {
    const messages = await check({
      'style.yaml': 'wordLists:\n  praise-words:\n    add: [鼓舞人心]\n',
      'vol/volume.yaml': `${miniVolume()['vol/volume.yaml']}style:\n  rules:\n    praise-words: error\n  wordLists:\n    praise-words:\n      remove: [成效显著]\n`,
    });
    const praise = messages.filter((m) => m.ruleId === 'praise-words');
    expect(praise.map((m) => [m.actual, m.severity])).toEqual([['鼓舞人心', 'error']]);
  });

  it('a rule can be switched off and given options per volume', async () => {
    const messages = await check({
      'vol/volume.yaml': `${miniVolume()['vol/volume.yaml']}style:\n  rules:\n    praise-words: off\n    entry-length: { severity: warning, min: 200 }\n`,
    });
    expect(messages.filter((m) => m.ruleId === 'praise-words')).toEqual([]);
    expect(messages.find((m) => m.ruleId === 'entry-length')).toMatchObject({ severity: 'warning' });
  });
});
