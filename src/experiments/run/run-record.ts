/**
 * `run.json`: the small summary every run folder holds beside its event files — the resolved
 * config, the status, the dataset, and at the end the final metrics and parameter statistics — so
 * sweeps can resume and reports and dashboards can list runs without parsing event files. It is
 * always replaced atomically. Reading it back (with validation) is in run-record-read.ts.
 */
import { join } from 'node:path';
import type { ParameterStats } from '../analysis/parameter-stats.js';
import type { ExperimentConfig } from '../config/experiment-schema.js';
import { writeJsonAtomic } from './atomic.js';

/** File name of the run summary inside a run folder. */
export const RUN_FILE = 'run.json';
/** Format tag of run.json. */
export const RUN_FORMAT = 'decaylab.run/1';

/** Run states: `running` (started, not finished — a killed run stays so), `done`, `diverged` (stopped at a non-finite loss), `failed` (threw). */
export const RUN_STATUSES = ['running', 'done', 'diverged', 'failed'] as const;
/** One run state. */
export type RunStatus = (typeof RUN_STATUSES)[number];

/** A hyperparameter value as the hparams plugin stores it. */
export type HParamValue = string | number | boolean;

/** The `result` of a finished run. Non-finite numbers are stored as null and read back as NaN. */
export interface RunResult {
  /** Optimizer steps taken. */
  steps: number;
  /** Epochs completed. */
  epochs: number;
  /** Loss of the last step (the last `loss` scalar). */
  lastLoss: number;
  /** The step whose loss was not finite, or null. */
  divergedAt: number | null;
  /** The final parameters' loss (and accuracy) on the whole training set and the test set. */
  final: { trainLoss: number; trainAccuracy?: number | undefined; testLoss?: number | undefined; testAccuracy?: number | undefined };
  /** √Σ‖p‖² over all parameter tensors. */
  totalNorm: number;
  numel: number;
  exactZeros: number;
  nearZeroShare: number;
  /** Statistics of each final parameter tensor, in model order. */
  params: ParameterStats[];
  durationMs: number;
}

/** The dataset a run trained on. */
export interface RunDataset {
  name: string;
  description: string;
  task: 'regression' | 'classification';
  trainSize: number;
  testSize: number;
}

/** The contents of run.json. */
export interface RunRecord {
  format: typeof RUN_FORMAT;
  name: string;
  status: RunStatus;
  config: ExperimentConfig;
  hparams: Record<string, HParamValue>;
  dataset: RunDataset | null;
  /** ISO time stamps. */
  startedAt: string;
  finishedAt: string | null;
  result: RunResult | null;
  error: { name: string; message: string } | null;
}

/** Writes `record` as `<dir>/run.json`, atomically. */
export function writeRunRecord(dir: string, record: RunRecord): void {
  writeJsonAtomic(join(dir, RUN_FILE), record);
}
