/**
 * Test support: the PyTorch optimizer reference data (`../shared/fixtures/torch/optim.json`) and a
 * registry of the PyTorch-shaped classes by PyTorch name, for the shared conformance suite.
 */
import { type FixtureTensor, fromFixture, loadFixture } from '../../../test/fixtures.js';
import type { Tensor } from '../../tensor/tensor.js';
import { Adadelta, Adagrad, Adam, AdamW, Adamax, NAdam, RAdam, RMSprop, SGD } from '../index.js';
import type { Optimizer } from '../optimizer.js';
import type { OptimizerOptions } from '../types.js';

/** One optimizer configuration of optim.json and PyTorch's parameters after every step. */
export interface OptimCase {
  optimizer: string;
  options: Record<string, unknown>;
  param_groups?: ({ params: number[] } & Record<string, unknown>)[];
  trajectory: number[][][];
}

/** optim.json: initial parameters, the gradient of every step and the cases. */
export interface OptimFixture {
  p0: FixtureTensor[];
  grads: FixtureTensor[][];
  cases: OptimCase[];
}

/** Loads optim.json. */
export function loadOptimFixture(): OptimFixture {
  return loadFixture<OptimFixture>('torch/optim.json');
}

/** PyTorch's snake_case option name in camelCase (`weight_decay` → `weightDecay`). */
export function camelCase(name: string): string {
  return name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** An options object with camelCase keys. */
export function camelOptions(options: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(options).map(([k, v]) => [camelCase(k), v]));
}

type Factory = (params: Tensor[] | Record<string, unknown>[], options: Record<string, unknown>) => Optimizer<OptimizerOptions>;

/**
 * Every PyTorch-shaped optimizer by its PyTorch name. Options come from JSON, so they are passed
 * unchecked by the type system; the constructors validate them at run time.
 */
export const OPTIMIZERS: Readonly<Record<string, Factory>> = {
  SGD: (p, o) => new SGD(p as Tensor[], o as ConstructorParameters<typeof SGD>[1]),
  Adam: (p, o) => new Adam(p as Tensor[], o),
  AdamW: (p, o) => new AdamW(p as Tensor[], o),
  RMSprop: (p, o) => new RMSprop(p as Tensor[], o),
  Adagrad: (p, o) => new Adagrad(p as Tensor[], o),
  Adadelta: (p, o) => new Adadelta(p as Tensor[], o),
  Adamax: (p, o) => new Adamax(p as Tensor[], o),
  NAdam: (p, o) => new NAdam(p as Tensor[], o),
  RAdam: (p, o) => new RAdam(p as Tensor[], o),
};

/** The case's parameters (fresh copies of p0) and its optimizer, param groups mapped to camelCase. */
export function buildCase(fixture: OptimFixture, c: OptimCase): { params: Tensor[]; optimizer: Optimizer<OptimizerOptions> } {
  const factory = OPTIMIZERS[c.optimizer];
  if (factory === undefined) throw new Error(`no optimizer named ${c.optimizer}`);
  const params = fixture.p0.map((t) => fromFixture(t, { requiresGrad: true }));
  const groups = c.param_groups?.map(({ params: indices, ...rest }) => ({ ...camelOptions(rest), params: indices.map((i) => params[i]!) }));
  return { params, optimizer: factory(groups ?? params, camelOptions(c.options)) };
}

/** Sets every parameter's grad to step t's gradient from the fixture. */
export function setFixtureGrads(fixture: OptimFixture, params: readonly Tensor[], t: number): void {
  params.forEach((p, i) => {
    p.grad = fromFixture(fixture.grads[t]![i]!);
  });
}
