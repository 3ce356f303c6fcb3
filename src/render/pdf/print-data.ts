import type { AssembledVolume } from '../../model/assembled.js';
import type { PrintSettings } from '../output-format.js';
import { printGeometry, type PrintGeometry } from '../print-geometry.js';
import type { PrintImages } from './pdf-images.js';

/** What the template reads from /fz-data.json: everything but the body, as data rather than code. */
export interface PrintData {
  title: string;
  publisher: string | null;
  kind: AssembledVolume['kind'];
  mode: AssembledVolume['mode'];
  geometry: PrintGeometry & { bodySize: number };
  board: AssembledVolume['editorialBoard'];
  notes: string[];
  plates: Array<{ path: string | null; problem: string | null; caption: string; credit: string | null }>;
  index: Array<{ term: string; letter: string; locators: string[]; see: string | null }>;
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
    index: volume.index.map((entry) => ({ term: entry.term, letter: entry.letter, locators: entry.locators, see: entry.see ?? null })),
  };
}
