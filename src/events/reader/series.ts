/**
 * The per-tag series of a run, kept columnar in typed arrays so that thousands of steps of dozens
 * of tags stay small in memory and can be served without copying. Points are kept in the order
 * they were read; accessors return views of the filled part (valid until the next append).
 */
import { Float32Column, Float64Column } from './columns.js';

/** Steps and wall times shared by every series kind. */
abstract class SeriesBase {
  protected readonly stepCol = new Float64Column();
  protected readonly wallCol = new Float64Column();

  constructor(readonly tag: string) {}

  /** Number of points. */
  get length(): number {
    return this.stepCol.length;
  }

  /** Step of each point. */
  get steps(): Float64Array {
    return this.stepCol.view();
  }

  /** Wall time of each point, in seconds since the epoch. */
  get wallTimes(): Float64Array {
    return this.wallCol.view();
  }

  protected pushBase(step: number, wallTime: number): void {
    this.stepCol.push(step);
    this.wallCol.push(wallTime);
  }

  /** Drops the points with step ≥ `step` (TensorBoard's purge of orphaned data). */
  abstract purgeFrom(step: number): void;

  protected keepMask(step: number): boolean[] {
    const steps = this.steps;
    return Array.from(steps, (s) => s < step);
  }
}

/** A scalar series: `values[i]` at `steps[i]` (float64; `simple_value` points are float32 widened). */
export class ScalarSeries extends SeriesBase {
  readonly kind = 'scalar';
  private readonly valueCol = new Float64Column();

  get values(): Float64Array {
    return this.valueCol.view();
  }

  push(step: number, wallTime: number, value: number): void {
    this.pushBase(step, wallTime);
    this.valueCol.push(value);
  }

  purgeFrom(step: number): void {
    const keep = this.keepMask(step);
    for (const c of [this.stepCol, this.wallCol, this.valueCol]) c.filter((i) => keep[i]!);
  }
}

/** The statistics of one histogram point (NaN when the source did not have them). */
export interface HistogramStats {
  min: number;
  max: number;
  num: number;
  sum: number;
  sumSquares: number;
}

/**
 * A histogram series: per point the HistogramProto statistics and TensorBoard's float32
 * `[left, right, count]` rows; the rows of point i are `rows[3·rowStart[i] … 3·rowStart[i+1])`.
 */
export class HistogramSeries extends SeriesBase {
  readonly kind = 'histogram';
  private readonly minCol = new Float64Column();
  private readonly maxCol = new Float64Column();
  private readonly numCol = new Float64Column();
  private readonly sumCol = new Float64Column();
  private readonly sumSquaresCol = new Float64Column();
  private readonly rowStartCol = new Float64Column();
  private readonly rowCol = new Float32Column();

  get min(): Float64Array {
    return this.minCol.view();
  }
  get max(): Float64Array {
    return this.maxCol.view();
  }
  get num(): Float64Array {
    return this.numCol.view();
  }
  get sum(): Float64Array {
    return this.sumCol.view();
  }
  get sumSquares(): Float64Array {
    return this.sumSquaresCol.view();
  }
  /** All rows of all points, flattened `[left, right, count]` triples. */
  get rows(): Float32Array {
    return this.rowCol.view();
  }
  /** Row index where each point starts, plus the total row count at the end (length + 1 entries). */
  get rowStart(): Float64Array {
    const starts = new Float64Array(this.length + 1);
    starts.set(this.rowStartCol.view());
    starts[this.length] = this.rowCol.length / 3;
    return starts;
  }

  /** The `[left, right, count]` rows of point i (a view). */
  rowsAt(i: number): Float32Array {
    const start = this.rowStartCol.view()[i]!;
    const end = i + 1 < this.length ? this.rowStartCol.view()[i + 1]! : this.rowCol.length / 3;
    return this.rowCol.view().subarray(3 * start, 3 * end);
  }

  push(step: number, wallTime: number, stats: HistogramStats, rows: Float32Array): void {
    this.pushBase(step, wallTime);
    this.minCol.push(stats.min);
    this.maxCol.push(stats.max);
    this.numCol.push(stats.num);
    this.sumCol.push(stats.sum);
    this.sumSquaresCol.push(stats.sumSquares);
    this.rowStartCol.push(this.rowCol.length / 3);
    this.rowCol.append(rows);
  }

  purgeFrom(step: number): void {
    const keep = this.keepMask(step);
    const kept: Float32Array[] = [];
    for (let i = 0; i < this.length; i++) if (keep[i]) kept.push(this.rowsAt(i).slice());
    for (const c of [this.stepCol, this.wallCol, this.minCol, this.maxCol, this.numCol, this.sumCol, this.sumSquaresCol]) c.filter((i) => keep[i]!);
    const total = kept.reduce((n, r) => n + r.length, 0);
    const all = new Float32Array(total);
    this.rowStartCol.length = 0;
    let at = 0;
    for (const r of kept) {
      this.rowStartCol.push(at / 3);
      all.set(r, at);
      at += r.length;
    }
    this.rowCol.reset(all);
  }
}

/** A text series: the strings of each point (one string for tensorboardX's `add_text`). */
export class TextSeries extends SeriesBase {
  readonly kind = 'text';
  private valueList: string[][] = [];

  get values(): readonly (readonly string[])[] {
    return this.valueList;
  }

  push(step: number, wallTime: number, strings: string[]): void {
    this.pushBase(step, wallTime);
    this.valueList.push(strings);
  }

  purgeFrom(step: number): void {
    const keep = this.keepMask(step);
    for (const c of [this.stepCol, this.wallCol]) c.filter((i) => keep[i]!);
    this.valueList = this.valueList.filter((_, i) => keep[i]);
  }
}
