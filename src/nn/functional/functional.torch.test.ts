/**
 * Replays PyTorch 1.13's functional cases from src/nn/fixtures/torch_nn.json
 * (scripts/fixtures/gen_nn_extra.py): every option of the activations, softmaxes, layer norm and
 * losses, forward values and the gradients of sum(output · grad_output), in float32 within 1e-5.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Tensor } from '../../tensor/tensor.js';
import { type FixtureTensor, type FunctionalCase, type TorchNnFixture, expectCloseTo, isFixtureTensor, toTensor } from '../test-support/torch-fixture.js';
import * as F from './index.js';
import type { Reduction } from './util.js';

const fixture = JSON.parse(readFileSync(new URL('../fixtures/torch_nn.json', import.meta.url), 'utf8')) as TorchNnFixture;

type Kwargs = FunctionalCase['kwargs'];
const num = (k: Kwargs, name: string, fallback: number): number => (typeof k[name] === 'number' ? (k[name] as number) : fallback);
const str = (k: Kwargs, name: string, fallback: string): string => (typeof k[name] === 'string' ? (k[name] as string) : fallback);
const ten = (k: Kwargs, name: string): Tensor | null => (isFixtureTensor(k[name]) ? toTensor(k[name] as FixtureTensor) : null);
const red = (k: Kwargs): Reduction => str(k, 'reduction', 'mean') as Reduction;

/** decaylab's call for each PyTorch function name of the fixture. */
const OPS: Record<string, (x: Tensor[], k: Kwargs) => Tensor> = {
  relu: ([x]) => F.relu(x!),
  leaky_relu: ([x], k) => F.leakyRelu(x!, num(k, 'negative_slope', 0.01)),
  elu: ([x], k) => F.elu(x!, num(k, 'alpha', 1)),
  softplus: ([x], k) => F.softplus(x!, num(k, 'beta', 1), num(k, 'threshold', 20)),
  gelu: ([x]) => F.gelu(x!),
  gelu_tanh: ([x]) => F.gelu(x!, 'tanh'),
  silu: ([x]) => F.silu(x!),
  sigmoid: ([x]) => F.sigmoid(x!),
  tanh: ([x]) => F.tanh(x!),
  softmax: ([x], k) => F.softmax(x!, num(k, 'dim', 0)),
  log_softmax: ([x], k) => F.logSoftmax(x!, num(k, 'dim', 0)),
  layer_norm: ([x, w, b], k) => F.layerNorm(x!, [3, 4], w!, b!, num(k, 'eps', 1e-5)),
  mse_loss: ([x, t], k) => F.mseLoss(x!, t!, red(k)),
  l1_loss: ([x, t], k) => F.l1Loss(x!, t!, red(k)),
  huber_loss: ([x, t], k) => F.huberLoss(x!, t!, red(k), num(k, 'delta', 1)),
  smooth_l1_loss: ([x, t], k) => F.smoothL1Loss(x!, t!, red(k), num(k, 'beta', 1)),
  cross_entropy: ([x, t], k) =>
    F.crossEntropy(x!, t!, { weight: ten(k, 'weight'), ignoreIndex: num(k, 'ignore_index', -100), reduction: red(k), labelSmoothing: num(k, 'label_smoothing', 0) }),
  nll_loss: ([x, t], k) => F.nllLoss(x!, t!, { weight: ten(k, 'weight'), ignoreIndex: num(k, 'ignore_index', -100), reduction: red(k) }),
  binary_cross_entropy_with_logits: ([x, t], k) =>
    F.binaryCrossEntropyWithLogits(x!, t!, { weight: ten(k, 'weight'), posWeight: ten(k, 'pos_weight'), reduction: red(k) }),
};

function label(c: FunctionalCase): string {
  const opts = Object.entries(c.kwargs)
    .map(([k, v]) => `${k}=${isFixtureTensor(v) ? 'tensor' : String(v)}`)
    .join(', ');
  return `${c.name}(${c.inputs.map((t) => `[${t.shape.join(',')}]`).join(', ')}${opts === '' ? '' : `; ${opts}`})`;
}

describe('nn.functional against PyTorch 1.13 (torch_nn.json)', () => {
  it('covers every case of the fixture', () => {
    expect(fixture.functional.length).toBeGreaterThan(50);
    for (const c of fixture.functional) expect(OPS[c.name], c.name).toBeDefined();
  });

  for (const c of fixture.functional) {
    it(label(c), () => {
      const inputs = c.inputs.map((t, i) => toTensor(t, 'float32', c.grad_inputs.includes(i)));
      const out = OPS[c.name]!(inputs, c.kwargs);
      expect(out.shape).toEqual(c.output.shape);
      expectCloseTo(out.data, c.output, 1e-5, 1e-5, 'output');
      if (c.grad_inputs.length === 0) return;
      out.backward(out.ndim === 0 ? undefined : toTensor(c.grad_output));
      c.grad_inputs.forEach((i, j) => {
        const expected = c.grads[j];
        const g = inputs[i]!.grad;
        if (expected === null || expected === undefined) {
          expect(g === null || g.data.every((v) => v === 0), `input ${i} has no gradient in PyTorch`).toBe(true);
          return;
        }
        expect(g, `gradient of input ${i}`).not.toBeNull();
        expectCloseTo(g!.data, expected, 1e-5, 1e-5, `gradient of input ${i}`);
      });
    });
  }
});
