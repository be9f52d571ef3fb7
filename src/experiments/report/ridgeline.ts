/**
 * A ridgeline (TensorBoard's "offset" histogram view) as inline SVG: one filled density curve per
 * snapshot, earliest at the top, each shifted down by one row and allowed to overlap the row below.
 * Every snapshot's bins (equal width over its own [min, max]) are drawn on a shared x range, so the
 * ridgelines of several runs side by side are comparable. Heights are counts over the largest count
 * of the whole plot.
 */
import type { Snapshot } from '../run/trace.js';
import { chartSvg, noDataSvg } from './chart-frame.js';
import { esc, niceTicks, px, tickLabel } from './svg.js';

/** Options of {@link ridgeline}. */
export interface RidgelineOptions {
  readonly snapshots: readonly Snapshot[];
  /** The shared x range. */
  readonly xMin: number;
  readonly xMax: number;
  readonly color: string;
  readonly width?: number;
  readonly height?: number;
  /** Accessible title. */
  readonly title?: string;
}

/** The [min, max] over all finite snapshot ranges (for a shared x axis). */
export function snapshotRange(snapshots: Iterable<Snapshot>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of snapshots) {
    if (Number.isFinite(s.min) && s.min < lo) lo = s.min;
    if (Number.isFinite(s.max) && s.max > hi) hi = s.max;
  }
  return [lo, hi];
}

/** Renders the ridgeline (see the module comment). */
export function ridgeline(o: RidgelineOptions): string {
  const width = o.width ?? 300;
  const height = o.height ?? 280;
  const m = { left: 44, right: 8, top: 8, bottom: 24 };
  const w = width - m.left - m.right;
  const h = height - m.top - m.bottom;
  const rows = o.snapshots.length;
  if (rows === 0 || !(o.xMin <= o.xMax)) return noDataSvg(width, height, o.title);
  const [x0, x1] = o.xMin === o.xMax ? [o.xMin - 1, o.xMax + 1] : [o.xMin, o.xMax];
  const sx = (v: number): number => m.left + ((v - x0) / (x1 - x0)) * w;
  const overlap = 2.5;
  const rowH = h / (rows - 1 + overlap);
  const peak = Math.max(1, ...o.snapshots.flatMap((s) => s.counts));
  const parts: string[] = [];
  o.snapshots.forEach((s, r) => {
    const base = m.top + overlap * rowH + r * rowH;
    const bins = s.counts.length;
    if (bins === 0 || !Number.isFinite(s.min) || !Number.isFinite(s.max)) return;
    const binW = (s.max - s.min) / bins;
    let d = `M${px(sx(s.min))} ${px(base)}`;
    s.counts.forEach((c, b) => {
      const xm = binW > 0 ? s.min + (b + 0.5) * binW : s.min;
      d += `L${px(sx(xm))} ${px(base - (c / peak) * overlap * rowH)}`;
    });
    d += `L${px(sx(s.max))} ${px(base)}Z`;
    parts.push(`<path d="${d}" fill="${o.color}" fill-opacity="0.55" stroke="#fff" stroke-width="0.8" data-step="${s.step}"/>`);
    if (r === 0 || r === rows - 1 || r % Math.max(1, Math.round(rows / 4)) === 0) {
      parts.push(`<text x="${m.left - 4}" y="${px(base)}" text-anchor="end" class="tick">${esc(tickLabel(s.step))}</text>`);
    }
  });
  for (const t of niceTicks(x0, x1, 4)) {
    parts.push(`<text x="${px(sx(t))}" y="${height - 8}" text-anchor="middle" class="tick">${esc(tickLabel(t))}</text>`);
  }
  return chartSvg(width, height, o.title, parts.join(''));
}
