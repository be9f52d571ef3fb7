/**
 * Optimizer state dicts in PyTorch's layout, as plain JSON: `state` maps a parameter's index (counted
 * across groups in order) to its state — `step`, scalars such as `mu_product`, and buffers such as
 * `exp_avg` as `{shape, data}` — and `paramGroups` lists each group's options with `params` as indices.
 * Loading validates everything before changing anything.
 */
import type { Tensor } from '../tensor/tensor.js';
import type { FloatStorage } from '../tensor/dtype.js';
import { StateDictError } from './errors.js';
import type { OptimizerOptions, ParamGroup, ParamState } from './types.js';

/** A JSON value. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** A buffer in a state dict: the parameter's shape and its values, row-major. */
export interface SerializedBuffer {
  shape: number[];
  data: number[];
}

/** One parameter's state: `step`, named scalars and named buffers (PyTorch's keys: `exp_avg`, ...). */
export type SerializedParamState = Record<string, number | SerializedBuffer>;

/** One param group: its options (camelCase, as the constructor takes them) and `params` as indices. */
export type SerializedParamGroup = { params: number[] } & { [option: string]: JsonValue };

/** PyTorch's `optimizer.state_dict()`, JSON-serializable. */
export interface OptimizerStateDict {
  state: Record<string, SerializedParamState>;
  paramGroups: SerializedParamGroup[];
}

function toJson(value: unknown, path: string): JsonValue {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new StateDictError(`${path} = ${value} cannot be saved as JSON`, path, 'a finite number', value);
    return value;
  }
  if (Array.isArray(value)) return value.map((item, i) => toJson(item, `${path}.${i}`));
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJson(v, `${path}.${k}`)]));
  }
  throw new StateDictError(`${path} is a ${typeof value}, which cannot be saved as JSON`, path, 'a JSON value', value);
}

