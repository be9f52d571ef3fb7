/**
 * Pointwise activations with PyTorch's formulas, forward and backward. Each kind has its own
 * loop (a switch outside the loop, no closure per element); the backward reads the saved
 * input or output as PyTorch's derivative does.
 */
import { needsGrad, record } from '../../tensor/autograd/node.js';
import type { FloatStorage } from '../../tensor/dtype.js';
import { ArgumentError } from '../../tensor/errors.js';
import { getKernels } from '../../tensor/kernels/registry.js';
import { Tensor } from '../../tensor/tensor.js';
import { erf } from './erf.js';
import { allocLike, checkNumber, floatData } from './util.js';
import { arenaStorage } from './arena.js';

const LEAKY_RELU = 1;
const ELU = 2;
const GELU = 3;
const GELU_TANH = 4;
const SILU = 5;
const SIGMOID = 6;
const TANH = 7;
const SOFTPLUS = 8;

const SQRT1_2 = Math.SQRT1_2;
/** 1/√(2π): the standard normal density's factor (PyTorch's kAlpha = M_2_SQRTPI·M_SQRT1_2·0.5). */
const INV_SQRT_2PI = 0.3989422804014327;
/** √(2/π) (PyTorch's kBeta = M_SQRT2·M_2_SQRTPI·0.5). */
const SQRT_2_OVER_PI = 0.7978845608028654;
const KAPPA = 0.044715;

function forwardLoop(kind: number, x: FloatStorage, y: FloatStorage, n: number, p1: number, p2: number): void {
  switch (kind) {
    case LEAKY_RELU:
      for (let i = 0; i < n; i++) {
        const v = x[i]!;
        y[i] = v > 0 ? v : v * p1;
      }
      return;
    case ELU:
      for (let i = 0; i < n; i++) {
        const v = x[i]!;
        y[i] = v <= 0 ? Math.expm1(v) * p1 : v;
      }
      return;
    case GELU:
      for (let i = 0; i < n; i++) {
        const v = x[i]!;
        y[i] = v * 0.5 * (1 + erf(v * SQRT1_2));
      }
      return;
    case GELU_TANH:
      for (let i = 0; i < n; i++) {
        const v = x[i]!;
        y[i] = 0.5 * v * (1 + Math.tanh(SQRT_2_OVER_PI * (v + KAPPA * v * v * v)));
      }
      return;
    case SILU:
      for (let i = 0; i < n; i++) {
        const v = x[i]!;
        y[i] = v / (1 + Math.exp(-v));
      }
      return;
    case SIGMOID:
      for (let i = 0; i < n; i++) y[i] = 1 / (1 + Math.exp(-x[i]!));
      return;
    case TANH:
      for (let i = 0; i < n; i++) y[i] = Math.tanh(x[i]!);
      return;
    case SOFTPLUS:
      for (let i = 0; i < n; i++) {
        const v = x[i]!;
        const bx = v * p1;
        y[i] = bx > p2 ? v : Math.log1p(Math.exp(bx)) / p1;
      }
      return;
  }
}

/** dx = dy · f′, from the input `x` or the output `y`. */
function backwardLoop(kind: number, x: FloatStorage, y: FloatStorage, g: FloatStorage, dx: FloatStorage, n: number, p1: number, p2: number): void {
  switch (kind) {
    case LEAKY_RELU:
      for (let i = 0; i < n; i++) dx[i] = x[i]! > 0 ? g[i]! : g[i]! * p1;
      return;
    case ELU:
      for (let i = 0; i < n; i++) {
        const v = x[i]!;
        dx[i] = v <= 0 ? g[i]! * p1 * Math.exp(v) : g[i]!;
      }
      return;
    case GELU:
      for (let i = 0; i < n; i++) {
        const v = x[i]!;
        const cdf = 0.5 * (1 + erf(v * SQRT1_2));
        const pdf = INV_SQRT_2PI * Math.exp(-0.5 * v * v);
        dx[i] = g[i]! * (cdf + v * pdf);
      }
      return;
    case GELU_TANH:
      for (let i = 0; i < n; i++) {
        const v = x[i]!;
        const v2 = v * v;
        const t = Math.tanh(SQRT_2_OVER_PI * (v + KAPPA * v2 * v));
        const left = 0.5 * (1 + t);
        const right = 0.5 * v * (1 - t * t) * SQRT_2_OVER_PI * (1 + 3 * KAPPA * v2);
        dx[i] = g[i]! * (left + right);
      }
      return;
    case SILU:
      for (let i = 0; i < n; i++) {
        const v = x[i]!;
        const s = 1 / (1 + Math.exp(-v));
        dx[i] = g[i]! * s * (1 + v * (1 - s));
      }
      return;
    case SIGMOID:
      for (let i = 0; i < n; i++) {
        const s = y[i]!;
        dx[i] = g[i]! * (1 - s) * s;
      }
      return;
    case TANH:
      for (let i = 0; i < n; i++) {
        const t = y[i]!;
        dx[i] = g[i]! * (1 - t * t);
      }
      return;
    case SOFTPLUS:
      for (let i = 0; i < n; i++) {
        const bx = x[i]! * p1;
        const z = Math.exp(bx);
        dx[i] = bx > p2 ? g[i]! : (g[i]! * z) / (z + 1);
      }
      return;
  }
}

