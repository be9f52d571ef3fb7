/**
 * The messages between a run pool and its worker threads. A worker is long-lived: the pool posts
 * `run` messages one at a time; the worker answers with `progress` messages and then exactly one
 * `done` or `error` for that job. The pool terminates the worker when no job is left.
 */
import type { ExperimentConfig } from '../config/experiment-schema.js';
import type { RunRecord } from '../run/run-record.js';
import type { Trace } from '../run/trace.js';
import type { HParamValue } from '../run/run-experiment.js';

/** One run to execute: where, with what config, under which name. */
export interface RunJob {
  /** Unique within a pool invocation. */
  readonly id: string;
  /** The run's name (messages, tables). */
  readonly name: string;
  /** The run folder. */
  readonly dir: string;
  /** The validated config (plain data, structured-cloneable). */
  readonly config: ExperimentConfig;
  readonly dataDir?: string | undefined;
  readonly hparams?: Readonly<Record<string, HParamValue>> | undefined;
  /** Write event files (default true). */
  readonly events?: boolean | undefined;
}

/** A serialized error: enough to rebuild a typed error naming the run. */
export interface SerializedError {
  readonly name: string;
  readonly message: string;
  readonly stack?: string | undefined;
}

/** Pool → worker. */
export type ToWorker = { readonly type: 'run'; readonly job: RunJob };

/** Worker → pool. */
export type FromWorker =
  | { readonly type: 'progress'; readonly id: string; readonly step: number; readonly total: number; readonly loss: number }
  | { readonly type: 'done'; readonly id: string; readonly record: RunRecord; readonly trace: Trace }
  | { readonly type: 'error'; readonly id: string; readonly error: SerializedError };

/** An error as plain data for postMessage. */
export function serializeError(e: unknown): SerializedError {
  if (e instanceof Error) return { name: e.name, message: e.message, stack: e.stack };
  return { name: 'Error', message: String(e) };
}

/** Progress messages are sent at most this often (milliseconds), plus the last step. */
export const PROGRESS_INTERVAL_MS = 100;
