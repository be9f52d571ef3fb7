/**
 * The reference Adam kernel (see {@link AdamBlock}): float64 arithmetic, rounded where PyTorch's
 * float32 tensor ops store a result — the input g (PyTorch materializes `grad.add(param, alpha=λ)`),
 * the moments (stored in their arrays), and `round(keep·w)` before the update is added (AdamW's
 * `param.mul_(1 − lr·λ)`). For float64 arrays nothing is rounded.
 *
 * One loop per function: an AMSGrad branch or a second loop in the same function makes TurboFan
 * compile the plain loop 2–3× slower.
 */
import type { FloatStorage } from '../dtype.js';
import type { AdamBlock } from './types.js';

function unrounded(x: number): number {
  return x;
}

/** `Math.fround` for float32 storage, the identity for float64. */
function roundingFor(a: FloatStorage): (x: number) => number {
  return a instanceof Float32Array ? Math.fround : unrounded;
}

/** Adam over one block; AMSGrad when `block.vMax` is set. */
export function referenceAdam(block: AdamBlock): void {
  if (block.vMax === null) adamLoop(block);
  else amsgradLoop(block, block.vMax);
}

function adamLoop(block: AdamBlock): void {
  const { start, end, src, inputScale, w, inputWeight, m, v, dst, keep, outScale, beta1, oneMinusBeta1, beta2, oneMinusBeta2, eps } = block;
  const round = roundingFor(w);
  const inverseBc2Sqrt = 1 / block.bc2Sqrt;
  for (let i = start; i < end; i++) {
    const g = round(inputScale * src[i]! + inputWeight * w[i]!);
    m[i] = beta1 * m[i]! + oneMinusBeta1 * g;
    v[i] = beta2 * v[i]! + oneMinusBeta2 * g * g;
    dst[i] = round(keep * dst[i]!) + (outScale * m[i]!) / (Math.sqrt(v[i]!) * inverseBc2Sqrt + eps);
  }
}

function amsgradLoop(block: AdamBlock, vMax: FloatStorage): void {
  const { start, end, src, inputScale, w, inputWeight, m, v, dst, keep, outScale, beta1, oneMinusBeta1, beta2, oneMinusBeta2, eps } = block;
  const round = roundingFor(w);
  const inverseBc2Sqrt = 1 / block.bc2Sqrt;
  for (let i = start; i < end; i++) {
    const g = round(inputScale * src[i]! + inputWeight * w[i]!);
    m[i] = beta1 * m[i]! + oneMinusBeta1 * g;
    v[i] = beta2 * v[i]! + oneMinusBeta2 * g * g;
    vMax[i] = Math.max(vMax[i]!, v[i]!);
    dst[i] = round(keep * dst[i]!) + (outScale * m[i]!) / (Math.sqrt(vMax[i]!) * inverseBc2Sqrt + eps);
  }
}
