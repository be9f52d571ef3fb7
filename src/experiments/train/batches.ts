/**
 * The order of training rows: full batch (every step sees all rows, in order), or mini-batches of
 * `batchSize` over an epoch, reshuffled each epoch by `randperm` from the run's batch generator
 * (PyTorch's `DataLoader(shuffle=True)`; the last batch may be smaller, as with `drop_last=False`).
 */
import { randperm } from '../../tensor/random/distributions.js';
import type { Generator } from '../../tensor/random/generator.js';

/** Yields row indices of successive batches; `null` means "all rows" (full batch, no copy). */
export class BatchSchedule {
  private order: Int32Array | null = null;
  private position = 0;
  /** Completed epochs so far. */
  epoch = 0;

  constructor(
    readonly rows: number,
    readonly batchSize: number | null,
    readonly shuffle: boolean,
    private readonly generator: Generator,
  ) {}

  /** Steps per epoch: ⌈rows / batchSize⌉ (1 for full batch). */
  get stepsPerEpoch(): number {
    return this.batchSize === null || this.batchSize >= this.rows ? 1 : Math.ceil(this.rows / this.batchSize);
  }

  /** The rows of the next batch (null for all rows), and whether it ends an epoch. */
  next(): { rows: Int32Array | null; endsEpoch: boolean } {
    if (this.stepsPerEpoch === 1) {
      this.epoch++;
      return { rows: null, endsEpoch: true };
    }
    if (this.order === null || this.position >= this.rows) {
      this.order = this.shuffle ? Int32Array.from(randperm(this.rows, { generator: this.generator }).data) : Int32Array.from({ length: this.rows }, (_, i) => i);
      this.position = 0;
    }
    const size = Math.min(this.batchSize!, this.rows - this.position);
    const rows = this.order.subarray(this.position, this.position + size);
    this.position += size;
    const endsEpoch = this.position >= this.rows;
    if (endsEpoch) this.epoch++;
    return { rows, endsEpoch };
  }
}
