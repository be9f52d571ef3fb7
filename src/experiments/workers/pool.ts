/**
 * Runs jobs `concurrency` at a time in worker threads (or in this thread with `inProcess`). Each
 * worker takes the next job when it finishes one. A job that throws, or whose worker dies, becomes
 * a {@link RunFailedError} naming the run; the other jobs go on.
 */
import { Worker } from 'node:worker_threads';
import { RunFailedError } from '../errors.js';
import type { RunRecord } from '../run/run-record.js';
import type { Trace } from '../run/trace.js';
import { type FromWorker, type RunJob, type SerializedError, serializeError } from './protocol.js';

/** How a job ended. */
export type JobOutcome =
  | { readonly job: RunJob; readonly record: RunRecord; readonly trace: Trace; readonly error: null }
  | { readonly job: RunJob; readonly record: null; readonly trace: null; readonly error: RunFailedError };

/** Options of {@link runPool}. */
export interface PoolOptions {
  /** Jobs at a time (≥ 1). */
  readonly concurrency: number;
  /** Run in this thread, one job at a time (no workers). */
  readonly inProcess?: boolean | undefined;
  readonly onStart?: ((job: RunJob) => void) | undefined;
  readonly onProgress?: ((job: RunJob, step: number, total: number, loss: number) => void) | undefined;
  readonly onDone?: ((outcome: JobOutcome) => void) | undefined;
}

/**
 * A new run worker. From compiled JS it runs `run-worker.js`. From TypeScript sources (vitest,
 * `node --import tsx`) `--import tsx` in a worker's execArgv does not reach the worker's entry
 * module on Node 20, so a one-line bootstrap registers tsx's ESM hooks and then imports
 * `run-worker.ts`.
 */
export function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./run-worker.js', import.meta.url));
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./run-worker.ts', import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { eval: true });
}

/** A worker started ahead of time: idle, not holding the process open, dropped if it dies while waiting. */
interface WarmWorker {
  readonly worker: Worker;
  readonly onError: () => void;
  readonly onExit: () => void;
}

/** Workers started by {@link prestartWorkers}, in start order. */
const warm: WarmWorker[] = [];

/**
 * Starts `n` run workers now, so they load their modules while the caller does other work (the CLI
 * calls this before loading its own modules). {@link runPool} takes them first; idle ones do not
 * keep the process alive, and one that fails to start is replaced by a fresh worker when taken.
 */
export function prestartWorkers(n: number): void {
  for (let i = 0; i < n; i++) {
    const worker = startWorker();
    worker.unref();
    const entry: WarmWorker = {
      worker,
      onError: () => {},
      onExit: () => {
        const at = warm.indexOf(entry);
        if (at >= 0) warm.splice(at, 1);
      },
    };
    worker.on('error', entry.onError);
    worker.on('exit', entry.onExit);
    warm.push(entry);
  }
}

function takeWorker(): Worker {
  const entry = warm.shift();
  if (entry === undefined) return startWorker();
  entry.worker.off('error', entry.onError);
  entry.worker.off('exit', entry.onExit);
  entry.worker.ref();
  return entry.worker;
}

function failure(job: RunJob, e: SerializedError): RunFailedError {
  return new RunFailedError(job.name, e.name, e.message, e.stack);
}

async function runInProcess(jobs: readonly RunJob[], options: PoolOptions): Promise<JobOutcome[]> {
  // Loaded on demand: the training stack is only needed here when runs do not go to workers.
  const { executeJob } = await import('./execute.js');
  const outcomes: JobOutcome[] = [];
  for (const job of jobs) {
    options.onStart?.(job);
    let outcome: JobOutcome;
    try {
      const { record, trace } = await executeJob(job, (step, total, loss) => options.onProgress?.(job, step, total, loss));
      outcome = { job, record, trace, error: null };
    } catch (e) {
      outcome = { job, record: null, trace: null, error: failure(job, serializeError(e)) };
    }
    outcomes.push(outcome);
    options.onDone?.(outcome);
  }
  return outcomes;
}

/** Runs one job on `worker`; resolves with its outcome (a dead worker fails the job). */
function runOnWorker(worker: Worker, job: RunJob, options: PoolOptions): Promise<{ outcome: JobOutcome; alive: boolean }> {
  return new Promise((resolve) => {
    const cleanup = (): void => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const onMessage = (m: FromWorker): void => {
      if (m.id !== job.id) return;
      if (m.type === 'progress') options.onProgress?.(job, m.step, m.total, m.loss);
      else {
        cleanup();
        resolve({ outcome: m.type === 'done' ? { job, record: m.record, trace: m.trace, error: null } : { job, record: null, trace: null, error: failure(job, m.error) }, alive: true });
      }
    };
    const onError = (e: Error): void => {
      cleanup();
      resolve({ outcome: { job, record: null, trace: null, error: failure(job, serializeError(e)) }, alive: false });
    };
    const onExit = (code: number): void => {
      cleanup();
      resolve({ outcome: { job, record: null, trace: null, error: failure(job, { name: 'WorkerExit', message: `worker thread exited with code ${code} before the run finished` }) }, alive: false });
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage({ type: 'run', job });
  });
}

/** Runs every job and returns their outcomes in the order of `jobs`. */
export async function runPool(jobs: readonly RunJob[], options: PoolOptions): Promise<JobOutcome[]> {
  if (options.inProcess === true) return runInProcess(jobs, options);
  const outcomes = new Map<string, JobOutcome>();
  let next = 0;
  const lane = async (): Promise<void> => {
    let worker: Worker | null = null;
    try {
      while (next < jobs.length) {
        const job = jobs[next++]!;
        worker ??= takeWorker();
        options.onStart?.(job);
        const { outcome, alive } = await runOnWorker(worker, job, options);
        if (!alive) {
          await worker.terminate();
          worker = null;
        }
        outcomes.set(job.id, outcome);
        options.onDone?.(outcome);
      }
    } finally {
      if (worker !== null) await worker.terminate();
    }
  };
  const lanes = Math.max(1, Math.min(options.concurrency, jobs.length));
  await Promise.all(Array.from({ length: lanes }, lane));
  await Promise.all(warm.splice(0).map((w) => w.worker.terminate()));
  return jobs.map((j) => outcomes.get(j.id)!);
}
