import { h } from 'hastscript';
import type { Element } from 'hast';
import type { AssembledVolume, RedlineVersion, Revision } from '../../model/assembled.js';
import { revisionStats } from '../../revisions/revision-stats.js';

/** Tooltip of a change or comment: 插入　黄国栋　2016-04-02. */
export function revisionTitle(action: string, revision: Revision): string {
  return [action, revision.author, revision.date?.slice(0, 10)].filter(Boolean).join('　');
}

/**
 * The head of a redline or of a review draft with suggestions: for a redline the two versions compared
 * (stage or git version, commit, author, date), then the colour legend with the counts.
 */
export function revisionLegend(volume: AssembledVolume): Element[] {
  const stats = revisionStats(volume);
  if (!volume.redline && stats.insertions + stats.deletions + stats.comments === 0) return [];
  const out: Element[] = [];
  if (volume.redline) {
    const row = (role: string, version: RedlineVersion) =>
      h('tr', [h('th', role), h('td', version.label), h('td', version.commit ?? '—'), h('td', version.author ?? '—'), h('td', version.date ? version.date.slice(0, 16).replace('T', ' ') : '—')]);
    out.push(
      h('table.redline-versions', [
        h('thead', h('tr', [h('th', ''), h('th', '版本'), h('th', '提交'), h('th', '修改人'), h('th', '时间')])),
        h('tbody', [row('原稿', volume.redline.from), row('改稿', volume.redline.to)]),
      ]),
    );
  }
  out.push(
    h('p.rev-legend', [
      h('span.legend-title', '图例：'),
      h('ins.rev-ins', '新增文字'),
      `${stats.insertions}处　`,
      h('del.rev-del', '删除文字'),
      `${stats.deletions}处　`,
      h('mark.rev-mark', '批注'),
      `${stats.comments}条（见页边）`,
    ]),
  );
  return out;
}
