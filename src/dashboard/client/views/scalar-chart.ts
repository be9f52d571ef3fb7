/**
 * One scalar tag drawn with uPlot: per run a faint raw curve and a solid smoothed curve
 * (TensorBoard's debiased EMA, shared/smoothing.ts), over step, relative time (seconds since the
 * run's first point) or wall time, on a linear or log y scale (non-positive values are left out
 * of a log chart). Runs with different x values are aligned by `uPlot.join`; gaps are spanned.
 */
import uPlot from 'uplot';
import { formatDuration, formatTick, formatValue } from '../../shared/format.js';
import { smoothScalars } from '../../shared/smoothing.js';
import type { ScalarData } from '../api-client.js';
import { withAlpha } from '../run-colors.js';

/** A run's series and how to draw it. */
export interface ChartSeries {
  run: string;
  color: string;
  data: ScalarData;
}

/** Axis and smoothing settings. */
export interface ChartSettings {
  smoothing: number;
  xAxis: 'step' | 'relative' | 'wall';
  yScale: 'linear' | 'log';
  width: number;
  height: number;
}

/** The x values of a series under `xAxis`. */
export function xValues(d: ScalarData, xAxis: ChartSettings['xAxis']): Float64Array {
  if (xAxis === 'step') return d.steps;
  if (xAxis === 'wall') return d.wallTimes;
  const t0 = d.wallTimes.length > 0 ? d.wallTimes[0]! : 0;
  return d.wallTimes.map((t) => t - t0);
}

function sortedTable(x: Float64Array, raw: Float64Array, smooth: Float64Array, log: boolean): uPlot.AlignedData {
  const order = Array.from(x.keys()).sort((a, b) => x[a]! - x[b]! || a - b);
  const keep = (v: number): number | null => (!Number.isFinite(v) || (log && v <= 0) ? null : v);
  return [order.map((i) => x[i]!), order.map((i) => keep(raw[i]!)), order.map((i) => keep(smooth[i]!))];
}

/** Draws `series` into `target` (replacing `previous`); calls `onCursor` with the hovered index's values. */
export function drawScalarChart(
  target: HTMLElement,
  series: readonly ChartSeries[],
  s: ChartSettings,
  previous: uPlot | null,
  onCursor: (text: string) => void,
): uPlot {
  previous?.destroy();
  const log = s.yScale === 'log';
  const tables = series.map((c) => sortedTable(xValues(c.data, s.xAxis), c.data.values, smoothScalars(c.data.values, s.smoothing), log));
  const data: uPlot.AlignedData = tables.length === 0 ? [[]] : tables.length === 1 ? tables[0]! : uPlot.join(tables);
  const uSeries: uPlot.Series[] = [{ label: s.xAxis }];
  for (const c of series) {
    uSeries.push({ label: `${c.run} (raw)`, stroke: withAlpha(c.color, 0.3), width: 1, spanGaps: true, points: { show: false } });
    // Few points (a final metric is one): draw them as dots too, a lone point has no line.
    uSeries.push({ label: c.run, stroke: c.color, width: 2, spanGaps: true, points: { show: c.data.values.length < 30, size: 6, fill: c.color } });
  }
  const xFormat = (v: number | null): string => (typeof v !== 'number' ? '' : s.xAxis === 'relative' ? formatDuration(v) : formatTick(v));
  const opts: uPlot.Options = {
    width: s.width,
    height: s.height,
    legend: { show: false },
    scales: { x: { time: s.xAxis === 'wall' }, y: log ? { distr: 3, log: 10 } : {} },
    series: uSeries,
    axes: [
      s.xAxis === 'wall' ? {} : { values: (_u, splits) => splits.map(xFormat) },
      { size: 64, values: (_u, splits) => splits.map(formatTick) },
    ],
    hooks: {
      setCursor: [
        (u) => {
          const idx = u.cursor.idx;
          if (idx === null || idx === undefined) return onCursor('');
          const x = u.data[0][idx];
          const parts = series.map((c, k) => {
            const raw = u.data[1 + 2 * k]?.[idx];
            const sm = u.data[2 + 2 * k]?.[idx];
            return raw === null || raw === undefined ? null : `${c.run}: ${formatValue(raw)} (smoothed ${formatValue(sm ?? NaN)})`;
          });
          onCursor(`${s.xAxis === 'wall' ? new Date((x ?? 0) * 1000).toLocaleString() : `${s.xAxis} ${xFormat(x ?? NaN)}`} — ${parts.filter((p) => p !== null).join(' · ')}`);
        },
      ],
    },
  };
  return new uPlot(opts, data, target);
}
