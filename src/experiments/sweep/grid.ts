/**
 * Sweep grids: `--grid key=v1,v2` axes over a base config, crossed with seeds. Each grid point ×
 * seed is one planned run named by its values (`weightDecay=0.1,decay=l2,seed=1`); every expanded
 * config is validated, so a bad key or value is a {@link ConfigError} naming the key, the value and
 * what is allowed.
 */
import type { PlannedRun } from '../batch/plan.js';
import { slug } from '../batch/plan.js';
import { applyOverrides, parseValue } from '../config/overrides.js';
import { parseExperimentConfig } from '../config/parse.js';
import { ConfigError } from '../errors.js';
import type { HParamValue } from '../run/run-experiment.js';

/** One axis of a grid: a dotted config key and its values. */
export interface GridAxis {
  readonly key: string;
  readonly values: readonly unknown[];
}

/** Splits on commas outside brackets, braces and double quotes (`[20,20],[40,40]` → two values). */
export function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '[' || ch === '{')) depth++;
    else if (!quoted && (ch === ']' || ch === '}')) depth--;
    if (ch === ',' && depth === 0 && !quoted) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts;
}

/** Parses `key=v1,v2,...` (values as JSON when they parse, text otherwise). */
export function parseGridArg(arg: string): GridAxis {
  const eq = arg.indexOf('=');
  const key = eq < 0 ? '' : arg.slice(0, eq).trim();
  if (eq < 0 || !/^[A-Za-z$][\w$]*(\.[\w$]+)*$/.test(key)) {
    throw new ConfigError([{ path: '--grid', message: `${JSON.stringify(arg)} is not key=value1,value2 with a dotted config key such as optimizer.weightDecay=0,0.01,0.1` }], '--grid');
  }
  const values = splitTopLevel(arg.slice(eq + 1)).map((v) => v.trim());
  if (values.some((v) => v === '')) throw new ConfigError([{ path: key, message: `empty value in ${JSON.stringify(arg)}` }], '--grid');
  return { key, values: values.map(parseValue) };
}

/** The short name of a key in run names: its last segment, or the whole key when two axes share it. */
function shortNames(axes: readonly GridAxis[]): string[] {
  const last = axes.map((a) => a.key.split('.').pop()!);
  return axes.map((a, i) => (last.filter((l) => l === last[i]).length > 1 ? a.key : last[i]!));
}

function hparam(value: unknown): HParamValue {
  return typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * Every grid point × seed as a planned run (grid points in row-major order of the axes, seeds
 * innermost). Seeds are `baseSeed + i` for i < `seeds`, with baseSeed the base config's seed.
 */
export function expandGrid(base: unknown, axes: readonly GridAxis[], seeds: number): PlannedRun[] {
  const keys = new Set<string>();
  for (const a of axes) {
    if (keys.has(a.key)) throw new ConfigError([{ path: a.key, message: 'appears in two --grid options; give all its values in one' }], '--grid');
    if (a.key === 'seed') throw new ConfigError([{ path: 'seed', message: 'vary seeds with --seeds N, not --grid' }], '--grid');
    keys.add(a.key);
  }
  const baseSeedRaw = base !== null && typeof base === 'object' && 'seed' in base ? base.seed : 0;
  const baseSeed = typeof baseSeedRaw === 'number' ? baseSeedRaw : 0;
  const names = shortNames(axes);
  let points: unknown[][] = [[]];
  for (const a of axes) points = points.flatMap((p) => a.values.map((v) => [...p, v]));
  const plan: PlannedRun[] = [];
  for (const point of points) {
    const overrides = axes.map((a, i) => ({ path: a.key, value: point[i] }));
    const group = axes.length === 0 ? 'base' : point.map((v, i) => `${names[i]}=${slug(hparam(v))}`).join(',');
    const gridHparams = Object.fromEntries(axes.map((a, i) => [a.key, hparam(point[i])]));
    const source = axes.length === 0 ? 'config' : `config with --grid ${axes.map((a, i) => `${a.key}=${JSON.stringify(point[i])}`).join(' ')}`;
    for (let s = 0; s < seeds; s++) {
      const seed = baseSeed + s;
      const data = applyOverrides(base, [...overrides, { path: 'seed', value: seed }], '--grid');
      const config = parseExperimentConfig(data, source);
      plan.push({ name: `${group === 'base' ? '' : `${group},`}seed=${seed}`, config, hparams: { ...gridHparams, seed }, group });
    }
  }
  return plan;
}
