/**
 * Elementwise kernels for WebAssembly SIMD where JavaScript loses to branch mispredictions:
 * ReLU and its gradient are data-dependent selects, which SIMD does as masks without branches.
 * Pointers are byte offsets into linear memory; the TypeScript side stages the operands.
 */

/** `out[i] = x[i] <= 0 ? 0 : x[i]` for i < n (NaN passes through; −0 becomes +0). */
export function relu(x: usize, out: usize, n: i32): void {
  const zero = f32x4.splat(0);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const off = <usize>i << 2;
    const v = v128.load(x + off);
    v128.store(out + off, v128.andnot(v, f32x4.le(v, zero)));
  }
  for (; i < n; i++) {
    const off = <usize>i << 2;
    const v = load<f32>(x + off);
    store<f32>(out + off, v <= 0 ? 0 : v);
  }
}

/** `dx[i] = y[i] <= 0 ? 0 : g[i]` for i < n: ReLU's gradient from its output (PyTorch's threshold_backward). */
export function reluBackward(y: usize, g: usize, dx: usize, n: i32): void {
  const zero = f32x4.splat(0);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const off = <usize>i << 2;
    v128.store(dx + off, v128.andnot(v128.load(g + off), f32x4.le(v128.load(y + off), zero)));
  }
  for (; i < n; i++) {
    const off = <usize>i << 2;
    store<f32>(dx + off, load<f32>(y + off) <= 0 ? 0 : load<f32>(g + off));
  }
}
