/**
 * Adam's elementwise update for WebAssembly SIMD, in PyTorch 1.13's single-tensor order with every
 * operation rounded to float32 (as PyTorch's float32 CPU kernels do), four elements per step:
 *
 *     g = inputScale·src + inputWeight·w                 (grad.add(param, alpha=λ), maximize, …)
 *     m = β₁·m + (1 − β₁)·g                              (exp_avg.mul_(β₁).add_(g, alpha=1 − β₁))
 *     v = β₂·v + ((1 − β₂)·g)·g                          (exp_avg_sq.mul_(β₂).addcmul_(g, g, value=1 − β₂))
 *     v̂ = max(v̂, v) with AMSGrad                         (torch.maximum(max_exp_avg_sq, exp_avg_sq))
 *     dst = keep·dst + outScale·(m / (√v / bc2Sqrt + ε))  (param.mul_(1 − lr·λ); param.addcdiv_(m, denom, value))
 *
 * Pointers are byte offsets of n floats each, staged by the TypeScript side (src/tensor/kernels/wasm/adam.ts);
 * `dst` may equal `w`.
 */

/** The Adam step over n elements (see the file comment); `amsgrad` ≠ 0 also keeps v̂ at `vMax`. */
export function adam(
  src: usize, w: usize, m: usize, v: usize, vMax: usize, dst: usize, n: i32, amsgrad: i32,
  inputScale: f32, inputWeight: f32, keep: f32, outScale: f32,
  beta1: f32, oneMinusBeta1: f32, beta2: f32, oneMinusBeta2: f32, eps: f32, bc2Sqrt: f32,
): void {
  const a = f32x4.splat(inputScale), b = f32x4.splat(inputWeight), k = f32x4.splat(keep), s = f32x4.splat(outScale);
  const b1 = f32x4.splat(beta1), c1 = f32x4.splat(oneMinusBeta1), b2 = f32x4.splat(beta2), c2 = f32x4.splat(oneMinusBeta2);
  const e = f32x4.splat(eps), d = f32x4.splat(bc2Sqrt);
  const end = <usize>n << 2;
  const vec = <usize>(n & ~3) << 2;
  let i: usize = 0;
  for (; i < vec; i += 16) {
    const g = f32x4.add(f32x4.mul(v128.load(src + i), a), f32x4.mul(v128.load(w + i), b));
    const mi = f32x4.add(f32x4.mul(v128.load(m + i), b1), f32x4.mul(g, c1));
    let vi = f32x4.add(f32x4.mul(v128.load(v + i), b2), f32x4.mul(f32x4.mul(g, c2), g));
    v128.store(m + i, mi);
    v128.store(v + i, vi);
    if (amsgrad) {
      vi = f32x4.max(v128.load(vMax + i), vi);
      v128.store(vMax + i, vi);
    }
    const denom = f32x4.add(f32x4.div(f32x4.sqrt(vi), d), e);
    v128.store(dst + i, f32x4.add(f32x4.mul(v128.load(dst + i), k), f32x4.mul(f32x4.div(mi, denom), s)));
  }
  for (; i < end; i += 4) {
    const g = load<f32>(src + i) * inputScale + load<f32>(w + i) * inputWeight;
    const mi = load<f32>(m + i) * beta1 + g * oneMinusBeta1;
    let vi = load<f32>(v + i) * beta2 + g * oneMinusBeta2 * g;
    store<f32>(m + i, mi);
    store<f32>(v + i, vi);
    if (amsgrad) {
      vi = max(load<f32>(vMax + i), vi);
      store<f32>(vMax + i, vi);
    }
    const denom = sqrt<f32>(vi) / bc2Sqrt + eps;
    store<f32>(dst + i, load<f32>(dst + i) * keep + (mi / denom) * outScale);
  }
}
