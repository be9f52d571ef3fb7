/**
 * The baseline of bench/optim.bench.ts and bench/training.bench.ts: PyTorch 1.13's
 * `_single_tensor_adam` (coupled weight decay) written with decaylab's tensor ops, each op making a
 * temporary tensor as PyTorch's eager ops do — what an optimizer costs without decaylab's fused
 * per-parameter pass.
 */
import { noGrad } from '../src/tensor/autograd/grad-mode.js';
import { Tensor } from '../src/tensor/tensor.js';

/** PyTorch's `_single_tensor_adam` with decaylab tensor ops: every op makes a temporary tensor. */
export function tensorOpAdam(params: Tensor[], lr: number, weightDecay: number): () => void {
  const [beta1, beta2, eps] = [0.9, 0.999, 1e-8];
  const m = params.map((p) => new Tensor(new Float32Array(p.size), p.shape));
  const v = params.map((p) => new Tensor(new Float32Array(p.size), p.shape));
  let step = 0;
  return () =>
    noGrad(() => {
      step++;
      const bc1 = 1 - beta1 ** step;
      const bc2Sqrt = Math.sqrt(1 - beta2 ** step);
      params.forEach((p, i) => {
        const grad = p.grad!.add(p, weightDecay);
        m[i]!.mul_(beta1).add_(grad, 1 - beta1);
        v[i]!.mul_(beta2).add_(grad.mul(grad), 1 - beta2);
        const denom = v[i]!.sqrt().div(bc2Sqrt).add(eps);
        p.sub_(m[i]!.div(denom), lr / bc1);
      });
    });
}
