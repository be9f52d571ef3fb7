/**
 * Elementwise ops with NumPy/PyTorch broadcasting. Each op has its own tight loop (a switch
 * outside the loop, never a closure per element); operands of equal shape or a scalar operand
 * are read in place, other broadcasts are materialized once. Gradients of broadcast operands
 * are summed back to their shapes.
 */
import { type DType, type Storage, allocStorage } from '../dtype.js';
import { needsGrad, record } from '../autograd/node.js';
import { broadcastShapes, sameShape, sizeOf } from '../shape.js';
import { Tensor, type TensorLike } from '../tensor.js';
import { sumTo } from './reduce.js';
import { arithmeticDType, asTensor, broadcastStorage, requireFloat } from './util.js';

const ADD = 0;
const SUB = 1;
const MUL = 2;
const DIV = 3;
const POW = 4;
const MAXIMUM = 5;
const MINIMUM = 6;
const EQ = 7;
const NE = 8;
const LT = 9;
const LE = 10;
const GT = 11;
const GE = 12;

/** Runs binary op `op` over n outputs; `sa`/`sb` are 1 for full operands, 0 for scalars. */
function binaryLoop(op: number, a: Storage, b: Storage, out: Storage, n: number, sa: number, sb: number, alpha: number): void {
  let ia = 0;
  let ib = 0;
  switch (op) {
    case ADD:
      if (alpha === 1) for (let i = 0; i < n; i++, ia += sa, ib += sb) out[i] = a[ia]! + b[ib]!;
      else for (let i = 0; i < n; i++, ia += sa, ib += sb) out[i] = a[ia]! + alpha * b[ib]!;
      return;
    case SUB:
      if (alpha === 1) for (let i = 0; i < n; i++, ia += sa, ib += sb) out[i] = a[ia]! - b[ib]!;
      else for (let i = 0; i < n; i++, ia += sa, ib += sb) out[i] = a[ia]! - alpha * b[ib]!;
      return;
    case MUL:
      for (let i = 0; i < n; i++, ia += sa, ib += sb) out[i] = a[ia]! * b[ib]!;
      return;
    case DIV:
      for (let i = 0; i < n; i++, ia += sa, ib += sb) out[i] = a[ia]! / b[ib]!;
      return;
    case POW:
      for (let i = 0; i < n; i++, ia += sa, ib += sb) out[i] = Math.pow(a[ia]!, b[ib]!);
      return;
    case MAXIMUM:
      for (let i = 0; i < n; i++, ia += sa, ib += sb) {
        const x = a[ia]!;
        const y = b[ib]!;
        out[i] = x !== x || y !== y ? NaN : x > y ? x : y;
      }
      return;
    case MINIMUM:
      for (let i = 0; i < n; i++, ia += sa, ib += sb) {
        const x = a[ia]!;
        const y = b[ib]!;
        out[i] = x !== x || y !== y ? NaN : x < y ? x : y;
      }
      return;
    case EQ:
      for (let i = 0; i < n; i++, ia += sa, ib += sb) out[i] = a[ia] === b[ib] ? 1 : 0;
      return;
    case NE:
      for (let i = 0; i < n; i++, ia += sa, ib += sb) out[i] = a[ia] !== b[ib] ? 1 : 0;
      return;
    case LT:
      for (let i = 0; i < n; i++, ia += sa, ib += sb) out[i] = a[ia]! < b[ib]! ? 1 : 0;
      return;
    case LE:
      for (let i = 0; i < n; i++, ia += sa, ib += sb) out[i] = a[ia]! <= b[ib]! ? 1 : 0;
      return;
    case GT:
      for (let i = 0; i < n; i++, ia += sa, ib += sb) out[i] = a[ia]! > b[ib]! ? 1 : 0;
      return;
    case GE:
      for (let i = 0; i < n; i++, ia += sa, ib += sb) out[i] = a[ia]! >= b[ib]! ? 1 : 0;
      return;
  }
}

/** Computes a binary op's value (no autograd) into a new tensor of the broadcast shape. */
function binaryValue(op: number, a: Tensor, b: Tensor, alpha: number, outDType: DType): Tensor {
  const shape = sameShape(a.shape, b.shape) ? a.shape : broadcastShapes(a.shape, b.shape);
  const n = sizeOf(shape);
  const out = allocStorage(outDType, n);
  let ad = a.data;
  let bd = b.data;
  let sa = 1;
  let sb = 1;
  if (a.size !== n) {
    if (a.size === 1) sa = 0;
    else ad = broadcastStorage(ad, a.shape, shape, a.dtype);
  }
  if (b.size !== n) {
    if (b.size === 1) sb = 0;
    else bd = broadcastStorage(bd, b.shape, shape, b.dtype);
  }
  binaryLoop(op, ad, bd, out, n, sa, sb, alpha);
  return new Tensor(out, shape);
}

