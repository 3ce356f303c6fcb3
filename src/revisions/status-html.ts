import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import type { Element } from 'hast';
import { formatDate } from './ledger.js';
import { eventPhrase, type Action } from './workflow.js';
import { columnChart, progressRing, rowChart, stackedBar, stagePalette, textOn, type Segment } from './status-charts.js';
import { STATUS_CSS } from './status-css.js';
import { stageColumnNames, type ChapterStatus, type GroupTotals, type VolumeStatusReport } from './status-model.js';

/**
 * The dashboard an editor sends to the leadership: one self-contained HTML file (inline CSS and SVG,
 * no script, no network), one section per volume. Built as a hast tree, so every text is escaped.
 */
export function renderStatusHtml(reports: readonly VolumeStatusReport[]): string {
  const title = reports.length === 1 ? `《${reports[0]!.title}》编纂进度` : '编纂进度';
  const tree = h('html', { lang: 'zh-CN' }, [
    h('head', [
      h('meta', { charset: 'utf-8' }),
      h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
      h('title', title),
      h('style', STATUS_CSS),
    ]),
    h('body', [h('main', reports.map(volumeSection)), h('footer', `由 fangzhi status 根据审校台账和自动检查结果生成 · 截至${formatDate(reports[0]?.asOf ?? '')}`)]),
  ]);
  return `<!doctype html>\n${toHtml(tree)}\n`;
}

function volumeSection(report: VolumeStatusReport): Element {
  const lockIndex = report.stages.indexOf(report.lockStage);
  const palette = stagePalette(report.stages.length, lockIndex);
  const names = stageColumnNames(report.stages);
  const colors = [palette.waiting, ...palette.stages, palette.done];
  const segments = (group: GroupTotals): Segment[] => [
    { label: names[0]!, value: group.byStage[0]!, color: colors[0]! },
    { label: '退改中', value: group.returned, color: palette.returned },
    ...group.byStage.slice(1).map((value, index) => ({ label: names[index + 1]!, value, color: colors[index + 1]! })),
  ];
  const total = report.total;
  const supplied = total.chapters - total.byStage[0]!;
  const throughLock = report.chapters.filter((chapter) => chapter.stageIndex > lockIndex).length;
  const legend = h('ul.legend', segments(total).map((segment) => h('li', [h('span.swatch', { style: `background:${segment.color}` }), segment.label])));
  return h('section.volume', [
    h('header.masthead', [
      h('div', [h('p.kicker', '编纂进度报告'), h('h1', `《${report.title}》`), h('p.meta', `截至${formatDate(report.asOf)} · 承编${report.levels.chapter}${total.chapters}个 · 审校流程 ${report.stages.join(' → ')}`)]),
      h('div.headline', [progressRing(total.progress, { color: '#1c5d99', label: '总体进度', size: 96 }), h('div', [h('strong', '总体进度'), h('span', '按各稿件已完成的审校环节计')])]),
    ]),
    h('div.kpis', [
      kpi('已报送', `${supplied}`, `/ ${total.chapters}篇`, ratio(supplied, total.chapters)),
      kpi(`已过${report.lockStage}`, `${throughLock}`, `/ ${total.chapters}篇`, ratio(throughLock, total.chapters)),
      kpi('退改中', `${total.returned}`, '篇', '在供稿单位修改', total.returned ? 'warn' : ''),
      kpi('逾期', `${total.overdue}`, '篇', total.overdue ? '见下方逾期清单' : '无逾期', total.overdue ? 'alert' : 'ok'),
      kpi('字数', total.chars.toLocaleString('zh-CN'), '字', `定额 ${total.quota.toLocaleString('zh-CN')} 字（${ratio(total.chars, total.quota)}）`),
      kpi('检查错误', `${total.errors}`, '个', `待处理批注 ${total.comments} 条`, total.errors ? 'alert' : 'ok'),
    ]),
    h('div.grid', [
      card('阶段分布', `各阶段的${report.levels.chapter}数`, [columnChart(segments(total), { label: '各阶段稿件数' }), rowChart(segments(total)), legend, holderSplit(report, palette)], 'wide-5'),
      card(`各${report.levels.category}进度`, '条形为各阶段稿件构成，百分比为已完成的审校环节', [groupRows(report.categories, segments)], 'wide-7'),
      card('逾期与退改', total.overdue ? `${total.overdue}篇稿件超过交稿或退改期限` : '所有稿件均在期限内', [dueTable(report)], 'wide-5'),
      card('近期审校记录', '审校台账中最近的记录', [recentList(report)], 'wide-7'),
      card('各承编单位进度', `${report.units.length}个单位，按篇目顺序`, [groupRows(report.units, segments, 'two')], 'wide-12'),
      card(`${report.levels.chapter}明细`, '阶段、经办方、字数与定额、批注和检查错误', [chapterTable(report, colors, palette.returned)], 'wide-12'),
    ]),
  ]);
}

function ratio(part: number, whole: number): string {
  return whole ? `${Math.round((part / whole) * 100)}%` : '—';
}

function kpi(label: string, value: string, unit: string, note: string, tone = ''): Element {
  return h(`div.kpi${tone ? `.${tone}` : ''}`, [h('span.label', label), h('span.value', [value, h('small', unit)]), h('span.note', note)]);
}

function card(title: string, subtitle: string, body: Element[], width: string): Element {
  return h(`article.card.${width}`, [h('header', [h('h2', title), h('p', subtitle)]), ...body]);
}

