import { relative } from 'node:path';
import { renderTextTable } from './text-table.js';
import { replay, stageLabel, type LedgerEvent } from './ledger.js';
import { chapterTitle, type ReviewVolume } from './review-volume.js';
import { ACTION_LABEL } from './workflow.js';

/**
 * The history of a chapter for `fangzhi review log`: where it stands, whether its file still has the
 * content last recorded, and every event in order. `currentHash` is the file's blob hash now.
 */
export function renderReviewLog(review: ReviewVolume, chapter: string, path: string | undefined, currentHash: string | undefined): string {
  const placed = review.volume.nodes.get(chapter)!;
  const unit = review.volume.units.get(placed.node.unit ?? '');
  const events: LedgerEvent[] = review.ledger.files.get(chapter)?.events ?? [];
  const { state, problem } = replay(chapter, events, review.workflow);
  const holder = state.stageIndex >= review.workflow.stages.length ? '' : state.holder === 'unit' ? `，由${unit?.shortName ?? placed.node.unit}处理` : '，由编辑部处理';
  const last = events.at(-1);
  const content = !last || !currentHash ? '' : last.hash === currentHash ? '；稿件内容与最后一条记录一致' : '；稿件内容在最后一条记录之后有改动';
  const lock = state.lock ? `；${state.lock.stage}后已锁定` : '';
  const lines = [
    `《${review.volume.config.title}》${chapterTitle(placed)}（${chapter}）`,
    `承编单位：${unit?.name ?? placed.node.unit ?? '未指定'}　稿件：${path ? relative(process.cwd(), path) : '（尚无文件）'}`,
    `当前：${stageLabel(state, review.workflow)}${holder}${lock}${content}`,
  ];
  if (problem) lines.push(`注意：台账第${problem.index + 1}条记录不符合审校流程（${problem.message}），其后的记录未计入当前状态`);
  if (!events.length) return `${[...lines, '', '台账中还没有记录。'].join('\n')}\n`;
  const rows = events.map((event) => [
    event.time.slice(0, 16).replace('T', ' '),
    event.stage,
    ACTION_LABEL[event.action],
    event.actor,
    event.hash.slice(0, 7),
    [event.reason ? `理由：${event.reason}` : '', ...(event.note ?? '').split('\n')].filter(Boolean).join('；'),
  ]);
  const table = renderTextTable([{ title: '时间' }, { title: '阶段' }, { title: '操作' }, { title: '经办人' }, { title: '内容' }, { title: '说明' }], rows);
  return `${[...lines, '', table].join('\n')}\n`;
}
