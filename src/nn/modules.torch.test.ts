/**
 * Every layer and loss case of ../shared/fixtures/torch/modules.json (PyTorch 1.13.1, float32):
 * load the given parameters, run forward and backward, compare outputs, losses and gradients
 * within 1e-5. The reference model's case lives in src/experiments/article/model.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { type FixtureTensor, expectClose, fromFixture, loadFixture } from '../../test/fixtures.js';
import type { Tensor } from '../tensor/tensor.js';
import { Linear } from './layers/linear.js';
import { LayerNorm } from './layers/normalization.js';
import { ELU, GELU, LeakyReLU, LogSoftmax, ReLU, SiLU, Sigmoid, Softmax, Softplus, Tanh } from './layers/activations.js';
import { BCEWithLogitsLoss, CrossEntropyLoss, HuberLoss, L1Loss, MSELoss } from './losses.js';
import type { AnyModule, Module } from './module.js';

interface ModuleCase {
  name: string;
  input: FixtureTensor;
  target?: FixtureTensor;
  params?: Record<string, FixtureTensor>;
  output?: FixtureTensor;
  loss?: number;
  grad_output?: FixtureTensor;
  grad_input?: FixtureTensor;
  grads?: Record<string, FixtureTensor>;
  [option: string]: unknown;
}

const cases = loadFixture<{ cases: ModuleCase[] }>('torch/modules.json').cases;

/** decaylab's module for each case name of modules.json. */
const LAYERS: Record<string, () => Module> = {
  linear_5x7_to_3: () => new Linear(7, 3),
  linear_nobias_2x3x4_to_6: () => new Linear(4, 6, { bias: false }),
  layernorm_4x6: () => new LayerNorm(6),
  'layernorm_noaffine_eps1e-3_3x5': () => new LayerNorm(5, { eps: 1e-3, elementwiseAffine: false }),
  act_ReLU: () => new ReLU(),
  act_Tanh: () => new Tanh(),
  act_Sigmoid: () => new Sigmoid(),
  act_GELU: () => new GELU(),
  act_SiLU: () => new SiLU(),
  act_LeakyReLU: () => new LeakyReLU(),
  act_ELU: () => new ELU(),
  act_Softplus: () => new Softplus(),
  softmax_dim1: () => new Softmax(1),
  logsoftmax_dim1: () => new LogSoftmax(1),
};

const LOSSES: Record<string, () => Module<[Tensor, Tensor], Tensor>> = {
  mse_mean: () => new MSELoss(),
  mse_sum: () => new MSELoss({ reduction: 'sum' }),
  l1_mean: () => new L1Loss(),
  huber_delta1: () => new HuberLoss({ delta: 1 }),
  cross_entropy_mean: () => new CrossEntropyLoss(),
  'cross_entropy_label_smoothing_0.1': () => new CrossEntropyLoss({ labelSmoothing: 0.1 }),
  bce_with_logits: () => new BCEWithLogitsLoss(),
};

function loadParams(m: AnyModule, params: Record<string, FixtureTensor> | undefined): void {
  const dict = new Map(Object.entries(params ?? {}).map(([k, t]) => [k, fromFixture(t)]));
  m.loadStateDict(dict);
}

describe('layers and losses against modules.json', () => {
  it('has a decaylab module for every case', () => {
    for (const c of cases) {
      if (c.name === 'seed_model_mse') continue;
      expect(LAYERS[c.name] ?? LOSSES[c.name], c.name).toBeDefined();
    }
  });

  for (const c of cases.filter((k) => k.name in LAYERS)) {
    it(c.name, () => {
      const m = LAYERS[c.name]!();
      loadParams(m, c.params);
      const x = fromFixture(c.input, { requiresGrad: true });
      const y = m.forward(x);
      expect(y.shape).toEqual(c.output!.shape);
      expectClose(y.data, c.output!.data, 1e-5, 1e-5, 'output');
      y.backward(fromFixture(c.grad_output!));
      expectClose(x.grad!.data, c.grad_input!.data, 1e-5, 1e-5, 'grad_input');
      const named = new Map(m.namedParameters());
      expect([...named.keys()].sort()).toEqual(Object.keys(c.grads ?? {}).sort());
      for (const [k, g] of Object.entries(c.grads ?? {})) expectClose(named.get(k)!.grad!.data, g.data, 1e-5, 1e-5, `grad of ${k}`);
    });
  }

  for (const c of cases.filter((k) => k.name in LOSSES)) {
    it(c.name, () => {
      const loss = LOSSES[c.name]!();
      const x = fromFixture(c.input, { requiresGrad: true });
      const l = loss.forward(x, fromFixture(c.target!));
      expect(l.shape).toEqual([]);
      expectClose([l.item()], [c.loss!], 1e-5, 1e-5, 'loss');
      l.backward();
      expectClose(x.grad!.data, c.grad_input!.data, 1e-5, 1e-5, 'grad_input');
    });
  }
});