function groupRows(groups: readonly GroupTotals[], segments: (group: GroupTotals) => Segment[], layout = ''): Element {
  return h(
    `ol.rows${layout ? `.${layout}` : ''}`,
    groups.map((group) =>
      h('li', [
        h('span.name', { title: group.fullName ?? group.name }, group.name),
        stackedBar(segments(group), { label: `${group.name}：${group.chapters}篇` }),
        h('span.pct', `${Math.round(group.progress * 100)}%`),
        h('span.flags', [
          h('span.count', `${group.chapters}篇`),
          group.overdue ? h('span.badge.alert', `逾期${group.overdue}`) : '',
          group.returned ? h('span.badge.warn', `退改${group.returned}`) : '',
        ]),
      ]),
    ),
  );
}

/** Who has the chapters in hand: the editors, the units (not yet supplied or returned), or nobody (done). */
function holderSplit(report: VolumeStatusReport, palette: ReturnType<typeof stagePalette>): Element {
  const count = (holder: ChapterStatus['holder']) => report.chapters.filter((chapter) => chapter.holder === holder).length;
  const parts: Segment[] = [
    { label: '编辑部审校中', value: count('editor'), color: '#1c5d99' },
    { label: '供稿单位手中', value: count('unit'), color: palette.returned },
    { label: '已完成', value: count('done'), color: palette.done },
  ];
  return h('div.split', [
    h('h3', '稿件在谁手中'),
    stackedBar(parts, { label: '稿件经办方', height: 12 }),
    h('ul.legend', parts.map((part) => h('li', [h('span.swatch', { style: `background:${part.color}` }), `${part.label} `, h('strong', String(part.value)), '篇']))),
  ]);
}

/** Overdue chapters first, then chapters returned to their units that are still within their time. */
function dueTable(report: VolumeStatusReport): Element {
  const pending = report.chapters.filter((chapter) => chapter.holder === 'unit' && chapter.due && !chapter.overdueDays).sort((a, b) => a.due!.localeCompare(b.due!));
  const rows = [...report.overdue, ...pending];
  if (!rows.length) return h('p.empty', '没有逾期或退改中的稿件。');
  return h('table.overdue', [
    h('thead', h('tr', [h('th', '承编单位'), h('th', '稿件'), h('th', '情况'), h('th', '期限'), h('th.num', '状态')])),
    h(
      'tbody',
      rows.map((chapter) =>
        h('tr', [
          h('td', { title: chapter.unitName }, chapter.unitShortName),
          h('td', chapter.title),
          h('td', chapter.returned ? chapter.label : '未交稿'),
          h('td', formatDate(chapter.due!).replace(/^\d+年/, '')),
          h('td.num', chapter.overdueDays ? h('span.badge.alert', `逾期${chapter.overdueDays}天`) : h('span.badge.warn', `剩${daysLeft(chapter.due!, report.asOf)}天`)),
        ]),
      ),
    ),
  ]);
}

function daysLeft(due: string, asOf: string): number {
  return Math.round((Date.parse(`${due}T00:00:00Z`) - Date.parse(`${asOf}T00:00:00Z`)) / 86_400_000);
}

function recentList(report: VolumeStatusReport): Element {
  if (!report.recent.length) return h('p.empty.none', '审校台账中还没有记录。');
  return h(
    'ol.recent',
    report.recent.map((event) =>
      h(`li${event.action === 'return' ? '.is-return' : event.action === 'reopen' ? '.is-reopen' : ''}`, [
        h('time', { datetime: event.time }, `${formatDate(event.time).replace(/^\d+年/, '')} ${event.time.slice(11, 16)}`),
        h('span.what', eventPhrase(event.action as Action, event.stage, report.stages[0]!)),
        h('span.chapter', [event.title, h('small', event.unit)]),
        h('span.actor', event.actor),
      ]),
    ),
  );
}

function chapterTable(report: VolumeStatusReport, colors: readonly string[], returnedColor: string): Element {
  const rows = report.chapters.map((chapter) => {
    const color = chapter.returned ? returnedColor : colors[chapter.stageIndex] ?? colors[0]!;
    const chipStyle = `background:${color};color:${textOn(color)}`;
    const fill = chapter.quota ? Math.min(1, chapter.chars / chapter.quota) : 0;
    const over = chapter.quota !== undefined && chapter.chars > chapter.quota * 1.3;
    return h('tr', [
      h('td', [h('span.title', chapter.title), h('span.sub', [chapter.categoryTitle, h('span.inline-unit', ` · ${chapter.unitShortName}`)])]),
      h('td.unit', chapter.unitShortName),
      h('td', [h('span.chip', { style: chipStyle }, chapter.label), chapter.locked ? h('span.lock', { title: `已过${report.lockStage}，内容锁定` }, '已锁定') : '']),
      h('td', chapter.holderName || '—'),
      h('td.num', [
        h('span', chapter.quota ? `${chapter.chars.toLocaleString('zh-CN')} / ${chapter.quota.toLocaleString('zh-CN')}` : chapter.chars.toLocaleString('zh-CN')),
        chapter.quota ? h(`span.meter${over ? '.over' : ''}`, h('span', { style: `width:${(fill * 100).toFixed(1)}%` })) : '',
      ]),
      h('td.num', chapter.comments ? String(chapter.comments) : '—'),
      h('td.num', chapter.errors ? h('span.badge.alert', String(chapter.errors)) : '—'),
      h('td.last', chapter.last ? `${formatDate(chapter.last.time).replace(/^\d+年/, '')} ${chapter.last.actor}` : '—'),
    ]);
  });
  return h('div.scroll', h('table.chapters', [h('thead', h('tr', [h('th', report.levels.chapter), h('th', '承编单位'), h('th', '阶段'), h('th', '经办'), h('th.num', '字数 / 定额'), h('th.num', '批注'), h('th.num', '错误'), h('th', '最近记录')])), h('tbody', rows)]));
}