/** `a + alpha·b` (`torch.add`). */
export function add(a: TensorLike, b: TensorLike, alpha = 1): Tensor {
  const [x, y] = operands('add', a, b);
  const out = binaryValue(ADD, x, y, alpha, x.dtype);
  if (needsGrad(x, y)) {
    record(out, 'AddBackward0', [x, y], (g) => [
      x.requiresGrad ? sumTo(g, x.shape) : null,
      y.requiresGrad ? sumTo(alpha === 1 ? g : mul(g, alpha), y.shape) : null,
    ]);
  }
  return out;
}

/** `a − alpha·b` (`torch.sub`). */
export function sub(a: TensorLike, b: TensorLike, alpha = 1): Tensor {
  const [x, y] = operands('sub', a, b);
  const out = binaryValue(SUB, x, y, alpha, x.dtype);
  if (needsGrad(x, y)) {
    record(out, 'SubBackward0', [x, y], (g) => [
      x.requiresGrad ? sumTo(g, x.shape) : null,
      y.requiresGrad ? sumTo(mul(g, -alpha), y.shape) : null,
    ]);
  }
  return out;
}

/** Elementwise product (`torch.mul`). */
export function mul(a: TensorLike, b: TensorLike): Tensor {
  const [x, y] = operands('mul', a, b);
  const out = binaryValue(MUL, x, y, 1, x.dtype);
  if (needsGrad(x, y)) {
    record(out, 'MulBackward0', [x, y], (g) => [
      x.requiresGrad ? sumTo(mul(g, y), x.shape) : null,
      y.requiresGrad ? sumTo(mul(g, x), y.shape) : null,
    ]);
  }
  return out;
}

/** Elementwise quotient (`torch.div`): ∂a = g/b, ∂b = −g·a/b². */
export function div(a: TensorLike, b: TensorLike): Tensor {
  const [x, y] = operands('div', a, b);
  const out = binaryValue(DIV, x, y, 1, x.dtype);
  if (needsGrad(x, y)) {
    record(out, 'DivBackward0', [x, y], (g) => [
      x.requiresGrad ? sumTo(div(g, y), x.shape) : null,
      y.requiresGrad ? sumTo(neg(div(mul(g, x), mul(y, y))), y.shape) : null,
    ]);
  }
  return out;
}

/**
 * Elementwise power. With a number exponent p: ∂x = p·x^(p−1)·g (0 when p = 0). With a tensor
 * exponent, ∂exponent = g·x^e·log(x), taken as 0 where x = 0 and e ≥ 0 (PyTorch's masking).
 */
export function pow(a: TensorLike, b: TensorLike): Tensor {
  if (typeof b === 'number' && a instanceof Tensor) {
    arithmeticDType('pow', a);
    const p = b;
    const n = a.size;
    const out = allocStorage(a.dtype, n);
    const d = a.data;
    if (p === 2) for (let i = 0; i < n; i++) out[i] = d[i]! * d[i]!;
    else if (p === 0.5) for (let i = 0; i < n; i++) out[i] = Math.sqrt(d[i]!);
    else for (let i = 0; i < n; i++) out[i] = Math.pow(d[i]!, p);
    const result = new Tensor(out, a.shape);
    if (needsGrad(a)) {
      record(result, 'PowBackward0', [a], (g) => {
        if (p === 0) return [zerosOf(a)];
        return [mul(g, mul(pow(a, p - 1), p))];
      });
    }
    return result;
  }
  const [x, y] = operands('pow', a, b);
  const out = binaryValue(POW, x, y, 1, x.dtype);
  if (needsGrad(x, y)) {
    record(out, 'PowBackward1', [x, y], (g) => [
      x.requiresGrad ? sumTo(mul(g, maskedPowerRule(out, x, y)), x.shape) : null,
      y.requiresGrad ? sumTo(mul(g, maskedLogTimes(out, x, y)), y.shape) : null,
    ]);
  }
  return out;
}

/** y·x^(y−1), with 0 where y = 0 (the base gradient of pow; PyTorch masks it so 0^0 gives 0, not NaN). */
function maskedPowerRule(out: Tensor, x: Tensor, y: Tensor): Tensor {
  const shape = out.shape;
  const xd = broadcastStorage(x.data, x.shape, shape, x.dtype);
  const yd = broadcastStorage(y.data, y.shape, shape, y.dtype);
  const r = allocStorage(out.dtype, out.size);
  for (let i = 0; i < r.length; i++) r[i] = yd[i] === 0 ? 0 : yd[i]! * Math.pow(xd[i]!, yd[i]! - 1);
  return new Tensor(r, shape);
}