/** The state dict of param groups and per-parameter state (see the module comment). */
export function saveStateDict<O extends OptimizerOptions>(groups: readonly ParamGroup<O>[], state: ReadonlyMap<Tensor, ParamState>): OptimizerStateDict {
  const out: OptimizerStateDict = { state: {}, paramGroups: [] };
  let index = 0;
  groups.forEach((group, gi) => {
    const indices: number[] = [];
    for (const p of group.params) {
      const s = state.get(p);
      if (s !== undefined) {
        const entry: SerializedParamState = { step: s.step };
        for (const [name, value] of Object.entries(s.scalars)) entry[name] = value;
        for (const [name, buffer] of Object.entries(s.buffers)) entry[name] = { shape: [...p.shape], data: Array.from(buffer) };
        out.state[String(index)] = entry;
      }
      indices.push(index++);
    }
    const options: { [option: string]: JsonValue } = {};
    for (const [key, value] of Object.entries(group)) {
      if (key !== 'params' && value !== undefined) options[key] = toJson(value, `paramGroups.${gi}.${key}`);
    }
    out.paramGroups.push({ ...options, params: indices });
  });
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sameShape(a: readonly number[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

function parseBuffer(value: Record<string, unknown>, param: Tensor, path: string): FloatStorage {
  const { shape, data } = value;
  if (!Array.isArray(shape) || !sameShape(param.shape, shape)) {
    throw new StateDictError(`${path} has shape ${JSON.stringify(shape)}, but its parameter has shape [${param.shape.join(', ')}]`, path, [...param.shape], shape);
  }
  if (!Array.isArray(data) || data.length !== param.size) {
    const got = Array.isArray(data) ? `${data.length} values` : typeof data;
    throw new StateDictError(`${path}.data must hold ${param.size} numbers, got ${got}`, `${path}.data`, param.size, got);
  }
  const buffer = param.dtype === 'float64' ? new Float64Array(param.size) : new Float32Array(param.size);
  data.forEach((v: unknown, i) => {
    if (typeof v !== 'number') throw new StateDictError(`${path}.data[${i}] is ${JSON.stringify(v)}, not a number`, `${path}.data`, 'numbers', v);
    buffer[i] = v;
  });
  return buffer;
}

function parseParamState(raw: unknown, param: Tensor, path: string, stateKeys: ReadonlySet<string> | null): ParamState {
  if (!isRecord(raw)) throw new StateDictError(`${path} must be an object`, path, 'an object', raw);
  const step = raw['step'];
  if (typeof step !== 'number' || !Number.isInteger(step) || step < 0) {
    throw new StateDictError(`${path}.step must be a non-negative integer, got ${JSON.stringify(step)}`, `${path}.step`, 'a non-negative integer', step);
  }
  const state: ParamState = { step, buffers: {}, scalars: {} };
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'step' || value === null) continue;
    if (stateKeys !== null && !stateKeys.has(key)) {
      throw new StateDictError(`${path} has key '${key}', which this optimizer does not use (it uses ${[...stateKeys].join(', ')})`, `${path}.${key}`, [...stateKeys], key);
    }
    if (typeof value === 'number') state.scalars[key] = value;
    else if (isRecord(value)) state.buffers[key] = parseBuffer(value, param, `${path}.${key}`);
    else throw new StateDictError(`${path}.${key} must be a number or {shape, data}`, `${path}.${key}`, 'a number or {shape, data}', value);
  }
  return state;
}

/** What {@link parseStateDict} returns: everything needed to replace an optimizer's state at once. */
export interface ParsedStateDict {
  state: Map<Tensor, ParamState>;
  groupOptions: Record<string, unknown>[];
}

/**
 * Validates `stateDict` against the current groups and returns the new state and group options;
 * changes nothing. Checks the group count, each group's parameter count and indices, and each state
 * entry's index, step, keys (when `stateKeys` is given) and buffer shapes.
 */
export function parseStateDict<O extends OptimizerOptions>(
  stateDict: unknown,
  groups: readonly ParamGroup<O>[],
  stateKeys: ReadonlySet<string> | null,
): ParsedStateDict {
  if (!isRecord(stateDict) || !isRecord(stateDict['state']) || !Array.isArray(stateDict['paramGroups'])) {
    throw new StateDictError('an optimizer state dict must be an object with `state` (an object) and `paramGroups` (an array)', '', '{state, paramGroups}', stateDict);
  }
  const savedGroups: unknown[] = stateDict['paramGroups'];
  if (savedGroups.length !== groups.length) {
    throw new StateDictError(
      `loaded state dict has ${savedGroups.length} parameter groups, but the optimizer has ${groups.length}`,
      'paramGroups',
      groups.length,
      savedGroups.length,
    );
  }
  const byIndex = new Map<number, Tensor>();
  const groupOptions = savedGroups.map((saved, gi) => {
    const path = `paramGroups.${gi}`;
    const current = groups[gi]!;
    if (!isRecord(saved) || !Array.isArray(saved['params'])) throw new StateDictError(`${path} must be an object with a params array`, path, '{params, ...}', saved);
    const indices: unknown[] = saved['params'];
    if (indices.length !== current.params.length) {
      throw new StateDictError(
        `loaded state dict's group ${gi} has ${indices.length} parameters, but the optimizer's group has ${current.params.length}`,
        `${path}.params`,
        current.params.length,
        indices.length,
      );
    }
    indices.forEach((index, j) => {
      if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || byIndex.has(index)) {
        throw new StateDictError(`${path}.params[${j}] = ${JSON.stringify(index)} is not a fresh parameter index`, `${path}.params`, 'distinct non-negative integers', index);
      }
      byIndex.set(index, current.params[j]!);
    });
    const { params: _params, ...options } = saved;
    return options;
  });
  const state = new Map<Tensor, ParamState>();
  for (const [key, raw] of Object.entries(stateDict['state'])) {
    const index = Number(key);
    const param = byIndex.get(index);
    if (param === undefined) {
      throw new StateDictError(`state has an entry for parameter ${key}, which no param group lists`, `state.${key}`, [...byIndex.keys()], key);
    }
    state.set(param, parseParamState(raw, param, `state.${key}`, stateKeys));
  }
  return { state, groupOptions };
}
