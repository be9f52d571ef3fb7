/**
 * A compiled chain of stages and the loop that runs it over one parameter (see transform.ts for the
 * model). Per parameter and step, each stage's `begin` decides whether it is active and computes its
 * scalars; the linear stages are then folded, in order, into the maps of the active transforms:
 *
 *     before the first transform   x = a·g + b·w           (scale: a, b ← f·a, f·b;  decay: b ← b + λ)
 *     after a transform            u = s·out + c·w         (scale: s, c ← f·s, f·c;  decay: c ← c + λ)
 *
 * s becomes that transform's output scale, and c the next transform's input weight — or, after the
 * last one, w ← (1 + c)·w + s·out, where 1 + c is rounded like PyTorch's `param.mul_(1 − lr·λ)`. With
 * no active transform the whole chain is w ← w + a·g + b·w. Scalars are rounded like PyTorch's Python
 * floats (see `kernelScalar`). The parameter is then walked once, in blocks of {@link BLOCK_SIZE}: every
 * active transform runs over a block before the next block starts, so with several transforms the
 * intermediate values stay in cache. They live in two zero-filled scratch arrays per chain, indexed like
 * the parameter, allocated only when two transforms are active and grown to the largest parameter; a
 * step allocates nothing.
 */
import type { FloatStorage } from '../tensor/dtype.js';
import { OptimizerError } from './errors.js';
import { type BlockIO, type GradientTransform, type Projection, type Stage, type StepContext, kernelScalar } from './transform.js';
import type { ParamGroup } from './types.js';

/** Elements per block: a block's slices of parameter, gradient, state and scratch stay in cache across the transforms. */
export const BLOCK_SIZE = 1024;

/** Runs a list of stages over parameters; create with {@link chain}. */
export class Chain<G extends ParamGroup = ParamGroup> {
  private readonly active: GradientTransform<G>[];
  private readonly inputScale: Float64Array;
  private readonly inputWeight: Float64Array;
  private readonly outputScale: Float64Array;
  private readonly activeProjections: Projection<G>[];
  private readonly scratch32: FloatStorage[] = [];
  private readonly scratch64: FloatStorage[] = [];
  private readonly io: BlockIO;

  constructor(readonly stages: readonly Stage<G>[]) {
    let transforms = 0;
    let projections = 0;
    for (const stage of stages) {
      if (stage.kind === 'projection') projections++;
      else if (projections > 0) {
        throw new OptimizerError(`chain: stage '${stage.name}' comes after a projection; projections rewrite the parameter and must come last`);
      } else if (stage.kind === 'transform') transforms++;
    }
    this.active = new Array<GradientTransform<G>>(transforms);
    this.inputScale = new Float64Array(transforms);
    this.inputWeight = new Float64Array(transforms);
    this.outputScale = new Float64Array(transforms);
    this.activeProjections = new Array<Projection<G>>(projections);
    const empty = new Float32Array(0);
    this.io = { start: 0, end: 0, src: empty, inputScale: 1, inputWeight: 0, dst: empty, keep: 1, scale: 1 };
  }

  /**
   * One step for the parameter in `ctx`: w ← w + update, where the update is the stages applied to the
   * gradient (negated first when the group maximizes), then the projections. `ctx.state.step` must
   * already count this step.
   */
  apply(ctx: StepContext<G>): void {
    const stages = this.stages;
    const active = this.active;
    let nActive = 0;
    let nProjections = 0;
    let a = ctx.group.maximize ? -1 : 1;
    let b = 0;
    let s = 1;
    let c = 0;
    for (let i = 0; i < stages.length; i++) {
      const stage = stages[i]!;
      if (stage.kind === 'transform') {
        if (!stage.begin(ctx)) continue;
        if (nActive === 0) {
          this.inputScale[0] = kernelScalar(ctx, a);
          this.inputWeight[0] = kernelScalar(ctx, b);
        } else {
          this.outputScale[nActive - 1] = kernelScalar(ctx, s);
          this.inputScale[nActive] = 1;
          this.inputWeight[nActive] = kernelScalar(ctx, c);
        }
        active[nActive++] = stage;
        s = 1;
        c = 0;
      } else if (stage.kind === 'scale') {
        const f = stage.factor(ctx);
        if (nActive === 0) {
          a *= f;
          b *= f;
        } else {
          s *= f;
          c *= f;
        }
      } else if (stage.kind === 'decay') {
        const lambda = kernelScalar(ctx, stage.coefficient(ctx));
        if (nActive === 0) b += lambda;
        else c += lambda;
      } else if (stage.begin(ctx)) {
        this.activeProjections[nProjections++] = stage;
      }
    }
    if (nActive > 0) this.outputScale[nActive - 1] = kernelScalar(ctx, s);
    this.run(ctx, nActive, kernelScalar(ctx, a), kernelScalar(ctx, b), kernelScalar(ctx, 1 + c), nProjections);
  }

  private run(ctx: StepContext<G>, nActive: number, a: number, b: number, keep: number, nProjections: number): void {
    const w = ctx.w;
    const g = ctx.g;
    const io = this.io;
    for (let start = 0; start < w.length; start += BLOCK_SIZE) {
      const end = Math.min(start + BLOCK_SIZE, w.length);
      if (nActive === 0) {
        applyLinear(w, g, start, end, a, b);
      } else {
        io.start = start;
        io.end = end;
        io.src = g;
        for (let t = 0; t < nActive; t++) {
          const last = t === nActive - 1;
          io.inputScale = this.inputScale[t]!;
          io.inputWeight = this.inputWeight[t]!;
          io.dst = last ? w : this.scratch(ctx, t % 2).fill(0, start, end);
          io.keep = last ? keep : 1;
          io.scale = this.outputScale[t]!;
          this.active[t]!.update(ctx, io);
          io.src = io.dst;
        }
      }
      for (let p = 0; p < nProjections; p++) this.activeProjections[p]!.project(ctx, start, end - start);
    }
  }

  /**
   * Scratch array `which` (0 or 1: transforms alternate, so none reads what it writes) for intermediate
   * updates, with the parameter's dtype and at least its size; grown when a larger parameter comes.
   */
  private scratch(ctx: StepContext<G>, which: number): FloatStorage {
    const size = ctx.w.length;
    const pool = ctx.float32 ? this.scratch32 : this.scratch64;
    let array = pool[which];
    if (array === undefined || array.length < size) {
      array = ctx.float32 ? new Float32Array(size) : new Float64Array(size);
      pool[which] = array;
    }
    return array;
  }
}

/** w ← w + a·g + b·w over one block: the whole update when no transform is active (plain SGD). */
function applyLinear(w: FloatStorage, g: FloatStorage, start: number, end: number, a: number, b: number): void {
  for (let i = start; i < end; i++) w[i] = w[i]! + (a * g[i]! + b * w[i]!);
}

/** Composes stages in order (optax's `chain`): the output of each is the input of the next. */
export function chain<G extends ParamGroup>(...stages: Stage<G>[]): Chain<G> {
  return new Chain(stages);
}
