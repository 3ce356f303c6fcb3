import type { Volume } from '../model/volume.js';
import { stageLabel, type ChapterState, type LedgerEvent } from './ledger.js';
import type { Workflow } from './workflow.js';

/** What the checker and the file tell about a chapter, beside its ledger. */
export interface ChapterFacts {
  /** Relative path of the chapter file, when there is one. */
  file?: string;
  chars: number;
  comments: number;
  errors: number;
}

export interface ChapterStatus {
  nodeId: string;
  title: string;
  categoryId: string;
  categoryTitle: string;
  unitId: string;
  unitName: string;
  unitShortName: string;
  file?: string;
  /** Index of the current stage; stages.length once signed off. */
  stageIndex: number;
  /** 待报送, 初审中, 初审退改, 已付印 … */
  label: string;
  holder: 'unit' | 'editor' | 'done';
  /** The unit's short name, 编辑部, or empty once signed off. */
  holderName: string;
  returned: boolean;
  locked: boolean;
  last?: { time: string; stage: string; action: string; actor: string };
  chars: number;
  quota?: number;
  comments: number;
  errors: number;
  /** Supply deadline from the framework (YYYY-MM-DD). */
  deadline?: string;
  /** When the unit holds the chapter: the date it is due back (supply deadline, or return + returnDays). */
  due?: string;
  overdueDays?: number;
  /** Days the first supply came after the deadline. */
  lateDays?: number;
}

export interface GroupTotals {
  id: string;
  name: string;
  /** The full name where `name` is short (units). */
  fullName?: string;
  chapters: number;
  /**
   * Chapters by where they are: slot 0 not yet supplied, slot i at stage i with the editors, the last
   * slot signed off. Chapters returned to their units are counted in `returned` instead.
   */
  byStage: number[];
  returned: number;
  overdue: number;
  locked: number;
  chars: number;
  quota: number;
  comments: number;
  errors: number;
  /** Share of all workflow steps done, 0–1: each chapter counts stageIndex / stages.length. */
  progress: number;
}

export interface VolumeStatusReport {
  id: string;
  title: string;
  /** The day the report describes (YYYY-MM-DD); ledger events after it are not counted. */
  asOf: string;
  stages: string[];
  lockStage: string;
  /** Names of the levels shown: the top level (类目/篇) and the assigned nodes (分目/章 …). */
  levels: { category: string; chapter: string };
  chapters: ChapterStatus[];
  categories: GroupTotals[];
  units: GroupTotals[];
  total: GroupTotals;
  /** Chapters past their due date, longest overdue first. */
  overdue: ChapterStatus[];
  /** The latest ledger events up to `asOf`, newest first. */
  recent: Array<{ time: string; chapter: string; title: string; unit: string; stage: string; action: string; actor: string }>;
}

/** How many of the latest events the report lists. */
const RECENT_EVENTS = 8;

/** Names of the slots of GroupTotals.byStage: 待报送, 初审中 … 付印中, 已付印. */
export function stageColumnNames(stages: readonly string[]): string[] {
  return ['待报送', ...stages.slice(1).map((stage) => `${stage}中`), `已${stages.at(-1)}`];
}

const DAY = 86_400_000;

/** Whole days from one calendar date (YYYY-MM-DD) to another. */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/**
 * The status of every assigned chapter of a volume on `asOf`, with totals per 类目 and per unit. Pure:
 * the states come from the ledger replayed up to that day, the facts from the checker.
 */
