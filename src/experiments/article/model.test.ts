/**
 * The article's model against PyTorch: default initialisation after manualSeed(seed) equals
 * rng.json's `seed_model_init` bit for bit for every seed; with modules.json's parameters the
 * forward output, the article's MSE loss and every parameter gradient match within 1e-5; and the
 * whole model passes gradcheck in float64.
 */
import { describe, expect, it } from 'vitest';
import { type FixtureTensor, expectClose, fromFixture, loadFixture } from '../../../test/fixtures.js';
import { gradcheck } from '../../tensor/autograd/gradcheck.js';
import { manualSeed } from '../../tensor/random/generator.js';
import { Tensor } from '../../tensor/tensor.js';
import { articleData } from './data.js';
import { SeedModel, articleLoss } from './model.js';

interface RngCase {
  seed: number;
  seed_model_init: Record<string, FixtureTensor>;
}
interface SeedModelCase {
  name: string;
  input: FixtureTensor;
  target: FixtureTensor;
  params: Record<string, FixtureTensor>;
  output: FixtureTensor;
  loss: number;
  grads: Record<string, FixtureTensor>;
}

const rng = loadFixture<{ cases: RngCase[] }>('torch/rng.json').cases;
const mse = loadFixture<{ cases: SeedModelCase[] }>('torch/modules.json').cases.find((c) => c.name === 'seed_model_mse')!;

describe('SeedModel', () => {
  for (const c of rng) {
    it(`manualSeed(${c.seed}) + construction gives PyTorch's initial state dict bit for bit`, () => {
      manualSeed(c.seed);
      const state = new SeedModel().stateDict();
      expect([...state.keys()]).toEqual(Object.keys(c.seed_model_init));
      for (const [key, t] of state) {
        expect(t.shape, key).toEqual(c.seed_model_init[key]!.shape);
        expect(Array.from(t.data), key).toEqual(c.seed_model_init[key]!.data);
      }
    });
  }

  it("seed_model_mse: output, loss and every gradient equal PyTorch's", () => {
    const model = new SeedModel();
    model.loadStateDict(new Map(Object.entries(mse.params).map(([k, t]) => [k, fromFixture(t)])));
    const data = articleData();
    const out = model.forward(data.x);
    expect(out.shape).toEqual(mse.output.shape);
    expectClose(out.data, mse.output.data, 1e-5, 1e-5, 'output');
    const loss = articleLoss(model, data);
    expectClose([loss.item()], [mse.loss], 1e-5, 1e-5, 'loss');
    loss.backward();
    const names = model.namedParameters().map(([k]) => k);
    expect(names).toEqual(Object.keys(mse.grads));
    for (const [k, p] of model.namedParameters()) expectClose(p.grad!.data, mse.grads[k]!.data, 1e-5, 1e-5, `grad of ${k}`);
  });

  it('passes gradcheck in float64 with respect to the input and every parameter', () => {
    manualSeed(0);
    const model = new SeedModel({ dtype: 'float64' });
    const x = new Tensor(Float64Array.from({ length: 10 }, (_, i) => Math.sin(i) * 2), [5, 2], { requiresGrad: true });
    const y = new Tensor(Float64Array.from([1, -2, 3, 0.5, -1]), [5]);
    expect(gradcheck((input) => articleLoss(model, { x: input!, y }), [x, ...model.parameters()])).toBe(true);
  });

  it('prints its layers like PyTorch', () => {
    expect(new SeedModel().toString()).toBe(
      [
        'SeedModel(',
        '  (linears): ModuleList(',
        '    (0): Linear(in_features=2, out_features=20, bias=True)',
        '    (1): LayerNorm((20,), eps=1e-05, elementwise_affine=True)',
        '    (2): Linear(in_features=20, out_features=20, bias=True)',
        '    (3): LayerNorm((20,), eps=1e-05, elementwise_affine=True)',
        '    (4): Linear(in_features=20, out_features=20, bias=True)',
        '    (5): LayerNorm((20,), eps=1e-05, elementwise_affine=True)',
        '    (6): Linear(in_features=20, out_features=20, bias=True)',
        '    (7): LayerNorm((20,), eps=1e-05, elementwise_affine=True)',
        '    (8): Linear(in_features=20, out_features=1, bias=True)',
        '  )',
        ')',
      ].join('\n'),
    );
  });
});
