/**
 * The verdict of `generalization`, computed from the analysis: the gap without decay and whether
 * the test loss rose from its minimum, the best λ, which λs overfit and which underfit (by the
 * rules of analysis.ts), and whether the train loss rises with λ.
 */
import { formatChange, formatNumber, formatPercent } from '../../analysis/format.js';
import { gridValue } from '../shared/html.js';
import { type GeneralizationAnalysis, type GeneralizationRow, OVERFIT_GAP_FACTOR } from './analysis.js';

/** The verdict's sentences. */
export interface GeneralizationVerdict {
  readonly sentences: string[];
}

function lambdas(rows: readonly GeneralizationRow[]): string {
  return rows.map((r) => gridValue(r.weightDecay)).join(', ');
}

/** The verdict (see the module comment). */
export function generalizationVerdict(a: GeneralizationAnalysis): GeneralizationVerdict {
  const best = a.rows.find((r) => r.weightDecay === a.bestWeightDecay);
  if (best === undefined) return { sentences: ['No run finished.'] };
  const sentences: string[] = [];
  const zero = a.rows.find((r) => r.weightDecay === 0);
  if (zero !== undefined) {
    const rise = (zero.testLoss - zero.minTestLoss) / zero.minTestLoss;
    const tail =
      zero.minTestStep < (zero.curve.steps[zero.curve.steps.length - 1] ?? 0) && rise > 0.02
        ? `; its test loss bottomed out at ${formatNumber(zero.minTestLoss)} (step ${zero.minTestStep}) and ended ${formatChange(rise)} higher`
        : '';
    sentences.push(
      `Without decay (λ=0): train loss ${formatNumber(zero.trainLoss)} against test loss ${formatNumber(zero.testLoss)} — a gap of ${formatNumber(zero.gap)}, train accuracy ${formatPercent(zero.trainAccuracy)} against test ${formatPercent(zero.testAccuracy)}${tail}.`,
    );
  }
  sentences.push(
    `Lowest final test loss at λ=${gridValue(best.weightDecay)}: ${formatNumber(best.testLoss)} (train ${formatNumber(best.trainLoss)}, gap ${formatNumber(best.gap)}, test accuracy ${formatPercent(best.testAccuracy)}).`,
  );
  const over = a.rows.filter((r) => r.fit === 'overfits');
  const under = a.rows.filter((r) => r.fit === 'underfits');
  sentences.push(
    over.length === 0
      ? `No λ overfits by this rule (gap above ${OVERFIT_GAP_FACTOR}× the best λ's ${formatNumber(best.gap)}).`
      : `Overfitting (gap above ${OVERFIT_GAP_FACTOR}× the best λ's ${formatNumber(best.gap)}): λ = ${lambdas(over)} (gaps ${over.map((r) => formatNumber(r.gap)).join(', ')}).`,
  );
  const largest = a.rows[a.rows.length - 1]!;
  sentences.push(
    under.length === 0
      ? `No λ underfits: even λ=${gridValue(largest.weightDecay)} reaches train loss ${formatNumber(largest.trainLoss)}, below the best test loss ${formatNumber(best.testLoss)}.`
      : `Underfitting (train loss at or above the best test loss ${formatNumber(best.testLoss)}): λ = ${lambdas(under)} (train losses ${under.map((r) => formatNumber(r.trainLoss)).join(', ')}, test accuracy ${under.map((r) => formatPercent(r.testAccuracy)).join(', ')}).`,
  );
  const rising = a.rows.every((r, i) => i === 0 || r.trainLoss >= a.rows[i - 1]!.trainLoss);
  sentences.push(
    rising
      ? `The final train loss rises with λ at every step of the grid (${formatNumber(a.rows[0]!.trainLoss)} → ${formatNumber(largest.trainLoss)}): decay trades fit for smaller weights.`
      : `The final train loss does not rise monotonically with λ (${a.rows.map((r) => formatNumber(r.trainLoss)).join(', ')}).`,
  );
  return { sentences };
}
