/** The L2 norm ‖x‖₂ = √(Σx²) of a histogram tag over steps, one curve per run (uPlot), from each step's `sum_squares`. */
import uPlot from 'uplot';
import { formatTick } from '../../shared/format.js';
import type { DecodedHistogramColumns } from '../../shared/histogram-codec.js';
import { pointStats } from '../histogram-model.js';

/** A run's series for the norm chart. */
export interface NormSeries {
  run: string;
  color: string;
  data: DecodedHistogramColumns;
}

/** The norm of every step of `d` (estimated from the bins when the file has no sums). */
export function normsOf(d: DecodedHistogramColumns): Float64Array {
  const out = new Float64Array(d.steps.length);
  for (let i = 0; i < out.length; i++) out[i] = Number.isFinite(d.sumSquares[i]!) ? Math.sqrt(d.sumSquares[i]!) : pointStats(d, i).norm;
  return out;
}

/** Draws the norm curves into `target`, replacing `previous`. */
export function drawNormChart(target: HTMLElement, series: readonly NormSeries[], width: number, previous: uPlot | null): uPlot {
  previous?.destroy();
  const tables: uPlot.AlignedData[] = series.map((s) => [Array.from(s.data.steps), Array.from(normsOf(s.data))]);
  const data: uPlot.AlignedData = tables.length === 0 ? [[]] : tables.length === 1 ? tables[0]! : uPlot.join(tables);
  const opts: uPlot.Options = {
    width,
    height: 220,
    scales: { x: { time: false } },
    series: [{ label: 'step' }, ...series.map((s) => ({ label: s.run, stroke: s.color, width: 2, spanGaps: true, points: { show: false } }))],
    axes: [{ values: (_u, splits) => splits.map(formatTick) }, { size: 64, values: (_u, splits) => splits.map(formatTick) }],
    legend: { show: true, live: true },
  };
  return new uPlot(opts, data, target);
}
