/** Timing helpers for the kernel benchmarks: best-of-N wall time and table printing. */
import type { Kernels } from '../src/tensor/kernels/types.js';

/** Best (smallest) seconds per call of `fn` over `rounds` rounds of `reps` calls each. */
export function bestSecondsPerCall(fn: () => void, reps: number, rounds: number): number {
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (let i = 0; i < reps; i++) fn();
    best = Math.min(best, (performance.now() - t0) / 1000 / reps);
  }
  return best;
}

/** Deterministic float32 data in [-1, 1). */
export function randomFloat32(length: number, seed: number): Float32Array {
  const out = new Float32Array(length);
  let s = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    out[i] = (s >>> 0) / 2 ** 31 - 1;
  }
  return out;
}

/** Seconds per `C = A·B` (NN, or the given transposes) of m×k by k×n with `kernels`, best of several rounds. */
export function gemmSeconds(kernels: Kernels, m: number, n: number, k: number, budgetSeconds: number, transA = false, transB = false): number {
  const a = randomFloat32(m * k, 1);
  const b = randomFloat32(k * n, 2);
  const c = new Float32Array(m * n);
  const call = (): void => kernels.gemm(transA, transB, m, n, k, a, 0, b, 0, c, 0, false, null);
  const t0 = performance.now();
  call();
  const once = Math.max(1e-7, (performance.now() - t0) / 1000);
  if (once >= budgetSeconds / 3) return once;
  return Math.min(once, bestSecondsPerCall(call, Math.max(1, Math.floor(budgetSeconds / 3 / once)), 3));
}

/** Prints rows as an aligned table with a header. */
export function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(line(header));
  for (const r of rows) console.log(line(r));
}
