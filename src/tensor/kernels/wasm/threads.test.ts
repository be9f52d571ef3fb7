import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArgumentError } from '../../errors.js';
import { KernelError } from '../errors.js';
import { type GemmExecutor, wasmGemm } from './gemm.js';
import { disableKernelThreads, enableKernelThreads, wasmExecutor, wasmKernels } from './kernels.js';
import { type GemmThreadPool, type KernelWorker, nodeWorkerSpawner, splitRange, startGemmThreads } from './threads.js';

const spawn = nodeWorkerSpawner(Worker);

function data(length: number, seed: number): Float32Array {
  return Float32Array.from({ length }, (_, i) => Math.sin(i * 0.731 + seed) * 2);
}

function product(executor: GemmExecutor, transA: boolean, transB: boolean, m: number, n: number, k: number, withBias: boolean, accumulate: boolean): Float32Array {
  const c = data(m * n + 4, 3);
  wasmGemm(executor, transA, transB, m, n, k, data(m * k, 1), 0, data(k * n, 2), 0, c, 2, accumulate, withBias ? data(n, 4) : null);
  return c;
}

describe('splitRange', () => {
  it('cuts [0, total) into consecutive ranges of whole units, the last ending at total', () => {
    expect(splitRange(100, 16, 2)).toEqual([[0, 64], [64, 100]]);
    expect(splitRange(33, 2, 2)).toEqual([[0, 18], [18, 33]]);
    expect(splitRange(10, 16, 2)).toEqual([[0, 10], [10, 10]]);
    expect(splitRange(1000, 16, 3)).toEqual([[0, 336], [336, 672], [672, 1000]]);
  });
});

describe('gemm thread pool', () => {
  let pool: GemmThreadPool;
  beforeAll(async () => {
    pool = await startGemmThreads(spawn, { threads: 2, minWork: 0 });
  });
  afterAll(() => pool.close());

  it('gives the single-thread result bit for bit, splitting columns (n ≥ m) and rows (m > n)', () => {
    const single = wasmExecutor();
    const shapes = [[40, 300, 70], [300, 40, 70], [3, 17, 5], [129, 257, 300], [1, 1000, 3], [1000, 1, 3]] as const;
    for (const [m, n, k] of shapes) {
      for (const [transA, transB] of [[false, false], [false, true], [true, false], [true, true]] as const) {
        for (const [bias, accumulate] of [[false, false], [true, true]] as const) {
          const want = product(single, transA, transB, m, n, k, bias, accumulate);
          const got = product(pool, transA, transB, m, n, k, bias, accumulate);
          expect(Array.from(got), `${m}x${n}x${k} ${transA} ${transB}`).toEqual(Array.from(want));
        }
      }
    }
    expect(pool.counts.split).toBeGreaterThan(0);
  });

  it('runs products below minWork on the calling thread', async () => {
    const small = await startGemmThreads(spawn, { minWork: 1000 });
    try {
      product(small, false, false, 9, 10, 11, false, false);
      expect(small.counts).toEqual({ split: 0, local: 1 });
      product(small, false, false, 10, 10, 10, false, false);
      expect(small.counts).toEqual({ split: 1, local: 1 });
    } finally {
      small.close();
    }
  });

  it('a job that traps in the worker is a KernelError and closes the pool', async () => {
    const doomed = await startGemmThreads(spawn, { minWork: 0 });
    const end = 65536 * 20;
    doomed.workspace.reserve(end);
    // op(B) = Bᵀ with B 64×64: this thread's columns 0–31 end exactly at the end of memory, the worker's lie past it.
    const job = { transA: false, transB: true, m: 64, n: 64, k: 64, a: 65536, b: end - 32 * 64 * 4, c: 65536 * 2, ldc: 64, pack: 65536 * 3, packStride: 65536 * 6, packABytes: 65536 * 4 };
    expect(() => doomed.run(job)).toThrow(KernelError);
    expect(() => doomed.run(job)).toThrow(/closed/);
    expect(doomed.closed).toBe(true);
  });

  it('rejects a thread count below 2 and workers that never start', async () => {
    await expect(startGemmThreads(spawn, { threads: 1 })).rejects.toThrow(ArgumentError);
    let terminated = 0;
    const silent = (): KernelWorker => ({ postMessage() {}, terminate: () => terminated++ });
    await expect(startGemmThreads(silent, { startTimeoutMs: 30 })).rejects.toThrow(/did not start within 30 ms/);
    expect(terminated).toBe(1);
  });
});

describe('enableKernelThreads', () => {
  afterAll(() => disableKernelThreads());

  it('routes the wasm kernel set through the pool until disabled', async () => {
    const pool = await enableKernelThreads(spawn, { minWork: 0 });
    expect(wasmExecutor()).toBe(pool);
    const a = data(64 * 64, 1);
    const c = new Float32Array(64 * 64);
    wasmKernels.gemm(false, false, 64, 64, 64, a, 0, a, 0, c, 0, false, null);
    expect(pool.counts.split).toBe(1);
    disableKernelThreads();
    expect(pool.closed).toBe(true);
    expect(wasmExecutor()).not.toBe(pool);
    const again = new Float32Array(64 * 64);
    wasmKernels.gemm(false, false, 64, 64, 64, a, 0, a, 0, again, 0, false, null);
    expect(Array.from(again)).toEqual(Array.from(c));
  });
});
