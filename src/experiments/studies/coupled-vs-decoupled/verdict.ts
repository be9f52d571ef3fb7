/**
 * The verdict of `coupled-vs-decoupled`, computed from the analysis: whether the best λ moves across
 * learning rates for Adam+L2, for AdamW in PyTorch's parameterisation and for AdamW in Loshchilov &
 * Hutter's (λ_LH = η·λ), and what that says about their claim — with decoupled decay the best λ_LH
 * does not depend on the learning rate, while under Adam+L2 the best λ does.
 *
 * Every "moves" in the text, and the claim, come from one rule (`movementOf`, see movement.ts):
 * a spread under one grid step does not move, a spread of one grid step cannot be resolved, a
 * spread of more than one grid step moves. The claim is judged on Adam+L2's λ and AdamW's λ_LH:
 *
 * - `supported`: AdamW's λ_LH does not move and Adam+L2's λ moves;
 * - `not-supported`: AdamW's λ_LH moves, or neither moves although the learning rates span more
 *   than one grid step (so a λ tied to the learning rate would have shown);
 * - `unresolved`: one of them moves by one grid step, or the learning rates span at most one grid
 *   step, so that the grid cannot tell either way;
 * - `undecided`: fewer than two learning rates with a finished cell.
 */
import { formatNumber } from '../../analysis/format.js';
import { gridValue } from '../shared/html.js';
import { type CoupledAnalysis, decadeOf, type OptimizerGrid } from './analysis.js';
import { directionOf, type GridResolution, gridResolution, type Movement, movementOf, resolvablyLarger } from './movement.js';
import { optimizerLabel } from './plan.js';

/** The verdict's conclusion in one word, the movement of each parameterisation, and its sentences. */
export interface CoupledVerdict {
  /** See the module comment. */
  readonly claim: 'supported' | 'not-supported' | 'unresolved' | 'undecided';
  /** How each best λ moves across learning rates (null when undecided). */
  readonly movement: { readonly adam: Movement; readonly adamw: Movement; readonly adamwPerStep: Movement } | null;
  readonly sentences: string[];
}

/** What the text says about a best λ that moves this way: the same words in every sentence. */
export const MOVEMENT_WORDS: Readonly<Record<Movement, string>> = {
  flat: 'does not move',
  'one-step': 'shifts by about one grid step',
  moves: 'moves',
};

function decades(d: number): string {
  const x = Number(d.toFixed(2));
  return `${x} decade${x === 1 ? '' : 's'}`;
}

function stepText(r: GridResolution): string {
  return decades(r.minStep) === decades(r.maxStep) ? decades(r.minStep) : `${Number(r.minStep.toFixed(2))}–${decades(r.maxStep)}`;
}

/** One parameterisation's best λs in learning-rate order: the list, log10 values, spread and movement. */
interface Track {
  readonly list: string;
  readonly spread: number;
  readonly movement: Movement;
  readonly direction: ReturnType<typeof directionOf>;
}

function trackOf(a: CoupledAnalysis, g: OptimizerGrid, perStep: boolean, r: GridResolution): Track {
  const found = g.best.filter((b) => Number.isFinite(b.weightDecay));
  const spread = perStep ? g.spreadPerStep : g.spread;
  return {
    list: found.map((b) => `${gridValue(perStep ? b.lr * b.weightDecay : b.weightDecay)} at lr ${gridValue(b.lr)}`).join(', '),
    spread,
    movement: movementOf(spread, r),
    direction: directionOf(found.map((b) => decadeOf(b.weightDecay, a.weightDecays, a.gridStep) + (perStep ? Math.log10(b.lr) : 0))),
  };
}

/** "it does not move (spread …, under one grid step of …)" and its siblings. */
function movementClause(t: Track, r: GridResolution): string {
  const spread = decades(t.spread);
  const step = stepText(r);
  if (t.movement === 'flat') return `it ${MOVEMENT_WORDS.flat} (spread ${spread}, under one grid step of ${step})`;
  if (t.movement === 'one-step') return `it ${MOVEMENT_WORDS['one-step']} (spread ${spread}; grid step ${step}), which this grid cannot tell from no move`;
  const way = t.direction === 'rises' ? 'rises with the learning rate' : t.direction === 'falls' ? 'falls as the learning rate rises' : 'rises and falls across learning rates';
  return `it ${MOVEMENT_WORDS.moves} (spread ${spread}, more than one grid step of ${step}): it ${way}`;
}

