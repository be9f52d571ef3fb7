/**
 * Random tensors with PyTorch's CPU kernels' exact consumption of the generator:
 * - `uniform_` / `rand`: float32 takes the low 24 bits of one draw, float64 the low 53 bits of
 *   two; the value is `x·(to − from) + from`, rounded as PyTorch's float kernel rounds.
 * - `normal_` / `randn`: contiguous tensors of 16 or more elements are first filled with
 *   uniforms, then transformed 16 at a time by Box-Muller (`normal_fill_16`: element j uses
 *   u1 = 1 − data[j], u2 = data[j+8]; the cos sample goes to j and the sin sample to j+8); when the
 *   size is not a multiple of 16, the last 16 elements are refilled and transformed again.
 *   Smaller tensors draw from `normal_distribution<double>` one element at a time, which makes a
 *   pair from two 53-bit uniforms and caches the sin sample in the generator.
 * - `randint`: `random() % range + low`; `randperm`: PyTorch's swap shuffle with `random() % (n − i)`.
 */
import { type DType, type Storage, allocStorage, isFloatDType } from '../dtype.js';
import { ArgumentError, DTypeError } from '../errors.js';
import { checkShape, sizeOf } from '../shape.js';
import { Tensor } from '../tensor.js';
import { type Generator, defaultGenerator } from './generator.js';
import { isGradEnabled } from '../autograd/grad-mode.js';
import { AutogradError } from '../errors.js';

/** Options of the random creation functions. */
export interface RandomOptions {
  /** Element type (float32 unless given; int32 for randint/randperm). */
  dtype?: DType;
  /** Generator to draw from (the default generator, seeded by `manualSeed`, when omitted). */
  generator?: Generator;
  /** Make the result a leaf that requires grad. */
  requiresGrad?: boolean;
}

const f32 = Math.fround;
const TWO_PI = 2 * Math.PI;

function checkWritable(t: Tensor, op: string): void {
  if (t.requiresGrad && isGradEnabled()) {
    throw new AutogradError(`${op}: a tensor that requires grad is being filled in place; run it inside noGrad(() => ...)`);
  }
  if (!isFloatDType(t.dtype)) throw new DTypeError(`${op} expects a floating point tensor, got ${t.dtype}`, [t.dtype]);
}

/**
 * Fills storage with uniforms in [from, to) exactly as PyTorch's `uniform_kernel`. For float32,
 * PyTorch's build contracts `x·(to − from) + from` into one fused multiply-add; the product of two
 * float32 values is exact in a double, so computing in double and storing to float32 rounds once,
 * as the FMA does (checked bit for bit against rng.json).
 */
function fillUniform(data: Storage, from: number, to: number, gen: Generator): void {
  if (data instanceof Float32Array) {
    const lo = f32(from);
    const span = f32(f32(to) - lo);
    for (let i = 0; i < data.length; i++) data[i] = gen.uniformFloat() * span + lo;
  } else {
    const span = to - from;
    for (let i = 0; i < data.length; i++) data[i] = gen.uniformDouble() * span + from;
  }
}

/**
 * Box-Muller over 16 uniforms in place (PyTorch's `normal_fill_16`). For float32 every step is
 * rounded to float32 as PyTorch's float kernel computes it.
 */
function normalFill16(data: Storage, o: number, mean: number, std: number): void {
  if (data instanceof Float32Array) {
    const twoPi = f32(TWO_PI);
    for (let j = 0; j < 8; j++) {
      const u1 = f32(1 - data[o + j]!);
      const u2 = data[o + j + 8]!;
      const radius = f32(Math.sqrt(f32(-2 * f32(Math.log(u1)))));
      const theta = f32(twoPi * u2);
      data[o + j] = f32(f32(radius * f32(Math.cos(theta))) * std + mean);
      data[o + j + 8] = f32(f32(radius * f32(Math.sin(theta))) * std + mean);
    }
    return;
  }
  for (let j = 0; j < 8; j++) {
    const u1 = 1 - data[o + j]!;
    const u2 = data[o + j + 8]!;
    const radius = Math.sqrt(-2 * Math.log(u1));
    const theta = TWO_PI * u2;
    data[o + j] = radius * Math.cos(theta) * std + mean;
    data[o + j + 8] = radius * Math.sin(theta) * std + mean;
  }
}

/** One sample of `normal_distribution<double>(mean, std)`, using and refilling the generator's cache. */
function normalDouble(gen: Generator, mean: number, std: number): number {
  const cached = gen.nextDoubleNormal;
  if (cached !== null) {
    gen.nextDoubleNormal = null;
    return cached * std + mean;
  }
  const u1 = gen.uniformDouble();
  const u2 = gen.uniformDouble();
  const r = Math.sqrt(-2 * Math.log(1 - u2));
  const theta = TWO_PI * u1;
  gen.nextDoubleNormal = r * Math.sin(theta);
  return r * Math.cos(theta) * std + mean;
}

/** Fills storage with N(mean, std²) samples as PyTorch's `normal_kernel`. */
function fillNormal(data: Storage, mean: number, std: number, gen: Generator): void {
  const size = data.length;
  if (size >= 16) {
    const uniform = data instanceof Float32Array ? () => gen.uniformFloat() : () => gen.uniformDouble();
    for (let i = 0; i < size; i++) data[i] = uniform();
    for (let i = 0; i + 16 <= size; i += 16) normalFill16(data, i, mean, std);
    if (size % 16 !== 0) {
      const o = size - 16;
      for (let i = 0; i < 16; i++) data[o + i] = uniform();
      normalFill16(data, o, mean, std);
    }
    return;
  }
  for (let i = 0; i < size; i++) data[i] = normalDouble(gen, mean, std);
}

