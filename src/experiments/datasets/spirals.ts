/**
 * Interleaved spirals (the CS231n toy data): point i of class k has radius r = u (u ~ U(0, 1)) and
 * angle θ = 2πk/K + 2π·turns·u + noise·ε, at (r·sin θ, r·cos θ); classes alternate.
 */
import { Generator } from '../../tensor/random/generator.js';
import { rand, randn } from '../../tensor/random/distributions.js';
import { Tensor } from '../../tensor/tensor.js';
import type { Dataset, Split } from './types.js';

/** Options of {@link spiralsDataset}. */
export interface SpiralsOptions {
  readonly n: number;
  readonly testN: number;
  readonly classes: number;
  readonly turns: number;
  readonly noise: number;
  readonly seed: number;
}

function makeSplit(o: SpiralsOptions, n: number, gen: Generator): Split {
  const u = rand([n], { generator: gen, dtype: 'float64' }).data;
  const eps = randn([n], { generator: gen, dtype: 'float64' }).data;
  const x = new Float32Array(2 * n);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const k = i % o.classes;
    const r = u[i]!;
    const theta = (2 * Math.PI * k) / o.classes + 2 * Math.PI * o.turns * r + o.noise * eps[i]!;
    x[2 * i] = r * Math.sin(theta);
    x[2 * i + 1] = r * Math.cos(theta);
    y[i] = k;
  }
  return { x: new Tensor(x, [n, 2]), y: new Tensor(y, [n]) };
}

/** The spirals dataset: `n` training and `testN` test points in `classes` arms. */
export function spiralsDataset(o: SpiralsOptions): Dataset {
  const gen = new Generator(o.seed);
  const train = makeSplit(o, o.n, gen);
  const test = o.testN > 0 ? makeSplit(o, o.testN, gen) : null;
  return {
    name: 'spirals',
    task: 'classification',
    inputSize: 2,
    outputSize: o.classes,
    train,
    test,
    description: `${o.classes} spirals, ${o.turns} turn(s), angle noise ${o.noise}; ${o.n} train / ${o.testN} test points (seed ${o.seed})`,
  };
}
