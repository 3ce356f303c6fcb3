import type { LedgerEvent } from '../model/generated/ledger.js';
import type { Action, Workflow } from './workflow.js';

export type { LedgerEvent };

/** Who has the chapter in hand: the supplying unit (before supply, after a return) or the editors. */
export type Holder = 'unit' | 'editor';

/** Where a chapter stands after its ledger has been replayed. */
export interface ChapterState {
  chapter: string;
  /** Index into the workflow's stages of the stage the chapter is in; stages.length once signed off. */
  stageIndex: number;
  holder: Holder;
  /**
   * Set when the chapter passes the lock stage, and moved by every later pass (proof corrections are
   * recorded by passing the round); cleared by reopening the lock stage or an earlier one.
   */
  lock?: { stage: string; time: string; hash: string };
  /** The latest pass (or sign-off, or supply) of each completed stage. */
  completed: Record<string, LedgerEvent>;
  firstSubmit?: LedgerEvent;
  lastReturn?: LedgerEvent;
  returns: number;
  last?: LedgerEvent;
}

export function initialState(chapter: string): ChapterState {
  return { chapter, stageIndex: 0, holder: 'unit', completed: {}, returns: 0 };
}

export function isFinished(state: ChapterState, workflow: Workflow): boolean {
  return state.stageIndex >= workflow.stages.length;
}

/** Has the chapter completed `stage` (and not been reopened before it since)? */
export function hasPassed(state: ChapterState, workflow: Workflow, stage: string): boolean {
  const index = workflow.stages.indexOf(stage);
  return index >= 0 && state.stageIndex > index;
}

/**
 * The latest approval that still stands once `stage` has been passed: the pass (or sign-off) of the last
 * completed stage. Its hash is the text that may be published; a file that differs was changed since.
 */
export function approvedVersion(state: ChapterState, workflow: Workflow, stage: string): LedgerEvent | undefined {
  if (!hasPassed(state, workflow, stage)) return undefined;
  return state.completed[workflow.stages[state.stageIndex - 1]!];
}

/** 2016-04-12T15:30:00+08:00 → 2016年4月12日: the date where the event was recorded. */
export function formatDate(time: string): string {
  const [year, month, day] = time.slice(0, 10).split('-');
  return `${year}年${Number(month)}月${Number(day)}日`;
}

/**
 * Applies one event, or says in Chinese why the workflow refuses it. The messages have no subject;
 * callers put the chapter's title in front.
 */
export function applyEvent(state: ChapterState, event: LedgerEvent, workflow: Workflow): { state: ChapterState } | { error: string } {
  const refuse = (error: string) => ({ error });
  const { stages } = workflow;
  const index = stages.indexOf(event.stage);
  const current = state.stageIndex;
  const finished = current >= stages.length;
  const here = stages[current];
  if (index < 0) return refuse(`阶段「${event.stage}」不在本卷的审校流程中（${stages.join('、')}）`);
  if (state.last && Date.parse(event.time) < Date.parse(state.last.time)) return refuse(`记录时间 ${event.time} 早于上一条记录（${state.last.time}）`);
  if (event.chapter !== state.chapter) return refuse(`记录属于稿件「${event.chapter}」，不属于「${state.chapter}」`);
  const signedOff = () => `已于${formatDate(state.last!.time)}签发，审校流程已经结束；如需改动，请先重新打开（review reopen）`;
  const notYet = () =>
    current === 0 ? `单位尚未报送稿件，不能${attempt(event)}` : `尚未通过${stages.slice(current, index).join('、')}，不能${attempt(event)}（当前处于${here}阶段）`;
  const returned = () => `已于${formatDate(state.lastReturn!.time)}在${here}阶段退回单位修改，须单位重新报送（review submit）后才能${attempt(event)}`;
  const next: ChapterState = { ...state, completed: { ...state.completed }, last: event };

  switch (event.action) {
    case 'submit':
      if (finished) return refuse(signedOff());
      if (index !== current) return refuse(`当前处于${here}阶段，不能在${event.stage}阶段报送`);
      if (state.holder === 'editor') return refuse(`当前由编辑部${here}，无需报送；只有退回单位修改后才需重新报送`);
      next.holder = 'editor';
      if (current === 0) {
        next.stageIndex = 1;
        next.completed[event.stage] = event;
        next.firstSubmit ??= event;
      }
      return { state: next };
    case 'return':
      if (finished) return refuse(signedOff());
      if (index === 0) return refuse(`${event.stage}阶段由单位报送，不能退改；退改应在其后的审校阶段`);
      if (index > current) return refuse(notYet());
      if (index < current) return refuse(`已于${formatDate(state.completed[event.stage]?.time ?? event.time)}通过${event.stage}，当前处于${here}阶段，只能在${here}阶段退改`);
      if (state.holder === 'unit') return refuse(`已于${formatDate(state.lastReturn!.time)}退回单位修改，尚未重新报送`);
      next.holder = 'unit';
      next.returns = state.returns + 1;
      next.lastReturn = event;
      return { state: next };
    case 'pass':
    case 'sign-off': {
      const last = stages.length - 1;
      if (event.action === 'pass' && index === 0) return refuse(`${event.stage}阶段由单位报送完成（review submit），不能“通过”`);
      if (event.action === 'pass' && index === last) return refuse(`${event.stage}是最后一个阶段，须由签发完成（review sign-off）`);
      if (event.action === 'sign-off' && index !== last) return refuse(`签发只用于最后一个阶段「${stages[last]}」；${event.stage}阶段请用 review pass`);
      if (finished) return refuse(signedOff());
      if (index > current) return refuse(notYet());
      if (index < current) return refuse(`已于${formatDate(state.completed[event.stage]?.time ?? event.time)}通过${event.stage}，当前处于${here}阶段；如需重审，请先重新打开（review reopen --stage ${event.stage}）`);
      if (state.holder === 'unit') return refuse(returned());
      next.stageIndex = current + 1;
      next.completed[event.stage] = event;
      if (index >= stages.indexOf(workflow.lockStage)) next.lock = { stage: event.stage, time: event.time, hash: event.hash };
      return { state: next };
    }
    case 'reopen':
      if (!event.reason?.trim()) return refuse('重新打开须写明理由（--reason）');
      if (index >= current) return refuse(`${event.stage}尚未通过（当前处于${here}阶段），只能重新打开已通过的阶段`);
      next.stageIndex = index;
      next.holder = index === 0 ? 'unit' : 'editor';
      for (const stage of stages.slice(index)) delete next.completed[stage];
      if (index <= stages.indexOf(workflow.lockStage)) delete next.lock;
      return { state: next };
  }
}

