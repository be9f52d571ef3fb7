/**
 * Test support (excluded from the build): the shape of src/nn/fixtures/torch_nn.json
 * (scripts/fixtures/gen_nn_extra.py) and conversion of its tensors. Tests read the JSON
 * themselves, so this file needs no Node module.
 */
import { Tensor } from '../../tensor/tensor.js';

/** A tensor as stored in the fixture; `dtype: 'int'` marks class-index targets; NaN and ±∞ are strings. */
export interface FixtureTensor {
  readonly shape: number[];
  readonly data: (number | string)[];
  readonly dtype?: 'int';
}

/** One functional case: PyTorch's `fn(*inputs, **kwargs)`, its output and input gradients. */
export interface FunctionalCase {
  readonly name: string;
  readonly inputs: FixtureTensor[];
  readonly kwargs: Record<string, number | string | boolean | FixtureTensor>;
  readonly output: FixtureTensor;
  readonly grad_output: FixtureTensor;
  readonly grad_inputs: number[];
  readonly grads: (FixtureTensor | null)[];
}

/** One BatchNorm1d run: options, initial state and three forward/backward steps. */
export interface BatchNormCase {
  readonly name: string;
  readonly options: { num_features: number; eps: number; momentum: number | null; affine: boolean; track_running_stats: boolean };
  readonly state: Record<string, FixtureTensor>;
  readonly steps: {
    mode: 'train' | 'eval';
    input: FixtureTensor;
    output: FixtureTensor;
    grad_output: FixtureTensor;
    grad_input: FixtureTensor;
    grads: Record<string, FixtureTensor>;
    state_after: Record<string, FixtureTensor>;
  }[];
}

/** The whole fixture file. */
export interface TorchNnFixture {
  readonly functional: FunctionalCase[];
  readonly batchnorm: BatchNormCase[];
  readonly dropout: { seed: number; p: number; n: number; output: FixtureTensor; after: FixtureTensor }[];
  readonly init: { seed: number; draws: Record<string, FixtureTensor> }[];
  readonly gains: Record<string, number>;
  readonly state_keys: Record<string, string[]>;
  readonly reprs: Record<string, string>;
  readonly erf: [number, number, number][];
}

/** True for a fixture tensor (as opposed to a plain keyword value). */
export function isFixtureTensor(v: unknown): v is FixtureTensor {
  return typeof v === 'object' && v !== null && 'shape' in v && 'data' in v;
}

/** A decaylab tensor from a fixture tensor: int32 for index targets, else `dtype` (float32 by default). */
export function toTensor(t: FixtureTensor, dtype: 'float32' | 'float64' = 'float32', requiresGrad = false): Tensor {
  const values = numbers(t);
  if (t.dtype === 'int') return new Tensor(Int32Array.from(values), t.shape);
  const data = dtype === 'float64' ? Float64Array.from(values) : Float32Array.from(values);
  return new Tensor(data, t.shape, { requiresGrad });
}

/** The fixture tensor's values as numbers ("NaN", "Infinity" and "-Infinity" decoded). */
export function numbers(t: FixtureTensor): number[] {
  return t.data.map((v) => (typeof v === 'number' ? v : Number(v)));
}

/**
 * Throws unless |actual − expected| ≤ atol + rtol·|expected| everywhere, where NaN must meet NaN
 * and infinities must be equal (PyTorch's `assert_close` with `equal_nan`).
 */
export function expectCloseTo(actual: ArrayLike<number>, expected: FixtureTensor | readonly number[], rtol = 1e-5, atol = 1e-5, what = 'values'): void {
  const e = Array.isArray(expected) ? (expected as readonly number[]) : numbers(expected as FixtureTensor);
  if (actual.length !== e.length) throw new Error(`${what}: length ${actual.length} != expected ${e.length}`);
  for (let i = 0; i < e.length; i++) {
    const a = actual[i]!;
    const x = e[i]!;
    const ok = Number.isNaN(x) ? Number.isNaN(a) : Number.isFinite(x) ? Math.abs(a - x) <= atol + rtol * Math.abs(x) : a === x;
    if (!ok) throw new Error(`${what}: element ${i}: got ${a}, expected ${x} (rtol ${rtol}, atol ${atol})`);
  }
}
