/**
 * Setting values inside a config by dotted key path — how sweeps apply `--grid key=v1,v2` and how
 * the demo applies its flags — without touching the original object.
 */
import { ConfigError } from '../errors.js';

/** One `key=value` override: a dotted key path and the value to put there. */
export interface Override {
  readonly path: string;
  readonly value: unknown;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * A deep copy of `data` with each override applied in order. Missing intermediate objects are
 * created; array elements are addressed by index (`model.hidden.0`). A path through a value that
 * is neither an object nor an array is a {@link ConfigError} naming the key.
 */
export function applyOverrides(data: unknown, overrides: readonly Override[], source = 'override'): unknown {
  const root: unknown = structuredClone(data);
  for (const { path, value } of overrides) {
    const keys = path.split('.');
    if (keys.some((k) => k === '')) throw new ConfigError([{ path, message: 'empty key in path' }], source);
    let cur: unknown = root;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const last = i === keys.length - 1;
      if (Array.isArray(cur)) {
        const index = Number(key);
        if (!Number.isInteger(index) || index < 0 || index > cur.length) {
          throw new ConfigError([{ path: keys.slice(0, i + 1).join('.'), message: `not an index of a list of ${cur.length} items` }], source);
        }
        if (last) cur[index] = value;
        else cur = cur[index] ??= {};
      } else if (isRecord(cur)) {
        if (last) cur[key] = value;
        else cur = cur[key] ??= {};
      } else {
        throw new ConfigError([{ path: keys.slice(0, i).join('.'), message: `is ${JSON.stringify(cur)}, not an object, so "${key}" cannot be set inside it` }], source);
      }
    }
  }
  return root;
}

/**
 * Parses a command-line value: JSON when it parses (numbers, true/false, null, arrays, quoted
 * strings), the raw text otherwise (`adam` → "adam", `0.1` → 0.1, `[20,20]` → [20, 20]).
 */
export function parseValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
