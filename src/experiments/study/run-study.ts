/**
 * Running a study: its planned runs as a resumable batch in `<logdir>/study-<name>` (kind `study`;
 * the options are part of the folder's identity, so `--quick` and full runs do not mix), then its
 * analysis (saved as analysis.json), its summary and report.html with the study's sections first.
 */
import { join } from 'node:path';
import { type LoadedRun, loadBatch } from '../batch/load.js';
import { passedToBatch, runBatch, type RunnerOptions } from '../batch/run-batch.js';
import type { RunFailedError } from '../errors.js';
import { writeJsonAtomic } from '../run/atomic.js';
import type { ReportRun } from '../report/sections.js';
import { colorOf } from '../report/svg.js';
import { writeReport } from '../report/write-report.js';
import type { AnyStudy, StudyOptions } from './types.js';

/** Options of {@link runStudy}. */
export interface RunStudyOptions extends StudyOptions, RunnerOptions {
  /** The study folder (default chosen by the CLI: `<logdir>/study-<name>[-quick]`). */
  readonly dir: string;
  readonly jobs: number;
}

/** What a study produced. */
export interface StudyOutcome {
  readonly dir: string;
  readonly analysis: unknown;
  readonly summary: readonly string[];
  readonly skipped: readonly string[];
  readonly failures: readonly RunFailedError[];
  readonly reportPath: string | null;
}

/** Report runs of a loaded batch, colored by group, labelled by `label`. */
export function reportRunsOf(runs: readonly LoadedRun[], label: (run: LoadedRun) => string): ReportRun[] {
  const groups = [...new Set(runs.map((r) => r.group))];
  return runs.flatMap((r) => (r.record === null ? [] : [{ name: r.name, label: label(r), color: colorOf(groups.indexOf(r.group)), record: r.record, trace: r.trace }]));
}

/** Analyzes a study folder and writes analysis.json and (unless `report` is false) report.html. */
export function concludeStudy(study: AnyStudy, dir: string, report = true): { analysis: unknown; summary: string[]; reportPath: string | null } {
  const batch = loadBatch(dir);
  const runs = reportRunsOf(batch.runs, (r) => study.labelOf(r));
  const { analysis, summary, sections, focus } = study.conclude(batch.runs, runs);
  writeJsonAtomic(join(dir, 'analysis.json'), analysis);
  const reportPath = report
    ? writeReport(dir, { title: study.title, subtitle: study.question, runs: focus.runs ?? runs, ridgelineRuns: focus.ridgelineRuns, ridgelineParams: focus.ridgelineParams, before: sections })
    : null;
  return { analysis, summary, reportPath };
}

/** Runs (or resumes) a study and concludes it. */
export async function runStudy(study: AnyStudy, o: RunStudyOptions): Promise<StudyOutcome> {
  const plan = study.plan({ seeds: o.seeds, quick: o.quick, dataDir: o.dataDir });
  const batch = await runBatch(plan, {
    dir: o.dir,
    kind: 'study',
    name: study.name,
    meta: { study: study.name, seeds: o.seeds, quick: o.quick },
    jobs: o.jobs,
    resume: true,
    dataDir: o.dataDir,
    ...passedToBatch(o),
  });
  const { analysis, summary, reportPath } = concludeStudy(study, o.dir, o.report !== false);
  return { dir: o.dir, analysis, summary, skipped: batch.skipped, failures: batch.failures, reportPath };
}
