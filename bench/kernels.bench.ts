/**
 * Kernel sets side by side, in one run: the reference TypeScript kernels (the baseline), the
 * WebAssembly SIMD kernels on one thread, and the same with a second worker thread.
 *
 * - gemm GFLOP/s (C = A·B) at 64², 256² and 1024², and the transposed variants at 256²;
 * - small products in µs (where `auto` switches from the reference to wasm, AUTO_WASM_MIN_WORK);
 * - ReLU ns per element (AUTO_WASM_MIN_ELEMENTS);
 * - the MLP (784-256-256-10, ReLU, batch 128, Adam with weight decay 1e-4, random data)
 *   in training iterations per second, with the time split into forward, backward and step;
 * - the article's small model (2→20→…→1 with LayerNorm, Adam) in iterations per second.
 *
 * The machine is shared: the load average is printed first, and the training tables add iterations
 * per second of process CPU time (for one thread, what it reaches with a core to itself); run
 * more than once.
 * Run alone: `node --import tsx bench/kernels.bench.ts`.
 */
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { getKernelSet, getKernels, useKernels } from '../src/tensor/kernels/registry.js';
import { disableKernelThreads, enableKernelThreads } from '../src/tensor/kernels/wasm/kernels.js';
import { nodeWorkerSpawner } from '../src/tensor/kernels/wasm/threads.js';
import { type TrainingRun, trainArticleModel, trainMlp } from './kernels-models.js';
import { bestSecondsPerCall, gemmSeconds, printTable, randomFloat32 } from './kernels-timing.js';

/** MLP iterations timed with the reference kernels (≈0.3 s each; the fast sets run 200). */
const REFERENCE_MLP_ITERATIONS = 10;
const MLP_ITERATIONS = 200;
const ARTICLE_ITERATIONS = 1000;

const reference = getKernelSet('reference');
const wasm = getKernelSet('wasm');
const startThreads = () => enableKernelThreads(nodeWorkerSpawner(Worker));

const fmt = (x: number, digits = 1): string => x.toFixed(digits);

async function gemmTable(): Promise<void> {
  console.log('\ngemm GFLOP/s, C = A·B (square; NT/TN = B or A transposed):');
  const rows: string[][] = [];
  const cases: [string, number, boolean, boolean][] = [
    ['64² NN', 64, false, false],
    ['256² NN', 256, false, false],
    ['256² NT', 256, false, true],
    ['256² TN', 256, true, false],
    ['1024² NN', 1024, false, false],
  ];
  const pool = await startThreads();
  const threaded: number[] = [];
  let at256 = 0;
  for (const [, s, tA, tB] of cases) threaded.push(gemmSeconds(wasm, s, s, s, 0.6, tA, tB));
  disableKernelThreads();
  cases.forEach(([label, s, tA, tB], i) => {
    const flops = 2 * s * s * s;
    const r = flops / gemmSeconds(reference, s, s, s, s >= 1024 ? 0 : 0.6, tA, tB) / 1e9;
    const w = flops / gemmSeconds(wasm, s, s, s, 0.6, tA, tB) / 1e9;
    const t = flops / threaded[i]! / 1e9;
    rows.push([label, fmt(r, 2), fmt(w), fmt(t), `${fmt(w / r, 0)}×`, `${fmt(t / w, 2)}×`]);
    if (label === '256² NN') at256 = w;
  });
  printTable(['size', 'reference', 'wasm 1 thread', `wasm ${pool.threads} threads`, 'wasm/ref', 'threads/1'], rows);
  console.log(`(products below ${pool.minWork} multiply-adds stay on one thread)`);
  console.log(`matmul 256² on one core: ${fmt(at256)} GFLOP/s, target ≥ 20: ${at256 >= 20 ? 'met' : 'NOT met'}`);
}

function smallGemmTable(): void {
  console.log('\nsmall gemm µs per call, x·Wᵀ (NT) and W·x (NN) — where auto switches to wasm:');
  const rows: string[][] = [];
  for (const [m, n, k] of [[4, 4, 4], [6, 6, 6], [8, 8, 8], [20, 1, 20], [20, 20, 2], [20, 20, 20], [64, 64, 64]] as const) {
    for (const transB of [true, false]) {
      const a = randomFloat32(m * k, 1);
      const b = randomFloat32(k * n, 2);
      const c = new Float32Array(m * n);
      const us = (kern: typeof reference): number =>
        bestSecondsPerCall(() => kern.gemm(false, transB, m, n, k, a, 0, b, 0, c, 0, false, null), Math.ceil(2e6 / (m * n * k + 500)), 5) * 1e6;
      const r = us(reference);
      const w = us(wasm);
      rows.push([`${m}×${n}×${k} ${transB ? 'NT' : 'NN'}`, String(m * n * k), fmt(r, 2), fmt(w, 2), `${fmt(r / w, 2)}×`]);
    }
  }
  printTable(['m×n×k', 'work', 'reference', 'wasm', 'wasm speed-up'], rows);
}

