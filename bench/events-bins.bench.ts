/**
 * How many equal-width bins the compact histogram default needs, measured: for each binning, the
 * article's 36 histogram series over 1000 steps are turned into what TensorBoard displays
 * (backend rows → 30 display bins over the range of all steps; distribution percentiles) and
 * compared with the same views computed from the exact values. Prints the mean and worst mass
 * misplaced in the 30-bin view (total variation distance, % of the values) against the exact
 * values and against the view of tensorboardX's 'tensorflow' bins (the baseline), the worst
 * percentile error (% of the display range) and the stored buckets per histogram. The views are
 * compared at every 4th step (the display range always spans all 1000 steps).
 *
 * Run alone: `node --import tsx bench/events-bins.bench.ts`.
 */
import { pathToFileURL } from 'node:url';
import { type HistogramBins, makeHistogram } from '../src/events/histogram/make-histogram.js';
import {
  DISPLAY_BINS,
  NORMAL_HISTOGRAM_BPS,
  compressHistogram,
  displayRange,
  histogramRows,
  rebinForDisplay,
} from '../src/events/histogram/tensorboard-view.js';
import { articleRun } from './events-data.js';

/** Exact 30-bin view: each value counted in the display bin holding it. */
function exactView(values: Float32Array, lo: number, hi: number): Float64Array {
  const out = new Float64Array(DISPLAY_BINS);
  const width = (hi - lo) / DISPLAY_BINS;
  for (const v of values) out[Math.min(DISPLAY_BINS - 1, Math.max(0, Math.floor((v - lo) / width)))]! += 1;
  return out;
}

/** Exact quantiles at the basis points (linear interpolation between order statistics). */
function exactQuantiles(values: Float32Array): Float64Array {
  const s = Float64Array.from(values).sort();
  return Float64Array.from(NORMAL_HISTOGRAM_BPS, (bp) => {
    const pos = (bp / 10000) * (s.length - 1);
    const i = Math.floor(pos);
    return i + 1 < s.length ? s[i]! + (s[i + 1]! - s[i]!) * (pos - i) : s[i]!;
  });
}

export async function runEventsBinsBench(): Promise<void> {
  const run = articleRun(1000);
  const tags = run[0]!.histograms.map((h) => h.tag);
  const candidates: HistogramBins[] = ['tensorflow', 10, 20, 30, 40, 60];
  const rowsOf = (bins: HistogramBins, k: number): Float32Array[] => run.map((s) => histogramRows(makeHistogram(s.histograms[k]!.values, { bins })));
  const baseline = tags.map((_, k) => rowsOf('tensorflow', k));
  console.log(`fidelity of TensorBoard's views, ${tags.length} tags × ${run.length} steps (views at every 4th step)`);
  console.log('bins        rows/hist  TV vs exact: mean   worst  TV vs tensorflow: mean   worst  percentile err worst');
  const pct = (x: number, w: number): string => `${(100 * x).toFixed(2)}%`.padStart(w);
  for (const bins of candidates) {
    let tvSum = 0;
    let tvWorst = 0;
    let tfSum = 0;
    let tfWorst = 0;
    let qWorst = 0;
    let rowCount = 0;
    let count = 0;
    for (let k = 0; k < tags.length; k++) {
      const rows = bins === 'tensorflow' ? baseline[k]! : rowsOf(bins, k);
      const [lo, hi] = displayRange(rows)!;
      const [blo, bhi] = displayRange(baseline[k]!)!;
      for (let t = 0; t < run.length; t += 4) {
        const values = run[t]!.histograms[k]!.values;
        const shown = rebinForDisplay(rows[t]!, lo, hi);
        const exact = exactView(values, lo, hi);
        const tfShown = rebinForDisplay(baseline[k]![t]!, blo, bhi);
        let tv = 0;
        let tf = 0;
        for (let b = 0; b < DISPLAY_BINS; b++) {
          tv += Math.abs(shown[b]! - exact[b]!);
          tf += Math.abs(shown[b]! - tfShown[b]!);
        }
        tv /= 2 * values.length;
        tf /= 2 * values.length;
        tvSum += tv;
        tvWorst = Math.max(tvWorst, tv);
        tfSum += tf;
        tfWorst = Math.max(tfWorst, tf);
        const q = compressHistogram(rows[t]!);
        const qe = exactQuantiles(values);
        for (let j = 0; j < q.length; j++) qWorst = Math.max(qWorst, Math.abs(q[j]! - qe[j]!) / (hi - lo));
        rowCount += rows[t]!.length / 3;
        count++;
      }
    }
    console.log(
      `${String(bins).padEnd(12)}${(rowCount / count).toFixed(1).padStart(9)}${pct(tvSum / count, 19)}${pct(tvWorst, 8)}` +
        `${pct(tfSum / count, 24)}${pct(tfWorst, 8)}${pct(qWorst, 22)}`,
    );
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runEventsBinsBench();
