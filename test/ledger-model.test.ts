import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyEvent, approvedVersion, initialState, replay, stageLabel, stageVersion, TIME_PATTERN, type ChapterState, type LedgerEvent } from '../src/revisions/ledger.js';
import { resolveWorkflow } from '../src/revisions/workflow.js';
import { root } from './helpers.js';

const { workflow } = resolveWorkflow(undefined);
const hashes = ['a'.repeat(40), 'b'.repeat(40), 'c'.repeat(40)];
let clock = Date.parse('2016-03-25T09:00:00+08:00');

function event(action: LedgerEvent['action'], stage: string, extra: Partial<LedgerEvent> = {}): LedgerEvent {
  clock += 86_400_000;
  const time = new Date(clock).toISOString().replace('.000Z', '+00:00');
  return { chapter: 'jiaoyu', stage, action, actor: '唐嘉木', time, hash: hashes[0]!, ...extra };
}

function run(events: LedgerEvent[]): ChapterState {
  const result = replay('jiaoyu', events, workflow);
  expect(result.problem).toBeUndefined();
  return result.state;
}

function refusal(state: ChapterState, next: LedgerEvent): string {
  const result = applyEvent(state, next, workflow);
  expect('error' in result, JSON.stringify(result)).toBe(true);
  return (result as { error: string }).error;
}

