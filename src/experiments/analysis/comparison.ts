/**
 * Side-by-side comparison of several runs' final parameters: one row per parameter tensor with the
 * statistics of each run, plus per-run totals. This is the demo's table and the studies' raw
 * material.
 */
import { type ParameterStats, sparsityTotals, totalNorm } from './parameter-stats.js';
import { ArgumentError } from '../../tensor/errors.js';

/** What a run contributes to a comparison: its label, decay settings, final loss and parameter stats. */
export interface RunForComparison {
  /** Column heading, e.g. `λ=0.1`. */
  readonly label: string;
  readonly weightDecay: number;
  /** Decay mode (`l2`, `decoupled`, `l1`, `l1-proximal`). */
  readonly decay: string;
  /** Training loss at the last iteration. */
  readonly finalLoss: number;
  /** Final parameter statistics in model order. */
  readonly params: readonly ParameterStats[];
}

/** Per-run totals of a comparison. */
export interface RunTotals {
  readonly label: string;
  readonly weightDecay: number;
  readonly decay: string;
  readonly finalLoss: number;
  /** √Σ‖p‖² over all parameter tensors. */
  readonly totalNorm: number;
  readonly numel: number;
  readonly exactZeros: number;
  readonly nearZeroShare: number;
}

/** One parameter tensor across runs: `stats[i]` belongs to `runs[i]`. */
export interface ComparisonRow {
  readonly name: string;
  readonly shape: readonly number[];
  readonly stats: readonly ParameterStats[];
}

/** The whole comparison. */
export interface ComparisonTable {
  readonly runs: readonly RunTotals[];
  readonly rows: readonly ComparisonRow[];
}

/**
 * Lines runs up parameter by parameter. Every run must have the same parameter names in the same
 * order (same model); otherwise an {@link ArgumentError} names the first difference.
 */
export function compareRuns(runs: readonly RunForComparison[]): ComparisonTable {
  if (runs.length === 0) throw new ArgumentError('compareRuns needs at least one run', 'runs', runs.length);
  const first = runs[0]!;
  for (const run of runs) {
    const names = run.params.map((p) => p.name).join(',');
    if (names !== first.params.map((p) => p.name).join(',')) {
      throw new ArgumentError(`run "${run.label}" has parameters [${names}], "${first.label}" has [${first.params.map((p) => p.name).join(',')}]`, 'runs', run.label);
    }
  }
  const rows = first.params.map((p, i) => ({ name: p.name, shape: p.shape, stats: runs.map((r) => r.params[i]!) }));
  const totals = runs.map((r) => {
    const sparsity = sparsityTotals(r.params);
    return {
      label: r.label,
      weightDecay: r.weightDecay,
      decay: r.decay,
      finalLoss: r.finalLoss,
      totalNorm: totalNorm(r.params),
      numel: sparsity.numel,
      exactZeros: sparsity.exactZeros,
      nearZeroShare: sparsity.nearZeroShare,
    };
  });
  return { runs: totals, rows };
}
