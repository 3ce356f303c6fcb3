import type { VolumeFile } from '../model/generated/volume.js';
import type { LedgerEvent } from '../model/generated/ledger.js';

/** The stages every chapter goes through, resolved from volume.yaml with the defaults filled in. */
export interface Workflow {
  stages: string[];
  /** After passing this stage a chapter's content is locked until it is reopened. */
  lockStage: string;
  /** Chapters that passed this stage may appear on the public website. */
  publishStage: string;
  /** Days a unit has to send a returned chapter back. */
  returnDays: number;
}

export type WorkflowConfig = NonNullable<VolumeFile['workflow']>;
export type Action = LedgerEvent['action'];

/** The rounds of catalogue §13.2: supply, three reviews, three proof rounds, imprimatur. */
export const DEFAULT_STAGES = ['供稿', '初审', '复审', '终审', '一校', '二校', '三校', '付印'];
const DEFAULT_LOCK_STAGE = '终审';
const DEFAULT_RETURN_DAYS = 10;

export const ACTION_LABEL: Record<Action, string> = { submit: '报送', return: '退改', pass: '通过', reopen: '重新打开', 'sign-off': '签发' };

/** An event in a few characters: 报送, 重新报送, 通过终审, 初审退改, 重新打开终审, 签发付印. */
export function eventPhrase(action: Action, stage: string, firstStage: string): string {
  if (action === 'submit') return stage === firstStage ? '报送' : '重新报送';
  if (action === 'return') return `${stage}退改`;
  return `${ACTION_LABEL[action]}${stage}`;
}

export interface WorkflowProblem {
  /** Key under `workflow` in volume.yaml. */
  field: keyof WorkflowConfig;
  message: string;
}

/**
 * The volume's workflow with defaults. A lock or publish stage that is not one of the stages is a
 * problem; the default (or, with custom stages, the second to last stage) is used in its place.
 */
export function resolveWorkflow(config: WorkflowConfig | undefined): { workflow: Workflow; problems: WorkflowProblem[] } {
  const stages = config?.stages ?? DEFAULT_STAGES;
  const problems: WorkflowProblem[] = [];
  const fallback = stages.includes(DEFAULT_LOCK_STAGE) ? DEFAULT_LOCK_STAGE : stages[Math.max(1, stages.length - 2)]!;
  const pick = (field: 'lockStage' | 'publishStage', wanted: string | undefined, otherwise: string) => {
    if (wanted === undefined) return otherwise;
    if (stages.indexOf(wanted) >= 1) return wanted;
    problems.push({
      field,
      message: stages.indexOf(wanted) === 0 ? `${field}「${wanted}」是供稿阶段，应为其后的某个审校阶段` : `${field}「${wanted}」不是本卷审校流程中的阶段（${stages.join('、')}）`,
    });
    return otherwise;
  };
  const lockStage = pick('lockStage', config?.lockStage, fallback);
  const publishStage = pick('publishStage', config?.publishStage, lockStage);
  return { workflow: { stages, lockStage, publishStage, returnDays: config?.returnDays ?? DEFAULT_RETURN_DAYS }, problems };
}
