import { formatDate } from './ledger.js';
import { stageColumnNames, type GroupTotals, type VolumeStatusReport } from './status-model.js';
import { renderTextTable } from './text-table.js';

const percent = (value: number) => `${Math.round(value * 100)}%`;
const count = (value: number) => (value ? String(value) : '');

/** `fangzhi status` for the terminal: every chapter, then totals per 类目 and per unit, then what is overdue. */
export function renderStatusText(report: VolumeStatusReport): string {
  const stageNames = stageColumnNames(report.stages);
  const chapterRows = report.chapters.map((chapter) => [
    chapter.title,
    chapter.categoryTitle,
    chapter.unitShortName,
    chapter.label + (chapter.locked ? '·锁定' : ''),
    chapter.holderName,
    chapter.overdueDays ? `${chapter.overdueDays}天` : '',
    chapter.quota ? `${chapter.chars}/${chapter.quota}` : String(chapter.chars),
    count(chapter.comments),
    count(chapter.errors),
  ]);
  const totalsTable = (title: string, groups: readonly GroupTotals[]) =>
    renderTextTable(
      [{ title }, { title: '稿件', right: true }, { title: '阶段分布' }, { title: '退改', right: true }, { title: '逾期', right: true }, { title: '字数/定额', right: true }, { title: '批注', right: true }, { title: '错误', right: true }, { title: '进度', right: true }],
      [...groups, report.total].map((group) => [
        group.name,
        String(group.chapters),
        group.byStage.flatMap((value, index) => (value ? [`${stageNames[index]}${value}`] : [])).join(' '),
        count(group.returned),
        count(group.overdue),
        `${group.chars}/${group.quota}`,
        count(group.comments),
        count(group.errors),
        percent(group.progress),
      ]),
    );
  const overdue = report.overdue.map((chapter) => `  ${chapter.unitName}：${chapter.title}（${chapter.nodeId}）${chapter.label}，应于${formatDate(chapter.due!)}前${chapter.returned ? '改后报回' : '交稿'}，逾期${chapter.overdueDays}天`);
  return [
    `《${report.title}》编纂进度　截至${formatDate(report.asOf)}`,
    `审校流程：${report.stages.map((stage) => (stage === report.lockStage ? `${stage}（锁定）` : stage)).join('→')}`,
    '',
    renderTextTable(
      [{ title: report.levels.chapter }, { title: report.levels.category }, { title: '承编单位' }, { title: '阶段' }, { title: '经办' }, { title: '逾期', right: true }, { title: '字数/定额', right: true }, { title: '批注', right: true }, { title: '错误', right: true }],
      chapterRows,
    ),
    '',
    totalsTable(report.levels.category, report.categories),
    '',
    totalsTable('承编单位', report.units),
    '',
    overdue.length ? `逾期${overdue.length}篇：\n${overdue.join('\n')}` : '没有逾期的稿件。',
    '',
  ].join('\n');
}
