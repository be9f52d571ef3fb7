/**
 * Two interleaving half-circles (scikit-learn's `make_moons`, with random instead of evenly spaced
 * angles): class 0 at (cos t, sin t), class 1 at (1 − cos t, 0.5 − sin t), t ~ U(0, π), plus
 * Gaussian noise of standard deviation `noise` on both coordinates; classes alternate.
 */
import { Generator } from '../../tensor/random/generator.js';
import { rand, randn } from '../../tensor/random/distributions.js';
import { Tensor } from '../../tensor/tensor.js';
import type { Dataset, Split } from './types.js';

/** Options of {@link moonsDataset}. */
export interface MoonsOptions {
  readonly n: number;
  readonly testN: number;
  readonly noise: number;
  readonly seed: number;
}

function makeSplit(n: number, noise: number, gen: Generator): Split {
  const t = rand([n], { generator: gen, dtype: 'float64' }).data;
  const eps = randn([2 * n], { generator: gen, dtype: 'float64' }).data;
  const x = new Float32Array(2 * n);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const a = t[i]! * Math.PI;
    const label = i % 2;
    const px = label === 0 ? Math.cos(a) : 1 - Math.cos(a);
    const py = label === 0 ? Math.sin(a) : 0.5 - Math.sin(a);
    x[2 * i] = px + noise * eps[2 * i]!;
    x[2 * i + 1] = py + noise * eps[2 * i + 1]!;
    y[i] = label;
  }
  return { x: new Tensor(x, [n, 2]), y: new Tensor(y, [n]) };
}

/** The two-moons dataset: `n` training and `testN` test points. */
export function moonsDataset(o: MoonsOptions): Dataset {
  const gen = new Generator(o.seed);
  const train = makeSplit(o.n, o.noise, gen);
  const test = o.testN > 0 ? makeSplit(o.testN, o.noise, gen) : null;
  return {
    name: 'moons',
    task: 'classification',
    inputSize: 2,
    outputSize: 2,
    train,
    test,
    description: `two moons, noise ${o.noise}; ${o.n} train / ${o.testN} test points (seed ${o.seed})`,
  };
}
