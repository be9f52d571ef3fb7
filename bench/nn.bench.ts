/**
 * The reference model's training-step cost: forward + MSE loss + backward of the article's
 * SeedModel on its 20-sample batch, with nn's fused kernels, beside a baseline in the same run —
 * the same model and parameters composed from primitive tensor ops (bench/nn-baseline.ts).
 * Every iteration is timed on its own; the table gives the median (and 10th/90th percentiles)
 * over many iterations after a warm-up, with `zeroGrad(false)` (gradient buffers reused) and
 * with `zeroGrad()` (set to null, PyTorch 2's default), and the ratio to the baseline.
 * Target on the project's 2-core machine: ≤ 45 µs per iteration; PyTorch 1.13 takes ~220 µs there.
 *
 * Run alone: `node --import tsx bench/nn.bench.ts`.
 */
import { pathToFileURL } from 'node:url';
import { articleData } from '../src/experiments/article/data.js';
import { SeedModel, articleLoss } from '../src/experiments/article/model.js';
import { getKernels } from '../src/tensor/kernels/registry.js';
import { manualSeed } from '../src/tensor/random/index.js';
import { primitiveArticleLoss } from './nn-baseline.js';
import { printTable } from './kernels-timing.js';

const WARMUP = 3000;
const ITERATIONS = 20000;

/** Percentiles (µs) of per-iteration wall times. */
interface Timing {
  p10: number;
  median: number;
  p90: number;
}

function timeEach(step: () => void, warmup: number, iterations: number): Timing {
  for (let i = 0; i < warmup; i++) step();
  const times = new Float64Array(iterations);
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    step();
    times[i] = (performance.now() - t0) * 1000;
  }
  times.sort();
  const at = (q: number): number => times[Math.min(iterations - 1, Math.floor(q * iterations))]!;
  return { p10: at(0.1), median: at(0.5), p90: at(0.9) };
}

/** Prints the fused and baseline timings of the reference model's forward + backward. */
export async function runNnBench(): Promise<void> {
  manualSeed(0);
  const model = new SeedModel();
  const data = articleData();
  const fusedLoss = articleLoss(model, data).item();
  const baselineLoss = primitiveArticleLoss(model, data).item();
  if (Math.abs(fusedLoss - baselineLoss) > 1e-4 * Math.abs(baselineLoss)) {
    throw new Error(`fused loss ${fusedLoss} and baseline loss ${baselineLoss} differ: the benchmark would compare different computations`);
  }
  const cases: [string, () => void][] = [
    ['fused, zeroGrad(false)', () => { model.zeroGrad(false); articleLoss(model, data).backward(); }],
    ['fused, zeroGrad()', () => { model.zeroGrad(); articleLoss(model, data).backward(); }],
    ['baseline: primitive ops', () => { model.zeroGrad(false); primitiveArticleLoss(model, data).backward(); }],
  ];
  const results = cases.map(([name, step]) => [name, timeEach(step, WARMUP, ITERATIONS)] as const);
  const baseline = results[2]![1].median;
  console.log(`SeedModel forward + MSE + backward, batch 20, kernels '${getKernels().name}', ${ITERATIONS} timed iterations after ${WARMUP} warm-up`);
  printTable(
    ['per iteration', 'median µs', 'p10 µs', 'p90 µs', 'baseline/this'],
    results.map(([name, t]) => [name, t.median.toFixed(1), t.p10.toFixed(1), t.p90.toFixed(1), (baseline / t.median).toFixed(2)]),
  );
  const zero = timeEach(() => model.zeroGrad(false), 1000, 5000);
  const fused = results[0]![1].median;
  console.log(`zeroGrad(false) alone: median ${zero.median.toFixed(2)} µs.`);
  console.log(`fused forward + backward: ${fused.toFixed(1)} µs, target ≤ 45 µs: ${fused <= 45 ? 'met' : 'NOT met'} (PyTorch 1.13: ~220 µs on the 2-core machine)`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runNnBench();
