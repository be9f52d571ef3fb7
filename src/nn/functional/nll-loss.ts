/**
 * Negative log-likelihood loss (`F.nll_loss`) over log-probabilities and class indices.
 */
import { needsGrad, record } from '../../tensor/autograd/node.js';
import type { FloatStorage } from '../../tensor/dtype.js';
import { Tensor } from '../../tensor/tensor.js';
import { classTargets, classWeights } from './class-targets.js';
import { type Reduction, allocLike, checkReduction, floatData } from './util.js';
import { arenaStorage } from './arena.js';

/** Options of {@link nllLoss} (PyTorch's keyword arguments). */
export interface NllLossOptions {
  /** Per-class rescaling weight, shape [C]. */
  weight?: Tensor | null;
  /** Target value that contributes nothing (default −100). */
  ignoreIndex?: number;
  /** 'mean' (default), 'sum' or 'none'. */
  reduction?: Reduction;
}

/**
 * ℓᵢ = −w_{tᵢ}·x[i, tᵢ] for log-probabilities `input` ([C], [N, C] or [N, C, d…]) and class
 * indices `target` ([], [N] or [N, d…]); ignored positions give 0. 'mean' divides the sum by
 * Σ w_{tᵢ} over non-ignored positions (NaN when that is 0, as in PyTorch).
 */
export function nllLoss(input: Tensor, target: Tensor, options: NllLossOptions = {}): Tensor {
  const op = 'nllLoss';
  const xd = floatData(op, input);
  const reduction = checkReduction(op, options.reduction ?? 'mean');
  const ignoreIndex = options.ignoreIndex ?? -100;
  const ct = classTargets(op, input, target, ignoreIndex);
  const { outer, classes: C, inner, index } = ct;
  const wd = classWeights(op, input, options.weight ?? null, C);
  const positions = outer * inner;
  const perPosition = reduction === 'none' ? allocLike(input, positions) : null;
  let total = 0;
  let weightTotal = 0;
  for (let o = 0; o < outer; o++) {
    for (let k = 0; k < inner; k++) {
      const i = o * inner + k;
      const t = index[i]!;
      if (t === ignoreIndex) continue;
      const w = wd === null ? 1 : wd[t]!;
      const l = -w * xd[o * C * inner + t * inner + k]!;
      weightTotal += w;
      if (perPosition !== null) perPosition[i] = l;
      else total += l;
    }
  }
  const scale = reduction === 'mean' ? 1 / weightTotal : 1;
  let out: Tensor;
  if (perPosition !== null) out = new Tensor(perPosition, ct.shape);
  else {
    const d = allocLike(input, 1);
    d[0] = total * scale;
    out = new Tensor(d, []);
  }
  if (needsGrad(input)) {
    record(out, 'NllLossBackward0', [input], (g) => {
      const gd = g.data as FloatStorage;
      const dx = arenaStorage(input);
      for (let o = 0; o < outer; o++) {
        for (let k = 0; k < inner; k++) {
          const i = o * inner + k;
          const t = index[i]!;
          if (t === ignoreIndex) continue;
          const gi = perPosition !== null ? gd[i]! : gd[0]! * scale;
          dx[o * C * inner + t * inner + k] = -gi * (wd === null ? 1 : wd[t]!);
        }
      }
      return [new Tensor(dx, input.shape)];
    });
  }
  return out;
}
