/**
 * A gemm executor over several threads: the operands are staged in a shared WebAssembly memory,
 * C is cut into column (or row) blocks of whole register tiles, each worker computes its block
 * with its own instance of the shared-memory module while the calling thread computes the first,
 * and the call returns when all are done. Jobs are posted and awaited through Int32 slots of a
 * SharedArrayBuffer with Atomics (no messages per call), so a gemm stays synchronous.
 *
 * Workers are created by a host-supplied `spawn` function, which keeps this file free of Node
 * APIs: Node passes a worker_threads adapter, browsers (cross-origin isolated) a Web Worker one.
 */
import { ArgumentError } from '../../errors.js';
import { KernelError } from '../errors.js';
import type { GemmExecutor, StagedGemm } from './gemm.js';
import { WASM_KERNELS_SHARED_MAXIMUM_PAGES } from './module-bytes.generated.js';
import { kernelModule, instantiateKernels } from './module.js';
import { CONTROL, SPIN_ITERATIONS, WORKER_SOURCE } from './worker-source.js';
import { WasmWorkspace } from './workspace.js';

/** The part of a worker the pool uses (Web Worker and worker_threads adapters both fit). */
export interface KernelWorker {
  postMessage(message: unknown): void;
  terminate(): unknown;
}

/** Starts a worker running `source`, a script written against the Web Worker API (`onmessage`). */
export type SpawnKernelWorker = (source: string) => KernelWorker;

/** The shape of Node's `Worker` class (node:worker_threads), which the host passes in. */
export type NodeWorkerClass = new (source: string, options: { eval: true }) => KernelWorker & { unref(): void };

/**
 * Lines run before {@link WORKER_SOURCE} in a worker_threads worker: they deliver the first
 * message to `globalThis.onmessage` as a Web Worker would.
 */
export const NODE_WORKER_PRELUDE =
  "require('worker_threads').parentPort.once('message', (data) => globalThis.onmessage({ data }));\n";

/**
 * A {@link SpawnKernelWorker} for Node: `nodeWorkerSpawner(Worker)` with `Worker` from
 * node:worker_threads. Workers are unref'd, so they never keep the process alive.
 */
export function nodeWorkerSpawner(WorkerClass: NodeWorkerClass): SpawnKernelWorker {
  return (source) => {
    const worker = new WorkerClass(NODE_WORKER_PRELUDE + source, { eval: true });
    worker.unref();
    return worker;
  };
}

/** Options of {@link startGemmThreads}. */
export interface GemmThreadsOptions {
  /** Threads that work on one gemm, the calling thread included (default 2). */
  threads?: number;
  /** Smallest m·n·k split over threads; smaller products run on the calling thread alone. */
  minWork?: number;
  /** Milliseconds to wait for the workers to start (default 10 000). */
  startTimeoutMs?: number;
}

/**
 * Smallest m·n·k split over threads by default (2²², about 161³). On an idle 2-core machine the
 * bench measured 0.6× at 64³, 1.0× at 128³, 1.3× for the MLP's 128×256×256 products, 1.5× at
 * 256³ and 1.8× at 1024³; on a loaded machine splitting loses (the second core is busy).
 */
export const DEFAULT_THREAD_MIN_WORK = 2 ** 22;

/** A running pool: a {@link GemmExecutor} plus `close()`. */
export interface GemmThreadPool extends GemmExecutor {
  /** Smallest m·n·k this pool splits. */
  readonly minWork: number;
  /** True after `close()` (or after a worker failed). */
  readonly closed: boolean;
  /** Gemms run so far: split over the threads, or on the calling thread alone (below `minWork`). */
  readonly counts: { readonly split: number; readonly local: number };
  /** Stops the workers; the pool must not be used afterwards. */
  close(): void;
}

/** A worker that has not finished its part this long after the calling thread is taken for dead... */
const WORKER_TIMEOUT_MS = 30_000;
/** ...plus the time its part takes at a pessimistic 10⁶ multiply-adds per ms (1 GFLOP/s). */
const WORKER_MIN_MULTIPLY_ADDS_PER_MS = 1e6;

