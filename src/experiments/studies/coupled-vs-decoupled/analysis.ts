/**
 * The analysis of `coupled-vs-decoupled`, as pure functions of the runs' validation losses:
 *
 * - per optimizer, the mean validation loss (over seeds) of each (lr, λ) cell, +∞ when a run
 *   diverged, NaN when no run finished;
 * - per optimizer and lr, the best λ: the one with the lowest mean validation loss;
 * - the spread of the best λ across learning rates, max − min of log10(best λ), in decades. A best
 *   λ of 0 counts as one grid step below the smallest positive λ.
 *
 * AdamW's λ is read in two parameterisations. PyTorch's (the config's `weightDecay`): each step
 * multiplies w by (1 − η·λ). Loshchilov & Hutter's (Algorithm 2 of "Decoupled Weight Decay
 * Regularization", with a constant schedule multiplier): each step multiplies w by (1 − λ_LH), so
 * λ_LH = η·λ. Their claim — the best decay does not depend on the learning rate — is a claim about
 * λ_LH.
 */
import { decadeOf, gridStepOf, spreadOf } from '../shared/decades.js';
import { finiteMean, sortedUnique } from '../shared/runs.js';
import { COUPLED_OPTIMIZERS, type CoupledOptimizer } from './plan.js';

export { decadeOf, gridStepOf, spreadOf } from '../shared/decades.js';

/** One run as the analysis reads it. */
export interface CoupledRunInput {
  readonly optimizer: CoupledOptimizer;
  readonly lr: number;
  readonly weightDecay: number;
  /** Final validation loss; NaN when the run did not finish. */
  readonly valLoss: number;
  /** Final validation accuracy; NaN when unknown. */
  readonly valAccuracy: number;
  readonly diverged: boolean;
}

/** The best λ at one learning rate. */
export interface BestDecay {
  readonly lr: number;
  /** The best λ (PyTorch's parameterisation); NaN when no cell at this lr finished. */
  readonly weightDecay: number;
  /** Its mean validation loss. */
  readonly valLoss: number;
  /** Its mean validation accuracy. */
  readonly valAccuracy: number;
  /** Validation loss at λ = 0 for comparison (NaN when λ = 0 is not in the grid). */
  readonly valLossAtZero: number;
}

/** Everything about one optimizer. */
export interface OptimizerGrid {
  readonly optimizer: CoupledOptimizer;
  /** Mean validation loss `[lr index][λ index]`; +∞ when any seed diverged, NaN when none finished. */
  readonly valLoss: number[][];
  /** Mean validation accuracy, same layout (NaN when none finished). */
  readonly valAccuracy: number[][];
  readonly best: BestDecay[];
  /** Spread of log10(best λ) across lrs, in decades (PyTorch's λ). */
  readonly spread: number;
  /** The same for λ_LH = η·λ (meaningful for AdamW). */
  readonly spreadPerStep: number;
  /** Learning rates whose best λ is 0. */
  readonly zeroBest: number[];
}

/** The whole analysis (saved as analysis.json). */
export interface CoupledAnalysis {
  readonly lrs: number[];
  readonly weightDecays: number[];
  /** The smallest log10 distance between positive grid λs (decades): a move smaller than this is no move. */
  readonly gridStep: number;
  readonly grids: OptimizerGrid[];
  /** Largest |Adam+L2 − AdamW| validation loss at λ = 0, where both are the same algorithm (NaN without λ = 0). */
  readonly zeroDecayDifference: number;
  readonly runs: number;
  readonly finished: number;
  readonly diverged: number;
}

function cellOf(runs: readonly CoupledRunInput[]): { loss: number; accuracy: number } {
  if (runs.some((r) => r.diverged)) return { loss: Infinity, accuracy: finiteMean(runs.map((r) => r.valAccuracy)) };
  return { loss: finiteMean(runs.map((r) => r.valLoss)), accuracy: finiteMean(runs.map((r) => r.valAccuracy)) };
}

/** The lowest finite cell of a row (ties: the smaller λ); index −1 when none is finite. */
export function argBest(row: readonly number[]): number {
  let best = -1;
  row.forEach((v, i) => {
    if (Number.isFinite(v) && (best < 0 || v < row[best]!)) best = i;
  });
  return best;
}

/** The analysis of the runs (see the module comment). */
export function analyzeCoupled(runs: readonly CoupledRunInput[]): CoupledAnalysis {
  const lrs = sortedUnique(runs.map((r) => r.lr));
  const weightDecays = sortedUnique(runs.map((r) => r.weightDecay));
  const gridStep = gridStepOf(weightDecays);
  const grids = COUPLED_OPTIMIZERS.map((optimizer): OptimizerGrid => {
    const valLoss: number[][] = [];
    const valAccuracy: number[][] = [];
    for (const lr of lrs) {
      const cells = weightDecays.map((wd) => cellOf(runs.filter((r) => r.optimizer === optimizer && r.lr === lr && r.weightDecay === wd)));
      valLoss.push(cells.map((c) => c.loss));
      valAccuracy.push(cells.map((c) => c.accuracy));
    }
    const zeroIndex = weightDecays.indexOf(0);
    const best = lrs.map((lr, i): BestDecay => {
      const j = argBest(valLoss[i]!);
      return {
        lr,
        weightDecay: j < 0 ? Number.NaN : weightDecays[j]!,
        valLoss: j < 0 ? Number.NaN : valLoss[i]![j]!,
        valAccuracy: j < 0 ? Number.NaN : valAccuracy[i]![j]!,
        valLossAtZero: zeroIndex < 0 ? Number.NaN : valLoss[i]![zeroIndex]!,
      };
    });
    const found = best.filter((b) => Number.isFinite(b.weightDecay));
    return {
      optimizer,
      valLoss,
      valAccuracy,
      best,
      spread: spreadOf(found.map((b) => decadeOf(b.weightDecay, weightDecays, gridStep))),
      spreadPerStep: spreadOf(found.map((b) => Math.log10(b.lr) + decadeOf(b.weightDecay, weightDecays, gridStep))),
      zeroBest: found.filter((b) => b.weightDecay === 0).map((b) => b.lr),
    };
  });
  const zeroIndex = weightDecays.indexOf(0);
  const [adam, adamw] = [grids[0]!, grids[1]!];
  const diffs = zeroIndex < 0 ? [] : lrs.map((_, i) => Math.abs(adam.valLoss[i]![zeroIndex]! - adamw.valLoss[i]![zeroIndex]!));
  return {
    lrs,
    weightDecays,
    gridStep,
    grids,
    zeroDecayDifference: diffs.length === 0 ? Number.NaN : Math.max(...diffs),
    runs: runs.length,
    finished: runs.filter((r) => Number.isFinite(r.valLoss) || r.diverged).length,
    diverged: runs.filter((r) => r.diverged).length,
  };
}
