/** The article's data equals the input and target PyTorch used (modules.json, seed_model_mse). */
import { describe, expect, it } from 'vitest';
import { type FixtureTensor, loadFixture } from '../../../test/fixtures.js';
import { articleData } from './data.js';

const c = loadFixture<{ cases: { name: string; input: FixtureTensor; target: FixtureTensor }[] }>('torch/modules.json').cases.find(
  (k) => k.name === 'seed_model_mse',
)!;

describe('articleData', () => {
  it("x = stack([x1, x2], 1) and y = 2·x1 − x2² + 1 exactly as PyTorch's", () => {
    const { x, y } = articleData();
    expect(x.shape).toEqual(c.input.shape);
    expect(Array.from(x.data)).toEqual(c.input.data);
    expect(y.shape).toEqual(c.target.shape);
    expect(Array.from(y.data)).toEqual(c.target.data);
  });

  it('builds float64 data on request', () => {
    const { x, y } = articleData('float64');
    expect([x.dtype, y.dtype]).toEqual(['float64', 'float64']);
    expect(y.data[19]).toBe(2 * 9 - 19 * 19 + 1);
  });
});
