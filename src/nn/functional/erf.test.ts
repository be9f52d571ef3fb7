/** erf and erfc against C99's erf/erfc (Python's math module, src/nn/fixtures/torch_nn.json). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TorchNnFixture } from '../test-support/torch-fixture.js';
import { erf, erfc } from './erf.js';

const fixture = JSON.parse(readFileSync(new URL('../fixtures/torch_nn.json', import.meta.url), 'utf8')) as TorchNnFixture;

describe('erf', () => {
  it('matches C99 erf to 2e-15 relative across all branches', () => {
    expect(fixture.erf.length).toBeGreaterThan(250);
    for (const [x, e] of fixture.erf) expect(Math.abs(erf(x) - e), `erf(${x})`).toBeLessThanOrEqual(2e-15 * Math.abs(e) + 1e-300);
  });

  it('erfc is accurate in the upper tail (1e-13 relative) and 1 − erf elsewhere', () => {
    for (const [x, , c] of fixture.erf) {
      const tol = x >= 2.5 ? 1e-13 * c : 2e-15;
      expect(Math.abs(erfc(x) - c), `erfc(${x})`).toBeLessThanOrEqual(tol + 1e-300);
    }
  });

  it('is odd, saturates, and passes NaN', () => {
    expect(erf(0)).toBe(0);
    expect(erf(-1.3)).toBe(-erf(1.3));
    expect(erf(Infinity)).toBe(1);
    expect(erf(-Infinity)).toBe(-1);
    expect(erf(Number.NaN)).toBeNaN();
    expect(erfc(40)).toBe(0);
  });
});
