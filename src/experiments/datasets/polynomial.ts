/**
 * Noisy polynomial regression: x ~ U(−1, 1), y = Σₖ cₖ·xᵏ + noise·ε with ε ~ N(0, 1). Inputs are
 * [x, x², …, x^featureDegree], so a high `featureDegree` with few points overfits. Coefficients are
 * the given ones (c₀ first) or drawn from N(0, 1) by the dataset's generator.
 */
import { Generator } from '../../tensor/random/generator.js';
import { rand, randn } from '../../tensor/random/distributions.js';
import { Tensor } from '../../tensor/tensor.js';
import { ConfigError } from '../errors.js';
import type { Dataset, Split } from './types.js';

/** Options of {@link polynomialDataset}. */
export interface PolynomialOptions {
  readonly n: number;
  readonly testN: number;
  readonly degree: number;
  readonly coefficients?: readonly number[] | undefined;
  readonly noise: number;
  readonly featureDegree: number;
  readonly seed: number;
}

function makeSplit(n: number, coef: readonly number[], noise: number, featureDegree: number, gen: Generator): Split {
  const xs = rand([n], { generator: gen, dtype: 'float64' }).data;
  const eps = randn([n], { generator: gen, dtype: 'float64' }).data;
  const x = new Float32Array(n * featureDegree);
  const y = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const v = 2 * xs[i]! - 1;
    let p = 1;
    let target = 0;
    for (const c of coef) {
      target += c * p;
      p *= v;
    }
    y[i] = target + noise * eps[i]!;
    let f = 1;
    for (let k = 0; k < featureDegree; k++) {
      f *= v;
      x[i * featureDegree + k] = f;
    }
  }
  return { x: new Tensor(x, [n, featureDegree]), y: new Tensor(y, [n]) };
}

/** The noisy polynomial dataset: `n` training and `testN` test points from the same curve. */
export function polynomialDataset(o: PolynomialOptions): Dataset {
  const gen = new Generator(o.seed);
  let coef: readonly number[];
  if (o.coefficients !== undefined) {
    if (o.coefficients.length !== o.degree + 1) {
      throw new ConfigError([{ path: 'dataset.coefficients', message: `degree ${o.degree} needs ${o.degree + 1} coefficients (c0 first), got ${o.coefficients.length}` }]);
    }
    coef = o.coefficients;
  } else {
    coef = Array.from(randn([o.degree + 1], { generator: gen, dtype: 'float64' }).data);
  }
  const train = makeSplit(o.n, coef, o.noise, o.featureDegree, gen);
  const test = o.testN > 0 ? makeSplit(o.testN, coef, o.noise, o.featureDegree, gen) : null;
  const poly = coef.map((c, k) => `${c.toFixed(3)}x^${k}`).join(' + ');
  return {
    name: 'polynomial',
    task: 'regression',
    inputSize: o.featureDegree,
    outputSize: 1,
    train,
    test,
    description: `y = ${poly} + ${o.noise}·N(0,1), x ~ U(-1,1); features x..x^${o.featureDegree}; ${o.n} train / ${o.testN} test points (seed ${o.seed})`,
  };
}
