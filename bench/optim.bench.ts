/**
 * Optimizer step cost. (1) One step over the reference model's 18 parameters (1,501 values) with
 * Adam(lr=0.01, weight_decay=0.1): decaylab's optim.Adam against two baselines measured in the same
 * run — PyTorch's single-tensor Adam written with decaylab's tensor ops (a temporary tensor per op)
 * and a hand-fused loop (what plain JavaScript can do at best) — then every optimizer and decay mode.
 * (2) One parameter of 1M values: time per value and garbage collections per 100 steps (zero when
 * a step allocates nothing, as with the reference kernels; the wasm Adam stages each 1024-value
 * block through a few short-lived typed-array views, see docs/optim.md). Target: ≤ 10 µs for (1); PyTorch's Adam.step takes about
 * 360 µs on this machine (figure from the issue, not measured here).
 *
 * Run alone: `node --import tsx bench/optim.bench.ts`.
 */
import { PerformanceObserver } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { Tensor } from '../src/tensor/tensor.js';
import * as optim from '../src/optim/index.js';
import { printTable, randomFloat32 } from './kernels-timing.js';
import { tensorOpAdam } from './optim-baseline.js';

/** The reference model's parameter shapes: linears.0 … linears.8 (Linear, LayerNorm, …, Linear). */
const REFERENCE_SHAPES: number[][] = [[20, 2], [20], [20], [20], [20, 20], [20], [20], [20], [20, 20], [20], [20], [20], [20, 20], [20], [20], [20], [1, 20], [1]];

/**
 * Parameters of the given shapes and a step function that, before each step, swaps every gradient
 * between two fixed random sets (a reference assignment, free). Alternating gradients keep the optimizer
 * state in the normal float range; one fixed gradient would drive Adam's moments towards float32
 * subnormals, which are slow on x86 and unlike training.
 */
function makeProblem(shapes: number[][], seed: number): { params: Tensor[]; stepWith(step: () => void): () => void } {
  const grads: Tensor[][] = [[], []];
  const params = shapes.map((shape, i) => {
    const n = shape.reduce((a, b) => a * b, 1);
    grads[0]!.push(new Tensor(randomFloat32(n, seed + 100 + i).map((v) => v * 0.1), shape));
    grads[1]!.push(new Tensor(randomFloat32(n, seed + 200 + i).map((v) => v * 0.1), shape));
    return new Tensor(randomFloat32(n, seed + i), shape, { requiresGrad: true });
  });
  let parity = 0;
  const stepWith = (step: () => void) => () => {
    parity ^= 1;
    const set = grads[parity]!;
    for (let i = 0; i < params.length; i++) params[i]!.grad = set[i]!;
    step();
  };
  return { params, stepWith };
}

/** The same Adam as one hand-written loop per parameter: the floor for plain JavaScript. */
function fusedLoopAdam(params: Tensor[], lr: number, weightDecay: number): () => void {
  const [beta1, beta2, eps] = [0.9, 0.999, 1e-8];
  const m = params.map((p) => new Float32Array(p.size));
  const v = params.map((p) => new Float32Array(p.size));
  let step = 0;
  return () => {
    step++;
    const stepSize = lr / (1 - beta1 ** step);
    const bc2Sqrt = Math.sqrt(1 - beta2 ** step);
    for (let j = 0; j < params.length; j++) {
      const w = params[j]!.data;
      const g = params[j]!.grad!.data;
      const mj = m[j]!;
      const vj = v[j]!;
      for (let i = 0; i < w.length; i++) {
        const gi = g[i]! + weightDecay * w[i]!;
        mj[i] = beta1 * mj[i]! + (1 - beta1) * gi;
        vj[i] = beta2 * vj[i]! + (1 - beta2) * gi * gi;
        w[i] = w[i]! - (stepSize * mj[i]!) / (Math.sqrt(vj[i]!) / bc2Sqrt + eps);
      }
    }
  };
}

/**
 * Microseconds per call of each function: the functions take turns in `rounds` rounds of about
 * `roundMs` each (so load from other processes hits them alike); the best round counts.
 */
function interleaved(fns: readonly (() => void)[], rounds = 15, roundMs = 20): number[] {
  const batch = fns.map((fn) => {
    for (let i = 0; i < 200; i++) fn();
    const t0 = performance.now();
    let calls = 0;
    while (performance.now() - t0 < roundMs) {
      fn();
      calls++;
    }
    return Math.max(1, calls);
  });
  const best = fns.map(() => Infinity);
  for (let r = 0; r < rounds; r++) {
    fns.forEach((fn, i) => {
      const t0 = performance.now();
      for (let c = 0; c < batch[i]!; c++) fn();
      best[i] = Math.min(best[i]!, ((performance.now() - t0) * 1000) / batch[i]!);
    });
  }
  return best;
}

/** Garbage collections observed while `step` runs `times` times. */
async function gcCount(step: () => void, times: number): Promise<number> {
  let count = 0;
  const observer = new PerformanceObserver((list) => (count += list.getEntries().length));
  observer.observe({ entryTypes: ['gc'] });
  for (let i = 0; i < times; i++) step();
  await new Promise((resolve) => setTimeout(resolve, 50));
  observer.disconnect();
  return count;
}

