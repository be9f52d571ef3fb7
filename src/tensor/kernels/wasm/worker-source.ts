/**
 * The program a gemm worker runs, as source text (so that no bundler or file is needed to start
 * it): written against the Web Worker API (`onmessage`), which Node's worker_threads get through a
 * few lines of shim in the host that spawns them. The worker instantiates the shared-memory gemm
 * module over the pool's memory, then serves jobs posted through a control block of Int32 slots.
 */

/** Int32 slots of one worker's control block (see {@link WORKER_SOURCE}). */
export const CONTROL = {
  /** Set to 1 by the worker once it is ready to serve jobs. */
  READY: 0,
  /** Job number, incremented by the main thread to post a job; −1 asks the worker to stop. */
  SEQ: 1,
  /** Job number of the last finished job, written by the worker. */
  DONE: 2,
  /** Set to 1 by the worker when a job threw (the job then counts as done). */
  FAILED: 3,
  /** First of the 15 `gemmBlock` arguments of the posted job. */
  ARGS: 4,
  /** Slots per worker (a 64-byte line each, so workers do not share cache lines). */
  STRIDE: 32,
} as const;

/** Spin iterations before a waiting thread goes to sleep in Atomics.wait. */
export const SPIN_ITERATIONS = 20000;

/** Source of the worker program. Message: `{ module, memory, control, slot }`. */
export const WORKER_SOURCE = `
globalThis.onmessage = (event) => {
  const { module, memory, control, slot } = event.data;
  const base = slot * ${CONTROL.STRIDE};
  const READY = base + ${CONTROL.READY}, SEQ = base + ${CONTROL.SEQ}, DONE = base + ${CONTROL.DONE};
  const FAILED = base + ${CONTROL.FAILED}, ARGS = base + ${CONTROL.ARGS};
  const ctrl = new Int32Array(control);
  const gemmBlock = new WebAssembly.Instance(module, { env: { memory } }).exports.gemmBlock;
  globalThis.onmessage = null;
  Atomics.store(ctrl, READY, 1);
  Atomics.notify(ctrl, READY);
  let seen = Atomics.load(ctrl, SEQ);
  for (;;) {
    let spins = 0;
    let seq;
    while ((seq = Atomics.load(ctrl, SEQ)) === seen) {
      if (++spins > ${SPIN_ITERATIONS}) Atomics.wait(ctrl, SEQ, seen);
    }
    if (seq < 0) return;
    const a = ARGS;
    try {
      gemmBlock(ctrl[a], ctrl[a + 1], ctrl[a + 2], ctrl[a + 3], ctrl[a + 4], ctrl[a + 5], ctrl[a + 6], ctrl[a + 7],
        ctrl[a + 8], ctrl[a + 9], ctrl[a + 10], ctrl[a + 11], ctrl[a + 12], ctrl[a + 13], ctrl[a + 14]);
    } catch (e) {
      Atomics.store(ctrl, FAILED, 1);
    }
    seen = seq;
    Atomics.store(ctrl, DONE, seq);
    Atomics.notify(ctrl, DONE);
  }
};
`;
