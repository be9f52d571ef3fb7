/**
 * A line chart as an inline SVG string: axes with nice ticks, one polyline per series (gaps at
 * non-finite values), optional log-scale y. Each series' path carries `data-series` with its label.
 */
import { axisTitles, chartSvg, gridLineY, noDataSvg, plotFrame } from './chart-frame.js';
import { esc, logTicks, niceTicks, px, tickLabel } from './svg.js';

/** One line. */
export interface Series {
  readonly label: string;
  readonly color: string;
  readonly x: ArrayLike<number>;
  readonly y: ArrayLike<number>;
  readonly dashed?: boolean;
}

/** Options of {@link lineChart}. */
export interface LineChartOptions {
  readonly series: readonly Series[];
  readonly xLabel: string;
  readonly yLabel: string;
  readonly width?: number;
  readonly height?: number;
  /** Log-scale y axis (ignores values ≤ 0). */
  readonly logY?: boolean;
  /** Accessible title. */
  readonly title?: string;
}

function extent(values: Iterable<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}

function* allOf(series: readonly Series[], key: 'x' | 'y', positive: boolean): Generator<number> {
  for (const s of series) {
    const a = s[key];
    for (let i = 0; i < a.length; i++) if (!positive || a[i]! > 0) yield a[i]!;
  }
}

/**
 * At most about `columns` × 2 points of a series: per column of x (equal-width buckets), the
 * lowest and the highest point in their original order, so spikes survive; a non-finite value in a
 * bucket becomes a gap. Short series are returned as they are.
 */
export function decimate(x: ArrayLike<number>, y: ArrayLike<number>, columns: number): { x: number[]; y: number[] } {
  const n = Math.min(x.length, y.length);
  if (n <= 2 * columns) return { x: Array.from(x).slice(0, n), y: Array.from(y).slice(0, n) };
  const ox: number[] = [];
  const oy: number[] = [];
  const [x0, x1] = [x[0]!, x[n - 1]!];
  let i = 0;
  for (let c = 0; c < columns && i < n; c++) {
    const edge = c === columns - 1 ? Infinity : x0 + ((c + 1) * (x1 - x0)) / columns;
    let lo = -1;
    let hi = -1;
    let gap = false;
    for (; i < n && x[i]! <= edge; i++) {
      const v = y[i]!;
      if (!Number.isFinite(v)) gap = true;
      else {
        if (lo < 0 || v < y[lo]!) lo = i;
        if (hi < 0 || v > y[hi]!) hi = i;
      }
    }
    if (gap) {
      ox.push(Number.NaN);
      oy.push(Number.NaN);
    }
    for (const k of lo < 0 ? [] : lo === hi ? [lo] : lo < hi ? [lo, hi] : [hi, lo]) {
      ox.push(x[k]!);
      oy.push(y[k]!);
    }
  }
  return { x: ox, y: oy };
}

/** Renders the chart (see the module comment). An empty chart says "no data". */
export function lineChart(o: LineChartOptions): string {
  const width = o.width ?? 560;
  const height = o.height ?? 300;
  const m = { left: 58, right: 12, top: 10, bottom: 40 };
  const w = width - m.left - m.right;
  const h = height - m.top - m.bottom;
  const area = { left: m.left, top: m.top, width: w, height: h };
  const logY = o.logY === true;
  let [x0, x1] = extent(allOf(o.series, 'x', false));
  let [y0, y1] = extent(allOf(o.series, 'y', logY));
  if (!(x0 <= x1) || !(y0 <= y1)) return noDataSvg(width, height, o.title);
  if (x0 === x1) [x0, x1] = [x0 - 1, x1 + 1];
  if (y0 === y1) [y0, y1] = logY ? [y0 / 2, y1 * 2] : [y0 - Math.abs(y0 || 1) * 0.1, y1 + Math.abs(y1 || 1) * 0.1];
  const ly = (v: number): number => (logY ? Math.log10(v) : v);
  const [ly0, ly1] = [ly(y0), ly(y1)];
  const sx = (v: number): number => m.left + ((v - x0) / (x1 - x0)) * w;
  const sy = (v: number): number => m.top + h - ((ly(v) - ly0) / (ly1 - ly0)) * h;
  const parts: string[] = [];
  const yt = logY ? logTicks(y0, y1).filter((t) => t >= y0 / 1.0001 && t <= y1 * 1.0001) : niceTicks(y0, y1, 5);
  for (const t of yt) parts.push(gridLineY(area, px(sy(t)), tickLabel(t)));
  for (const t of niceTicks(x0, x1, 6)) {
    const x = px(sx(t));
    parts.push(`<line x1="${x}" x2="${x}" y1="${m.top + h}" y2="${m.top + h + 4}" class="axis"/><text x="${x}" y="${m.top + h + 16}" text-anchor="middle" class="tick">${esc(tickLabel(t))}</text>`);
  }
  parts.push(plotFrame(area));
  for (const s of o.series) {
    const { x: xs, y: ys } = decimate(s.x, s.y, Math.ceil(w));
    let d = '';
    let pen = false;
    for (let i = 0; i < xs.length; i++) {
      const xv = xs[i]!;
      const yv = ys[i]!;
      if (!Number.isFinite(xv) || !Number.isFinite(yv) || (logY && yv <= 0)) {
        pen = false;
        continue;
      }
      d += `${pen ? 'L' : 'M'}${px(sx(xv))} ${px(sy(yv))}`;
      pen = true;
    }
    const dash = s.dashed === true ? ' stroke-dasharray="5 3"' : '';
    parts.push(`<path d="${d}" fill="none" stroke="${s.color}" stroke-width="1.6"${dash} data-series="${esc(s.label)}"><title>${esc(s.label)}</title></path>`);
  }
  parts.push(axisTitles(area, height, o.xLabel, logY ? `${o.yLabel} (log)` : o.yLabel));
  return chartSvg(width, height, o.title, parts.join(''));
}

/** An HTML legend: a colored swatch and the label of each series. */
export function legend(series: readonly Pick<Series, 'label' | 'color' | 'dashed'>[]): string {
  return `<div class="legend">${series
    .map((s) => `<span><i style="background:${s.color}${s.dashed === true ? ';opacity:.6' : ''}"></i>${esc(s.label)}</span>`)
    .join('')}</div>`;
}