/** Fills `t` in place with uniforms in [from, to) (`tensor.uniform_`). */
export function uniform_(t: Tensor, from = 0, to = 1, generator: Generator = defaultGenerator): Tensor {
  checkWritable(t, 'uniform_');
  if (!(from <= to)) throw new ArgumentError(`uniform_ expects from <= to, got from=${from} and to=${to}`, 'from', from);
  fillUniform(t.data, from, to, generator);
  return t;
}

/** Fills `t` in place with N(mean, std²) samples (`tensor.normal_`). */
export function normal_(t: Tensor, mean = 0, std = 1, generator: Generator = defaultGenerator): Tensor {
  checkWritable(t, 'normal_');
  if (!(std >= 0)) throw new ArgumentError(`normal_ expects std >= 0.0, but found std ${std}`, 'std', std);
  fillNormal(t.data, mean, std, generator);
  return t;
}

/**
 * Fills `t` in place with 1 where a uniform double draw is below `p`, else 0 (PyTorch's portable
 * `bernoulli_distribution`; PyTorch builds with MKL use another stream for `bernoulli_(p)`).
 */
export function bernoulli_(t: Tensor, p: number, generator: Generator = defaultGenerator): Tensor {
  checkWritable(t, 'bernoulli_');
  if (!(p >= 0 && p <= 1)) throw new ArgumentError(`bernoulli_ expects p in [0, 1], got ${p}`, 'p', p);
  const d = t.data;
  for (let i = 0; i < d.length; i++) d[i] = generator.uniformDouble() < p ? 1 : 0;
  return t;
}

function floatDType(options: RandomOptions, op: string): DType {
  const dtype = options.dtype ?? 'float32';
  if (!isFloatDType(dtype)) throw new DTypeError(`${op}: expected a floating point dtype, got ${dtype}`, [dtype]);
  return dtype;
}

/** Uniform samples in [0, 1) (`torch.rand`). */
export function rand(shape: readonly number[], options: RandomOptions = {}): Tensor {
  const data = allocStorage(floatDType(options, 'rand'), sizeOf(checkShape(shape)));
  fillUniform(data, 0, 1, options.generator ?? defaultGenerator);
  return new Tensor(data, shape, { requiresGrad: options.requiresGrad === true });
}

/** Standard normal samples (`torch.randn`). */
export function randn(shape: readonly number[], options: RandomOptions = {}): Tensor {
  const data = allocStorage(floatDType(options, 'randn'), sizeOf(checkShape(shape)));
  fillNormal(data, 0, 1, options.generator ?? defaultGenerator);
  return new Tensor(data, shape, { requiresGrad: options.requiresGrad === true });
}

/**
 * Integers uniform in [low, high) (`torch.randint(low, high, size)`), as `random() % (high − low) + low`;
 * int32 unless `dtype` says otherwise. Ranges of 2^32 or more are not supported.
 */
export function randint(low: number, high: number, shape: readonly number[], options: RandomOptions = {}): Tensor {
  if (!Number.isInteger(low) || !Number.isInteger(high) || !(low < high)) {
    throw new ArgumentError(`randint: expected integers with low < high, got low=${low}, high=${high}`, 'high', high);
  }
  const range = high - low;
  if (range >= 4294967296) throw new ArgumentError(`randint: range ${range} must be below 2^32`, 'high', high);
  const gen = options.generator ?? defaultGenerator;
  const data = allocStorage(options.dtype ?? 'int32', sizeOf(checkShape(shape)));
  for (let i = 0; i < data.length; i++) data[i] = (gen.random() % range) + low;
  return new Tensor(data, shape, { requiresGrad: options.requiresGrad === true });
}

/** A random permutation of 0..n−1 (`torch.randperm`), by PyTorch's CPU swap shuffle; int32 by default. */
export function randperm(n: number, options: RandomOptions = {}): Tensor {
  if (!Number.isInteger(n) || n < 0) throw new ArgumentError(`randperm: n must be a non-negative integer, got ${n}`, 'n', n);
  const gen = options.generator ?? defaultGenerator;
  const data = allocStorage(options.dtype ?? 'int32', n);
  for (let i = 0; i < n; i++) data[i] = i;
  for (let i = 0; i < n - 1; i++) {
    const z = gen.random() % (n - i);
    const saved = data[i]!;
    data[i] = data[z + i]!;
    data[z + i] = saved;
  }
  return new Tensor(data, [n], { requiresGrad: options.requiresGrad === true });
}

/** `rand` with another tensor's shape and dtype. */
export function randLike(t: Tensor, options: RandomOptions = {}): Tensor {
  return rand(t.shape, { ...options, dtype: options.dtype ?? t.dtype });
}

/** `randn` with another tensor's shape and dtype. */
export function randnLike(t: Tensor, options: RandomOptions = {}): Tensor {
  return randn(t.shape, { ...options, dtype: options.dtype ?? t.dtype });
}

/** `randint` with another tensor's shape and dtype. */
export function randintLike(t: Tensor, low: number, high: number, options: RandomOptions = {}): Tensor {
  return randint(low, high, t.shape, { ...options, dtype: options.dtype ?? t.dtype });
}
