/**
 * The transform layer on its own: chains compose stages in order, scales fold into the transform
 * before them, masks restrict a stage to some parameters, projections come last, and a custom
 * optimizer is a spec over the same pieces.
 */
import { describe, expect, it } from 'vitest';
import { Tensor } from '../tensor/tensor.js';
import {
  type GradientTransform,
  type OptimizerOptions,
  type ParamGroup,
  type StepContext,
  Optimizer,
  OptimizerError,
  addDecayedWeights,
  chain,
  checkCommonOptions,
  emit,
  emptyParamState,
  roundingOf,
  masked,
  proximalL1,
  scale,
  scaleByLearningRate,
} from './index.js';

const group: ParamGroup = { params: [], lr: 0.5, weightDecay: 0.25, decay: 'l2', maximize: false };

/** One chain step for a parameter with values `w` and gradient `g`; returns the new values (float64 math). */
function stepOnce(stages: Parameters<typeof chain>, w: number[], g: number[], shape = [w.length]): number[] {
  const param = new Tensor(Float64Array.from(w), shape);
  const ctx: StepContext = { group, param, w: param.data as Float64Array, g: Float64Array.from(g), state: { ...emptyParamState(), step: 1 }, float32: false };
  chain(...stages).apply(ctx);
  return Array.from(param.data);
}

describe('chain', () => {
  it('applies stages in order: decay before the learning rate is w − lr·(g + λ·w)', () => {
    expect(stepOnce([addDecayedWeights(), scaleByLearningRate()], [1, -2], [0.5, 0.5])).toEqual([1 - 0.5 * (0.5 + 0.25), -2 - 0.5 * (0.5 - 0.5)]);
  });

  it('a scale before any transform scales the gradient; after one, its output', () => {
    expect(stepOnce([scale(2), addDecayedWeights(), scaleByLearningRate()], [1], [0.5])).toEqual([1 - 0.5 * (2 * 0.5 + 0.25)]);
    expect(stepOnce([addDecayedWeights(), scale(2), scaleByLearningRate()], [1], [0.5])).toEqual([1 - 0.5 * 2 * (0.5 + 0.25)]);
  });

  it('with no active transform the update is the scaled gradient', () => {
    expect(stepOnce([scaleByLearningRate()], [1, 2], [1, -1])).toEqual([0.5, 2.5]);
  });

  it('masked stages apply only where the mask holds', () => {
    const matricesOnly = masked(addDecayedWeights(), (p) => p.ndim >= 2);
    expect(stepOnce([matricesOnly, scaleByLearningRate()], [1, 1], [0, 0], [2])).toEqual([1, 1]);
    expect(stepOnce([matricesOnly, scaleByLearningRate()], [1, 1], [0, 0], [1, 2])).toEqual([1 - 0.125, 1 - 0.125]);
    const freezeVectors = masked(scale(0), (p) => p.ndim === 1);
    expect(stepOnce([freezeVectors, scaleByLearningRate()], [1], [1], [1])).toEqual([1]);
    expect(stepOnce([freezeVectors, scaleByLearningRate()], [1], [1], [1, 1])).toEqual([0.5]);
  });

  it('projections rewrite the parameter after the update and must come last', () => {
    expect(stepOnce([scaleByLearningRate(), proximalL1()], [1, 0.1, -1], [0, 0, 0])).toEqual([0.875, 0, -0.875]);
    expect(() => chain(proximalL1(), scaleByLearningRate())).toThrow(OptimizerError);
  });
});

describe('a custom optimizer is a spec over the same pieces', () => {
  /** signSGD's scaling: u = sign(g). */
  function scaleBySign(): GradientTransform {
    return {
      kind: 'transform',
      name: 'scaleBySign',
      begin: () => true,
      update(ctx, io) {
        for (let i = io.start; i < io.end; i++) {
          const x = io.inputScale * io.src[i]! + io.inputWeight * ctx.w[i]!;
          emit(io.dst, i, io.scale * Math.sign(x), io.keep, roundingOf(ctx));
        }
      },
    };
  }

  it('gets param groups, every decay mode and state dicts from the base', () => {
    const w = new Tensor(Float32Array.of(1, -1, 0.01), [3], { requiresGrad: true });
    const defaults: OptimizerOptions = { lr: 0.1, weightDecay: 0.5, decay: 'decoupled', maximize: false };
    const optimizer = new Optimizer([w], defaults, { name: 'SignSGD', validate: checkCommonOptions, core: () => [scaleBySign()] });
    w.grad = new Tensor(Float32Array.of(3, 3, -3), [3]);
    optimizer.step();
    const factor = Math.fround(1 - 0.05);
    expect(Array.from(w.data)).toEqual([Math.fround(factor * 1 - Math.fround(0.1)), Math.fround(factor * -1 - Math.fround(0.1)), Math.fround(Math.fround(factor * 0.01) + Math.fround(0.1))]);
    expect(optimizer.stateDict().state).toEqual({ '0': { step: 1 } });
    expect(() => new Optimizer([w], { ...defaults, lr: -1 }, { name: 'SignSGD', validate: checkCommonOptions, core: () => [scaleBySign()] })).toThrow(/lr = -1/);
  });
});