const fmt = (x: number, digits = 2): string => x.toFixed(digits);

export async function runOptimBench(): Promise<void> {
  const lr = 0.01;
  const weightDecay = 0.1;
  const total = REFERENCE_SHAPES.reduce((s, shape) => s + shape.reduce((a, b) => a * b, 1), 0);
  console.log(`one step over the reference model's ${REFERENCE_SHAPES.length} parameters (${total} values), Adam(lr=${lr}, weight_decay=${weightDecay}); best of 15 interleaved rounds`);

  const [a, b, c] = [makeProblem(REFERENCE_SHAPES, 1), makeProblem(REFERENCE_SHAPES, 1), makeProblem(REFERENCE_SHAPES, 1)];
  const adam = new optim.Adam(c.params, { lr, weightDecay });
  const [naive, floor, ours] = interleaved([
    a.stepWith(tensorOpAdam(a.params, lr, weightDecay)),
    b.stepWith(fusedLoopAdam(b.params, lr, weightDecay)),
    c.stepWith(() => adam.step()),
  ]) as [number, number, number];
  printTable(
    ['implementation', 'µs/step', 'vs tensor ops'],
    [
      ['baseline: PyTorch-style tensor ops', fmt(naive), '1.00x'],
      ['floor: hand-fused loop', fmt(floor), `${fmt(naive / floor, 1)}x faster`],
      ['decaylab optim.Adam', fmt(ours), `${fmt(naive / ours, 1)}x faster`],
    ],
  );
  console.log(`optim.Adam: ${fmt(ours)} µs/step, target ≤ 10 µs: ${ours <= 10 ? 'met' : 'NOT met'}; ${fmt(ours / floor)}x the hand-fused floor`);

  const configurations: [string, (p: Tensor[]) => optim.Optimizer<optim.OptimizerOptions>][] = [
    ['SGD', (p) => new optim.SGD(p, { lr, weightDecay })],
    ['SGD momentum 0.9 nesterov', (p) => new optim.SGD(p, { lr, momentum: 0.9, nesterov: true, weightDecay })],
    ['Adam l2 (PyTorch Adam)', (p) => new optim.Adam(p, { lr, weightDecay })],
    ['Adam decoupled (AdamW)', (p) => new optim.AdamW(p, { lr, weightDecay })],
    ['Adam l1', (p) => new optim.Adam(p, { lr, weightDecay, decay: 'l1' })],
    ['Adam l1-proximal', (p) => new optim.Adam(p, { lr, weightDecay, decay: 'l1-proximal' })],
    ['Adam amsgrad', (p) => new optim.Adam(p, { lr, weightDecay, amsgrad: true })],
    ['RMSprop centered momentum', (p) => new optim.RMSprop(p, { lr, weightDecay, centered: true, momentum: 0.5 })],
    ['Adagrad', (p) => new optim.Adagrad(p, { lr, weightDecay })],
    ['Adadelta', (p) => new optim.Adadelta(p, { weightDecay })],
    ['Adamax', (p) => new optim.Adamax(p, { lr, weightDecay })],
    ['NAdam', (p) => new optim.NAdam(p, { lr, weightDecay })],
    ['RAdam', (p) => new optim.RAdam(p, { lr, weightDecay })],
  ];
  console.log('\nevery optimizer and decay mode, same 18 parameters, weightDecay 0.1');
  const steps = configurations.map(([, make]) => {
    const problem = makeProblem(REFERENCE_SHAPES, 1);
    const optimizer = make(problem.params);
    return problem.stepWith(() => optimizer.step());
  });
  const times = interleaved(steps, 7, 10);
  printTable(
    ['optimizer', 'µs/step', 'vs tensor-op Adam'],
    configurations.map(([name], i) => [name, fmt(times[i]!), `${fmt(naive / times[i]!, 1)}x faster`]),
  );

  const big = [[1000, 1000]];
  console.log('\none parameter of 1,000,000 values, Adam(weight_decay=0.1): time per value and GCs per 100 steps');
  const [bigA, bigB, bigC] = [makeProblem(big, 7), makeProblem(big, 7), makeProblem(big, 7)];
  const bigOurs = new optim.Adam(bigC.params, { lr, weightDecay });
  const bigSteps: [string, () => void][] = [
    ['baseline: PyTorch-style tensor ops', bigA.stepWith(tensorOpAdam(bigA.params, lr, weightDecay))],
    ['floor: hand-fused loop', bigB.stepWith(fusedLoopAdam(bigB.params, lr, weightDecay))],
    ['decaylab optim.Adam', bigC.stepWith(() => bigOurs.step())],
  ];
  const bigTimes = interleaved(bigSteps.map(([, step]) => step), 5, 100);
  const rows: string[][] = [];
  for (const [i, [name, step]] of bigSteps.entries()) rows.push([name, fmt((bigTimes[i]! * 1000) / 1e6, 2), String(await gcCount(step, 100))]);
  printTable(['implementation', 'ns/value', 'GCs/100 steps'], rows);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runOptimBench();
