/**
 * A short verdict computed from a {@link ComparisonTable}: how many tensors the stronger decay
 * shrank, the total-norm change, whether anything became exactly zero, and what happened to the
 * fit. Every number in the text comes from the table; the wording only depends on those numbers
 * and the decay mode.
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
  /** The verdict as sentences. */
  readonly sentences: readonly string[];
}

/** Relative loss changes within ±5% count as "about the same fit". */
export const SAME_FIT_TOLERANCE = 0.05;

function pickDefaultPair(runs: readonly RunTotals[]): [number, number] {
  let lo = 0;
  let hi = 0;
  runs.forEach((r, i) => {
    if (r.weightDecay < runs[lo]!.weightDecay) lo = i;
    if (r.weightDecay > runs[hi]!.weightDecay) hi = i;
  });
  if (lo === hi) return [0, runs.length - 1];
  return [lo, hi];
}

function sparsitySentence(t: RunTotals, b: RunTotals): string {
  const near = `|w| < 1e-3: ${formatPercent(b.nearZeroShare)} → ${formatPercent(t.nearZeroShare)}`;
  if (t.exactZeros === 0) {
    const why: Record<string, string> = {
      l2: 'L2 decay shrinks, it does not sparsify',
      decoupled: 'decoupled decay shrinks, it does not sparsify',
      l1: 'the L1 subgradient pushes weights back and forth across zero instead of onto it',
      'l1-proximal': 'the proximal step found no weight small enough to set to zero',
    };
    return `No weight is exactly zero (${near}): ${why[t.decay] ?? 'this decay does not sparsify'}.`;
  }
  const share = formatPercent(t.exactZeros / t.numel);
  const tail = t.decay === 'l1-proximal' ? ': the L1 proximal step sparsifies' : '';
  return `${t.exactZeros} of ${t.numel} weights (${share}) are exactly zero (${near})${tail}.`;
}

function lossSentence(t: RunTotals, b: RunTotals, change: number): string {
  const how = Math.abs(change) <= SAME_FIT_TOLERANCE || !Number.isFinite(change) ? 'about the same fit' : change > 0 ? 'a worse fit' : 'a better fit';
  return `Final loss ${formatNumber(b.finalLoss)} (${b.label}) vs ${formatNumber(t.finalLoss)} (${t.label}): ${how} (${formatChange(change)}).`;
}

/**
 * The verdict comparing `target` with `baseline` (indices into `table.runs`). By default the
 * baseline is the run with the smallest weight decay and the target the one with the largest; when
 * all weight decays are equal, the first and the last run. A single run is described on its own.
 */
export function verdict(table: ComparisonTable, pair?: { baseline: number; target: number }): Verdict {
  const [bi, ti] = pair === undefined ? pickDefaultPair(table.runs) : [pair.baseline, pair.target];
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
  const sentences: string[] = [];
  if (bi === ti) {
    sentences.push(`${t.label}: total weight norm ${formatNumber(t.totalNorm, 3)} over ${table.rows.length} parameter tensors; final loss ${formatNumber(t.finalLoss)}.`);
  } else {
    sentences.push(
      `${t.label} shrank ${shrunk} of ${table.rows.length} parameter tensors compared with ${b.label}; ` +
        `total weight norm ${formatNumber(b.totalNorm, 3)} → ${formatNumber(t.totalNorm, 3)} (${formatChange(totalNormChange)}).`,
    );
    if (mostShrunk !== null) sentences.push(`Largest shrink: ${mostShrunk.name} (${formatChange(mostShrunk.change)}).`);
  }
  sentences.push(sparsitySentence(t, b));
  if (bi !== ti) sentences.push(lossSentence(t, b, lossChange));
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
    sentences,
  };
}
