/** Growable typed-array columns: amortized O(1) appends, views of the filled part. */

/** A Float64Array that grows by doubling. */
export class Float64Column {
  private data: Float64Array;
  length = 0;

  constructor(capacity = 16) {
    this.data = new Float64Array(capacity);
  }

  push(v: number): void {
    if (this.length === this.data.length) this.grow(this.length + 1);
    this.data[this.length++] = v;
  }

  /** The filled part (a view: valid until the next push). */
  view(): Float64Array {
    return this.data.subarray(0, this.length);
  }

  /** Makes room for `n` elements. */
  grow(n: number): void {
    if (n <= this.data.length) return;
    const bigger = new Float64Array(Math.max(n, 2 * this.data.length));
    bigger.set(this.data.subarray(0, this.length));
    this.data = bigger;
  }

  /** Keeps the elements whose index passes `keep`, in order. */
  filter(keep: (i: number) => boolean): void {
    let w = 0;
    for (let i = 0; i < this.length; i++) if (keep(i)) this.data[w++] = this.data[i]!;
    this.length = w;
  }
}

/** A Float32Array that grows by doubling (histogram rows, as TensorBoard keeps them). */
export class Float32Column {
  private data: Float32Array;
  length = 0;

  constructor(capacity = 64) {
    this.data = new Float32Array(capacity);
  }

  append(values: Float32Array): void {
    const need = this.length + values.length;
    if (need > this.data.length) {
      const bigger = new Float32Array(Math.max(need, 2 * this.data.length));
      bigger.set(this.data.subarray(0, this.length));
      this.data = bigger;
    }
    this.data.set(values, this.length);
    this.length = need;
  }

  view(): Float32Array {
    return this.data.subarray(0, this.length);
  }

  /** Replaces the contents with `values` (used when purging). */
  reset(values: Float32Array): void {
    this.length = 0;
    this.append(values);
  }
}