describe('workflow ledger model', () => {
  it('has the default stages of a chronicle office, locked after 终审', () => {
    expect(workflow.stages).toEqual(['供稿', '初审', '复审', '终审', '一校', '二校', '三校', '付印']);
    expect(workflow.lockStage).toBe('终审');
    expect(workflow.publishStage).toBe('终审');
  });

  it('walks a chapter through supply, return, resubmission and the three reviews', () => {
    const supplied = run([event('submit', '供稿')]);
    expect([supplied.stageIndex, supplied.holder, stageLabel(supplied, workflow)]).toEqual([1, 'editor', '初审中']);
    const returned = run([event('submit', '供稿'), event('return', '初审', { note: '请补充学校数' })]);
    expect([returned.holder, returned.returns, stageLabel(returned, workflow)]).toEqual(['unit', 1, '初审退改']);
    const locked = run([event('submit', '供稿'), event('return', '初审'), event('submit', '初审', { hash: hashes[1]! }), event('pass', '初审', { hash: hashes[1]! }), event('pass', '复审', { hash: hashes[1]! }), event('pass', '终审', { hash: hashes[1]! })]);
    expect(stageLabel(locked, workflow)).toBe('一校中');
    expect(locked.lock).toMatchObject({ stage: '终审', hash: hashes[1] });
  });

  it('refuses a pass of 终审 before 初审, naming what is missing', () => {
    const supplied = run([event('submit', '供稿')]);
    expect(refusal(supplied, event('pass', '终审'))).toBe('尚未通过初审、复审，不能通过终审（当前处于初审阶段）');
    expect(refusal(initialState('jiaoyu'), event('pass', '初审'))).toBe('单位尚未报送稿件，不能通过初审');
  });

  it('refuses passing a stage twice, passing while the unit holds the chapter, and passing the supply stage', () => {
    const atReview2 = run([event('submit', '供稿'), event('pass', '初审')]);
    expect(refusal(atReview2, event('pass', '初审'))).toMatch(/^已于2016年\d+月\d+日通过初审，当前处于复审阶段；如需重审，请先重新打开/);
    const returned = run([event('submit', '供稿'), event('return', '初审')]);
    expect(refusal(returned, event('pass', '初审'))).toMatch(/在初审阶段退回单位修改，须单位重新报送（review submit）后才能通过初审$/);
    expect(refusal(returned, event('return', '初审'))).toMatch(/退回单位修改，尚未重新报送$/);
    expect(refusal(atReview2, event('pass', '供稿'))).toContain('由单位报送完成');
    expect(refusal(atReview2, event('submit', '复审'))).toContain('无需报送');
  });

  it('requires a reason to reopen, and reopens only a stage already passed', () => {
    const locked = run([event('submit', '供稿'), event('pass', '初审'), event('pass', '复审'), event('pass', '终审')]);
    expect(refusal(locked, event('reopen', '终审'))).toBe('重新打开须写明理由（--reason）');
    expect(refusal(locked, event('reopen', '二校', { reason: '核对' }))).toBe('二校尚未通过（当前处于一校阶段），只能重新打开已通过的阶段');
    const reopened = applyEvent(locked, event('reopen', '终审', { reason: '统计公报发布后核对数据' }), workflow);
    expect('state' in reopened && reopened.state).toMatchObject({ stageIndex: 3, holder: 'editor' });
    expect('state' in reopened && reopened.state.lock).toBeUndefined();
  });

  it('moves the lock with every later pass, and keeps it when an earlier-than-lock stage is not reopened', () => {
    const proofed = run([event('submit', '供稿'), event('pass', '初审'), event('pass', '复审'), event('pass', '终审'), event('pass', '一校', { hash: hashes[2]! })]);
    expect(proofed.lock).toMatchObject({ stage: '一校', hash: hashes[2] });
    expect(approvedVersion(proofed, workflow, workflow.publishStage)).toMatchObject({ stage: '一校', hash: hashes[2] });
    expect(approvedVersion(run([event('submit', '供稿'), event('pass', '初审')]), workflow, '终审')).toBeUndefined();
    const reopenedProof = applyEvent(proofed, event('reopen', '一校', { reason: '二校发现漏改' }), workflow);
    expect('state' in reopenedProof && reopenedProof.state.lock?.stage).toBe('一校');
  });

  it('finishes with a sign-off of the last stage only', () => {
    const events = [event('submit', '供稿'), ...['初审', '复审', '终审', '一校', '二校', '三校'].map((stage) => event('pass', stage))];
    const atImprimatur = run(events);
    expect(refusal(atImprimatur, event('pass', '付印'))).toContain('须由签发完成（review sign-off）');
    expect(refusal(run(events.slice(0, 3)), event('sign-off', '复审'))).toContain('签发只用于最后一个阶段「付印」');
    const done = run([...events, event('sign-off', '付印')]);
    expect(stageLabel(done, workflow)).toBe('已付印');
    expect(refusal(done, event('pass', '付印'))).toContain('须由签发完成');
    expect(refusal(done, event('submit', '付印'))).toMatch(/签发，审校流程已经结束/);
  });

  it('refuses an event recorded earlier than the one before it, and an unknown stage', () => {
    const supplied = run([event('submit', '供稿', { time: '2016-04-10T10:00:00+08:00' })]);
    expect(refusal(supplied, { ...event('pass', '初审'), time: '2016-04-09T10:00:00+08:00' })).toMatch(/早于上一条记录/);
    expect(refusal(supplied, event('pass', '四审'))).toBe('阶段「四审」不在本卷的审校流程中（供稿、初审、复审、终审、一校、二校、三校、付印）');
  });

  it('replay stops at the first refused event and says which', () => {
    const result = replay('jiaoyu', [event('submit', '供稿'), event('pass', '复审'), event('pass', '初审')], workflow);
    expect(result.problem).toEqual({ index: 1, message: '尚未通过初审，不能通过复审（当前处于初审阶段）' });
    expect(result.state.stageIndex).toBe(1);
  });

  it('finds the version of each stage for redlines', () => {
    const events = [event('submit', '供稿'), event('return', '初审'), event('submit', '初审', { hash: hashes[1]! }), event('pass', '初审', { hash: hashes[1]! }), event('pass', '复审', { hash: hashes[2]! })];
    expect(stageVersion(events, workflow, '供稿')?.hash).toBe(hashes[0]);
    expect(stageVersion(events, workflow, '初审')?.hash).toBe(hashes[1]);
    expect(stageVersion(events, workflow, '复审')?.hash).toBe(hashes[2]);
    expect(stageVersion(events, workflow, '终审')).toBeUndefined();
  });

  it('reports a lock or publish stage that is not in the configured stages', () => {
    const { workflow: custom, problems } = resolveWorkflow({ stages: ['收稿', '编辑', '审定', '校对', '付印'], lockStage: '终审', publishStage: '收稿' });
    expect(problems.map((problem) => problem.field)).toEqual(['lockStage', 'publishStage']);
    expect(problems[0]!.message).toBe('lockStage「终审」不是本卷审校流程中的阶段（收稿、编辑、审定、校对、付印）');
    expect(custom.lockStage).toBe('校对');
    expect(resolveWorkflow({ stages: ['收稿', '编辑', '审定', '付印'], lockStage: '编辑' }).workflow).toMatchObject({ lockStage: '编辑', publishStage: '编辑', returnDays: 10 });
  });

  it('checks times with the same pattern as the ledger schema', async () => {
    const schema = JSON.parse(await readFile(join(root, 'schemas/ledger.schema.json'), 'utf8')) as { definitions: { LedgerEvent: { properties: { time: { pattern: string } } } } };
    expect(TIME_PATTERN.source).toBe(schema.definitions.LedgerEvent.properties.time.pattern);
    expect(TIME_PATTERN.test('2016-04-12T15:30:00+08:00')).toBe(true);
    expect(TIME_PATTERN.test('2016-04-12 15:30')).toBe(false);
  });
});