function canBlockHere(): boolean {
  try {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 1, 0);
    return true;
  } catch {
    return false;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Splits [0, total) into `parts` ranges of whole `unit`s, as even as possible. */
export function splitRange(total: number, unit: number, parts: number): [number, number][] {
  const units = Math.ceil(total / unit);
  const out: [number, number][] = [];
  let start = 0;
  for (let p = 0; p < parts; p++) {
    const end = Math.min(total, Math.round((units * (p + 1)) / parts) * unit);
    out.push([start, end]);
    start = end;
  }
  return out;
}

/**
 * Starts `threads − 1` workers on a shared memory and resolves to a pool once they are ready.
 * Throws a KernelError when shared WebAssembly memory is unavailable (browsers need cross-origin
 * isolation) or the workers do not start in time.
 */
export async function startGemmThreads(spawn: SpawnKernelWorker, options: GemmThreadsOptions = {}): Promise<GemmThreadPool> {
  const threads = options.threads ?? 2;
  if (!Number.isInteger(threads) || threads < 2) {
    throw new ArgumentError(`startGemmThreads: threads must be an integer ≥ 2, got ${threads}`, 'threads', threads);
  }
  const minWork = options.minWork ?? DEFAULT_THREAD_MIN_WORK;
  const module = kernelModule('shared');
  let memory: WebAssembly.Memory;
  try {
    memory = new WebAssembly.Memory({ initial: 2, maximum: WASM_KERNELS_SHARED_MAXIMUM_PAGES, shared: true });
  } catch (e) {
    throw new KernelError(`shared WebAssembly memory is unavailable: ${e instanceof Error ? e.message : String(e)}`, 'wasm', 'no shared memory');
  }
  const workspace = new WasmWorkspace(memory, instantiateKernels(module, memory), WASM_KERNELS_SHARED_MAXIMUM_PAGES);
  const ctrl = new Int32Array(new SharedArrayBuffer(4 * CONTROL.STRIDE * (threads - 1)));
  const workers: KernelWorker[] = [];
  for (let w = 0; w < threads - 1; w++) {
    const worker = spawn(WORKER_SOURCE);
    workers.push(worker);
    worker.postMessage({ module, memory, control: ctrl.buffer, slot: w });
  }
  const deadline = Date.now() + (options.startTimeoutMs ?? 10_000);
  for (let w = 0; w < workers.length; w++) {
    while (Atomics.load(ctrl, w * CONTROL.STRIDE + CONTROL.READY) !== 1) {
      if (Date.now() > deadline) {
        for (const worker of workers) worker.terminate();
        throw new KernelError(`gemm worker ${w} did not start within ${options.startTimeoutMs ?? 10_000} ms`, 'wasm', 'worker start timeout');
      }
      await sleep(1);
    }
  }
  return new ThreadPool(workspace, workers, ctrl, threads, minWork);
}

class ThreadPool implements GemmThreadPool {
  private seq = 0;
  private isClosed = false;
  readonly counts = { split: 0, local: 0 };
  private readonly blocking = canBlockHere();

  constructor(
    readonly workspace: WasmWorkspace,
    private readonly workers: KernelWorker[],
    private readonly ctrl: Int32Array,
    readonly threads: number,
    readonly minWork: number,
  ) {}

  get closed(): boolean {
    return this.isClosed;
  }

  run(g: StagedGemm): void {
    if (this.isClosed) throw new KernelError('the gemm thread pool was closed', 'wasm', 'closed');
    const kernels = this.workspace.kernels;
    const local = (i0: number, i1: number, j0: number, j1: number, slot: number): void => {
      const pack = g.pack + slot * g.packStride;
      kernels.gemmBlock(+g.transA, +g.transB, g.m, g.n, g.k, g.a, g.b, g.c, g.ldc, i0, i1, j0, j1, pack, pack + g.packABytes);
    };
    if (g.m * g.n * g.k < this.minWork) {
      this.counts.local++;
      local(0, g.m, 0, g.n, 0);
      return;
    }
    this.counts.split++;
    // Split the larger dimension of C: each thread then packs only its share of the bigger operand.
    const byColumns = g.n >= g.m;
    const ranges = byColumns ? splitRange(g.n, kernels.nr, this.threads) : splitRange(g.m, kernels.mr, this.threads);
    const seq = ++this.seq;
    const posted: number[] = [];
    for (let t = 1; t < this.threads; t++) {
      const [start, end] = ranges[t]!;
      if (start >= end) continue;
      const base = (t - 1) * CONTROL.STRIDE;
      const [i0, i1, j0, j1] = byColumns ? [0, g.m, start, end] : [start, end, 0, g.n];
      const pack = g.pack + t * g.packStride;
      const args = [+g.transA, +g.transB, g.m, g.n, g.k, g.a, g.b, g.c, g.ldc, i0, i1, j0, j1, pack, pack + g.packABytes];
      this.ctrl.set(args, base + CONTROL.ARGS);
      Atomics.store(this.ctrl, base + CONTROL.SEQ, seq);
      Atomics.notify(this.ctrl, base + CONTROL.SEQ);
      posted.push(base);
    }
    const [start, end] = ranges[0]!;
    try {
      if (start < end) {
        if (byColumns) local(0, g.m, start, end, 0);
        else local(start, end, 0, g.n, 0);
      }
    } finally {
      // Even when this thread's part threw: the workers must be done with the memory before the next call.
      const deadline = Date.now() + WORKER_TIMEOUT_MS + (g.m * g.n * g.k) / WORKER_MIN_MULTIPLY_ADDS_PER_MS;
      for (const base of posted) this.await(base, seq, deadline);
    }
  }

  private await(base: number, seq: number, deadline: number): void {
    let spins = 0;
    for (;;) {
      const done = Atomics.load(this.ctrl, base + CONTROL.DONE);
      if (done === seq) break;
      if (++spins > SPIN_ITERATIONS) {
        if (Date.now() > deadline) {
          this.close();
          throw new KernelError(`gemm worker ${base / CONTROL.STRIDE} did not finish in time (it may have died); the thread pool is closed`, 'wasm', 'worker timeout');
        }
        if (this.blocking) Atomics.wait(this.ctrl, base + CONTROL.DONE, done, 100);
      }
    }
    if (Atomics.load(this.ctrl, base + CONTROL.FAILED) !== 0) {
      this.close();
      throw new KernelError(`gemm worker ${base / CONTROL.STRIDE} failed; the thread pool is closed`, 'wasm', 'worker failed');
    }
  }

  close(): void {
    if (this.isClosed) return;
    this.isClosed = true;
    for (let w = 0; w < this.workers.length; w++) {
      Atomics.store(this.ctrl, w * CONTROL.STRIDE + CONTROL.SEQ, -1);
      Atomics.notify(this.ctrl, w * CONTROL.STRIDE + CONTROL.SEQ);
    }
    for (const worker of this.workers) worker.terminate();
  }
}
