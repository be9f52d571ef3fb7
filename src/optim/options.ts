/**
 * Option handling shared by every optimizer: PyTorch's argument checks (as {@link OptionRangeError}s
 * naming the option and the value) and the merge of defaults, constructor options and group overrides.
 */
import { checkDecayMode } from './transforms/decay.js';
import { OptimizerError, OptionRangeError } from './errors.js';
import type { DecayMode, OptimizerOptions } from './types.js';

function show(value: unknown): string {
  return Array.isArray(value) ? `[${value.map(show).join(', ')}]` : typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** Requires a number ≥ 0 (PyTorch: `if not 0.0 <= lr: raise ValueError("Invalid learning rate: ...")`). NaN fails. */
export function checkNonNegative(option: string, value: unknown, what: string): void {
  if (typeof value !== 'number' || !(value >= 0)) {
    throw new OptionRangeError(`Invalid ${what}: ${option} = ${show(value)} (must be a number >= 0)`, option, value);
  }
}

/** Requires a number in [0, 1] (Adadelta's rho). */
export function checkUnitInterval(option: string, value: unknown, what: string): void {
  if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
    throw new OptionRangeError(`Invalid ${what}: ${option} = ${show(value)} (must be in [0, 1])`, option, value);
  }
}

/** Requires two numbers in [0, 1) (PyTorch: `Invalid beta parameter at index 0: ...`). */
export function checkBetas(value: unknown): void {
  if (!Array.isArray(value) || value.length !== 2) {
    throw new OptionRangeError(`Invalid betas: betas = ${show(value)} (must be a pair [beta1, beta2])`, 'betas', value);
  }
  value.forEach((beta: unknown, index) => {
    if (typeof beta !== 'number' || !(beta >= 0 && beta < 1)) {
      throw new OptionRangeError(`Invalid beta parameter at index ${index}: betas = ${show(value)} (each must be in [0, 1))`, 'betas', value);
    }
  });
}

/** Requires a boolean. */
export function checkBoolean(option: string, value: unknown): void {
  if (typeof value !== 'boolean') {
    throw new OptionRangeError(`Invalid ${option}: ${option} = ${show(value)} (must be true or false)`, option, value);
  }
}

/** The checks every optimizer makes: lr ≥ 0, weightDecay ≥ 0, a known decay mode, a boolean maximize. */
export function checkCommonOptions(options: OptimizerOptions): void {
  checkNonNegative('lr', options.lr, 'learning rate');
  checkNonNegative('weightDecay', options.weightDecay, 'weight_decay value');
  checkDecayMode(options.decay);
  checkBoolean('maximize', options.maximize);
}

/**
 * Resolves PyTorch 2's `decoupledWeightDecay` flag into `decay`: true means 'decoupled', false the class's
 * coupled default; together with a conflicting `decay` it is an error. Returns the decay mode to use, or
 * undefined when neither is given.
 */
export function resolveDecay(decay: unknown, decoupledWeightDecay: unknown, classDefault: DecayMode): DecayMode | undefined {
  if (decoupledWeightDecay === undefined) {
    if (decay === undefined) return undefined;
    checkDecayMode(decay);
    return decay;
  }
  checkBoolean('decoupledWeightDecay', decoupledWeightDecay);
  const implied: DecayMode = decoupledWeightDecay === true ? 'decoupled' : classDefault === 'decoupled' ? 'l2' : classDefault;
  if (decay !== undefined && decay !== implied) {
    throw new OptionRangeError(
      `Conflicting options: decoupledWeightDecay = ${show(decoupledWeightDecay)} implies decay = '${implied}', but decay = ${show(decay)}`,
      'decoupledWeightDecay',
      decoupledWeightDecay,
    );
  }
  return implied;
}

/**
 * The defaults of an optimizer instance: the class defaults overridden by the constructor options.
 * Unknown option names are an error (a snake_case `weight_decay` would otherwise be ignored silently).
 */
export function resolveDefaults<O extends OptimizerOptions>(className: string, classDefaults: O, options: Partial<O> & { decoupledWeightDecay?: boolean }): O {
  const known = new Set([...Object.keys(classDefaults), 'decoupledWeightDecay']);
  for (const key of Object.keys(options)) {
    if (!known.has(key)) {
      throw new OptimizerError(`${className}: unknown option '${key}'; its options are ${[...known].join(', ')}`);
    }
  }
  const { decoupledWeightDecay, ...overrides } = options;
  const resolved: O = { ...classDefaults };
  for (const [key, value] of Object.entries(overrides)) {
    if (value !== undefined) Object.assign(resolved, { [key]: Array.isArray(value) ? [...value] : value });
  }
  const decay = resolveDecay(overrides.decay, decoupledWeightDecay, classDefaults.decay);
  if (decay !== undefined) resolved.decay = decay;
  return resolved;
}
