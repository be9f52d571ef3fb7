/**
 * The verdict of `sparsity`, computed from the analysis: which modes set weights exactly to zero
 * and how many, what the near-zero shares say about the others, the test-accuracy cost of each
 * mode at the largest λ, and the sparsest run that keeps the baseline's accuracy.
 */
import { formatPercent } from '../../analysis/format.js';
import { gridValue } from '../shared/html.js';
import { cellAt, type SparsityAnalysis, type SparsityCell } from './analysis.js';
import { modeLabel, SPARSITY_MODES } from './plan.js';

/** Accuracy within this many (absolute) of the baseline's counts as "kept". */
export const ACCURACY_KEPT = 0.01;

/** The verdict's facts and sentences. */
export interface SparsityVerdict {
  /** Modes with at least one exact zero in some run. */
  readonly sparsifying: string[];
  /** Modes with no exact zero in any run. */
  readonly dense: string[];
  readonly sentences: string[];
}

/** A signed change in percentage points: `+0.4 pp`, `−3.1 pp`. */
export function points(change: number): string {
  if (!Number.isFinite(change)) return '? pp';
  const v = Math.round(change * 1000) / 10;
  return v === 0 ? '±0 pp' : v > 0 ? `+${v} pp` : `\u2212${-v} pp`;
}

function at(c: SparsityCell): string {
  return `${modeLabel(c.mode)} at λ=${gridValue(c.weightDecay)}`;
}

/** The verdict (see the module comment). */
export function sparsityVerdict(a: SparsityAnalysis): SparsityVerdict {
  if (a.cells.length === 0) return { sparsifying: [], dense: [], sentences: ['No decayed run finished.'] };
  const present = SPARSITY_MODES.filter((m) => a.cells.some((c) => c.mode === m));
  const sparsifying = present.filter((m) => a.cells.some((c) => c.mode === m && c.exactZeros > 0));
  const dense = present.filter((m) => !sparsifying.includes(m));
  const top = a.weightDecays[a.weightDecays.length - 1]!;
  const sentences: string[] = [];
  const zeroParts = sparsifying.map((m) => {
    const shares = a.weightDecays.map((wd) => cellAt(a, m, wd)).filter((c): c is SparsityCell => c !== undefined);
    return `${modeLabel(m)} (${shares.map((c) => `${formatPercent(c.zeroShare)} at λ=${gridValue(c.weightDecay)}`).join(', ')})`;
  });
  const denseParts = dense.map((m) => {
    const c = cellAt(a, m, top);
    return `${modeLabel(m)}${c === undefined ? '' : ` (|w| < 1e-3: ${formatPercent(c.nearZeroShare)} at λ=${gridValue(top)})`}`;
  });
  if (sparsifying.length === 0) sentences.push(`No mode set any weight exactly to zero: ${denseParts.join(', ')}.`);
  else if (dense.length === 0) sentences.push(`Every mode set weights exactly to zero: ${zeroParts.join('; ')}.`);
  else sentences.push(`Exact zeros (w === 0) came only from ${zeroParts.join('; ')}. None from ${denseParts.join(', ')}.`);
  const l1 = cellAt(a, 'l1', top);
  const l2 = cellAt(a, 'l2', top);
  if (l1 !== undefined && l1.exactZeros === 0 && l2 !== undefined && l1.nearZeroShare > 2 * l2.nearZeroShare) {
    sentences.push(
      `The L1 subgradient pushes weights toward zero (${formatPercent(l1.nearZeroShare)} below 1e-3 against ${formatPercent(l2.nearZeroShare)} with L2 at λ=${gridValue(top)}) but never onto it: each step jumps across zero instead of stopping there.`,
    );
  }
  const base = a.baseline;
  if (base !== null) {
    const costs = present
      .map((m) => cellAt(a, m, top))
      .filter((c): c is SparsityCell => c !== undefined)
      .map((c) => `${modeLabel(c.mode)} ${formatPercent(c.testAccuracy)} (${points(c.accuracyChange)})`);
    sentences.push(`Test accuracy without decay: ${formatPercent(base.testAccuracy)}; at λ=${gridValue(top)}: ${costs.join(', ')}.`);
    const kept = a.cells.filter((c) => c.exactZeros > 0 && c.accuracyChange >= -ACCURACY_KEPT - 1e-9);
    const best = kept.reduce<SparsityCell | null>((b, c) => (b === null || c.zeroShare > b.zeroShare ? c : b), null);
    sentences.push(
      best === null
        ? `No run with exact zeros kept the test accuracy within ${points(ACCURACY_KEPT).replace('+', '')} of no decay.`
        : `Sparsest run within ${points(ACCURACY_KEPT).replace('+', '')} of no decay's accuracy: ${at(best)}, ${formatPercent(best.zeroShare)} of the weights exactly zero, test accuracy ${formatPercent(best.testAccuracy)} (${points(best.accuracyChange)}).`,
    );
  }
  return { sparsifying: [...sparsifying], dense: [...dense], sentences };
}
