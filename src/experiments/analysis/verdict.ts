/**
 * A short verdict computed from a {@link ComparisonTable}: how many tensors the stronger decay
 * shrank, the total-norm change, whether anything became exactly zero, and what happened to the
 * fit. Every number in the text comes from the table; the wording only depends on those numbers
 * and the decay mode.
 *
 * A run whose final loss or any parameter statistic is not finite diverged: the verdict says so,
 * suggests a lower learning rate, and leaves it out of every weight-decay conclusion (its weights
 * reflect the blow-up, not the decay). With fewer than two finite runs nothing is compared: the one
 * finite run, if any, is described on its own, without "before → after" arrows.
 */
import type { ComparisonTable, RunTotals } from './comparison.js';
import { formatChange, formatNumber, formatPercent } from './format.js';

/** The verdict's numbers and its sentences. */
export interface Verdict {
  /** Label of the run compared against (the weakest decay by default). */
  readonly baseline: string;
  /** Label of the run described (the strongest decay by default). */
  readonly target: string;
  /** Parameter tensors whose L2 norm is smaller in the target than in the baseline. */
  readonly shrunk: number;
  readonly tensors: number;
  readonly totalNormBaseline: number;
  readonly totalNormTarget: number;
  /** (target − baseline) / baseline of the total norm. */
  readonly totalNormChange: number;
  /** The tensor with the largest relative L2 decrease, or null when none shrank. */
  readonly mostShrunk: { readonly name: string; readonly change: number } | null;
  readonly exactZerosTarget: number;
  readonly nearZeroShareBaseline: number;
  readonly nearZeroShareTarget: number;
  /** (target − baseline) / baseline of the final loss. */
  readonly lossChange: number;
  /** Labels of the runs that diverged (non-finite final loss or parameters), in table order. */
  readonly diverged: readonly string[];
  /**
   * Whether two finite runs were compared. When false, `baseline` and `target` are the same run (the
   * finite one, else the last) and the change fields are 0: there is no comparison to report.
   */
  readonly compared: boolean;
  /** The verdict as sentences. */
  readonly sentences: readonly string[];
}

/** Relative loss changes within ±5% count as "about the same fit". */
export const SAME_FIT_TOLERANCE = 0.05;

/**
 * Whether run `i` of the table diverged: its final loss, total norm or any parameter's L2 norm,
 * mean |w| or max |w| is not finite (NaN or ±Infinity).
 */
export function runDiverged(table: ComparisonTable, i: number): boolean {
  const r = table.runs[i]!;
  return !Number.isFinite(r.finalLoss) || !Number.isFinite(r.totalNorm) || nonFiniteTensors(table, i) > 0;
}

/** How many parameter tensors of run `i` have a non-finite L2 norm, mean |w| or max |w|. */
function nonFiniteTensors(table: ComparisonTable, i: number): number {
  return table.rows.filter((row) => {
    const st = row.stats[i]!;
    return !Number.isFinite(st.l2) || !Number.isFinite(st.meanAbs) || !Number.isFinite(st.maxAbs);
  }).length;
}

/** The smallest and largest weight decay among `candidates` (first and last candidate when all are equal). */
function pickDefaultPair(runs: readonly RunTotals[], candidates: readonly number[]): [number, number] {
  let lo = candidates[0]!;
  let hi = candidates[0]!;
  for (const i of candidates) {
    if (runs[i]!.weightDecay < runs[lo]!.weightDecay) lo = i;
    if (runs[i]!.weightDecay > runs[hi]!.weightDecay) hi = i;
  }
  if (lo === hi) return [candidates[0]!, candidates[candidates.length - 1]!];
  return [lo, hi];
}

const NO_SPARSITY_REASON: Record<string, string> = {
  l2: 'L2 decay shrinks, it does not sparsify',
  decoupled: 'decoupled decay shrinks, it does not sparsify',
  l1: 'the L1 subgradient pushes weights back and forth across zero instead of onto it',
  'l1-proximal': 'the proximal step found no weight small enough to set to zero',
};

/** Exact zeros of `t`; with a baseline `b`, the near-zero share as `b → t`, else `t`'s alone. */
function sparsitySentence(t: RunTotals, b: RunTotals | null): string {
  const near = `|w| < 1e-3: ${b === null ? '' : `${formatPercent(b.nearZeroShare)} → `}${formatPercent(t.nearZeroShare)}`;
  if (t.exactZeros === 0) {
    const why = t.weightDecay === 0 ? '' : `: ${NO_SPARSITY_REASON[t.decay] ?? 'this decay does not sparsify'}`;
    return `No weight is exactly zero (${near})${why}.`;
  }
  const share = formatPercent(t.exactZeros / t.numel);
  const tail = t.decay === 'l1-proximal' && t.weightDecay > 0 ? ': the L1 proximal step sparsifies' : '';
  return `${t.exactZeros} of ${t.numel} weights (${share}) are exactly zero (${near})${tail}.`;
}

/** What a diverged run's numbers are, and why nothing is concluded from them. */
function divergedSentence(table: ComparisonTable, i: number): string {
  const r = table.runs[i]!;
  const bad = nonFiniteTensors(table, i);
  const what = [`final loss ${formatNumber(r.finalLoss)}`, `total weight norm ${formatNumber(r.totalNorm, 3)}`];
  if (bad > 0) what.push(`non-finite weights in ${bad} of ${table.rows.length} parameter tensors`);
  return (
    `${r.label} diverged (${what.join(', ')}): its weights show the blow-up, not the effect of weight decay, ` +
    'so no weight-decay conclusion is drawn from it. Try a lower learning rate.'
  );
}

