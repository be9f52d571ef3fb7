/**
 * A numerical check that a weight W followed by LayerNorm is scale-invariant: for f(W) =
 * LayerNorm(W·x + …) and any c > 0, f(cW) = f(W) up to LayerNorm's ε (it normalizes by
 * √(var + ε), and var scales by c²), so the loss is unchanged and, by the chain rule,
 * ∇L(cW) = ∇L(W)/c. Differentiating L(cW) = L(W) in c at c = 1 also gives ⟨W, ∇L(W)⟩ = 0: the
 * gradient is orthogonal to W. The check builds the model of a config, runs a random batch
 * forward and backward, scales one weight by c and measures each of these.
 */
import { noGrad } from '../../../tensor/autograd/grad-mode.js';
import { randn } from '../../../tensor/random/distributions.js';
import { manualSeed } from '../../../tensor/random/generator.js';
import { Tensor } from '../../../tensor/tensor.js';
import { lossFunction } from '../../build/loss.js';
import { buildModel } from '../../build/model.js';
import type { ModelConfig } from '../../config/model-schema.js';
import { ConfigError } from '../../errors.js';

/** What scaling one weight by c did. */
export interface ScaleCheck {
  readonly param: string;
  readonly c: number;
  /** max |f(cW) − f(W)| / max |f(W)| over the model's outputs. */
  readonly outputChange: number;
  /** ‖∇L(cW)‖ / ‖∇L(W)‖ (1/c for a scale-invariant W). */
  readonly gradScale: number;
  /** cos∠(∇L(cW), ∇L(W)) (1 for a scale-invariant W). */
  readonly gradCosine: number;
  /** |⟨W, ∇L(W)⟩| / (‖W‖‖∇L(W)‖) (0 for a scale-invariant W). */
  readonly radial: number;
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/**
 * Scales each of `params` by each of `scales` in a freshly built model (seeded with `seed`) and
 * measures output and gradient against the unscaled model on a batch of `batch` standard-normal
 * inputs with class targets `i mod outputs`.
 */
export function scaleInvarianceCheck(model: ModelConfig, inputs: number, outputs: number, params: readonly string[], scales: readonly number[], seed = 0, batch = 32): ScaleCheck[] {
  manualSeed(seed);
  const built = buildModel(model, inputs, outputs);
  const x = randn([batch, inputs]);
  const y = new Tensor(Int32Array.from({ length: batch }, (_, i) => i % outputs), [batch]);
  const loss = lossFunction('cross-entropy');
  const run = (): { out: Float64Array; grads: Map<string, Float64Array> } => {
    built.module.zeroGrad();
    const out = built.module.forward(x);
    loss(out, y).backward();
    return { out: Float64Array.from(out.data), grads: new Map(built.parameters.map((p) => [p.name, Float64Array.from(p.tensor.grad?.data ?? [])])) };
  };
  const base = run();
  const outScale = Math.max(...base.out.map(Math.abs));
  return params.flatMap((name) => {
    const p = built.parameters.find((q) => q.name === name);
    if (p === undefined) throw new ConfigError([{ path: 'model', message: `has no parameter "${name}"`, allowed: built.parameters.map((q) => q.name) }]);
    const w = Float64Array.from(p.tensor.data);
    const g = base.grads.get(name)!;
    const gNorm = Math.sqrt(dot(g, g));
    const radial = Math.abs(dot(w, g)) / (Math.sqrt(dot(w, w)) * gNorm);
    return scales.map((c): ScaleCheck => {
      const data = p.tensor.data;
      noGrad(() => {
        for (let i = 0; i < data.length; i++) data[i] = w[i]! * c;
      });
      const scaled = run();
      noGrad(() => {
        for (let i = 0; i < data.length; i++) data[i] = w[i]!;
      });
      const gc = scaled.grads.get(name)!;
      let change = 0;
      scaled.out.forEach((v, i) => (change = Math.max(change, Math.abs(v - base.out[i]!))));
      const gcNorm = Math.sqrt(dot(gc, gc));
      return { param: name, c, outputChange: change / outScale, gradScale: gcNorm / gNorm, gradCosine: dot(g, gc) / (gNorm * gcNorm), radial };
    });
  });
}
