/**
 * Response bodies of one series, built from the events layer's columnar series:
 * - scalars as JSON arrays (non-finite values as strings, number-codec.ts);
 * - histograms in the binary columnar form (histogram-codec.ts), or TensorBoard's JSON shape
 *   `[wallTime, step, rows]` (kept for scripts and as the benchmark's baseline);
 * - distributions: TensorBoard's compressor (`compress_histogram`) at its basis points, per step.
 */
import { NORMAL_HISTOGRAM_BPS, compressHistogram } from '../../events/histogram/tensorboard-view.js';
import type { HistogramSeries, ScalarSeries } from '../../events/reader/series.js';
import type { DistributionResponse, HistogramJsonResponse, JsonNumber, ScalarSeriesResponse } from '../shared/api-types.js';
import { encodeHistogramColumns } from '../shared/histogram-codec.js';
import { toJsonNumber, toJsonNumbers } from '../shared/number-codec.js';

/** Every point of a scalar series. */
export function scalarBody(run: string, s: ScalarSeries): ScalarSeriesResponse {
  return { run, tag: s.tag, steps: Array.from(s.steps), wallTimes: Array.from(s.wallTimes), values: toJsonNumbers(s.values) };
}

/** Every point of a histogram series, binary. */
export function histogramBinaryBody(h: HistogramSeries): Uint8Array {
  return encodeHistogramColumns({
    steps: h.steps,
    wallTimes: h.wallTimes,
    min: h.min,
    max: h.max,
    num: h.num,
    sum: h.sum,
    sumSquares: h.sumSquares,
    rowStart: h.rowStart,
    rows: h.rows,
  });
}

/** Every point of a histogram series as TensorBoard's histogram route returns it. */
export function histogramJsonBody(run: string, h: HistogramSeries): HistogramJsonResponse {
  const points: HistogramJsonResponse['points'] = [];
  for (let i = 0; i < h.length; i++) {
    const rows = h.rowsAt(i);
    const triples: [JsonNumber, JsonNumber, JsonNumber][] = [];
    for (let r = 0; r + 2 < rows.length; r += 3) triples.push([toJsonNumber(rows[r]!), toJsonNumber(rows[r + 1]!), toJsonNumber(rows[r + 2]!)]);
    points.push([h.wallTimes[i]!, h.steps[i]!, triples]);
  }
  return { run, tag: h.tag, points };
}

/** The distributions dashboard's series: per step, the values at {@link NORMAL_HISTOGRAM_BPS}. */
export function distributionBody(run: string, h: HistogramSeries): DistributionResponse {
  const values: JsonNumber[][] = [];
  for (let i = 0; i < h.length; i++) values.push(toJsonNumbers(compressHistogram(h.rowsAt(i), NORMAL_HISTOGRAM_BPS)));
  return { run, tag: h.tag, bps: [...NORMAL_HISTOGRAM_BPS], steps: Array.from(h.steps), wallTimes: Array.from(h.wallTimes), values };
}
