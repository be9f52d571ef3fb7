/**
 * Runs a planned batch in one folder: `experiment.json` first, then each run in its own sub-folder,
 * `jobs` at a time in worker threads. With `resume`, a folder that already holds the same batch is
 * continued: runs whose run.json says `done` or `diverged` (with the same config) are kept as they
 * are; unfinished ones (`running` — killed — or `failed`) have their own files removed and are run
 * again. Nothing else in the folder is touched.
 */
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { RunFailedError } from '../errors.js';
import { RunFolderError } from '../errors.js';
import { type RunRecord, RUN_FILE } from '../run/run-record.js';
import { FINAL_PARAMS_FILE } from '../run/safetensors.js';
import { type Trace, TRACE_FILE } from '../run/trace.js';
import { type JobOutcome, runPool } from '../workers/pool.js';
import type { RunJob } from '../workers/protocol.js';
import { canonicalJson, checkSameBatch, type Manifest, MANIFEST_FILE, manifestOf, writeManifest } from './manifest.js';
import { checkPlan, type PlannedRun } from './plan.js';

/**
 * What a batch reports while it runs, per planned run: its start, its progress (at most every
 * 100 ms and at its last step) and its end (the final run.json, or the error of a failed run).
 * The demo, run, sweep and study runners take these and hand them to {@link runBatch} unchanged.
 */
export interface BatchCallbacks {
  readonly onStart?: ((run: PlannedRun) => void) | undefined;
  readonly onProgress?: ((run: PlannedRun, step: number, total: number, loss: number) => void) | undefined;
  readonly onDone?: ((run: PlannedRun, record: RunRecord | null, error: RunFailedError | null) => void) | undefined;
}

/** What every runner (demo, run, sweep, study) accepts besides its own options. */
export interface RunnerOptions extends BatchCallbacks {
  /** Write report.html (default true). */
  readonly report?: boolean | undefined;
  /** Run in this thread instead of worker threads. */
  readonly inProcess?: boolean | undefined;
}

/** The part of a runner's options its batch takes unchanged: the callbacks and `inProcess`. */
export function passedToBatch(o: RunnerOptions): BatchCallbacks & Pick<BatchOptions, 'inProcess'> {
  return { inProcess: o.inProcess, onStart: o.onStart, onProgress: o.onProgress, onDone: o.onDone };
}

/** Options of {@link runBatch}. */
export interface BatchOptions extends BatchCallbacks {
  /** The batch folder. */
  readonly dir: string;
  readonly kind: Manifest['kind'];
  readonly name: string;
  readonly meta?: Record<string, unknown> | undefined;
  /** Runs at a time. */
  readonly jobs: number;
  /** Continue a folder holding the same batch (else the folder must not hold one). */
  readonly resume: boolean;
  readonly dataDir?: string | undefined;
  /** Write event files (default true). */
  readonly events?: boolean | undefined;
  /** Run in this thread instead of worker threads. */
  readonly inProcess?: boolean | undefined;
}

/** What a batch produced. */
export interface BatchResult {
  readonly dir: string;
  readonly manifest: Manifest;
  /** The final run.json of each planned run, in plan order (null for failed runs). */
  readonly records: readonly (RunRecord | null)[];
  /** The trace of each run made now, in plan order (null for skipped and failed runs: read trace.json). */
  readonly traces: readonly (Trace | null)[];
  /** Runs found finished and not run again. */
  readonly skipped: readonly string[];
  readonly failures: readonly RunFailedError[];
}

/** Files a run writes in its folder (removed before it is run again). */
function isRunFile(name: string): boolean {
  return name === RUN_FILE || name === TRACE_FILE || name === FINAL_PARAMS_FILE || name === 'hparams' || name.startsWith('events.out.tfevents.') || /\.tmp-\d+-\d+$/.test(name);
}

/** Removes a run's own files from its folder, leaving anything else. */
export function clearRunFolder(dir: string): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) if (isRunFile(name)) rmSync(join(dir, name), { recursive: true, force: true });
}

/**
 * The validated contents of a JSON file the batch finds on disk. The readers (and the schema
 * library they use) are loaded only when there is something to read: a fresh demo never needs them.
 */
async function readExisting(dir: string, file: typeof MANIFEST_FILE): Promise<Manifest | null>;
async function readExisting(dir: string, file: typeof RUN_FILE): Promise<RunRecord | null>;
async function readExisting(dir: string, file: string): Promise<Manifest | RunRecord | null> {
  if (!existsSync(join(dir, file))) return null;
  if (file === MANIFEST_FILE) return (await import('./manifest-read.js')).readManifest(dir);
  return (await import('../run/run-record-read.js')).readRunRecord(dir);
}

async function prepareFolder(options: BatchOptions, manifest: Manifest): Promise<Manifest> {
  mkdirSync(options.dir, { recursive: true });
  const existing = await readExisting(options.dir, MANIFEST_FILE);
  if (existing !== null) {
    if (!options.resume) throw new RunFolderError('already holds an experiment; choose another --logdir', join(options.dir, MANIFEST_FILE));
    checkSameBatch(options.dir, existing, manifest);
    return existing;
  }
  const entries = readdirSync(options.dir).filter((n) => !n.startsWith('.'));
  if (entries.length > 0) throw new RunFolderError(`is not empty and holds no ${MANIFEST_FILE}; choose an empty or new --logdir`, options.dir);
  writeManifest(options.dir, manifest);
  return manifest;
}

/** Runs (or resumes) a batch; see the module comment. */
export async function runBatch(plan: readonly PlannedRun[], options: BatchOptions): Promise<BatchResult> {
  checkPlan(plan);
  const manifest = await prepareFolder(options, manifestOf(options.kind, options.name, plan, options.meta));
  const records = new Map<string, RunRecord>();
  const traces = new Map<string, Trace>();
  const skipped: string[] = [];
  const todo: PlannedRun[] = [];
  for (const run of plan) {
    const dir = join(options.dir, run.name);
    let record: RunRecord | null = null;
    try {
      record = await readExisting(dir, RUN_FILE);
    } catch (e) {
      if (!(e instanceof RunFolderError)) throw e;
    }
    if (record !== null && (record.status === 'done' || record.status === 'diverged') && canonicalJson(record.config) === canonicalJson(run.config)) {
      records.set(run.name, record);
      skipped.push(run.name);
    } else {
      clearRunFolder(dir);
      todo.push(run);
    }
  }
  const byName = new Map(plan.map((r) => [r.name, r]));
  const jobs: RunJob[] = todo.map((run) => ({
    id: run.name,
    name: run.name,
    dir: join(options.dir, run.name),
    config: run.config,
    dataDir: options.dataDir,
    hparams: run.hparams,
    events: options.events,
  }));
  const failures: RunFailedError[] = [];
  await runPool(jobs, {
    concurrency: options.jobs,
    inProcess: options.inProcess,
    onStart: (job) => options.onStart?.(byName.get(job.id)!),
    onProgress: (job, step, total, loss) => options.onProgress?.(byName.get(job.id)!, step, total, loss),
    onDone: (outcome: JobOutcome) => {
      if (outcome.record !== null) {
        records.set(outcome.job.id, outcome.record);
        traces.set(outcome.job.id, outcome.trace);
      } else failures.push(outcome.error);
      options.onDone?.(byName.get(outcome.job.id)!, outcome.record, outcome.error);
    },
  });
  return { dir: options.dir, manifest, records: plan.map((r) => records.get(r.name) ?? null), traces: plan.map((r) => traces.get(r.name) ?? null), skipped, failures };
}