/** out·log(x), with 0 where x = 0 and y ≥ 0 (the exponent gradient of pow). */
function maskedLogTimes(out: Tensor, x: Tensor, y: Tensor): Tensor {
  const shape = out.shape;
  const xd = broadcastStorage(x.data, x.shape, shape, x.dtype);
  const yd = broadcastStorage(y.data, y.shape, shape, y.dtype);
  const od = out.data;
  const r = allocStorage(out.dtype, od.length);
  for (let i = 0; i < r.length; i++) r[i] = xd[i] === 0 && yd[i]! >= 0 ? 0 : od[i]! * Math.log(xd[i]!);
  return new Tensor(r, shape);
}

/** Elementwise maximum; where equal, each side gets half the gradient (PyTorch's rule). */
export function maximum(a: TensorLike, b: TensorLike): Tensor {
  return extremum('maximum', MAXIMUM, a, b);
}

/** Elementwise minimum; where equal, each side gets half the gradient. */
export function minimum(a: TensorLike, b: TensorLike): Tensor {
  return extremum('minimum', MINIMUM, a, b);
}

function extremum(name: string, op: number, a: TensorLike, b: TensorLike): Tensor {
  const [x, y] = operands(name, a, b);
  const out = binaryValue(op, x, y, 1, x.dtype);
  if (needsGrad(x, y)) {
    record(out, name === 'maximum' ? 'MaximumBackward0' : 'MinimumBackward0', [x, y], (g) => {
      const shape = out.shape;
      const xd = broadcastStorage(x.data, x.shape, shape, x.dtype);
      const yd = broadcastStorage(y.data, y.shape, shape, y.dtype);
      const gd = g.data;
      const gx = allocStorage(g.dtype, gd.length);
      const gy = allocStorage(g.dtype, gd.length);
      for (let i = 0; i < gd.length; i++) {
        const xi = xd[i]!;
        const yi = yd[i]!;
        if (xi === yi) {
          gx[i] = gd[i]! / 2;
          gy[i] = gd[i]! / 2;
        } else if (op === MAXIMUM ? xi > yi : xi < yi) gx[i] = gd[i]!;
        else gy[i] = gd[i]!;
      }
      return [
        x.requiresGrad ? sumTo(new Tensor(gx, shape), x.shape) : null,
        y.requiresGrad ? sumTo(new Tensor(gy, shape), y.shape) : null,
      ];
    });
  }
  return out;
}

/** Comparison kinds of {@link compare}. */
export type Comparison = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge';
const COMPARISON: Record<Comparison, number> = { eq: EQ, ne: NE, lt: LT, le: LE, gt: GT, ge: GE };

/** Elementwise comparison as a 0/1 tensor (float32 for int32 operands); not differentiable. */
export function compare(a: TensorLike, b: TensorLike, kind: Comparison): Tensor {
  const x = a instanceof Tensor ? a : asTensor(a, b instanceof Tensor ? b.dtype : 'float32');
  const y = asTensor(b, x.dtype);
  const outDType = x.dtype === 'int32' && y.dtype === 'int32' ? 'float32' : x.dtype === 'int32' ? y.dtype : x.dtype;
  return binaryValue(COMPARISON[kind], x, y, 1, outDType);
}

/**
 * `cond ? a : b` elementwise with broadcasting (`torch.where`); `cond` is nonzero for true.
 * Differentiable in `a` and `b`.
 */
export function where(cond: Tensor, a: TensorLike, b: TensorLike): Tensor {
  const [x, y] = operands('where', a, b);
  const shape = broadcastShapes(cond.shape, broadcastShapes(x.shape, y.shape));
  const n = sizeOf(shape);
  const cd = broadcastStorage(cond.data, cond.shape, shape, cond.dtype);
  const xd = broadcastStorage(x.data, x.shape, shape, x.dtype);
  const yd = broadcastStorage(y.data, y.shape, shape, y.dtype);
  const out = allocStorage(x.dtype, n);
  for (let i = 0; i < n; i++) out[i] = cd[i] !== 0 ? xd[i]! : yd[i]!;
  const result = new Tensor(out, shape);
  if (needsGrad(x, y)) {
    record(result, 'WhereBackward0', [x, y], (g) => {
      const gd = g.data;
      const gx = allocStorage(g.dtype, n);
      const gy = allocStorage(g.dtype, n);
      for (let i = 0; i < n; i++) {
        if (cd[i] !== 0) gx[i] = gd[i]!;
        else gy[i] = gd[i]!;
      }
      return [
        x.requiresGrad ? sumTo(new Tensor(gx, shape), x.shape) : null,
        y.requiresGrad ? sumTo(new Tensor(gy, shape), y.shape) : null,
      ];
    });
  }
  return result;
}

