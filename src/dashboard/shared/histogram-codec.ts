/**
 * The binary form of a histogram series served by `/api/histograms` (media type
 * {@link HISTOGRAM_MEDIA_TYPE}): every point of one tag of one run, columnar, so 1000 steps × 30
 * rows arrive as ~0.4 MB that the browser turns into typed-array views without parsing.
 *
 * Layout (little-endian, every column starts at a multiple of its element size):
 * ```
 * 0   "DLH1"                 magic
 * 4   u32 n                  points
 * 8   u32 k                  rows over all points
 * 12  u32 0                  reserved (keeps the f64 columns 8-aligned)
 * 16  f64 step[n], f64 wallTime[n], f64 min[n], f64 max[n], f64 num[n], f64 sum[n], f64 sumSquares[n]
 *     u32 rowStart[n+1]      point i owns rows rowStart[i] … rowStart[i+1]−1; rowStart[n] = k
 *     f32 rows[3k]           TensorBoard's [left, right, count] rows
 * ```
 * min/max/num/sum/sumSquares are the HistogramProto statistics (NaN when the source had none).
 */

/** Media type of the binary histogram series. */
export const HISTOGRAM_MEDIA_TYPE = 'application/vnd.decaylab.histograms';

const MAGIC = [0x44, 0x4c, 0x48, 0x31]; // "DLH1"
const HEADER_BYTES = 16;
const STAT_COLUMNS = 7;

if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) {
  throw new Error('the decaylab histogram codec needs a little-endian platform');
}

/** A histogram series as columns (what the codec writes and reads). */
export interface HistogramColumns {
  steps: Float64Array;
  wallTimes: Float64Array;
  min: Float64Array;
  max: Float64Array;
  num: Float64Array;
  sum: Float64Array;
  sumSquares: Float64Array;
  /** n + 1 entries: row index where each point starts, then the total row count. */
  rowStart: ArrayLike<number>;
  /** Flattened `[left, right, count]` rows of all points. */
  rows: Float32Array;
}

/** A decoded series: the same columns, `rowStart` as a Uint32Array. */
export interface DecodedHistogramColumns extends HistogramColumns {
  rowStart: Uint32Array;
}

function layout(n: number, k: number): { rowStartAt: number; rowsAt: number; total: number } {
  const rowStartAt = HEADER_BYTES + STAT_COLUMNS * 8 * n;
  const rowsAt = rowStartAt + 4 * (n + 1);
  return { rowStartAt, rowsAt, total: rowsAt + 12 * k };
}

/** Encodes a series (see the module comment for the layout). */
export function encodeHistogramColumns(c: HistogramColumns): Uint8Array {
  const n = c.steps.length;
  const k = c.rows.length / 3;
  if (!Number.isInteger(k)) throw new RangeError(`rows must hold whole [left, right, count] triples, got ${c.rows.length} numbers`);
  if (c.rowStart.length !== n + 1) throw new RangeError(`rowStart must have ${n + 1} entries, got ${c.rowStart.length}`);
  const { rowStartAt, rowsAt, total } = layout(n, k);
  const buf = new ArrayBuffer(total);
  const bytes = new Uint8Array(buf);
  bytes.set(MAGIC, 0);
  const head = new Uint32Array(buf, 4, 3);
  head[0] = n;
  head[1] = k;
  const columns = [c.steps, c.wallTimes, c.min, c.max, c.num, c.sum, c.sumSquares];
  columns.forEach((col, j) => {
    if (col.length !== n) throw new RangeError(`column ${j} has ${col.length} entries, expected ${n}`);
    new Float64Array(buf, HEADER_BYTES + j * 8 * n, n).set(col);
  });
  const starts = new Uint32Array(buf, rowStartAt, n + 1);
  for (let i = 0; i <= n; i++) starts[i] = c.rowStart[i]!;
  new Float32Array(buf, rowsAt, 3 * k).set(c.rows);
  return bytes;
}

/**
 * Decodes an encoded series into typed-array views of `buffer` (no copy). Throws a RangeError
 * naming the problem when the bytes are not a whole, consistent series.
 */
export function decodeHistogramColumns(buffer: ArrayBuffer): DecodedHistogramColumns {
  if (buffer.byteLength < HEADER_BYTES) throw new RangeError(`histogram series too short: ${buffer.byteLength} bytes`);
  const bytes = new Uint8Array(buffer, 0, 4);
  if (MAGIC.some((m, i) => bytes[i] !== m)) throw new RangeError('not a decaylab histogram series (bad magic)');
  const head = new Uint32Array(buffer, 4, 3);
  const n = head[0]!;
  const k = head[1]!;
  const { rowStartAt, rowsAt, total } = layout(n, k);
  if (buffer.byteLength !== total) throw new RangeError(`histogram series of ${n} points and ${k} rows needs ${total} bytes, got ${buffer.byteLength}`);
  const col = (j: number): Float64Array => new Float64Array(buffer, HEADER_BYTES + j * 8 * n, n);
  const rowStart = new Uint32Array(buffer, rowStartAt, n + 1);
  for (let i = 0; i < n; i++) {
    if (rowStart[i]! > rowStart[i + 1]!) throw new RangeError(`rowStart is not ascending at point ${i}`);
  }
  if (n > 0 && (rowStart[0] !== 0 || rowStart[n] !== k)) throw new RangeError('rowStart does not cover the rows');
  return {
    steps: col(0),
    wallTimes: col(1),
    min: col(2),
    max: col(3),
    num: col(4),
    sum: col(5),
    sumSquares: col(6),
    rowStart,
    rows: new Float32Array(buffer, rowsAt, 3 * k),
  };
}

/** The rows of point i (a view). */
export function rowsOfPoint(c: { rowStart: ArrayLike<number>; rows: Float32Array }, i: number): Float32Array {
  return c.rows.subarray(3 * c.rowStart[i]!, 3 * c.rowStart[i + 1]!);
}
