/**
 * Fused cross-entropy (`F.cross_entropy`): log-softmax over the class dim and the negative
 * log-likelihood in one op, for class-index targets (with `weight`, `ignoreIndex` and label
 * smoothing as PyTorch 1.13 computes them) and for class-probability targets.
 *
 * Both kinds are a loss −Σ_c q_c·log p_c per position with per-class coefficients q; the
 * gradient with respect to the logits is then dz_j = (Σ_c q_c)·p_j − q_j.
 */
import { needsGrad, record } from '../../tensor/autograd/node.js';
import type { FloatStorage } from '../../tensor/dtype.js';
import { ArgumentError, DTypeError, formatShape } from '../../tensor/errors.js';
import { sameShape } from '../../tensor/shape.js';
import { Tensor } from '../../tensor/tensor.js';
import { classTargets, classWeights } from './class-targets.js';
import { logSoftmaxInto } from './softmax.js';
import { type Reduction, allocLike, checkReduction, floatData, sameDType } from './util.js';
import { arenaStorage } from './arena.js';

/** Options of {@link crossEntropy} (PyTorch's keyword arguments). */
export interface CrossEntropyOptions {
  /** Per-class rescaling weight, shape [C]. */
  weight?: Tensor | null;
  /** Class-index target value that contributes nothing (default −100). */
  ignoreIndex?: number;
  /** 'mean' (default), 'sum' or 'none'. */
  reduction?: Reduction;
  /** ε in [0, 1]: the target becomes (1 − ε)·onehot + ε/C (default 0). */
  labelSmoothing?: number;
}

/**
 * Cross-entropy between logits `input` ([C], [N, C] or [N, C, d…]) and `target`: class
 * probabilities when the target has the input's shape (a float tensor, as PyTorch decides), else
 * class indices ([], [N] or [N, d…]; int32 or integer-valued floats).
 *
 * Index targets, PyTorch 1.13: loss = (1 − ε)·nll + (ε/C)·smooth with nll = −w_t·log p_t and
 * smooth = −Σ_c w_c·log p_c, both 0 at ignored positions. 'mean' divides both by Σ w_t over
 * the non-ignored positions (their count without `weight`).
 * Probability targets: t′ = (1 − ε)·t + ε/C, loss = −Σ_c w_c·t′_c·log p_c; 'mean' divides by
 * the number of positions.
 */
export function crossEntropy(input: Tensor, target: Tensor, options: CrossEntropyOptions = {}): Tensor {
  const op = 'crossEntropy';
  const xd = floatData(op, input);
  const reduction = checkReduction(op, options.reduction ?? 'mean');
  const eps = options.labelSmoothing ?? 0;
  if (typeof eps !== 'number' || !(eps >= 0 && eps <= 1)) {
    throw new ArgumentError(`${op}: labelSmoothing must be in [0, 1], got ${eps}`, 'labelSmoothing', eps);
  }
  if (sameShape(target.shape, input.shape)) {
    if (target.dtype === 'int32') {
      throw new DTypeError(`${op}: a target of the input's shape ${formatShape(input.shape)} holds class probabilities and must be floating point, got int32`, [target.dtype]);
    }
    return probabilityCrossEntropy(input, xd, target, options.weight ?? null, reduction, eps);
  }
  return indexCrossEntropy(input, xd, target, options, reduction, eps);
}

