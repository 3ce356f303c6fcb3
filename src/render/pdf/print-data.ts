import type { AssembledVolume, RedlineInfo, RedlineVersion } from '../../model/assembled.js';
import { revisionStats } from '../../revisions/revision-stats.js';
import { formatDate } from '../../revisions/ledger.js';
import type { PrintSettings } from '../output-format.js';
import { printGeometry, type PrintGeometry } from '../print-geometry.js';
import type { IndexLine, TocLine } from './page-map.js';
import type { PrintImages } from './pdf-images.js';

/**
 * What the template reads from /fz-data.json: everything but the body, as data rather than code. The
 * 目录, the index and the folios are filled in once the parts are laid out; a part's own layout reads
 * none of them.
 */
export interface PrintData {
  title: string;
  publisher: string | null;
  kind: AssembledVolume['kind'];
  mode: AssembledVolume['mode'];
  geometry: PrintGeometry & { bodySize: number };
  board: AssembledVolume['editorialBoard'];
  notes: string[];
  plates: Array<{ path: string | null; problem: string | null; caption: string; credit: string | null }>;
  toc: TocLine[];
  index: IndexLine[];
  /** Folio of every page of the joined book (none on front matter and blank versos). */
  folios: Array<number | null>;
  /** For a redline (红样): the two versions compared and a count of the marks, as printed lines. */
  redline: { versions: string[]; legend: string } | null;
}

/** Body type size in points: 小五 (9 pt) on 16开, 10 pt on the wider 大16开 columns. */
const BODY_SIZE: Record<PrintSettings['trim'], number> = { '16k': 9, da16k: 10 };

export function printData(volume: AssembledVolume, print: PrintSettings, images: PrintImages): PrintData {
  return {
    title: volume.title,
    publisher: volume.publisher ?? null,
    kind: volume.kind,
    mode: volume.mode,
    geometry: { ...printGeometry(print.trim), bodySize: BODY_SIZE[print.trim] },
    board: volume.editorialBoard,
    notes: volume.editorialNotes,
    plates: volume.plates.map((plate) => ({
      path: images.paths.get(plate.src) ?? null,
      problem: images.problems.get(plate.src) ?? null,
      caption: plate.caption,
      credit: plate.credit ?? null,
    })),
    toc: [],
    index: [],
    folios: [],
    redline: volume.redline ? redlineData(volume, volume.redline) : null,
  };
}

function redlineData(volume: AssembledVolume, redline: RedlineInfo): NonNullable<PrintData['redline']> {
  const version = (name: string, v: RedlineVersion) =>
    `${name}：${v.label}${v.commit ? `（${v.commit}）` : ''}${v.date ? `　${formatDate(v.date)}` : ''}${v.author ? `　${v.author}` : ''}`;
  const stats = revisionStats(volume);
  return {
    versions: [version('原稿', redline.from), version('改稿', redline.to)],
    legend: `增补${stats.insertions}处（蓝色下划线）　删除${stats.deletions}处（红色删除线）　批注${stats.comments}条`,
  };
}
