/**
 * Test support: builds decaylab schedulers from the PyTorch fixtures' descriptions (scheduler name plus
 * PyTorch's snake_case options), checking each option's kind at run time.
 */
import { ChainedScheduler, type ChainableScheduler } from '../chained-scheduler.js';
import { ConstantLR } from '../constant-lr.js';
import { CosineAnnealingLR } from '../cosine-annealing-lr.js';
import { CosineAnnealingWarmRestarts } from '../cosine-annealing-warm-restarts.js';
import { ExponentialLR } from '../exponential-lr.js';
import { LambdaLR, MultiplicativeLR, type LrLambda } from '../lambda-lr.js';
import { LinearLR } from '../linear-lr.js';
import { LRScheduler } from '../lr-scheduler.js';
import { MultiStepLR } from '../multi-step-lr.js';
import { OneCycleLR } from '../one-cycle-lr.js';
import { PolynomialLR } from '../polynomial-lr.js';
import { ReduceLROnPlateau } from '../reduce-lr-on-plateau.js';
import { SequentialLR } from '../sequential-lr.js';
import { StepLR } from '../step-lr.js';
import type { SchedulableOptimizer } from '../types.js';

/** A scheduler description from a fixture. */
export interface SchedulerSpec {
  scheduler: string;
  options: Record<string, unknown>;
}

/** Anything the builder returns. */
export type AnyScheduler = LRScheduler | ReduceLROnPlateau | SequentialLR | ChainedScheduler;

/** The named lambdas of scripts/fixtures/gen_lr_schedulers_extra.py, as the same functions. */
export const NAMED_LAMBDAS: Record<string, LrLambda> = {
  pow095: (e) => 0.95 ** e,
  warmup5: (e) => Math.min(1.0, (e + 1) / 5),
  inv_sqrt: (e) => 1.0 / Math.sqrt(e + 1),
  const095: () => 0.95,
  every3_09: (e) => (e % 3 === 0 ? 0.9 : 1.0),
};

/** `{ [key]: value }` when value is defined, `{}` otherwise (optional options under exactOptionalPropertyTypes). */
function maybe<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  const out: { [P in K]?: V } = {};
  if (value !== undefined) out[key] = value;
  return out;
}

class Options {
  constructor(
    private readonly raw: Record<string, unknown>,
    private readonly owner: string,
  ) {}

  private fail(key: string, kind: string): never {
    throw new Error(`${this.owner} fixture option ${key} must be ${kind}, got ${JSON.stringify(this.raw[key])}`);
  }

  num(key: string): number {
    const v = this.raw[key];
    return typeof v === 'number' ? v : this.fail(key, 'a number');
  }

  optNum(key: string): number | undefined {
    return this.raw[key] === undefined ? undefined : this.num(key);
  }

  numOrList(key: string): number | number[] {
    const v = this.raw[key];
    if (typeof v === 'number') return v;
    if (Array.isArray(v) && v.every((x): x is number => typeof x === 'number')) return v;
    return this.fail(key, 'a number or a list of numbers');
  }

  optNumOrList(key: string): number | number[] | undefined {
    return this.raw[key] === undefined ? undefined : this.numOrList(key);
  }

  list(key: string): number[] {
    const v = this.numOrList(key);
    return typeof v === 'number' ? this.fail(key, 'a list of numbers') : v;
  }

  optBool(key: string): boolean | undefined {
    const v = this.raw[key];
    if (v === undefined || typeof v === 'boolean') return v;
    return this.fail(key, 'a boolean');
  }

  optChoice<const T extends string>(key: string, choices: readonly T[]): T | undefined {
    const v = this.raw[key];
    if (v === undefined) return undefined;
    const found = choices.find((c) => c === v);
    return found ?? this.fail(key, `one of ${choices.join(', ')}`);
  }

  lambdas(key: string): LrLambda | LrLambda[] {
    const named = (name: unknown): LrLambda => (typeof name === 'string' ? NAMED_LAMBDAS[name] : undefined) ?? this.fail(key, 'a named lambda');
    const v = this.raw[key];
    return Array.isArray(v) ? v.map(named) : named(v);
  }

  specs(key: string): SchedulerSpec[] {
    const v = this.raw[key];
    if (!Array.isArray(v)) return this.fail(key, 'a list of schedulers');
    return v.map((item: unknown) => {
      if (typeof item !== 'object' || item === null || !('scheduler' in item) || !('options' in item)) return this.fail(key, 'a list of schedulers');
      const { scheduler, options } = item;
      if (typeof scheduler !== 'string' || typeof options !== 'object' || options === null) return this.fail(key, 'a list of schedulers');
      return { scheduler, options: Object.fromEntries(Object.entries(options)) };
    });
  }
}

