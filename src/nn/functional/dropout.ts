/**
 * Dropout (`F.dropout`) drawing its mask as PyTorch's CPU build without MKL does:
 * `bernoulli_(1 − p)`, one 53-bit uniform double (two 32-bit draws) per element, kept when the
 * draw is below 1 − p. After `manualSeed(s)` the mask equals PyTorch's on such builds.
 */
import { needsGrad, record } from '../../tensor/autograd/node.js';
import type { FloatStorage } from '../../tensor/dtype.js';
import { ArgumentError } from '../../tensor/errors.js';
import { type Generator, defaultGenerator } from '../../tensor/random/generator.js';
import { Tensor } from '../../tensor/tensor.js';
import { allocLike, floatData } from './util.js';
import { arenaStorage } from './arena.js';

/**
 * In training, zeroes each element with probability `p` and scales the others by 1/(1 − p);
 * otherwise (or with p = 0) returns `x` itself. p = 1 gives zeros. dx = dy·mask/(1 − p).
 */
export function dropout(x: Tensor, p = 0.5, training = true, generator: Generator = defaultGenerator): Tensor {
  const xd = floatData('dropout', x);
  if (typeof p !== 'number' || !(p >= 0 && p <= 1)) {
    throw new ArgumentError(`dropout probability has to be between 0 and 1, but got ${p}`, 'p', p);
  }
  if (!training || p === 0) return x;
  const n = x.size;
  const keep = 1 - p;
  const scale = 1 / keep;
  const mask = allocLike(x, n);
  if (p < 1) for (let i = 0; i < n; i++) mask[i] = generator.uniformDouble() < keep ? scale : 0; // p = 1 draws nothing, as PyTorch

  const yd = allocLike(x, n);
  for (let i = 0; i < n; i++) yd[i] = xd[i]! * mask[i]!;
  const y = new Tensor(yd, x.shape);
  if (needsGrad(x)) {
    record(y, 'MulBackward0', [x], (g) => {
      const gd = g.data as FloatStorage;
      const dx = arenaStorage(x, n);
      for (let i = 0; i < n; i++) dx[i] = gd[i]! * mask[i]!;
      return [new Tensor(dx, x.shape)];
    });
  }
  return y;
}