export function buildStatus(
  volume: Volume,
  workflow: Workflow,
  states: ReadonlyMap<string, ChapterState>,
  facts: ReadonlyMap<string, ChapterFacts>,
  events: readonly LedgerEvent[],
  asOf: string,
): VolumeStatusReport {
  const stageCount = workflow.stages.length;
  const chapters = volume.leaves.map((leaf): ChapterStatus => {
    const { node } = leaf;
    const state = states.get(node.id)!;
    const fact = facts.get(node.id);
    const unit = volume.units.get(node.unit ?? '');
    const holder = state.stageIndex >= stageCount ? 'done' : state.holder;
    const returned = holder === 'unit' && state.stageIndex > 0;
    const due = holder !== 'unit' ? undefined : returned && state.lastReturn ? addDays(state.lastReturn.time.slice(0, 10), workflow.returnDays) : node.deadline;
    const overdueDays = due ? daysBetween(due, asOf) : 0;
    const lateDays = node.deadline && state.firstSubmit ? daysBetween(node.deadline, state.firstSubmit.time.slice(0, 10)) : 0;
    const last = state.last;
    return {
      nodeId: node.id,
      title: node.title,
      categoryId: leaf.categoryId,
      categoryTitle: volume.nodes.get(leaf.categoryId)?.node.title ?? leaf.categoryId,
      unitId: node.unit ?? '',
      unitName: unit?.name ?? node.unit ?? '未指定单位',
      unitShortName: unit?.shortName ?? node.unit ?? '未指定单位',
      ...(fact?.file ? { file: fact.file } : {}),
      stageIndex: state.stageIndex,
      label: fact?.file || state.last ? stageLabel(state, workflow) : '缺稿',
      holder,
      holderName: holder === 'done' ? '' : holder === 'unit' ? unit?.shortName ?? node.unit ?? '' : '编辑部',
      returned,
      locked: Boolean(state.lock),
      ...(last ? { last: { time: last.time, stage: last.stage, action: last.action, actor: last.actor } } : {}),
      chars: fact?.chars ?? 0,
      ...(node.quota?.chars ? { quota: node.quota.chars } : {}),
      comments: fact?.comments ?? 0,
      errors: fact?.errors ?? 0,
      ...(node.deadline ? { deadline: node.deadline } : {}),
      ...(due ? { due } : {}),
      ...(overdueDays > 0 ? { overdueDays } : {}),
      ...(lateDays > 0 ? { lateDays } : {}),
    };
  });
  const group = (key: (chapter: ChapterStatus) => [string, string, string?]) => {
    const groups = new Map<string, GroupTotals>();
    for (const chapter of chapters) {
      const [id, name, fullName] = key(chapter);
      const totals = groups.get(id) ?? { ...emptyTotals(id, name, stageCount), ...(fullName && fullName !== name ? { fullName } : {}) };
      add(totals, chapter, stageCount);
      groups.set(id, totals);
    }
    return [...groups.values()];
  };
  const total = emptyTotals('total', '合计', stageCount);
  for (const chapter of chapters) add(total, chapter, stageCount);
  return {
    id: volume.config.id,
    title: volume.config.title,
    asOf,
    stages: workflow.stages,
    lockStage: workflow.lockStage,
    levels: { category: volume.config.levels[0]!, chapter: volume.leaves[0]?.node.kind ?? volume.config.levels[1]! },
    chapters,
    categories: group((chapter) => [chapter.categoryId, chapter.categoryTitle]),
    units: group((chapter) => [chapter.unitId, chapter.unitShortName, chapter.unitName]),
    total,
    overdue: chapters.filter((chapter) => chapter.overdueDays).sort((a, b) => b.overdueDays! - a.overdueDays! || a.nodeId.localeCompare(b.nodeId)),
    recent: [...events]
      .sort((a, b) => Date.parse(b.time) - Date.parse(a.time))
      .slice(0, RECENT_EVENTS)
      .map((event) => {
        const chapter = chapters.find((item) => item.nodeId === event.chapter);
        return { time: event.time, chapter: event.chapter, title: chapter?.title ?? event.chapter, unit: chapter?.unitShortName ?? '', stage: event.stage, action: event.action, actor: event.actor };
      }),
  };
}

function emptyTotals(id: string, name: string, stageCount: number): GroupTotals {
  return { id, name, chapters: 0, byStage: Array.from({ length: stageCount + 1 }, () => 0), returned: 0, overdue: 0, locked: 0, chars: 0, quota: 0, comments: 0, errors: 0, progress: 0 };
}

function add(totals: GroupTotals, chapter: ChapterStatus, stageCount: number): void {
  totals.progress = (totals.progress * totals.chapters + chapter.stageIndex / stageCount) / (totals.chapters + 1);
  totals.chapters++;
  if (chapter.returned) totals.returned++;
  else totals.byStage[chapter.stageIndex]!++;
  if (chapter.overdueDays) totals.overdue++;
  if (chapter.locked) totals.locked++;
  totals.chars += chapter.chars;
  totals.quota += chapter.quota ?? 0;
  totals.comments += chapter.comments;
  totals.errors += chapter.errors;
}