/** What the event tried to do, as the object of 不能…: 通过终审, 在初审阶段退改. */
function attempt(event: LedgerEvent): string {
  const phrases: Record<Action, string> = { pass: `通过${event.stage}`, 'sign-off': `签发（${event.stage}）`, return: `在${event.stage}阶段退改`, submit: `在${event.stage}阶段报送`, reopen: `重新打开${event.stage}` };
  return phrases[event.action];
}

/** Replays a chapter's events; stops at the first one the workflow refuses and says which. */
export function replay(chapter: string, events: readonly LedgerEvent[], workflow: Workflow): { state: ChapterState; problem?: { index: number; message: string } } {
  let state = initialState(chapter);
  for (const [index, event] of events.entries()) {
    const result = applyEvent(state, event, workflow);
    if ('error' in result) return { state, problem: { index, message: result.error } };
    state = result.state;
  }
  return { state };
}

/**
 * The event that fixed the chapter's content at a stage: the supply for the first stage, else the
 * latest pass or sign-off of that stage. Its hash names the version a redline starts or ends at.
 */
export function stageVersion(events: readonly LedgerEvent[], workflow: Workflow, stage: string): LedgerEvent | undefined {
  const first = workflow.stages[0];
  const wanted = stage === first ? ['submit'] : ['pass', 'sign-off'];
  return [...events].reverse().find((event) => event.stage === stage && wanted.includes(event.action));
}

/** The time now (or of `date`) as ISO 8601 with the local offset, e.g. 2016-04-12T15:30:00+08:00. */
export function timestamp(date = new Date()): string {
  const offset = -date.getTimezoneOffset();
  const pad = (value: number) => String(Math.floor(Math.abs(value))).padStart(2, '0');
  const local = new Date(date.getTime() + offset * 60_000).toISOString().slice(0, 19);
  return `${local}${offset >= 0 ? '+' : '-'}${pad(offset / 60)}:${pad(offset % 60)}`;
}

/** The calendar date `days` after the local date of an event time, as 2016年4月22日. */
export function dateAfter(time: string, days: number): string {
  const date = new Date(`${time.slice(0, 10)}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return formatDate(date.toISOString());
}

/** Same pattern as schemas/ledger.schema.json: ISO 8601 with a time zone. */
export const TIME_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Where a chapter stands, in a few characters: 待报送, 初审中, 初审退改, 已付印. */
export function stageLabel(state: ChapterState, workflow: Workflow): string {
  const stage = workflow.stages[state.stageIndex];
  if (stage === undefined) return `已${workflow.stages.at(-1)}`;
  if (state.stageIndex === 0) return state.last ? `${stage}退回` : '待报送';
  return state.holder === 'unit' ? `${stage}退改` : `${stage}中`;
}
