/**
 * Natural order for run names and tags: digit runs compare as numbers, decimals included, so
 * `run2` < `run10`, `linears.2.weight` < `linears.10.weight` and `wd=0.01` < `wd=0.1` < `wd=1`.
 */
const NUMBER = /(\d+(?:\.\d+)?)/;

/** Compares `a` and `b` in natural order (negative, zero or positive). */
export function naturalCompare(a: string, b: string): number {
  const ta = a.split(NUMBER);
  const tb = b.split(NUMBER);
  const n = Math.min(ta.length, tb.length);
  for (let i = 0; i < n; i++) {
    const x = ta[i]!;
    const y = tb[i]!;
    if (x === y) continue;
    if (i % 2 === 1) {
      const d = Number(x) - Number(y);
      if (d !== 0) return d;
    }
    return x < y ? -1 : 1;
  }
  return ta.length - tb.length;
}
