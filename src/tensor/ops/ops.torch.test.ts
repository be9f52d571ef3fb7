/**
 * Every tensor op against PyTorch 1.13 (tinygrad's test_ops idea): one table maps the op keys of
 * `fixtures/tensor_ops.json` (written by scripts/fixtures/gen_tensor_ops.py) to decaylab calls, and
 * one helper checks each case's forward value and gradients against PyTorch's, in float64 and in
 * float32, and runs `gradcheck` in float64 on it wherever the function is differentiable.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectClose, type FixtureTensor } from '../../../test/fixtures.js';
import { gradcheck } from '../autograd/gradcheck.js';
import type { FloatDType } from '../dtype.js';
import * as F from '../functions.js';
import { Tensor } from '../tensor.js';

type Operand = Tensor | number;
type Kwargs = Record<string, unknown>;

interface FixtureInput extends Partial<FixtureTensor> {
  number?: number;
  kind?: 'float' | 'index' | 'mask';
}

interface OpCase {
  name: string;
  op: string;
  kwargs: Kwargs;
  inputs: FixtureInput[];
  output: FixtureTensor;
  upstream?: FixtureTensor;
  grads?: (FixtureTensor | null)[];
  gradcheck?: boolean;
}

const fixture = JSON.parse(readFileSync(new URL('./fixtures/tensor_ops.json', import.meta.url), 'utf8')) as {
  torch_version: string;
  cases: OpCase[];
};

const num = (k: Kwargs, key: string): number => {
  const v = k[key];
  if (v === 'inf') return Infinity;
  if (v === '-inf') return -Infinity;
  if (typeof v !== 'number') throw new Error(`kwarg ${key} is not a number: ${String(v)}`);
  return v;
};
const opt = (k: Kwargs, key: string): number | undefined => (key in k ? num(k, key) : undefined);
const dims = (k: Kwargs): number | number[] | undefined => (k.dim === undefined ? undefined : (k.dim as number | number[]));
const bool = (k: Kwargs, key: string): boolean => k[key] === true;
const T = (x: Operand): Tensor => {
  if (!(x instanceof Tensor)) throw new Error('expected a tensor operand');
  return x;
};

/** decaylab's side of the op table: the mirror of OPS in gen_tensor_ops.py. */
const OPS: Record<string, (xs: Operand[], k: Kwargs) => Tensor> = {
  add: ([a, b], k) => F.add(a!, b!, opt(k, 'alpha') ?? 1),
  sub: ([a, b], k) => F.sub(a!, b!, opt(k, 'alpha') ?? 1),
  mul: ([a, b]) => F.mul(a!, b!),
  div: ([a, b]) => F.div(a!, b!),
  pow: ([a, b]) => F.pow(a!, b!),
  maximum: ([a, b]) => F.maximum(a!, b!),
  minimum: ([a, b]) => F.minimum(a!, b!),
  neg: ([a]) => F.neg(T(a!)),
  exp: ([a]) => F.exp(T(a!)),
  log: ([a]) => F.log(T(a!)),
  sqrt: ([a]) => F.sqrt(T(a!)),
  abs: ([a]) => F.abs(T(a!)),
  sign: ([a]) => F.sign(T(a!)),
  clamp: ([a], k) => F.clamp(T(a!), opt(k, 'min') ?? null, opt(k, 'max') ?? null),
  where: ([c, a, b]) => F.where(T(c!), a!, b!),
  eq: ([a, b]) => T(a!).eq(b!),
  ne: ([a, b]) => T(a!).ne(b!),
  lt: ([a, b]) => T(a!).lt(b!),
  le: ([a, b]) => T(a!).le(b!),
  gt: ([a, b]) => T(a!).gt(b!),
  ge: ([a, b]) => T(a!).ge(b!),
  sum: ([a], k) => F.sum(T(a!), dims(k), bool(k, 'keepdim')),
  mean: ([a], k) => F.mean(T(a!), dims(k), bool(k, 'keepdim')),
  var: ([a], k) => F.var(T(a!), dims(k), { correction: opt(k, 'correction') ?? 1, keepdim: bool(k, 'keepdim') }),
  std: ([a], k) => F.std(T(a!), dims(k), { correction: opt(k, 'correction') ?? 1, keepdim: bool(k, 'keepdim') }),
  max: ([a], k) => F.max(T(a!), opt(k, 'dim'), bool(k, 'keepdim')),
  min: ([a], k) => F.min(T(a!), opt(k, 'dim'), bool(k, 'keepdim')),
  argmax: ([a], k) => F.argmax(T(a!), opt(k, 'dim'), bool(k, 'keepdim')),
  argmin: ([a], k) => F.argmin(T(a!), opt(k, 'dim'), bool(k, 'keepdim')),
  norm: ([a], k) => F.norm(T(a!), opt(k, 'p') ?? 2, dims(k), bool(k, 'keepdim')),
  matmul: ([a, b]) => F.matmul(T(a!), T(b!)),
  linear: ([x, w, b]) => F.linear(T(x!), T(w!), b === undefined ? null : T(b)),
  reshape: ([a], k) => F.reshape(T(a!), k.shape as number[]),
  flatten: ([a], k) => F.flatten(T(a!), opt(k, 'start') ?? 0, opt(k, 'end') ?? -1),
  squeeze: ([a], k) => F.squeeze(T(a!), opt(k, 'dim')),
  unsqueeze: ([a], k) => F.unsqueeze(T(a!), num(k, 'dim')),
  transpose: ([a], k) => F.transpose(T(a!), num(k, 'dim0'), num(k, 'dim1')),
  permute: ([a], k) => F.permute(T(a!), k.dims as number[]),
  expand: ([a], k) => F.expand(T(a!), k.shape as number[]),
  narrow: ([a], k) => F.narrow(T(a!), num(k, 'dim'), num(k, 'start'), num(k, 'length')),
  slice: ([a], k) => F.slice(T(a!), num(k, 'dim'), opt(k, 'start'), opt(k, 'end'), opt(k, 'step') ?? 1),
  index_select: ([a, i], k) => F.indexSelect(T(a!), num(k, 'dim'), T(i!)),
  gather: ([a, i], k) => F.gather(T(a!), num(k, 'dim'), T(i!)),
  cat: (xs, k) => F.cat(xs.map(T), opt(k, 'dim') ?? 0),
  stack: (xs, k) => F.stack(xs.map(T), opt(k, 'dim') ?? 0),
  clone: ([a]) => T(a!).clone(),
};

