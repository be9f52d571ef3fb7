import { describe, expect, it } from 'vitest';
import { TENSORFLOW_EDGES, tensorflowBinOf } from './tensorflow-edges.js';

/** numpy's rule by plain search: largest i with edges[i] ≤ v, the last edge in the last bin. */
function reference(v: number): number {
  const E = TENSORFLOW_EDGES;
  if (!(v >= E[0]! && v <= E[E.length - 1]!)) return -1;
  let i = 0;
  while (i + 1 < E.length - 1 && E[i + 1]! <= v) i++;
  return i;
}

describe('tensorflowBinOf', () => {
  it('agrees with a plain search on every edge, its neighbours and random values', () => {
    const probes: number[] = [0, -0, 1e-13, -1e-13, 5e-324, -5e-324, Infinity, -Infinity, NaN, 1e21, -1e21];
    for (const e of TENSORFLOW_EDGES) probes.push(e, e * (1 + 1e-15), e * (1 - 1e-15), e * 1.05, e / 1.05);
    let seed = 1;
    for (let k = 0; k < 20000; k++) {
      seed = (Math.imul(seed, 48271) % 2147483647) >>> 0;
      const exponent = -14 + (seed % 36);
      probes.push((seed & 1 ? -1 : 1) * (seed / 2147483647) * 10 ** exponent);
    }
    for (const v of probes) expect(tensorflowBinOf(v), String(v)).toBe(reference(v));
  });
});