/** "Adam+L2's best λ does not move (0 decades)": a subject with the same words as its own sentence. */
function said(subject: string, t: Track): string {
  return `${subject} ${MOVEMENT_WORDS[t.movement]} (${decades(t.spread)})`;
}

function claimOf(adam: Track, lh: Track, lrSpan: number, r: GridResolution): { claim: CoupledVerdict['claim']; sentence: string } {
  const A = said("Adam+L2's best λ", adam);
  const W = said("AdamW's best λ_LH", lh);
  const name = "Loshchilov & Hutter's claim";
  if (lh.movement === 'moves') {
    const tail =
      adam.movement === 'flat'
        ? `, while ${A}: the opposite of the claim`
        : adam.movement === 'one-step'
          ? `, while ${A}, which this grid cannot tell from no move`
          : resolvablyLarger(adam.spread, lh.spread, r)
            ? `, and ${A}, more than a grid step further: decoupling reduced the dependence on the learning rate but did not remove it`
            : resolvablyLarger(lh.spread, adam.spread, r)
              ? `, more than a grid step further than ${A}: decoupling made the best decay more dependent on the learning rate, not less`
              : `, and ${A}, within a grid step of each other: decoupling did not make the best decay less dependent on the learning rate`;
    return { claim: 'not-supported', sentence: `${name} does not reproduce at this scale: ${W}${tail}.` };
  }
  if (lh.movement === 'flat' && adam.movement === 'moves') {
    return { claim: 'supported', sentence: `${name} reproduces: ${W}, while ${A}; decoupling made the best decay independent of the learning rate at this grid's resolution.` };
  }
  if (lh.movement === 'flat' && adam.movement === 'flat' && lrSpan > r.maxStep * (1 + 1e-6)) {
    return {
      claim: 'not-supported',
      sentence: `${name} does not reproduce at this scale: ${W}, as claimed, but ${A} either, although the learning rates span ${decades(lrSpan)}: coupled L2 did not tie the best decay to the learning rate, so decoupling had nothing to fix.`,
    };
  }
  const why =
    lh.movement === 'flat' && adam.movement === 'flat'
      ? `the learning rates span only ${decades(lrSpan)}, no more than one λ grid step (${stepText(r)}), so even a best λ proportional to 1/lr would move by at most one grid step; ${W} and ${A}`
      : `${W} and ${A}, and a shift of one grid step cannot be told from no move`;
  return { claim: 'unresolved', sentence: `This grid cannot resolve ${name} either way: ${why}. A finer λ grid or a wider learning-rate range can decide it.` };
}

/** The verdict (see the module comment). */
export function coupledVerdict(a: CoupledAnalysis): CoupledVerdict {
  const [adam, adamw] = [a.grids[0]!, a.grids[1]!];
  const known = (g: OptimizerGrid): number => g.best.filter((b) => Number.isFinite(b.weightDecay)).length;
  if (a.lrs.length < 2 || known(adam) < 2 || known(adamw) < 2) {
    return { claim: 'undecided', movement: null, sentences: [`Too few finished cells to compare learning rates (${a.finished} of ${a.runs} runs finished over ${a.lrs.length} learning rate(s)).`] };
  }
  const r = gridResolution(a.weightDecays);
  const [tA, tW, tLH] = [trackOf(a, adam, false, r), trackOf(a, adamw, false, r), trackOf(a, adamw, true, r)];
  const lrs = [adam, adamw].flatMap((g) => g.best.filter((b) => Number.isFinite(b.weightDecay)).map((b) => Math.log10(b.lr)));
  const lrSpan = Math.max(...lrs) - Math.min(...lrs);
  const { claim, sentence } = claimOf(tA, tLH, lrSpan, r);
  const sentences = [
    `${optimizerLabel('adam')}: the best λ (lowest validation loss) is ${tA.list}; ${movementClause(tA, r)}.`,
    `${optimizerLabel('adamw')} in PyTorch's parameterisation (decay η·λ per step): the best λ is ${tW.list}; ${movementClause(tW, r)}.`,
    `${optimizerLabel('adamw')} in Loshchilov & Hutter's parameterisation (decay λ_LH = η·λ per step): the best λ_LH is ${tLH.list}; ${movementClause(tLH, r)}.`,
    sentence,
  ];
  if (tW.movement === 'flat' && tLH.movement === 'moves') {
    sentences.push(`Here it is PyTorch's λ (decay η·λ per step) that does not move (${decades(tW.spread)}): the best per-step decay η·λ grows with the learning rate.`);
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
  return { claim, movement: { adam: tA.movement, adamw: tW.movement, adamwPerStep: tLH.movement }, sentences };
}