/** Every differentiable op of the issue: each needs at least one fixture case that gradcheck runs on. */
const DIFFERENTIABLE = [
  'add', 'sub', 'mul', 'div', 'pow', 'maximum', 'minimum', 'neg', 'exp', 'log', 'sqrt', 'abs', 'clamp', 'where',
  'sum', 'mean', 'var', 'std', 'max', 'min', 'norm', 'matmul', 'linear', 'reshape', 'flatten', 'squeeze',
  'unsqueeze', 'transpose', 'permute', 'expand', 'narrow', 'slice', 'index_select', 'gather', 'cat', 'stack', 'clone',
];

/** Fresh operands of a case: float inputs in `dtype` (leaves requiring grad), index inputs as int32. */
function operands(c: OpCase, dtype: FloatDType, requiresGrad: boolean): Operand[] {
  return c.inputs.map((inp) => {
    if (inp.number !== undefined) return inp.number;
    const shape = inp.shape!;
    const data = inp.data!;
    if (inp.kind === 'index') return new Tensor(Int32Array.from(data), shape);
    const storage = dtype === 'float64' ? Float64Array.from(data) : Float32Array.from(data);
    return new Tensor(storage, shape, { requiresGrad: requiresGrad && inp.kind === 'float' });
  });
}

const TOL: Record<FloatDType, { rtol: number; atol: number }> = {
  float64: { rtol: 1e-12, atol: 1e-12 },
  float32: { rtol: 2e-5, atol: 2e-5 },
};

function checkCase(c: OpCase, dtype: FloatDType): void {
  const xs = operands(c, dtype, true);
  const out = OPS[c.op]!(xs, c.kwargs);
  expect(out.shape, 'output shape').toEqual(c.output.shape);
  const { rtol, atol } = TOL[dtype];
  expectClose(out.data, c.output.data, rtol, atol, `${c.name} [${dtype}] forward`);
  if (c.grads === undefined) {
    expect(out.requiresGrad, 'a non-differentiable result does not require grad').toBe(false);
    return;
  }
  expect(out.requiresGrad).toBe(true);
  const up = c.upstream!;
  out.backward(new Tensor(dtype === 'float64' ? Float64Array.from(up.data) : Float32Array.from(up.data), up.shape));
  c.grads.forEach((g, i) => {
    const x = xs[i];
    if (g === null || !(x instanceof Tensor)) return;
    expect(x.grad, `grad of input ${i}`).not.toBeNull();
    expect(x.grad!.shape).toEqual(g.shape);
    expect(x.grad!.dtype).toBe(dtype);
    expectClose(x.grad!.data, g.data, rtol, atol, `${c.name} [${dtype}] grad of input ${i}`);
  });
}

describe(`tensor ops against PyTorch ${fixture.torch_version}`, () => {
  it('the fixture covers every op of the table and every differentiable op with a gradcheck', () => {
    const used = new Set(fixture.cases.map((c) => c.op));
    expect([...used].filter((op) => !(op in OPS))).toEqual([]);
    const checked = new Set(fixture.cases.filter((c) => c.gradcheck === true).map((c) => c.op));
    expect(DIFFERENTIABLE.filter((op) => !checked.has(op))).toEqual([]);
  });

  describe.each(fixture.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    it('matches PyTorch in float64 (values and gradients)', () => checkCase(c, 'float64'));
    it('matches PyTorch in float32 (values and gradients)', () => checkCase(c, 'float32'));
    if (c.gradcheck === true) {
      it('passes gradcheck in float64', () => {
        const xs = operands(c, 'float64', true);
        const tensors = xs.filter((x): x is Tensor => x instanceof Tensor);
        // gradcheck perturbs tensor inputs; numbers stay fixed in their positions.
        const fn = (...ts: Tensor[]): Tensor => {
          let next = 0;
          return OPS[c.op]!(xs.map((x) => (x instanceof Tensor ? ts[next++]! : x)), c.kwargs);
        };
        expect(gradcheck(fn, tensors)).toBe(true);
      });
    }
  });
});