function buildLR(spec: SchedulerSpec, optimizer: SchedulableOptimizer): LRScheduler {
  const o = new Options(spec.options, spec.scheduler);
  const lastEpoch = maybe('lastEpoch', o.optNum('last_epoch'));
  switch (spec.scheduler) {
    case 'StepLR':
      return new StepLR(optimizer, { stepSize: o.num('step_size'), ...maybe('gamma', o.optNum('gamma')), ...lastEpoch });
    case 'MultiStepLR':
      return new MultiStepLR(optimizer, { milestones: o.list('milestones'), ...maybe('gamma', o.optNum('gamma')), ...lastEpoch });
    case 'ConstantLR':
      return new ConstantLR(optimizer, { ...maybe('factor', o.optNum('factor')), ...maybe('totalIters', o.optNum('total_iters')), ...lastEpoch });
    case 'LinearLR':
      return new LinearLR(optimizer, {
        ...maybe('startFactor', o.optNum('start_factor')),
        ...maybe('endFactor', o.optNum('end_factor')),
        ...maybe('totalIters', o.optNum('total_iters')),
        ...lastEpoch,
      });
    case 'ExponentialLR':
      return new ExponentialLR(optimizer, { gamma: o.num('gamma'), ...lastEpoch });
    case 'PolynomialLR':
      return new PolynomialLR(optimizer, { ...maybe('totalIters', o.optNum('total_iters')), ...maybe('power', o.optNum('power')), ...lastEpoch });
    case 'CosineAnnealingLR':
      return new CosineAnnealingLR(optimizer, { tMax: o.num('T_max'), ...maybe('etaMin', o.optNum('eta_min')), ...lastEpoch });
    case 'CosineAnnealingWarmRestarts':
      return new CosineAnnealingWarmRestarts(optimizer, {
        t0: o.num('T_0'),
        ...maybe('tMult', o.optNum('T_mult')),
        ...maybe('etaMin', o.optNum('eta_min')),
        ...lastEpoch,
      });
    case 'LambdaLR':
      return new LambdaLR(optimizer, { lrLambda: o.lambdas('lr_lambda'), ...lastEpoch });
    case 'MultiplicativeLR':
      return new MultiplicativeLR(optimizer, { lrLambda: o.lambdas('lr_lambda'), ...lastEpoch });
    case 'OneCycleLR':
      return new OneCycleLR(optimizer, {
        maxLr: o.numOrList('max_lr'),
        ...maybe('totalSteps', o.optNum('total_steps')),
        ...maybe('epochs', o.optNum('epochs')),
        ...maybe('stepsPerEpoch', o.optNum('steps_per_epoch')),
        ...maybe('pctStart', o.optNum('pct_start')),
        ...maybe('annealStrategy', o.optChoice('anneal_strategy', ['cos', 'linear'])),
        ...maybe('cycleMomentum', o.optBool('cycle_momentum')),
        ...maybe('baseMomentum', o.optNumOrList('base_momentum')),
        ...maybe('maxMomentum', o.optNumOrList('max_momentum')),
        ...maybe('divFactor', o.optNum('div_factor')),
        ...maybe('finalDivFactor', o.optNum('final_div_factor')),
        ...maybe('threePhase', o.optBool('three_phase')),
        ...lastEpoch,
      });
    default:
      throw new Error(`no LRScheduler named ${spec.scheduler}`);
  }
}

/** Builds the scheduler a fixture describes; options it omits take decaylab's (= PyTorch's) defaults. */
export function buildScheduler(spec: SchedulerSpec, optimizer: SchedulableOptimizer): AnyScheduler {
  const o = new Options(spec.options, spec.scheduler);
  switch (spec.scheduler) {
    case 'ReduceLROnPlateau':
      return new ReduceLROnPlateau(optimizer, {
        ...maybe('mode', o.optChoice('mode', ['min', 'max'])),
        ...maybe('factor', o.optNum('factor')),
        ...maybe('patience', o.optNum('patience')),
        ...maybe('threshold', o.optNum('threshold')),
        ...maybe('thresholdMode', o.optChoice('threshold_mode', ['rel', 'abs'])),
        ...maybe('cooldown', o.optNum('cooldown')),
        ...maybe('minLr', o.optNumOrList('min_lr')),
        ...maybe('eps', o.optNum('eps')),
      });
    case 'SequentialLR':
      return new SequentialLR(optimizer, {
        schedulers: o.specs('schedulers').map((s) => buildLR(s, optimizer)),
        milestones: o.list('milestones'),
      });
    case 'ChainedScheduler': {
      const children: ChainableScheduler[] = o.specs('schedulers').map((s) => buildLR(s, optimizer));
      return new ChainedScheduler(children);
    }
    default:
      return buildLR(spec, optimizer);
  }
}
