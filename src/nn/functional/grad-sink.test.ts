/**
 * Direct accumulation into parameters' `.grad`: the same numbers as the engine's
 * AccumulateGrad (create, then add), the same buffer across steps after `zeroGrad(false)`,
 * and a typed error for a mismatched `.grad`.
 */
import { describe, expect, it } from 'vitest';
import { tensor, zeros } from '../../tensor/creation.js';
import { AutogradError } from '../../tensor/errors.js';
import { Linear } from '../layers/linear.js';
import { linear } from './linear.js';

describe('leaf gradient accumulation', () => {
  it('accumulates over two backward passes like PyTorch, into the same buffer', () => {
    const lin = new Linear(3, 2);
    const x = tensor([[1, 2, 3], [-1, 0, 2]]);
    lin.forward(x).sum().backward();
    const first = Array.from(lin.weight.grad!.data);
    const buffer = lin.weight.grad!;
    lin.forward(x).sum().backward();
    expect(lin.weight.grad).toBe(buffer);
    expect(Array.from(lin.weight.grad!.data)).toEqual(first.map((v) => Math.fround(2 * v)));
    expect(Array.from(lin.bias!.grad!.data)).toEqual([4, 4]);
    lin.zeroGrad(false);
    lin.forward(x).sum().backward();
    expect(lin.weight.grad).toBe(buffer);
    expect(Array.from(lin.weight.grad!.data)).toEqual(first);
  });

  it('a parameter used twice gets the sum of both uses', () => {
    const lin = new Linear(2, 2);
    lin.loadStateDict({ weight: tensor([[1, 2], [3, 4]]), bias: tensor([0.5, -1]) });
    const x = tensor([[1, -1]]);
    lin.forward(lin.forward(x)).sum().backward();
    // y = W(Wx + b) + b: ∂Σy/∂b = 1 (outer use) + Wᵀ·1 (inner use) = [1 + 4, 1 + 6].
    expect(Array.from(lin.bias!.grad!.data)).toEqual([5, 7]);
  });

  it('a leaf input gets its gradient too', () => {
    const x = tensor([[1, 2]], { requiresGrad: true });
    const w = tensor([[3, 4]], { requiresGrad: true });
    linear(x, w).sum().backward();
    expect(Array.from(x.grad!.data)).toEqual([3, 4]);
    expect(Array.from(w.grad!.data)).toEqual([1, 2]);
  });

  it('refuses a .grad of the wrong shape', () => {
    const lin = new Linear(2, 2);
    lin.weight.grad = zeros([3]);
    expect(() => lin.forward(zeros([1, 2])).sum().backward()).toThrow(AutogradError);
  });
});
