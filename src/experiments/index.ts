/**
 * `decaylab/experiments` (Node): configs, datasets, building and training runs, run folders,
 * worker-thread batches (demo, sweeps, studies), analysis and HTML reports. See docs/config.md and
 * docs/cli.md.
 */
export * from './errors.js';
export * from './config/index.js';
export * from './datasets/index.js';
export * from './analysis/index.js';
export { buildModel, describeParameters, LayersModel, type BuiltModel, type ParameterInfo } from './build/model.js';
export { buildOptimizer, resolveGroups, matchesGroup, globToRegExp, type ResolvedGroup } from './build/optimizer.js';
export { buildSchedules, buildScheduler, type BuiltSchedules, type Steppable } from './build/schedules.js';
export { lossFunction, type LossFn } from './build/loss.js';
export { setupRun, type RunSetup } from './train/setup.js';
export { train, type TrainObserver, type TrainOutcome, type EvalRecord } from './train/loop.js';
export { evaluate, accuracyOf, type SplitMetrics } from './train/evaluate.js';
export { combineObservers } from './train/observers.js';
export { runExperiment, runExperimentWithTrace, resultOf, hparamMetrics, type RunExperimentOptions, type RunOutput } from './run/run-experiment.js';
export { RUN_FILE, RUN_FORMAT, RUN_STATUSES, writeRunRecord, type RunRecord, type RunResult, type RunStatus, type RunDataset, type HParamValue } from './run/run-record.js';
export { readRunRecord, runRecordSchema } from './run/run-record-read.js';
export { TRACE_FILE, TraceRecorder, writeTrace, snapshotOf, type Trace, type Snapshot } from './run/trace.js';
export { readTrace, traceSchema } from './run/trace-read.js';
export { FINAL_PARAMS_FILE, readSafetensors, writeSafetensors, encodeSafetensors } from './run/safetensors.js';
export { EventLogger, loggedParameters } from './run/event-logger.js';
export { writeFileAtomic, writeJsonAtomic } from './run/atomic.js';
export { runPool, prestartWorkers, type JobOutcome, type PoolOptions } from './workers/pool.js';
export type { RunJob } from './workers/protocol.js';
export { runBatch, clearRunFolder, type BatchCallbacks, type RunnerOptions, type BatchOptions, type BatchResult } from './batch/run-batch.js';
export { loadBatch, comparisonOf, forComparison, type LoadedBatch, type LoadedRun } from './batch/load.js';
export { MANIFEST_FILE, BATCH_KINDS, type Manifest, type ManifestRun, type BatchKind } from './batch/manifest.js';
export { readManifest, manifestSchema } from './batch/manifest-read.js';
export { checkPlan, slug, type PlannedRun } from './batch/plan.js';
export { DEMO_DEFAULTS, demoPlan, demoLabel, demoRunName, type DemoOptions } from './demo/demo-plan.js';
export { runDemo, type DemoResult, type RunDemoOptions } from './demo/run-demo.js';
export { runSingle, writeSingleReport, type SingleOutcome } from './single/run-single.js';
export { expandGrid, parseGridArg, type GridAxis } from './sweep/grid.js';
export { sweepResults, resultsCsv, SWEEP_METRICS, type SweepRow } from './sweep/results.js';
export { runSweep, type RunSweepOptions, type SweepOutcome } from './sweep/run-sweep.js';
export { anyStudy, type Study, type AnyStudy, type StudyOptions } from './study/types.js';
export { runStudy, concludeStudy, reportRunsOf, type StudyOutcome } from './study/run-study.js';
export { buildReport, type ReportOptions } from './report/build-report.js';
export { renderPage, type ReportSection } from './report/layout.js';
export { lineChart, legend, decimate, type Series } from './report/line-chart.js';
export { ridgeline, snapshotRange } from './report/ridgeline.js';
export { htmlTable, comparisonTableHtml } from './report/table.js';
export { comparisonSection, lossSection, evalSection, normsSection, ridgelineSection, runsSection, defaultRidgelineParams, type ReportRun } from './report/sections.js';
export { colorOf, esc, PALETTE } from './report/svg.js';
export { rebuildReport } from './rebuild-report.js';
