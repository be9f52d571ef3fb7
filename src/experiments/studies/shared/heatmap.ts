/**
 * A heatmap as an inline SVG string: one cell per (row, column) value, colored on a sequential
 * ramp (viridis stops; dark = low), with the value printed in each cell. Missing values (NaN) are
 * grey and `+Infinity` (a diverged run) is dark red with "div". Marked cells (e.g.
 * the best of each row) get a thick outline. Each cell carries `data-row`, `data-col` and
 * `data-value` so tests and readers can find the numbers.
 */
import { formatNumber } from '../../analysis/format.js';
import { chartSvg } from '../../report/chart-frame.js';
import { esc, px } from '../../report/svg.js';

/** Options of {@link heatmap}. */
export interface HeatmapOptions {
  /** Labels of the rows, top to bottom. */
  readonly rows: readonly string[];
  /** Labels of the columns, left to right. */
  readonly cols: readonly string[];
  /** `values[r][c]`; NaN = missing, +Infinity = diverged. */
  readonly values: readonly (readonly number[])[];
  readonly rowTitle: string;
  readonly colTitle: string;
  /** Color on log10 of the values (all finite values must be > 0; otherwise linear). */
  readonly logColor?: boolean;
  /** Cells drawn with a thick outline, as [row, col]. */
  readonly marks?: readonly (readonly [number, number])[];
  /** Shared color range (default: the finite values' own min and max), e.g. to compare two heatmaps. */
  readonly range?: readonly [number, number];
  /** Accessible title. */
  readonly title?: string;
}

/** Viridis at 0, 0.25, 0.5, 0.75, 1. */
const STOPS: readonly (readonly [number, number, number])[] = [
  [68, 1, 84],
  [59, 82, 139],
  [33, 145, 140],
  [94, 201, 98],
  [253, 231, 37],
];

/** The ramp color at t ∈ [0, 1] (clamped), as `rgb(r,g,b)`. */
export function rampColor(t: number): string {
  const u = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (STOPS.length - 1);
  const i = Math.min(STOPS.length - 2, Math.floor(u));
  const f = u - i;
  const [a, b] = [STOPS[i]!, STOPS[i + 1]!];
  const c = a.map((v, k) => Math.round(v + (b[k]! - v) * f));
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}

/** The [min, max] of the finite values (and > 0 ones when `positive`), or null when there are none. */
export function finiteRange(values: readonly (readonly number[])[], positive = false): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const row of values) {
    for (const v of row) {
      if (!Number.isFinite(v) || (positive && v <= 0)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return lo <= hi ? [lo, hi] : null;
}

/** Renders the heatmap (see the module comment). */
export function heatmap(o: HeatmapOptions): string {
  const cellW = 58;
  const cellH = 24;
  const m = { left: 86, top: 30, right: 10, bottom: 40 };
  const width = m.left + o.cols.length * cellW + m.right;
  const height = m.top + o.rows.length * cellH + m.bottom;
  const all = finiteRange(o.values, o.logColor === true);
  const log = o.logColor === true && all !== null && all[0] > 0;
  const f = (v: number): number => (log ? Math.log10(v) : v);
  const [lo, hi] = o.range ?? all ?? [0, 1];
  const t = (v: number): number => (f(hi) === f(lo) ? 0.5 : (f(v) - f(lo)) / (f(hi) - f(lo)));
  const marked = new Set((o.marks ?? []).map(([r, c]) => `${r},${c}`));
  const parts: string[] = [];
  o.values.forEach((row, r) => {
    o.cols.forEach((_c, c) => {
      const v = row[c] ?? Number.NaN;
      const x = m.left + c * cellW;
      const y = m.top + r * cellH;
      const diverged = v === Infinity;
      const fill = diverged ? '#7f1d1d' : Number.isFinite(v) ? rampColor(t(v)) : '#e5e7eb';
      const dark = diverged || (Number.isFinite(v) && t(v) < 0.6);
      const text = diverged ? 'div' : Number.isFinite(v) ? formatNumber(v, 3) : '–';
      const mark = marked.has(`${r},${c}`) ? ' stroke="#111827" stroke-width="2.5"' : ' stroke="#fff" stroke-width="1"';
      parts.push(
        `<rect x="${px(x)}" y="${px(y)}" width="${cellW}" height="${cellH}" fill="${fill}"${mark} data-row="${r}" data-col="${c}" data-value="${Number.isFinite(v) ? v : String(v)}"><title>${esc(`${o.rows[r] ?? ''}, ${o.cols[c] ?? ''}: ${text}`)}</title></rect>`,
        `<text x="${px(x + cellW / 2)}" y="${px(y + cellH / 2)}" dy="0.32em" text-anchor="middle" fill="${dark ? '#fff' : '#111827'}" font-size="10">${esc(text)}</text>`,
      );
    });
    parts.push(`<text x="${m.left - 6}" y="${px(m.top + r * cellH + cellH / 2)}" dy="0.32em" text-anchor="end" class="tick">${esc(o.rows[r] ?? '')}</text>`);
  });
  o.cols.forEach((label, c) => {
    parts.push(`<text x="${px(m.left + c * cellW + cellW / 2)}" y="${m.top - 8}" text-anchor="middle" class="tick">${esc(label)}</text>`);
  });
  parts.push(`<text x="${px(m.left + (o.cols.length * cellW) / 2)}" y="${height - 12}" text-anchor="middle" class="label">${esc(o.colTitle)}</text>`);
  parts.push(`<text transform="translate(14 ${px(m.top + (o.rows.length * cellH) / 2)}) rotate(-90)" text-anchor="middle" class="label">${esc(o.rowTitle)}</text>`);
  return chartSvg(width, height, o.title, parts.join(''), { cls: 'heatmap', maxWidth: width });
}