function activation(op: string, gradName: string, kind: number, x: Tensor, p1 = 0, p2 = 0): Tensor {
  const xd = floatData(op, x);
  const n = x.size;
  const yd = allocLike(x, n);
  forwardLoop(kind, xd, yd, n, p1, p2);
  const y = new Tensor(yd, x.shape);
  if (needsGrad(x)) {
    record(y, gradName, [x], (g) => {
      const dx = arenaStorage(x, n);
      backwardLoop(kind, xd, yd, g.data as FloatStorage, dx, n, p1, p2);
      return [new Tensor(dx, x.shape)];
    });
  }
  return y;
}

/**
 * max(x, 0) (`F.relu`; NaN passes through); the gradient is 0 where the output is ≤ 0, as
 * PyTorch's `threshold_backward`. Runs on the kernel set's `relu`/`reluBackward` (WebAssembly
 * SIMD for large float32 tensors).
 */
export function relu(x: Tensor): Tensor {
  const xd = floatData('relu', x);
  const n = x.size;
  const yd = allocLike(x, n);
  getKernels().relu(xd, yd, n);
  const y = new Tensor(yd, x.shape);
  if (needsGrad(x)) {
    record(y, 'ReluBackward0', [x], (g) => {
      const dx = arenaStorage(x, n);
      getKernels().reluBackward(yd, g.data as FloatStorage, dx, n);
      return [new Tensor(dx, x.shape)];
    });
  }
  return y;
}

/** x for x > 0, else negativeSlope·x (`F.leaky_relu`, slope 0.01). */
export function leakyRelu(x: Tensor, negativeSlope = 0.01): Tensor {
  checkNumber('leakyRelu', 'negativeSlope', negativeSlope);
  return activation('leakyRelu', 'LeakyReluBackward0', LEAKY_RELU, x, negativeSlope);
}

/** x for x > 0, else α·(eˣ − 1) computed with expm1 (`F.elu`, α = 1). */
export function elu(x: Tensor, alpha = 1): Tensor {
  checkNumber('elu', 'alpha', alpha);
  return activation('elu', 'EluBackward0', ELU, x, alpha);
}

/** How {@link gelu} evaluates the Gaussian CDF. */
export type GeluApproximate = 'none' | 'tanh';

/**
 * GELU (`F.gelu`): exact x·½·(1 + erf(x/√2)) by default; with `'tanh'`,
 * ½·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))).
 */
export function gelu(x: Tensor, approximate: GeluApproximate = 'none'): Tensor {
  if (approximate !== 'none' && approximate !== 'tanh') {
    throw new ArgumentError(`gelu: approximate must be 'none' or 'tanh', got '${String(approximate)}'`, 'approximate', approximate);
  }
  return activation('gelu', 'GeluBackward0', approximate === 'none' ? GELU : GELU_TANH, x);
}

/** x·σ(x) (`F.silu`); dx = dy·σ(x)·(1 + x·(1 − σ(x))). */
export function silu(x: Tensor): Tensor {
  return activation('silu', 'SiluBackward0', SILU, x);
}

/** σ(x) = 1/(1 + e⁻ˣ); dx = dy·(1 − σ)·σ. */
export function sigmoid(x: Tensor): Tensor {
  return activation('sigmoid', 'SigmoidBackward0', SIGMOID, x);
}

/** tanh(x); dx = dy·(1 − tanh²). */
export function tanh(x: Tensor): Tensor {
  return activation('tanh', 'TanhBackward0', TANH, x);
}

/**
 * log(1 + e^(βx))/β, or x where βx > threshold (`F.softplus`, β = 1, threshold = 20);
 * dx = dy·e^(βx)/(e^(βx) + 1) (dy above the threshold).
 */
export function softplus(x: Tensor, beta = 1, threshold = 20): Tensor {
  checkNumber('softplus', 'beta', beta);
  if (beta === 0) throw new ArgumentError('softplus: beta must be nonzero', 'beta', beta);
  checkNumber('softplus', 'threshold', threshold);
  return activation('softplus', 'SoftplusBackward0', SOFTPLUS, x, beta, threshold);
}
