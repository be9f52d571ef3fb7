/**
 * One run, start to finish, in one folder: `run.json` (status `running`, written first), the event
 * file(s) of the SummaryWriter, then `trace.json`, the final parameters (`final.safetensors`) and
 * the final `run.json` (status `done` or `diverged`, with metrics and parameter statistics). An exception marks the run `failed` with its
 * message before it propagates. Every JSON file is replaced atomically.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SummaryWriter } from '../../events/writer/summary-writer.js';
import { sparsityTotals, totalNorm } from '../analysis/parameter-stats.js';
import type { ExperimentConfig } from '../config/experiment-schema.js';
import { loadDataset } from '../datasets/load.js';
import { splitSize } from '../datasets/types.js';
import { type TrainObserver, train, type TrainOutcome } from '../train/loop.js';
import { combineObservers } from '../train/observers.js';
import { setupRun } from '../train/setup.js';
import { EventLogger } from './event-logger.js';
import { type HParamValue, type RunRecord, type RunResult, RUN_FORMAT, writeRunRecord } from './run-record.js';

export type { HParamValue } from './run-record.js';
import { FINAL_PARAMS_FILE, writeSafetensors } from './safetensors.js';
import { type Trace, TraceRecorder, writeTrace } from './trace.js';


/** Options of {@link runExperiment}. */
export interface RunExperimentOptions {
  /** The run folder (created if needed). */
  readonly dir: string;
  /** The run's name in tables and reports. */
  readonly name: string;
  /** Overrides the Fashion-MNIST folder. */
  readonly dataDir?: string | undefined;
  /** Hyperparameters to log with `addHparams` (sub-run `hparams`) and to keep in run.json. */
  readonly hparams?: Readonly<Record<string, HParamValue>> | undefined;
  /** Write event files (default true); false trains and summarizes without TensorBoard logging. */
  readonly events?: boolean | undefined;
  /** Called after every step. */
  readonly onProgress?: ((step: number, totalSteps: number, loss: number) => void) | undefined;
}

/** The `result` of run.json from a training outcome. */
export function resultOf(outcome: TrainOutcome, durationMs: number): RunResult {
  const sparsity = sparsityTotals(outcome.params);
  const f = outcome.final;
  return {
    steps: outcome.steps,
    epochs: outcome.epochs,
    lastLoss: outcome.lastLoss,
    divergedAt: outcome.divergedAt,
    final: {
      trainLoss: f.train.loss,
      ...(f.train.accuracy === undefined ? {} : { trainAccuracy: f.train.accuracy }),
      ...(f.test === null ? {} : { testLoss: f.test.loss }),
      ...(f.test?.accuracy === undefined ? {} : { testAccuracy: f.test.accuracy }),
    },
    totalNorm: totalNorm(outcome.params),
    numel: sparsity.numel,
    exactZeros: sparsity.exactZeros,
    nearZeroShare: sparsity.nearZeroShare,
    params: outcome.params.map((p) => ({ ...p, shape: [...p.shape] })),
    durationMs,
  };
}

/** The metrics a sweep compares and logs with `addHparams`, from a result (finite values only). */
export function hparamMetrics(result: RunResult): Record<string, number> {
  const m: Record<string, number> = {
    'final/train_loss': result.final.trainLoss,
    'final/total_norm': result.totalNorm,
    'final/near_zero_share': result.nearZeroShare,
  };
  if (result.final.trainAccuracy !== undefined) m['final/train_accuracy'] = result.final.trainAccuracy;
  if (result.final.testLoss !== undefined) m['final/test_loss'] = result.final.testLoss;
  if (result.final.testAccuracy !== undefined) m['final/test_accuracy'] = result.final.testAccuracy;
  return Object.fromEntries(Object.entries(m).filter(([, v]) => Number.isFinite(v)));
}

/** A finished run: its final run.json and the curves written to trace.json. */
export interface RunOutput {
  readonly record: RunRecord;
  readonly trace: Trace;
}

/** Runs `config` in `options.dir` and returns the final run.json (see the module comment). */
export async function runExperiment(config: ExperimentConfig, options: RunExperimentOptions): Promise<RunRecord> {
  return (await runExperimentWithTrace(config, options)).record;
}

/** {@link runExperiment}, also returning the trace (saves reading trace.json back). */
export async function runExperimentWithTrace(config: ExperimentConfig, options: RunExperimentOptions): Promise<RunOutput> {
  const started = performance.now();
  mkdirSync(options.dir, { recursive: true });
  let record: RunRecord = {
    format: RUN_FORMAT,
    name: options.name,
    status: 'running',
    config,
    hparams: { ...(options.hparams ?? {}) },
    dataset: null,
    startedAt: new Date().toISOString(),
    finishedAt: null,
    result: null,
    error: null,
  };
  writeRunRecord(options.dir, record);
  let writer: SummaryWriter | null = null;
  try {
    const dataset = await loadDataset(config.dataset, { dataDir: options.dataDir });
    record = {
      ...record,
      dataset: { name: dataset.name, description: dataset.description, task: dataset.task, trainSize: splitSize(dataset.train), testSize: dataset.test === null ? 0 : splitSize(dataset.test) },
    };
    const setup = setupRun(config, dataset);
    const trace = new TraceRecorder(setup.model.parameters, setup.totalSteps, config.logging.every);
    const observers: TrainObserver[] = [trace];
    if (options.events !== false) {
      writer = new SummaryWriter({ logDir: options.dir, maxQueue: 1024 });
      observers.push(new EventLogger(writer, setup.model.parameters, config.logging));
    }
    if (options.onProgress !== undefined) observers.push({ onProgress: options.onProgress });
    const outcome = train(setup, combineObservers(...observers));
    const result = resultOf(outcome, performance.now() - started);
    if (writer !== null && options.hparams !== undefined) {
      // A diverged run's session ends as a failure, so TensorBoard's session table tells it apart.
      const status = outcome.divergedAt === null ? 'success' : 'failure';
      writer.addHparams(options.hparams, hparamMetrics(result), { name: 'hparams', step: outcome.steps, status, startTime: Date.parse(record.startedAt) / 1000 });
    }
    writer?.close();
    writer = null;
    writeTrace(options.dir, trace.value);
    writeSafetensors(
      join(options.dir, FINAL_PARAMS_FILE),
      setup.model.parameters.map((p) => ({ name: p.name, shape: p.tensor.shape, data: p.tensor.data })),
      { format: 'decaylab final parameters', run: options.name, steps: String(outcome.steps) },
    );
    record = { ...record, status: outcome.divergedAt === null ? 'done' : 'diverged', finishedAt: new Date().toISOString(), result: { ...result, durationMs: performance.now() - started } };
    writeRunRecord(options.dir, record);
    return { record, trace: trace.value };
  } catch (e) {
    writer?.close();
    const error = e instanceof Error ? { name: e.name, message: e.message } : { name: 'Error', message: String(e) };
    writeRunRecord(options.dir, { ...record, status: 'failed', finishedAt: new Date().toISOString(), error });
    throw e;
  }
}
