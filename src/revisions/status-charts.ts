import { s } from 'hastscript';
import type { Element } from 'hast';

/** One coloured part of a stacked bar. */
export interface Segment {
  label: string;
  value: number;
  color: string;
}

/**
 * A horizontal stacked bar as inline SVG. It stretches to its container (viewBox without aspect ratio)
 * and carries a title per segment, so a reader who hovers sees the figure without any script.
 */
export function stackedBar(segments: readonly Segment[], options: { height?: number; label: string }): Element {
  const total = segments.reduce((sum, segment) => sum + segment.value, 0) || 1;
  let x = 0;
  const rects = segments
    .filter((segment) => segment.value > 0)
    .map((segment) => {
      const width = (segment.value / total) * 100;
      const rect = s('rect', { x: x.toFixed(3), y: 0, width: width.toFixed(3), height: 10, fill: segment.color }, [s('title', `${segment.label}：${segment.value}`)]);
      x += width;
      return rect;
    });
  return s('svg', { class: 'bar', viewBox: '0 0 100 10', preserveAspectRatio: 'none', role: 'img', 'aria-label': options.label, height: options.height ?? 14, width: '100%' }, [s('rect', { x: 0, y: 0, width: 100, height: 10, class: 'track' }), ...rects]);
}

/** A ring showing a share (0–1), with the percentage in the middle. */
export function progressRing(share: number, options: { color: string; label: string; size?: number }): Element {
  const size = options.size ?? 84;
  const radius = 32;
  const circumference = 2 * Math.PI * radius;
  const clamped = Math.max(0, Math.min(1, share));
  return s('svg', { class: 'ring', viewBox: '0 0 84 84', width: size, height: size, role: 'img', 'aria-label': `${options.label}${Math.round(clamped * 100)}%` }, [
    s('circle', { cx: 42, cy: 42, r: radius, class: 'ring-track' }),
    s('circle', {
      cx: 42,
      cy: 42,
      r: radius,
      class: 'ring-value',
      stroke: options.color,
      'stroke-dasharray': `${(clamped * circumference).toFixed(2)} ${circumference.toFixed(2)}`,
      transform: 'rotate(-90 42 42)',
    }),
    s('text', { x: 42, y: 47, 'text-anchor': 'middle', class: 'ring-text' }, `${Math.round(clamped * 100)}%`),
  ]);
}

/** Columns, one per category, with the count above each and the name below: the stage distribution. */
export function columnChart(columns: readonly Segment[], options: { label: string }): Element {
  const width = 600;
  const height = 220;
  const top = 26;
  const bottom = 40;
  const max = Math.max(1, ...columns.map((column) => column.value));
  const slot = width / columns.length;
  const barWidth = Math.min(46, slot * 0.62);
  const gridLines = niceTicks(max).map((tick) => {
    const y = top + (height - top - bottom) * (1 - tick / max);
    return s('g', [s('line', { x1: 0, x2: width, y1: y.toFixed(1), y2: y.toFixed(1), class: 'grid' }), s('text', { x: 0, y: (y - 4).toFixed(1), class: 'tick' }, String(tick))]);
  });
  const bars = columns.map((column, index) => {
    const barHeight = ((height - top - bottom) * column.value) / max;
    const x = slot * index + (slot - barWidth) / 2;
    const y = height - bottom - barHeight;
    return s('g', [
      s('rect', { x: x.toFixed(1), y: y.toFixed(1), width: barWidth.toFixed(1), height: Math.max(barHeight, column.value ? 2 : 0).toFixed(1), rx: 3, fill: column.color }, [s('title', `${column.label}：${column.value}篇`)]),
      s('text', { x: (x + barWidth / 2).toFixed(1), y: (y - 6).toFixed(1), 'text-anchor': 'middle', class: column.value ? 'value' : 'value zero' }, String(column.value)),
      s('text', { x: (x + barWidth / 2).toFixed(1), y: height - bottom + 20, 'text-anchor': 'middle', class: 'axis' }, column.label),
    ]);
  });
  return s('svg', { class: 'columns', viewBox: `0 0 ${width} ${height}`, width: '100%', role: 'img', 'aria-label': options.label }, [...gridLines, s('line', { x1: 0, x2: width, y1: height - bottom, y2: height - bottom, class: 'baseline' }), ...bars]);
}

/** Round tick values for a count axis (whole numbers, at most four lines). */
function niceTicks(max: number): number[] {
  const step = Math.max(1, Math.ceil(max / 4));
  const ticks: number[] = [];
  for (let tick = step; tick <= max; tick += step) ticks.push(tick);
  return ticks;
}

/**
 * Colours for where chapters are: grey before supply, orange when returned, blues deepening through the
 * reviews up to the lock stage, violets through the rounds after it (proofs), green when signed off.
 */
export function stagePalette(stageCount: number, lockIndex: number): { waiting: string; returned: string; stages: string[]; done: string } {
  const reviews = ramp([158, 197, 230], [24, 86, 158], Math.max(1, lockIndex));
  const proofs = ramp([151, 117, 250], [82, 48, 170], Math.max(0, stageCount - 1 - lockIndex));
  return { waiting: '#c9ced6', returned: '#e8590c', stages: [...reviews, ...proofs], done: '#2b8a3e' };
}

function ramp(from: number[], to: number[], count: number): string[] {
  return Array.from({ length: count }, (_, index) => {
    const t = count === 1 ? 1 : index / (count - 1);
    const channel = (i: number) => Math.round(from[i]! + (to[i]! - from[i]!) * t).toString(16).padStart(2, '0');
    return `#${channel(0)}${channel(1)}${channel(2)}`;
  });
}

/** Dark or white text, whichever reads better on a background colour (#rrggbb). */
export function textOn(background: string): string {
  const [r, g, b] = [1, 3, 5].map((index) => parseInt(background.slice(index, index + 2), 16) / 255);
  const luminance = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  return luminance > 0.6 ? '#1d2733' : '#fff';
}

/** Horizontal bars, one row per category, for narrow screens where columns would be too small to read. */
export function rowChart(rows: readonly Segment[]): Element {
  const max = Math.max(1, ...rows.map((row) => row.value));
  return s(
    'svg',
    { class: 'hbars', viewBox: `0 0 320 ${rows.length * 24}`, width: '100%', role: 'img', 'aria-label': '各阶段稿件数' },
    rows.map((row, index) => {
      const y = index * 24;
      const width = (row.value / max) * 200;
      return s('g', [
        s('text', { x: 0, y: y + 16, class: 'axis' }, row.label),
        s('rect', { x: 70, y: y + 5, width: Math.max(width, row.value ? 2 : 0).toFixed(1), height: 14, rx: 2, fill: row.color }),
        s('text', { x: 70 + width + 6, y: y + 16, class: row.value ? 'value' : 'value zero' }, String(row.value)),
      ]);
    }),
  );
}
