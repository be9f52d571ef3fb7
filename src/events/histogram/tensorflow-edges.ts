/**
 * tensorboardX's default histogram edges (`bins='tensorflow'`), the same rule as TensorBoard's
 * `_MakeHistogramBuckets`: starting at v = 1e-12, while v < 1e20 append v and −v, then v ← v·1.1
 * (repeated float64 multiplication, not pow). Edges = reversed negatives, 0, positives: 774 + 1 +
 * 774 = 1549 edges, 1548 bins.
 */

function buildEdges(): Float64Array {
  const positive: number[] = [];
  for (let v = 1e-12; v < 1e20; v *= 1.1) positive.push(v);
  const n = positive.length;
  const edges = new Float64Array(2 * n + 1);
  for (let k = 0; k < n; k++) {
    edges[n - 1 - k] = -positive[k]!;
    edges[n + 1 + k] = positive[k]!;
  }
  return edges;
}

/** The 1549 default edges, ascending (index 774 is 0). Do not modify. */
export const TENSORFLOW_EDGES: Float64Array = buildEdges();

/** Index of the 0 edge in {@link TENSORFLOW_EDGES} (= number of positive edges). */
export const TENSORFLOW_ZERO_INDEX = (TENSORFLOW_EDGES.length - 1) / 2;

const LAST_BIN = TENSORFLOW_EDGES.length - 2;
const TOP = TENSORFLOW_EDGES.length - 1; // index of the last edge (2·zero index)

/**
 * A lookup from the float64 bits of |v| to a nearby bin: the cell of |v| is its binary exponent
 * and the top 6 bits of its mantissa (cells are 2^(1/64) ≈ 1.1 % wide, narrower than the 10 %
 * bins), and CELL_BIN[cell] is the positive bin holding the cell's lower bound.
 */
const MANTISSA_BITS = 6;
const SCRATCH = new Float64Array(1);
const SCRATCH_WORDS = new Uint32Array(SCRATCH.buffer);
const HIGH_WORD = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

function biasedExponent(v: number): number {
  SCRATCH[0] = v;
  return (SCRATCH_WORDS[HIGH_WORD]! >>> 20) & 0x7ff;
}

const EXP_MIN = biasedExponent(1e-12);
const EXP_MAX = biasedExponent(TENSORFLOW_EDGES[TOP]!);

/** Positive bin j with E[j] ≤ a < E[j+1] (a ≥ 0), by binary search; TOP when a ≥ the last edge. */
function positiveBinBySearch(a: number): number {
  const E = TENSORFLOW_EDGES;
  let lo = TENSORFLOW_ZERO_INDEX;
  let hi = TOP;
  if (a >= E[TOP]!) return TOP;
  while (hi - lo > 1) {
    const m = (lo + hi) >>> 1;
    if (E[m]! <= a) lo = m;
    else hi = m;
  }
  return lo;
}

const CELL_BIN = (() => {
  const cells = (EXP_MAX - EXP_MIN + 1) << MANTISSA_BITS;
  const t = new Uint16Array(cells);
  for (let c = 0; c < cells; c++) {
    const exp = EXP_MIN + (c >>> MANTISSA_BITS);
    const lower = 2 ** (exp - 1023) * (1 + (c & ((1 << MANTISSA_BITS) - 1)) / (1 << MANTISSA_BITS));
    t[c] = positiveBinBySearch(lower);
  }
  return t;
})();

/**
 * Bin of `v` among {@link TENSORFLOW_EDGES} with numpy's rule (bins [a, b), the last one [a, b]),
 * or -1 when `v` is outside the outermost edges or NaN. A table lookup on the bits of |v| finds the
 * bin within one step; comparisons against the edges themselves decide, so the result is exactly
 * numpy's. By symmetry of the edges, v < 0 maps to bin 2Z − j − 1 (or 2Z − j when |v| is an edge).
 */
export function tensorflowBinOf(v: number): number {
  const E = TENSORFLOW_EDGES;
  const Z = TENSORFLOW_ZERO_INDEX;
  const a = v < 0 ? -v : v;
  if (!(a <= E[TOP]!)) return -1; // NaN or beyond ±9.92e19
  let j: number;
  if (a < 1e-12) {
    j = Z;
  } else {
    SCRATCH[0] = a;
    const hi = SCRATCH_WORDS[HIGH_WORD]!;
    j = CELL_BIN[((((hi >>> 20) & 0x7ff) - EXP_MIN) << MANTISSA_BITS) | ((hi >>> (20 - MANTISSA_BITS)) & ((1 << MANTISSA_BITS) - 1))]!;
    while (j < TOP && E[j + 1]! <= a) j++;
  }
  if (v < 0) return E[j] === a ? 2 * Z - j : 2 * Z - j - 1;
  return j > LAST_BIN ? LAST_BIN : j; // a value equal to the last edge falls in the closed last bin
}