function lossSentence(t: RunTotals, b: RunTotals, change: number): string {
  const how = Math.abs(change) <= SAME_FIT_TOLERANCE || !Number.isFinite(change) ? 'about the same fit' : change > 0 ? 'a worse fit' : 'a better fit';
  return `Final loss ${formatNumber(b.finalLoss)} (${b.label}) vs ${formatNumber(t.finalLoss)} (${t.label}): ${how} (${formatChange(change)}).`;
}

/**
 * The verdict comparing `target` with `baseline` (indices into `table.runs`). By default the
 * baseline is the finite run with the smallest weight decay and the target the finite one with the
 * largest; when all their weight decays are equal, the first and the last finite run. Diverged runs
 * are reported first and never compared (a `pair` naming one falls back to the default); a single
 * finite run is described on its own (see the module comment).
 */
export function verdict(table: ComparisonTable, pair?: { baseline: number; target: number }): Verdict {
  const divergedAt = table.runs.map((_, i) => runDiverged(table, i));
  const finite = table.runs.map((_, i) => i).filter((i) => !divergedAt[i]);
  const sentences: string[] = table.runs.flatMap((_, i) => (divergedAt[i] ? [divergedSentence(table, i)] : []));
  const diverged = table.runs.filter((_, i) => divergedAt[i]).map((r) => r.label);
  const usable = pair !== undefined && !divergedAt[pair.baseline] && !divergedAt[pair.target];
  const [bi, ti] = usable ? [pair.baseline, pair.target] : finite.length > 0 ? pickDefaultPair(table.runs, finite) : [-1, -1];
  if (bi !== ti) return compareTwo(table, bi, ti, sentences, diverged);
  return describeOne(table, bi, sentences, diverged);
}

/** The verdict without a comparison: finite run `i` described alone, or (i = −1) only the divergences. */
function describeOne(table: ComparisonTable, i: number, sentences: string[], diverged: readonly string[]): Verdict {
  const t = table.runs[i < 0 ? table.runs.length - 1 : i]!;
  if (i >= 0) {
    if (diverged.length > 0) sentences.push(`Only ${t.label} finished with finite numbers, so weight decays are not compared.`);
    sentences.push(`${t.label}: total weight norm ${formatNumber(t.totalNorm, 3)} over ${table.rows.length} parameter tensors; final loss ${formatNumber(t.finalLoss)}.`);
    sentences.push(sparsitySentence(t, null));
  } else if (table.runs.length > 1) {
    sentences.push('No run finished with finite numbers, so weight decays are not compared.');
  }
  return {
    baseline: t.label,
    target: t.label,
    shrunk: 0,
    tensors: table.rows.length,
    totalNormBaseline: t.totalNorm,
    totalNormTarget: t.totalNorm,
    totalNormChange: 0,
    mostShrunk: null,
    exactZerosTarget: t.exactZeros,
    nearZeroShareBaseline: t.nearZeroShare,
    nearZeroShareTarget: t.nearZeroShare,
    lossChange: 0,
    diverged,
    compared: false,
    sentences,
  };
}

/** The verdict comparing finite runs `ti` (target) and `bi` (baseline), after `sentences` (the divergences). */
function compareTwo(table: ComparisonTable, bi: number, ti: number, sentences: string[], diverged: readonly string[]): Verdict {
  const b = table.runs[bi]!;
  const t = table.runs[ti]!;
  let shrunk = 0;
  let mostShrunk: { name: string; change: number } | null = null;
  for (const row of table.rows) {
    const before = row.stats[bi]!.l2;
    const after = row.stats[ti]!.l2;
    if (after < before) {
      shrunk++;
      const change = (after - before) / before;
      if (mostShrunk === null || change < mostShrunk.change) mostShrunk = { name: row.name, change };
    }
  }
  const totalNormChange = (t.totalNorm - b.totalNorm) / b.totalNorm;
  const lossChange = (t.finalLoss - b.finalLoss) / b.finalLoss;
  sentences.push(
    `${t.label} shrank ${shrunk} of ${table.rows.length} parameter tensors compared with ${b.label}; ` +
      `total weight norm ${formatNumber(b.totalNorm, 3)} → ${formatNumber(t.totalNorm, 3)} (${formatChange(totalNormChange)}).`,
  );
  if (mostShrunk !== null) sentences.push(`Largest shrink: ${mostShrunk.name} (${formatChange(mostShrunk.change)}).`);
  sentences.push(sparsitySentence(t, b));
  sentences.push(lossSentence(t, b, lossChange));
  return {
    baseline: b.label,
    target: t.label,
    shrunk,
    tensors: table.rows.length,
    totalNormBaseline: b.totalNorm,
    totalNormTarget: t.totalNorm,
    totalNormChange,
    mostShrunk,
    exactZerosTarget: t.exactZeros,
    nearZeroShareBaseline: b.nearZeroShare,
    nearZeroShareTarget: t.nearZeroShare,
    lossChange,
    diverged,
    compared: true,
    sentences,
  };
}