function indexCrossEntropy(input: Tensor, xd: FloatStorage, target: Tensor, options: CrossEntropyOptions, reduction: Reduction, eps: number): Tensor {
  const op = 'crossEntropy';
  const ignoreIndex = options.ignoreIndex ?? -100;
  const ct = classTargets(op, input, target, ignoreIndex);
  const { outer, classes: C, inner, index } = ct;
  const wd = classWeights(op, input, options.weight ?? null, C);
  const positions = outer * inner;
  const logp = allocLike(input);
  logSoftmaxInto(xd, logp, { outer, len: C, inner });
  let weightTotal = 0;
  let wAll = C;
  if (wd !== null) {
    wAll = 0;
    for (let c = 0; c < C; c++) wAll += wd[c]!;
  }
  for (let i = 0; i < positions; i++) {
    const t = index[i]!;
    if (t !== ignoreIndex) weightTotal += wd === null ? 1 : wd[t]!;
  }
  const scale = reduction === 'mean' ? 1 / weightTotal : 1;
  const a = (1 - eps) * scale;
  const b = (eps / C) * scale;
  const perPosition = reduction === 'none' ? allocLike(input, positions) : null;
  let total = 0;
  for (let o = 0; o < outer; o++) {
    for (let k = 0; k < inner; k++) {
      const i = o * inner + k;
      const t = index[i]!;
      if (t === ignoreIndex) continue;
      const base = o * C * inner + k;
      const nll = -logp[base + t * inner]! * (wd === null ? 1 : wd[t]!);
      let smooth = 0;
      if (eps > 0) for (let c = 0; c < C; c++) smooth -= logp[base + c * inner]! * (wd === null ? 1 : wd[c]!);
      if (perPosition !== null) perPosition[i] = (1 - eps) * nll + (eps / C) * smooth;
      else total += a * nll + b * smooth;
    }
  }
  const out = perPosition !== null ? new Tensor(perPosition, ct.shape) : scalar(input, total);
  if (needsGrad(input)) {
    record(out, 'CrossEntropyLossBackward0', [input], (g) => {
      const gd = g.data as FloatStorage;
      const dz = arenaStorage(input);
      for (let o = 0; o < outer; o++) {
        for (let k = 0; k < inner; k++) {
          const i = o * inner + k;
          const t = index[i]!;
          if (t === ignoreIndex) continue;
          const gi = perPosition !== null ? gd[i]! : gd[0]!;
          const A = gi * a * (wd === null ? 1 : wd[t]!);
          const B = gi * b;
          const Q = A + B * wAll;
          const base = o * C * inner + k;
          for (let c = 0, p = base; c < C; c++, p += inner) dz[p] = Q * Math.exp(logp[p]!) - B * (wd === null ? 1 : wd[c]!);
          dz[base + t * inner] = dz[base + t * inner]! - A;
        }
      }
      return [new Tensor(dz, input.shape)];
    });
  }
  return out;
}

function probabilityCrossEntropy(input: Tensor, xd: FloatStorage, target: Tensor, weight: Tensor | null, reduction: Reduction, eps: number): Tensor {
  const op = 'crossEntropy';
  const td = floatData(op, target, 'target');
  sameDType(op, input, target, 'input', 'target');
  const classDim = input.ndim === 1 ? 0 : 1;
  const C = input.shape[classDim]!;
  const outer = input.ndim === 1 ? 1 : input.shape[0]!;
  const inner = C === 0 || outer === 0 ? 0 : input.size / (outer * C);
  const wd = classWeights(op, input, weight, C);
  const positions = outer * inner;
  const logp = allocLike(input);
  logSoftmaxInto(xd, logp, { outer, len: C, inner });
  const s = reduction === 'mean' ? 1 / positions : 1;
  const perPosition = reduction === 'none' ? allocLike(input, positions) : null;
  let total = 0;
  for (let o = 0; o < outer; o++) {
    for (let k = 0; k < inner; k++) {
      const base = o * C * inner + k;
      let l = 0;
      for (let c = 0, p = base; c < C; c++, p += inner) l -= (wd === null ? 1 : wd[c]!) * (td[p]! * (1 - eps) + eps / C) * logp[p]!;
      if (perPosition !== null) perPosition[o * inner + k] = l;
      else total += l;
    }
  }
  const shape = input.ndim === 1 ? [] : [outer, ...input.shape.slice(2)];
  const out = perPosition !== null ? new Tensor(perPosition, shape) : scalar(input, total * s);
  if (needsGrad(input, target)) {
    record(out, 'CrossEntropyLossBackward0', [input, target], (g) => {
      const gd = g.data as FloatStorage;
      const dz = input.requiresGrad ? arenaStorage(input) : null;
      const dt = target.requiresGrad ? arenaStorage(target) : null;
      for (let o = 0; o < outer; o++) {
        for (let k = 0; k < inner; k++) {
          const gi = (perPosition !== null ? gd[o * inner + k]! : gd[0]!) * s;
          const base = o * C * inner + k;
          let Q = 0;
          for (let c = 0, p = base; c < C; c++, p += inner) Q += (wd === null ? 1 : wd[c]!) * (td[p]! * (1 - eps) + eps / C);
          for (let c = 0, p = base; c < C; c++, p += inner) {
            const w = wd === null ? 1 : wd[c]!;
            if (dz !== null) dz[p] = gi * (Q * Math.exp(logp[p]!) - w * (td[p]! * (1 - eps) + eps / C));
            if (dt !== null) dt[p] = -gi * w * (1 - eps) * logp[p]!;
          }
        }
      }
      return [dz === null ? null : new Tensor(dz, input.shape), dt === null ? null : new Tensor(dt, target.shape)];
    });
  }
  return out;
}

/** A 0-d tensor of `like`'s dtype. */
function scalar(like: Tensor, value: number): Tensor {
  const d = allocLike(like, 1);
  d[0] = value;
  return new Tensor(d, []);
}
