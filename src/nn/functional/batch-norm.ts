/**
 * Fused batch normalisation (`F.batch_norm`) over the channel dim 1 of [N, C] or [N, C, L…]
 * inputs: batch statistics in training (updating the running statistics in place), running
 * statistics in evaluation.
 */
import { needsGrad, record } from '../../tensor/autograd/node.js';
import type { FloatStorage } from '../../tensor/dtype.js';
import { ArgumentError, ShapeError, formatShape } from '../../tensor/errors.js';
import { Tensor } from '../../tensor/tensor.js';
import { allocLike, checkNumber, floatData, sameDType, tensorLike } from './util.js';
import { arenaStorage } from './arena.js';

function channelVector(op: string, name: string, x: Tensor, t: Tensor | null, channels: number): FloatStorage | null {
  if (t === null) return null;
  const d = floatData(op, t, name);
  sameDType(op, x, t, 'input', name);
  if (t.ndim !== 1 || t.shape[0] !== channels) {
    throw new ShapeError(`${op}: ${name} must have shape [${channels}] for input of shape ${formatShape(x.shape)}, got ${formatShape(t.shape)}`, [x.shape, t.shape]);
  }
  return d;
}

/**
 * y = (x − μ_c)/√(σ²_c + ε)·γ_c + β_c per channel c. With `training`, μ and σ² (biased) come
 * from the batch and the running statistics, when given, are updated in place:
 * running ← (1 − momentum)·running + momentum·batch, with the unbiased variance for
 * `runningVar`. Without `training`, the running statistics are used and must be given.
 * Training backward per channel, over its M = N·L elements:
 * dx = γ·r/M·(M·dy − Σdy − x̂·Σ(dy·x̂)), dγ = Σ dy·x̂, dβ = Σ dy.
 */
export function batchNorm(
  x: Tensor,
  runningMean: Tensor | null,
  runningVar: Tensor | null,
  weight: Tensor | null = null,
  bias: Tensor | null = null,
  training = false,
  momentum = 0.1,
  eps = 1e-5,
): Tensor {
  const op = 'batchNorm';
  const xd = floatData(op, x);
  if (x.ndim < 2) throw new ShapeError(`${op}: expected input of shape [N, C] or [N, C, L], got ${formatShape(x.shape)}`, [x.shape]);
  checkNumber(op, 'eps', eps, 0);
  checkNumber(op, 'momentum', momentum);
  const N = x.shape[0]!;
  const C = x.shape[1]!;
  const inner = N * C === 0 ? 0 : x.size / (N * C);
  const M = N * inner;
  const rm = channelVector(op, 'runningMean', x, runningMean, C);
  const rv = channelVector(op, 'runningVar', x, runningVar, C);
  const wd = channelVector(op, 'weight', x, weight, C);
  const bd = channelVector(op, 'bias', x, bias, C);
  if (training && M <= 1) {
    throw new ShapeError(`${op}: expected more than 1 value per channel when training, got input of shape ${formatShape(x.shape)}`, [x.shape]);
  }
  if (!training && (rm === null || rv === null)) {
    throw new ArgumentError(`${op}: runningMean and runningVar are required when not training`, 'training', training);
  }
  const means = new Float64Array(C);
  const rstds = new Float64Array(C);
  for (let c = 0; c < C; c++) {
    let mean: number;
    let variance: number;
    if (training) {
      let s = 0;
      for (let o = 0; o < N; o++) for (let k = 0, p = (o * C + c) * inner; k < inner; k++, p++) s += xd[p]!;
      mean = s / M;
      let v = 0;
      for (let o = 0; o < N; o++) {
        for (let k = 0, p = (o * C + c) * inner; k < inner; k++, p++) {
          const d = xd[p]! - mean;
          v += d * d;
        }
      }
      variance = v / M;
      if (rm !== null) rm[c] = (1 - momentum) * rm[c]! + momentum * mean;
      if (rv !== null) rv[c] = (1 - momentum) * rv[c]! + (momentum * v) / (M - 1);
    } else {
      mean = rm![c]!;
      variance = rv![c]!;
    }
    means[c] = mean;
    rstds[c] = 1 / Math.sqrt(variance + eps);
  }
  const yd = allocLike(x);
  for (let o = 0; o < N; o++) {
    for (let c = 0; c < C; c++) {
      const mean = means[c]!;
      const scale = rstds[c]! * (wd === null ? 1 : wd[c]!);
      const shift = bd === null ? 0 : bd[c]!;
      for (let k = 0, p = (o * C + c) * inner; k < inner; k++, p++) yd[p] = (xd[p]! - mean) * scale + shift;
    }
  }
  const y = new Tensor(yd, x.shape);
  if (needsGrad(x, weight ?? undefined, bias ?? undefined)) {
    const inputs = [x];
    if (weight !== null) inputs.push(weight);
    if (bias !== null) inputs.push(bias);
    record(y, 'NativeBatchNormBackward0', inputs, (g) => {
      const gd = g.data as FloatStorage;
      const sumG = new Float64Array(C);
      const sumGX = new Float64Array(C);
      for (let o = 0; o < N; o++) {
        for (let c = 0; c < C; c++) {
          const mean = means[c]!;
          const rstd = rstds[c]!;
          let s1 = 0;
          let s2 = 0;
          for (let k = 0, p = (o * C + c) * inner; k < inner; k++, p++) {
            s1 += gd[p]!;
            s2 += gd[p]! * (xd[p]! - mean) * rstd;
          }
          sumG[c] = sumG[c]! + s1;
          sumGX[c] = sumGX[c]! + s2;
        }
      }
      let dx: FloatStorage | null = null;
      if (x.requiresGrad) {
        dx = arenaStorage(x);
        for (let o = 0; o < N; o++) {
          for (let c = 0; c < C; c++) {
            const mean = means[c]!;
            const rstd = rstds[c]!;
            const w = wd === null ? 1 : wd[c]!;
            const p0 = (o * C + c) * inner;
            if (training) {
              const k1 = sumG[c]! / M;
              const k2 = sumGX[c]! / M;
              for (let k = 0, p = p0; k < inner; k++, p++) dx[p] = w * rstd * (gd[p]! - k1 - (xd[p]! - mean) * rstd * k2);
            } else {
              for (let k = 0, p = p0; k < inner; k++, p++) dx[p] = gd[p]! * w * rstd;
            }
          }
        }
      }
      const grads: (Tensor | null)[] = [dx === null ? null : new Tensor(dx, x.shape)];
      if (weight !== null) grads.push(weight.requiresGrad ? tensorLike(weight, sumGX) : null);
      if (bias !== null) grads.push(bias.requiresGrad ? tensorLike(bias, sumG) : null);
      return grads;
    });
  }
  return y;
}
