/**
 * The analysis of `sparsity`, as pure functions of each run's final parameter statistics: per
 * (mode, λ), the mean over seeds of the share of weights that are exactly zero (`=== 0`, over all
 * parameter tensors and per tensor), the share with |w| < 1e-3, and the train loss, test loss and
 * test accuracy, with the accuracy change against the run without decay.
 */
import { finiteMean, sortedUnique } from '../shared/runs.js';
import { SPARSITY_MODES, type SparsityMode, type SparsityRunMode } from './plan.js';

/** One parameter tensor's zeros in a run. */
export interface TensorZeros {
  readonly name: string;
  readonly numel: number;
  readonly exactZeros: number;
}

/** One finished run as the analysis reads it. */
export interface SparsityRunInput {
  readonly mode: SparsityRunMode;
  readonly weightDecay: number;
  readonly numel: number;
  readonly exactZeros: number;
  readonly nearZeroShare: number;
  readonly trainLoss: number;
  readonly testLoss: number;
  readonly testAccuracy: number;
  readonly params: readonly TensorZeros[];
}

/** One (mode, λ) over its seeds. */
export interface SparsityCell {
  readonly mode: SparsityRunMode;
  readonly weightDecay: number;
  /** Finished runs (seeds) averaged. */
  readonly runs: number;
  /** Mean share of parameters exactly 0. */
  readonly zeroShare: number;
  /** Exact zeros summed over the seeds (0 means none in any run). */
  readonly exactZeros: number;
  readonly nearZeroShare: number;
  readonly trainLoss: number;
  readonly testLoss: number;
  readonly testAccuracy: number;
  /** testAccuracy − the baseline's (NaN without a baseline). */
  readonly accuracyChange: number;
  /** Mean share of exact zeros per parameter tensor, in model order. */
  readonly perTensor: readonly { readonly name: string; readonly zeroShare: number }[];
}

/** The analysis (saved as analysis.json). */
export interface SparsityAnalysis {
  readonly weightDecays: number[];
  /** The run(s) without decay; null when none finished. */
  readonly baseline: SparsityCell | null;
  /** Every compared (mode, λ) that has a finished run, modes in {@link SPARSITY_MODES} order, λ ascending. */
  readonly cells: SparsityCell[];
}

function cellOf(mode: SparsityRunMode, weightDecay: number, runs: readonly SparsityRunInput[], baselineAccuracy: number): SparsityCell {
  const names = runs[0]?.params.map((p) => p.name) ?? [];
  const testAccuracy = finiteMean(runs.map((r) => r.testAccuracy));
  return {
    mode,
    weightDecay,
    runs: runs.length,
    zeroShare: finiteMean(runs.map((r) => (r.numel === 0 ? 0 : r.exactZeros / r.numel))),
    exactZeros: runs.reduce((s, r) => s + r.exactZeros, 0),
    nearZeroShare: finiteMean(runs.map((r) => r.nearZeroShare)),
    trainLoss: finiteMean(runs.map((r) => r.trainLoss)),
    testLoss: finiteMean(runs.map((r) => r.testLoss)),
    testAccuracy,
    accuracyChange: testAccuracy - baselineAccuracy,
    perTensor: names.map((name, i) => ({
      name,
      zeroShare: finiteMean(runs.map((r) => {
        const p = r.params[i];
        return p === undefined || p.numel === 0 ? Number.NaN : p.exactZeros / p.numel;
      })),
    })),
  };
}

/** The analysis of the finished runs. */
export function analyzeSparsity(runs: readonly SparsityRunInput[]): SparsityAnalysis {
  const base = runs.filter((r) => r.mode === 'none');
  const baseline = base.length === 0 ? null : cellOf('none', 0, base, Number.NaN);
  const baselineAccuracy = baseline?.testAccuracy ?? Number.NaN;
  const weightDecays = sortedUnique(runs.filter((r) => r.mode !== 'none').map((r) => r.weightDecay));
  const cells: SparsityCell[] = [];
  for (const mode of SPARSITY_MODES) {
    for (const wd of weightDecays) {
      const own = runs.filter((r) => r.mode === mode && r.weightDecay === wd);
      if (own.length > 0) cells.push(cellOf(mode, wd, own, baselineAccuracy));
    }
  }
  return { weightDecays, baseline: baseline === null ? null : { ...baseline, accuracyChange: 0 }, cells };
}

/** The cell of (mode, λ), or undefined. */
export function cellAt(a: SparsityAnalysis, mode: SparsityMode, weightDecay: number): SparsityCell | undefined {
  return a.cells.find((c) => c.mode === mode && c.weightDecay === weightDecay);
}
