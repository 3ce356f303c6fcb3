import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../src/pipeline.js';
import { blobHash } from '../src/revisions/git-store.js';
import type { LedgerEvent } from '../src/revisions/ledger.js';
import { appendLedgerEvents, ledgerPath, loadLedger } from '../src/revisions/ledger-store.js';
import { miniVolume, tempDir, writeTree } from './helpers.js';

const event = (action: LedgerEvent['action'], stage: string, time: string, extra: Partial<LedgerEvent> = {}): LedgerEvent => ({
  chapter: 'jiaoyu',
  stage,
  action,
  actor: '唐嘉木',
  time,
  hash: '0123456789012345678901234567890123456789',
  ...extra,
});

describe('ledger files', () => {
  it('appends without touching a byte of what was there, and reads back every event', async () => {
    const dir = await tempDir();
    const events = [
      event('submit', '供稿', '2016-03-25T10:00:00+08:00'),
      event('return', '初审', '2016-04-02T10:00:00+08:00', { note: '【概况】请补充学校数\n「我市」改为示例市：见第9行' }),
      event('submit', '初审', '2016-04-08T09:00:00+08:00'),
      event('reopen', '供稿', '2016-04-09T09:00:00+08:00', { reason: '单位要求撤回重写' }),
    ];
    const path = ledgerPath(dir, 'jiaoyu');
    let previous = Buffer.alloc(0);
    for (const [index, item] of events.entries()) {
      await appendLedgerEvents(dir, 'jiaoyu', [item]);
      const bytes = await readFile(path);
      expect(bytes.subarray(0, previous.byteLength).equals(previous), `append ${index} keeps the earlier bytes`).toBe(true);
      previous = bytes;
    }
    const text = previous.toString('utf8');
    expect(text).toMatch(/^# yaml-language-server: \$schema=\S+ledger\.schema\.json\n/);
    // The hash is all digits: quoted, it stays a string for every YAML reader.
    expect(parse(text).events).toEqual(events);
    const loaded = await loadLedger(dir);
    expect(loaded.messages).toEqual([]);
    expect(loaded.files.get('jiaoyu')!.events).toEqual(events);
  });

  it('keeps a hand-written CRLF file with a BOM and no final newline, appending with CRLF', async () => {
    const dir = await tempDir();
    const original = Buffer.from('\uFEFF# 台账\r\nevents:\r\n  - { chapter: jiaoyu, stage: 供稿, action: submit, actor: 许文博, time: "2016-03-25T10:00:00+08:00", hash: "0123456789012345678901234567890123456789" }', 'utf8');
    await writeTree(dir, { 'ledger/jiaoyu.yaml': original });
    await appendLedgerEvents(dir, 'jiaoyu', [event('pass', '初审', '2016-04-10T10:00:00+08:00')]);
    const after = await readFile(ledgerPath(dir, 'jiaoyu'));
    expect(after.subarray(0, original.byteLength).equals(original)).toBe(true);
    const added = after.subarray(original.byteLength).toString('utf8');
    expect(added.startsWith('\r\n  - chapter: jiaoyu\r\n')).toBe(true);
    expect(added.replace(/\r\n/g, '')).not.toContain('\n');
    expect((await loadLedger(dir)).files.get('jiaoyu')!.events.map((item) => item.action)).toEqual(['submit', 'pass']);
  });

  it('never writes into a hand-edited file that is invalid YAML, and says where the error is', async () => {
    const dir = await tempDir();
    await appendLedgerEvents(dir, 'jiaoyu', [event('submit', '供稿', '2016-03-25T10:00:00+08:00')]);
    const path = ledgerPath(dir, 'jiaoyu');
    const broken = (await readFile(path, 'utf8')).replace('actor: 唐嘉木', 'actor: [唐嘉木');
    await writeFile(path, broken);
    await expect(appendLedgerEvents(dir, 'jiaoyu', [event('pass', '初审', '2016-04-10T10:00:00+08:00')])).rejects.toThrow(/jiaoyu\.yaml:\d+:\d+：YAML 语法错误.*本次未写入任何记录/);
    expect(await readFile(path, 'utf8')).toBe(broken);
    const loaded = await loadLedger(dir);
    expect(loaded.files.has('jiaoyu')).toBe(false);
    const [message] = loaded.messages;
    expect(message).toMatchObject({ ruleId: 'yaml-syntax', file: path });
    expect(message!.place && 'start' in message!.place ? message!.place.start.line : 0).toBeGreaterThanOrEqual(7);
  });

  it('refuses a valid file it cannot append to (a flow-style list) and a file that breaks the schema', async () => {
    const dir = await tempDir();
    const valid = 'events:\n  - { chapter: jiaoyu, stage: 供稿, action: submit, actor: 许文博, time: "2016-03-25T10:00:00+08:00", hash: "0123456789012345678901234567890123456789" }\n';
    // A flow-style list cannot take a block item after it: the result would not read back as old + new.
    await writeTree(dir, { 'ledger/jiaoyu.yaml': valid.replace('events:\n  - ', 'events: [').replace(/\n$/, ']\n') });
    const before = await readFile(ledgerPath(dir, 'jiaoyu'), 'utf8');
    await expect(appendLedgerEvents(dir, 'jiaoyu', [event('pass', '初审', '2016-04-10T10:00:00+08:00')])).rejects.toThrow(/无法在文件末尾追加记录.*文件未作改动/);
    expect(await readFile(ledgerPath(dir, 'jiaoyu'), 'utf8')).toBe(before);
    await writeTree(dir, { 'ledger/jiaoyu.yaml': valid.replace('action: submit', 'action: approve') });
    await expect(appendLedgerEvents(dir, 'jiaoyu', [event('pass', '初审', '2016-04-10T10:00:00+08:00')])).rejects.toThrow(/jiaoyu\.yaml:2:\d+：.*action.*应为以下之一/);
  });

  it('check: a locked chapter must keep its recorded content; order problems and stray files are reported', async () => {
    const dir = await tempDir();
    const files = miniVolume();
    await writeTree(dir, files);
    const volume = join(dir, 'vol');
    const chapterFile = join(volume, 'chapters/shehui/jiaoyu.md');
    const hash = blobHash(await readFile(chapterFile));
    const steps: Array<[LedgerEvent['action'], string]> = [['submit', '供稿'], ['pass', '初审'], ['pass', '复审'], ['pass', '终审']];
    await appendLedgerEvents(volume, 'jiaoyu', steps.map(([action, stage], index) => event(action, stage, `2016-0${index + 3}-10T10:00:00+08:00`, { hash })));
    const check = async () => (await runCheck([volume], { cache: false, cacheDir: join(dir, 'cache'), final: false, jobs: 1 })).files.flatMap((file) => file.messages);
    expect((await check()).filter((message) => message.fatal === true)).toEqual([]);

    await writeFile(chapterFile, (files['vol/chapters/shehui/jiaoyu.md'] as string).replace('312所', '313所'));
    const locked = (await check()).find((message) => message.ruleId === 'locked-chapter-modified')!;
    expect(locked.file).toBe(chapterFile);
    expect(locked.fatal).toBe(true);
    expect(locked.place && 'start' in locked.place ? [locked.place.start.line, locked.place.start.column] : []).toEqual([1, 1]);
    expect(locked.reason).toMatch(/^本稿已于2016年6月10日通过终审并锁定，此后内容又有改动/);

    await appendLedgerEvents(volume, 'weisheng', [{ ...event('pass', '复审', '2016-04-01T10:00:00+08:00'), chapter: 'weisheng' }]);
    await writeTree(volume, { 'ledger/gone.yaml': 'events:\n  - { chapter: gone, stage: 供稿, action: submit, actor: 许文博, time: "2016-03-25T10:00:00+08:00", hash: "0123456789012345678901234567890123456789" }\n' });
    const messages = await check();
    expect(messages.find((message) => message.ruleId === 'ledger-order')!.reason).toBe('第1条记录不符合审校流程：单位尚未报送稿件，不能通过复审（此后的记录未计入）');
    expect(messages.find((message) => message.ruleId === 'ledger-unknown-chapter')).toMatchObject({ fatal: false });
  });
});
