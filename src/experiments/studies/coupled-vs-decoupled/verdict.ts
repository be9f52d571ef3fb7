/**
 * The verdict of `coupled-vs-decoupled`, computed from the analysis: how far (in decades) the best
 * λ moves across learning rates for Adam+L2, for AdamW in PyTorch's parameterisation and for AdamW
 * in Loshchilov & Hutter's (λ_LH = η·λ), and whether that supports their claim. A move smaller than
 * one grid step counts as "does not move".
 */
import { formatNumber } from '../../analysis/format.js';
import { gridValue } from '../shared/html.js';
import type { CoupledAnalysis, OptimizerGrid } from './analysis.js';
import { optimizerLabel } from './plan.js';

/** The verdict's conclusion in one word, and its sentences. */
export interface CoupledVerdict {
  /** `supported`: AdamW's λ_LH moves less than Adam+L2's λ by at least one grid step; `not-supported`: it does not; `undecided`: too few finished cells. */
  readonly claim: 'supported' | 'not-supported' | 'undecided';
  readonly sentences: string[];
}

function decades(d: number): string {
  const x = Number(d.toFixed(2));
  return `${x} decade${x === 1 ? '' : 's'}`;
}

function bestList(g: OptimizerGrid, perStep = false): string {
  return g.best
    .filter((b) => Number.isFinite(b.weightDecay))
    .map((b) => `${gridValue(perStep ? b.lr * b.weightDecay : b.weightDecay)} at lr ${gridValue(b.lr)}`)
    .join(', ');
}

function moves(spread: number, step: number): string {
  return spread >= step - 1e-9 ? 'moves' : 'does not move';
}

/** The verdict (see the module comment). */
export function coupledVerdict(a: CoupledAnalysis): CoupledVerdict {
  const [adam, adamw] = [a.grids[0]!, a.grids[1]!];
  const known = (g: OptimizerGrid): number => g.best.filter((b) => Number.isFinite(b.weightDecay)).length;
  if (a.lrs.length < 2 || known(adam) < 2 || known(adamw) < 2) {
    return { claim: 'undecided', sentences: [`Too few finished cells to compare learning rates (${a.finished} of ${a.runs} runs finished over ${a.lrs.length} learning rate(s)).`] };
  }
  const step = a.gridStep;
  const sentences = [
    `${optimizerLabel('adam')}: the best λ (lowest validation loss) is ${bestList(adam)}; it ${moves(adam.spread, step)} (spread ${decades(adam.spread)}; grid step ${decades(step)}).`,
    `${optimizerLabel('adamw')} in PyTorch's parameterisation (decay η·λ per step): the best λ is ${bestList(adamw)}; it ${moves(adamw.spread, step)} (spread ${decades(adamw.spread)}).`,
    `${optimizerLabel('adamw')} in Loshchilov & Hutter's parameterisation (decay λ_LH = η·λ per step): the best λ_LH is ${bestList(adamw, true)}; it ${moves(adamw.spreadPerStep, step)} (spread ${decades(adamw.spreadPerStep)}).`,
  ];
  const claim = adamw.spreadPerStep <= adam.spread - step + 1e-9 ? 'supported' : 'not-supported';
  if (claim === 'supported') {
    sentences.push(`Loshchilov & Hutter's claim holds here: decoupling made the best decay less dependent on the learning rate (${decades(adamw.spreadPerStep)} for AdamW's λ_LH against ${decades(adam.spread)} for Adam+L2's λ).`);
  } else {
    sentences.push(`Loshchilov & Hutter's claim does not reproduce at this scale: AdamW's best λ_LH spreads ${decades(adamw.spreadPerStep)} across learning rates, not less than Adam+L2's ${decades(adam.spread)} by a grid step.`);
  }
  if (adamw.spread < step - 1e-9 && adamw.spreadPerStep >= step - 1e-9) {
    sentences.push(`Here it is PyTorch's λ (decay η·λ per step) that stays put (${decades(adamw.spread)}): the best per-step decay η·λ grows with the learning rate.`);
  }
  const zeros = a.grids.flatMap((g) => g.zeroBest.map((lr) => `${optimizerLabel(g.optimizer)} at lr ${gridValue(lr)}`));
  if (zeros.length > 0) sentences.push(`No decay was best for ${zeros.join(', ')} (counted one grid step below the smallest λ).`);
  if (Number.isFinite(a.zeroDecayDifference)) {
    sentences.push(
      a.zeroDecayDifference === 0
        ? 'At λ = 0 both optimizers are the same algorithm, and their validation losses agree exactly.'
        : `At λ = 0 both optimizers are the same algorithm; their validation losses differ by at most ${formatNumber(a.zeroDecayDifference, 2)}.`,
    );
  }
  return { claim, sentences };
}