function reluTable(): void {
  console.log('\nReLU ns per element, random signs (forward / backward):');
  const rows: string[][] = [];
  for (const n of [128, 256, 1024, 32768]) {
    const x = randomFloat32(n, 3);
    const g = randomFloat32(n, 4);
    const y = new Float32Array(n);
    const reps = Math.ceil(2e6 / n);
    const ns = (f: () => void): number => (bestSecondsPerCall(f, reps, 5) * 1e9) / n;
    rows.push([
      String(n),
      `${fmt(ns(() => reference.relu(x, y, n)), 2)} / ${fmt(ns(() => reference.reluBackward(x, g, y, n)), 2)}`,
      `${fmt(ns(() => wasm.relu(x, y, n)), 2)} / ${fmt(ns(() => wasm.reluBackward(x, g, y, n)), 2)}`,
    ]);
  }
  printTable(['elements', 'reference', 'wasm'], rows);
}

function runRow(label: string, iterations: number, r: TrainingRun, baseline: TrainingRun): string[] {
  return [
    label,
    String(iterations),
    fmt(r.itersPerSecond),
    `${fmt(r.itersPerSecond / baseline.itersPerSecond, 2)}×`,
    fmt(r.itersPerCpuSecond),
    fmt(r.forwardMs, 2),
    fmt(r.backwardMs, 2),
    fmt(r.stepMs, 2),
    r.finalLoss.toPrecision(6),
  ];
}

const RUN_HEADER = ['kernels', 'iters', 'iters/s', 'vs ref', 'per CPU-s', 'fwd ms', 'bwd ms', 'step ms', 'final loss'];

async function mlpTable(): Promise<void> {
  console.log('\nMLP 784-256-256-10, ReLU, batch 128, Adam(lr 1e-3, weight decay 1e-4), random data (PyTorch 1.13 as shipped: 117–136 iters/s):');
  useKernels('reference');
  const ref = trainMlp(1, REFERENCE_MLP_ITERATIONS);
  const rows = [runRow('reference', REFERENCE_MLP_ITERATIONS, ref, ref)];
  const fast: [string, number][] = [];
  for (const name of ['wasm', 'auto']) {
    useKernels(name);
    const run = trainMlp(10, MLP_ITERATIONS);
    rows.push(runRow(name, MLP_ITERATIONS, run, ref));
    fast.push([name, run.itersPerSecond]);
  }
  const pool = await startThreads();
  const threaded = trainMlp(10, MLP_ITERATIONS);
  const threadedLabel = `auto, ${pool.threads} threads`;
  rows.push(runRow(threadedLabel, MLP_ITERATIONS, threaded, ref));
  fast.push([threadedLabel, threaded.itersPerSecond]);
  disableKernelThreads();
  printTable(RUN_HEADER, rows);
  const [bestName, best] = fast.reduce((a, b) => (b[1] > a[1] ? b : a));
  console.log(`MLP training, fastest kernel setting (${bestName}): ${fmt(best)} iters/s, target ≥ 130: ${best >= 130 ? 'met' : 'NOT met'}`);
}

function articleTable(): void {
  console.log("\nThe article's model (2→20→20→20→20→1, LayerNorm(20), batch 20, Adam(0.01, wd 0.1)):");
  useKernels('reference');
  const ref = trainArticleModel(100, ARTICLE_ITERATIONS);
  const rows = [runRow('reference', ARTICLE_ITERATIONS, ref, ref)];
  for (const name of ['wasm', 'auto']) {
    useKernels(name);
    rows.push(runRow(name, ARTICLE_ITERATIONS, trainArticleModel(100, ARTICLE_ITERATIONS), ref));
  }
  printTable(RUN_HEADER, rows);
}

/** Runs every table; restores the kernel set that was selected before. */
export async function runKernelsBench(): Promise<void> {
  const before = getKernels().name;
  const [one] = loadavg();
  console.log(`load average ${fmt(one ?? 0, 2)} on this machine (numbers are noisy when it is well above 0)`);
  try {
    await gemmTable();
    smallGemmTable();
    reluTable();
    await mlpTable();
    articleTable();
  } finally {
    disableKernelThreads();
    useKernels(before);
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runKernelsBench();
}
