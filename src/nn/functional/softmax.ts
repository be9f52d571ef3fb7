/**
 * Softmax and log-softmax over one dim, with the maximum subtracted first so that large
 * logits do not overflow (PyTorch's kernels do the same).
 */
import { needsGrad, record } from '../../tensor/autograd/node.js';
import type { FloatStorage } from '../../tensor/dtype.js';
import { Tensor } from '../../tensor/tensor.js';
import { type DimLayout, allocLike, dimLayout, floatData } from './util.js';
import { arenaStorage } from './arena.js';

/**
 * Writes log-softmax of `x` along the layout's dim into `out`: (x − max) − log Σ e^(x − max),
 * subtracting the maximum first as PyTorch does.
 * Exported for the cross-entropy kernel.
 */
export function logSoftmaxInto(x: FloatStorage, out: FloatStorage, l: DimLayout): void {
  const { outer, len, inner } = l;
  for (let o = 0; o < outer; o++) {
    for (let k = 0; k < inner; k++) {
      const base = o * len * inner + k;
      let max = -Infinity;
      for (let c = 0, p = base; c < len; c++, p += inner) {
        const v = x[p]!;
        if (v > max || v !== v) max = v;
      }
      let s = 0;
      for (let c = 0, p = base; c < len; c++, p += inner) s += Math.exp(x[p]! - max);
      const logSum = Math.log(s);
      for (let c = 0, p = base; c < len; c++, p += inner) out[p] = x[p]! - max - logSum;
    }
  }
}

function softmaxInto(x: FloatStorage, out: FloatStorage, l: DimLayout): void {
  const { outer, len, inner } = l;
  for (let o = 0; o < outer; o++) {
    for (let k = 0; k < inner; k++) {
      const base = o * len * inner + k;
      let max = -Infinity;
      for (let c = 0, p = base; c < len; c++, p += inner) {
        const v = x[p]!;
        if (v > max || v !== v) max = v;
      }
      let s = 0;
      for (let c = 0, p = base; c < len; c++, p += inner) {
        const e = Math.exp(x[p]! - max);
        out[p] = e;
        s += e;
      }
      const inv = 1 / s;
      for (let c = 0, p = base; c < len; c++, p += inner) out[p] = out[p]! * inv;
    }
  }
}

/** e^(xᵢ − max)/Σⱼ e^(xⱼ − max) along `dim` (`F.softmax`); dx = y·(dy − Σ dy·y). */
export function softmax(x: Tensor, dim: number): Tensor {
  const xd = floatData('softmax', x);
  const l = dimLayout(x.shape, dim);
  const yd = allocLike(x);
  softmaxInto(xd, yd, l);
  const y = new Tensor(yd, x.shape);
  if (needsGrad(x)) {
    record(y, 'SoftmaxBackward0', [x], (g) => {
      const gd = g.data as FloatStorage;
      const dx = arenaStorage(x);
      const { outer, len, inner } = l;
      for (let o = 0; o < outer; o++) {
        for (let k = 0; k < inner; k++) {
          const base = o * len * inner + k;
          let dot = 0;
          for (let c = 0, p = base; c < len; c++, p += inner) dot += gd[p]! * yd[p]!;
          for (let c = 0, p = base; c < len; c++, p += inner) dx[p] = yd[p]! * (gd[p]! - dot);
        }
      }
      return [new Tensor(dx, x.shape)];
    });
  }
  return y;
}

/** x − max − log Σ e^(x − max) along `dim` (`F.log_softmax`); dx = dy − e^y·Σ dy. */
export function logSoftmax(x: Tensor, dim: number): Tensor {
  const xd = floatData('logSoftmax', x);
  const l = dimLayout(x.shape, dim);
  const yd = allocLike(x);
  logSoftmaxInto(xd, yd, l);
  const y = new Tensor(yd, x.shape);
  if (needsGrad(x)) {
    record(y, 'LogSoftmaxBackward0', [x], (g) => {
      const gd = g.data as FloatStorage;
      const dx = arenaStorage(x);
      const { outer, len, inner } = l;
      for (let o = 0; o < outer; o++) {
        for (let k = 0; k < inner; k++) {
          const base = o * len * inner + k;
          let s = 0;
          for (let c = 0, p = base; c < len; c++, p += inner) s += gd[p]!;
          for (let c = 0, p = base; c < len; c++, p += inner) dx[p] = gd[p]! - Math.exp(yd[p]!) * s;
        }
      }
      return [new Tensor(dx, x.shape)];
    });
  }
  return y;
}