/** Coerces two operands to tensors of one float dtype. */
function operands(op: string, a: TensorLike, b: TensorLike): [Tensor, Tensor] {
  if (a instanceof Tensor) {
    const y = asTensor(b, a.dtype);
    arithmeticDType(op, a, y);
    return [a, y];
  }
  if (b instanceof Tensor) {
    const x = asTensor(a, b.dtype);
    arithmeticDType(op, x, b);
    return [x, b];
  }
  return [asTensor(a, 'float32'), asTensor(b, 'float32')];
}

function zerosOf(t: Tensor): Tensor {
  return new Tensor(allocStorage(t.dtype, t.size), t.shape);
}

// ---------------------------------------------------------------- unary ops

const NEG = 0;
const EXP = 1;
const LOG = 2;
const SQRT = 3;
const ABS = 4;
const SIGN = 5;

function unaryLoop(op: number, x: Storage, out: Storage, n: number): void {
  switch (op) {
    case NEG:
      for (let i = 0; i < n; i++) out[i] = -x[i]!;
      return;
    case EXP:
      for (let i = 0; i < n; i++) out[i] = Math.exp(x[i]!);
      return;
    case LOG:
      for (let i = 0; i < n; i++) out[i] = Math.log(x[i]!);
      return;
    case SQRT:
      for (let i = 0; i < n; i++) out[i] = Math.sqrt(x[i]!);
      return;
    case ABS:
      for (let i = 0; i < n; i++) out[i] = Math.abs(x[i]!);
      return;
    case SIGN:
      for (let i = 0; i < n; i++) {
        const v = x[i]!;
        out[i] = v > 0 ? 1 : v < 0 ? -1 : 0; // 0 for 0, −0 and NaN, as PyTorch's CPU kernel
      }
      return;
  }
}

function unaryValue(name: string, op: number, x: Tensor): Tensor {
  arithmeticDType(name, x);
  const out = allocStorage(x.dtype, x.size);
  unaryLoop(op, x.data, out, x.size);
  return new Tensor(out, x.shape);
}

/** `−x`. */
export function neg(x: Tensor): Tensor {
  const out = unaryValue('neg', NEG, x);
  if (needsGrad(x)) record(out, 'NegBackward0', [x], (g) => [neg(g)]);
  return out;
}

/** `e^x`; ∂x = g·e^x. */
export function exp(x: Tensor): Tensor {
  const out = unaryValue('exp', EXP, x);
  if (needsGrad(x)) record(out, 'ExpBackward0', [x], (g) => [mul(g, out)]);
  return out;
}

/** Natural log; ∂x = g/x. */
export function log(x: Tensor): Tensor {
  const out = unaryValue('log', LOG, x);
  if (needsGrad(x)) record(out, 'LogBackward0', [x], (g) => [div(g, x)]);
  return out;
}

/** Square root; ∂x = g/(2√x). */
export function sqrt(x: Tensor): Tensor {
  const out = unaryValue('sqrt', SQRT, x);
  if (needsGrad(x)) record(out, 'SqrtBackward0', [x], (g) => [div(g, mul(out, 2))]);
  return out;
}

/** |x|; ∂x = g·sign(x), which is 0 at 0. */
export function abs(x: Tensor): Tensor {
  const out = unaryValue('abs', ABS, x);
  if (needsGrad(x)) record(out, 'AbsBackward0', [x], (g) => [mul(g, sign(x))]);
  return out;
}

/** −1, 0 or 1 (0 at exactly 0 and for NaN, as `torch.sign` on the CPU); not differentiable (its gradient is 0). */
export function sign(x: Tensor): Tensor {
  const out = unaryValue('sign', SIGN, x);
  if (needsGrad(x)) record(out, 'SignBackward0', [x], () => [zerosOf(x)]);
  return out;
}

/** Clamps into `[min, max]`; the gradient passes where min ≤ x ≤ max (PyTorch's rule). */
export function clamp(x: Tensor, min: number | null, max: number | null): Tensor {
  requireFloat('clamp', x);
  const lo = min ?? -Infinity;
  const hi = max ?? Infinity;
  const d = x.data;
  const n = x.size;
  const out = allocStorage(x.dtype, n);
  for (let i = 0; i < n; i++) {
    const v = d[i]!;
    out[i] = v < lo ? lo : v > hi ? hi : v;
  }
  if (min !== null && max !== null && min > max) for (let i = 0; i < n; i++) out[i] = max;
  const result = new Tensor(out, x.shape);
  if (needsGrad(x)) {
    record(result, 'ClampBackward1', [x], (g) => {
      const gd = g.data;
      const r = allocStorage(g.dtype, n);
      for (let i = 0; i < n; i++) {
        const v = d[i]!;
        r[i] = v >= lo && v <= hi ? gd[i]! : 0;
      }
      return [new Tensor(r, x.shape)];
    });
  }
  return result;
}
