/**
 * Test helpers for the reference data in `../shared/fixtures/` (PyTorch and tensorboardX), read by
 * path relative to the project root, and for comparing numbers against them.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Tensor } from '../src/tensor/tensor.js';

/** The project root (the folder holding package.json). */
export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** `../shared` beside the project root. */
export const sharedDir = resolve(projectRoot, '..', 'shared');

/** A fixture tensor as stored in the JSON files: flattened row-major data and a shape. */
export interface FixtureTensor {
  shape: number[];
  data: number[];
}

/** Parses a JSON fixture under `../shared/fixtures/` (e.g. `torch/modules.json`). */
export function loadFixture<T = unknown>(relativePath: string): T {
  return JSON.parse(readFileSync(join(sharedDir, 'fixtures', relativePath), 'utf8')) as T;
}

/** Absolute path of a fixture file or folder. */
export function fixturePath(relativePath: string): string {
  return join(sharedDir, 'fixtures', relativePath);
}

/** A float32 tensor (float64 on request) from a fixture tensor. */
export function fromFixture(t: FixtureTensor, options: { dtype?: 'float32' | 'float64'; requiresGrad?: boolean } = {}): Tensor {
  const data = options.dtype === 'float64' ? Float64Array.from(t.data) : Float32Array.from(t.data);
  return new Tensor(data, t.shape, { requiresGrad: options.requiresGrad === true });
}

/**
 * Largest violation of |actual − expected| ≤ atol + rtol·|expected| over all elements; returns
 * a message naming the first worst element, or null when everything is within tolerance.
 */
export function compareArrays(actual: ArrayLike<number>, expected: ArrayLike<number>, rtol: number, atol: number): string | null {
  if (actual.length !== expected.length) return `length ${actual.length} != expected ${expected.length}`;
  let worst = -1;
  let worstExcess = 0;
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i]!;
    const e = expected[i]!;
    const excess = Math.abs(a - e) - (atol + rtol * Math.abs(e));
    if (!(excess <= 0) && (worst < 0 || excess > worstExcess || Number.isNaN(excess))) {
      worst = i;
      worstExcess = excess;
    }
  }
  return worst < 0 ? null : `element ${worst}: got ${actual[worst]}, expected ${expected[worst]} (rtol ${rtol}, atol ${atol})`;
}

/** Throws with {@link compareArrays}'s message unless the arrays agree. */
export function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, rtol = 1e-5, atol = 1e-5, what = 'values'): void {
  const problem = compareArrays(actual, expected, rtol, atol);
  if (problem !== null) throw new Error(`${what}: ${problem}`);
}
