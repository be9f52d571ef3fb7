/**
 * Non-finite numbers over JSON: JSON has no NaN or ±Infinity (`JSON.stringify(NaN)` is `null`),
 * so the API sends them as the strings `"NaN"`, `"Infinity"`, `"-Infinity"`; finite numbers are
 * sent as numbers (JSON's shortest round-trip form, so a float32 value widened to float64 arrives
 * bit-exact).
 */
import type { JsonNumber } from './api-types.js';

/** A number as the API sends it. */
export function toJsonNumber(x: number): JsonNumber {
  if (Number.isFinite(x)) return x;
  return Number.isNaN(x) ? 'NaN' : x > 0 ? 'Infinity' : '-Infinity';
}

/** The number an API value stands for (anything unexpected reads as NaN). */
export function fromJsonNumber(x: JsonNumber | null | undefined): number {
  if (typeof x === 'number') return x;
  if (x === 'Infinity') return Infinity;
  if (x === '-Infinity') return -Infinity;
  return NaN;
}

/** Every element of `values` as the API sends it. */
export function toJsonNumbers(values: ArrayLike<number>): JsonNumber[] {
  const out: JsonNumber[] = new Array<JsonNumber>(values.length);
  for (let i = 0; i < values.length; i++) out[i] = toJsonNumber(values[i]!);
  return out;
}

/** The numbers an API array stands for. */
export function fromJsonNumbers(values: readonly (JsonNumber | null)[]): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = fromJsonNumber(values[i]);
  return out;
}
