/**
 * `nn.init`: in-place initialisers with PyTorch's fan and gain rules. They run without
 * recording gradients and draw from the given generator (the default one, seeded by
 * `manualSeed`, otherwise) in PyTorch's order, so a model built after `manualSeed(s)` holds
 * PyTorch's values bit for bit.
 */
import { noGrad } from '../tensor/autograd/grad-mode.js';
import { ArgumentError, ShapeError, formatShape } from '../tensor/errors.js';
import { type Generator, defaultGenerator } from '../tensor/random/generator.js';
import { normal_ as fillNormal, uniform_ as fillUniform } from '../tensor/random/distributions.js';
import type { Tensor } from '../tensor/tensor.js';

/** Nonlinearities known to {@link calculateGain} (PyTorch's `nn.functional` names). */
export type Nonlinearity =
  | 'linear'
  | 'conv1d'
  | 'conv2d'
  | 'conv3d'
  | 'conv_transpose1d'
  | 'conv_transpose2d'
  | 'conv_transpose3d'
  | 'sigmoid'
  | 'tanh'
  | 'relu'
  | 'leaky_relu'
  | 'selu';

/** Which fan the Kaiming initialisers scale by. */
export type FanMode = 'fan_in' | 'fan_out';

const LINEAR_FNS = new Set(['linear', 'conv1d', 'conv2d', 'conv3d', 'conv_transpose1d', 'conv_transpose2d', 'conv_transpose3d']);

/**
 * The recommended gain (`calculate_gain`): 1 for linear/conv and sigmoid, 5/3 for tanh, √2 for
 * relu, √(2/(1 + slope²)) for leaky_relu (slope `param`, default 0.01), 3/4 for selu.
 */
export function calculateGain(nonlinearity: Nonlinearity, param?: number): number {
  if (LINEAR_FNS.has(nonlinearity) || nonlinearity === 'sigmoid') return 1;
  switch (nonlinearity) {
    case 'tanh':
      return 5.0 / 3;
    case 'relu':
      return Math.sqrt(2.0);
    case 'leaky_relu': {
      const slope = param ?? 0.01;
      if (typeof slope !== 'number' || !Number.isFinite(slope)) {
        throw new ArgumentError(`calculateGain: negative_slope ${String(slope)} is not a valid number`, 'param', slope);
      }
      return Math.sqrt(2.0 / (1 + slope * slope));
    }
    case 'selu':
      return 3.0 / 4;
    default:
      throw new ArgumentError(`calculateGain: unsupported nonlinearity '${String(nonlinearity)}'`, 'nonlinearity', nonlinearity);
  }
}

/**
 * Fans of a weight of shape [out, in, k…] (`_calculate_fan_in_and_fan_out`): fanIn = in·Πk,
 * fanOut = out·Πk. Tensors with fewer than 2 dims have no fans (a ShapeError).
 */
export function calculateFanInAndFanOut(t: Tensor): { fanIn: number; fanOut: number } {
  if (t.ndim < 2) {
    throw new ShapeError(`fan in and fan out can not be computed for a tensor with fewer than 2 dimensions (shape ${formatShape(t.shape)})`, [t.shape]);
  }
  let receptive = 1;
  for (let i = 2; i < t.ndim; i++) receptive *= t.shape[i]!;
  return { fanIn: t.shape[1]! * receptive, fanOut: t.shape[0]! * receptive };
}

function correctFan(t: Tensor, mode: FanMode): number {
  if (mode !== 'fan_in' && mode !== 'fan_out') {
    throw new ArgumentError(`mode ${String(mode)} not supported, please use one of fan_in, fan_out`, 'mode', mode);
  }
  const { fanIn, fanOut } = calculateFanInAndFanOut(t);
  return mode === 'fan_in' ? fanIn : fanOut;
}

/** Fills `t` with U(a, b) (`nn.init.uniform_`). */
export function uniform_(t: Tensor, a = 0, b = 1, generator: Generator = defaultGenerator): Tensor {
  return noGrad(() => fillUniform(t, a, b, generator));
}

/** Fills `t` with N(mean, std²) (`nn.init.normal_`). */
export function normal_(t: Tensor, mean = 0, std = 1, generator: Generator = defaultGenerator): Tensor {
  return noGrad(() => fillNormal(t, mean, std, generator));
}

/** Fills `t` with `value` (`nn.init.constant_`). */
export function constant_(t: Tensor, value: number): Tensor {
  return noGrad(() => t.fill_(value));
}

/** Fills `t` with zeros (`nn.init.zeros_`). */
export function zeros_(t: Tensor): Tensor {
  return constant_(t, 0);
}

/** Fills `t` with ones (`nn.init.ones_`). */
export function ones_(t: Tensor): Tensor {
  return constant_(t, 1);
}

/** Glorot uniform (`xavier_uniform_`): U(−a, a) with a = gain·√(6/(fanIn + fanOut)) computed as √3·gain·√(2/(fanIn + fanOut)). */
export function xavierUniform_(t: Tensor, gain = 1, generator: Generator = defaultGenerator): Tensor {
  const { fanIn, fanOut } = calculateFanInAndFanOut(t);
  const std = gain * Math.sqrt(2.0 / (fanIn + fanOut));
  const a = Math.sqrt(3.0) * std;
  return uniform_(t, -a, a, generator);
}

/** Glorot normal (`xavier_normal_`): N(0, std²) with std = gain·√(2/(fanIn + fanOut)). */
export function xavierNormal_(t: Tensor, gain = 1, generator: Generator = defaultGenerator): Tensor {
  const { fanIn, fanOut } = calculateFanInAndFanOut(t);
  const std = gain * Math.sqrt(2.0 / (fanIn + fanOut));
  return normal_(t, 0, std, generator);
}

/** Options of the Kaiming initialisers (PyTorch's keyword arguments). */
export interface KaimingOptions {
  /** Negative slope of the rectifier after the layer (used with 'leaky_relu'); default 0. */
  a?: number;
  /** 'fan_in' (default) keeps the forward variance, 'fan_out' the backward one. */
  mode?: FanMode;
  /** Default 'leaky_relu'. */
  nonlinearity?: Nonlinearity;
  /** Generator to draw from (the default generator when omitted). */
  generator?: Generator;
}

function kaimingStd(t: Tensor, options: KaimingOptions): number {
  const fan = correctFan(t, options.mode ?? 'fan_in');
  const gain = calculateGain(options.nonlinearity ?? 'leaky_relu', options.a ?? 0);
  return gain / Math.sqrt(fan);
}

/**
 * He uniform (`kaiming_uniform_`): U(−bound, bound) with bound = √3·gain/√fan. nn.Linear uses
 * a = √5, which gives bound = 1/√fanIn. Zero-element tensors are left alone, as in PyTorch.
 */
export function kaimingUniform_(t: Tensor, options: KaimingOptions = {}): Tensor {
  if (t.size === 0) return t;
  const std = kaimingStd(t, options);
  const bound = Math.sqrt(3.0) * std;
  return uniform_(t, -bound, bound, options.generator ?? defaultGenerator);
}

/** He normal (`kaiming_normal_`): N(0, std²) with std = gain/√fan. */
export function kaimingNormal_(t: Tensor, options: KaimingOptions = {}): Tensor {
  if (t.size === 0) return t;
  const std = kaimingStd(t, options);
  return normal_(t, 0, std, options.generator ?? defaultGenerator);
}
