/**
 * The analysis of `generalization`, as pure functions of each run's evaluations: per λ (mean over
 * seeds) the final train and test loss and accuracy, the generalization gap (test − train loss),
 * the lowest test loss seen during training and when, and the mean curves. Each λ is then
 * classified from the numbers:
 *
 * - `underfits`: its final train loss is at least the best λ's final test loss — it does not even
 *   fit the training data as well as the best model predicts unseen data;
 * - `overfits`: otherwise, when its gap exceeds the best λ's gap by more than
 *   {@link OVERFIT_GAP_FACTOR} (and the best λ's gap is positive);
 * - `balanced`: neither.
 *
 * The best λ is the one with the lowest final test loss.
 */
import { finiteMean, sortedUnique } from '../shared/runs.js';

/** A gap larger than this many times the best λ's counts as overfitting. */
export const OVERFIT_GAP_FACTOR = 1.25;

/** Loss and accuracy on one split at one evaluation. */
export interface SplitPoint {
  readonly loss: number;
  readonly accuracy: number;
}

/** One finished run as the analysis reads it. */
export interface GeneralizationRunInput {
  readonly weightDecay: number;
  /** Evaluations in step order, the final one last. */
  readonly evals: readonly { readonly step: number; readonly train: SplitPoint; readonly test: SplitPoint }[];
}

/** How a λ fits. */
export type FitKind = 'overfits' | 'balanced' | 'underfits';

/** One λ over its seeds. */
export interface GeneralizationRow {
  readonly weightDecay: number;
  readonly runs: number;
  readonly trainLoss: number;
  readonly testLoss: number;
  /** testLoss − trainLoss. */
  readonly gap: number;
  readonly trainAccuracy: number;
  readonly testAccuracy: number;
  /** The lowest mean test loss over the evaluations, and its step. */
  readonly minTestLoss: number;
  readonly minTestStep: number;
  readonly fit: FitKind;
  /** Mean curves at the evaluation steps. */
  readonly curve: { readonly steps: number[]; readonly trainLoss: number[]; readonly testLoss: number[]; readonly trainAccuracy: number[]; readonly testAccuracy: number[] };
}

/** The analysis (saved as analysis.json). */
export interface GeneralizationAnalysis {
  readonly rows: GeneralizationRow[];
  /** The λ with the lowest final test loss (NaN when no run finished). */
  readonly bestWeightDecay: number;
}

function meanCurve(runs: readonly GeneralizationRunInput[]): GeneralizationRow['curve'] {
  const steps = sortedUnique(runs.flatMap((r) => r.evals.map((e) => e.step)));
  const at = (get: (e: GeneralizationRunInput['evals'][number]) => number): number[] =>
    steps.map((s) => finiteMean(runs.map((r) => {
      const e = r.evals.find((x) => x.step === s);
      return e === undefined ? Number.NaN : get(e);
    })));
  return { steps, trainLoss: at((e) => e.train.loss), testLoss: at((e) => e.test.loss), trainAccuracy: at((e) => e.train.accuracy), testAccuracy: at((e) => e.test.accuracy) };
}

function last(values: readonly number[]): number {
  return values[values.length - 1] ?? Number.NaN;
}

/** The analysis of the finished runs (see the module comment). */
export function analyzeGeneralization(runs: readonly GeneralizationRunInput[]): GeneralizationAnalysis {
  const partial = sortedUnique(runs.map((r) => r.weightDecay)).map((weightDecay) => {
    const own = runs.filter((r) => r.weightDecay === weightDecay);
    const curve = meanCurve(own);
    let minIndex = 0;
    curve.testLoss.forEach((v, i) => {
      if (v < curve.testLoss[minIndex]!) minIndex = i;
    });
    const trainLoss = last(curve.trainLoss);
    const testLoss = last(curve.testLoss);
    return {
      weightDecay,
      runs: own.length,
      trainLoss,
      testLoss,
      gap: testLoss - trainLoss,
      trainAccuracy: last(curve.trainAccuracy),
      testAccuracy: last(curve.testAccuracy),
      minTestLoss: curve.testLoss[minIndex] ?? Number.NaN,
      minTestStep: curve.steps[minIndex] ?? Number.NaN,
      curve,
    };
  });
  const best = partial.reduce<(typeof partial)[number] | null>((b, r) => (Number.isFinite(r.testLoss) && (b === null || r.testLoss < b.testLoss) ? r : b), null);
  const rows = partial.map((r): GeneralizationRow => {
    let fit: FitKind = 'balanced';
    if (best !== null && r.trainLoss >= best.testLoss) fit = 'underfits';
    else if (best !== null && best.gap > 0 && r.gap > OVERFIT_GAP_FACTOR * best.gap) fit = 'overfits';
    return { ...r, fit };
  });
  return { rows, bestWeightDecay: best?.weightDecay ?? Number.NaN };
}
