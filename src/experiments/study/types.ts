/**
 * What a study is: a named question answered by a set of runs. A study file supplies four small
 * pieces — the runs to make (`plan`), what to compute from them (`analyze`), what to print
 * (`summary`) and what to add to the report (`sections`) — and the core (run-study.ts) does the
 * rest: worker threads, resume, run folders, the standard report sections.
 */
import type { LoadedRun } from '../batch/load.js';
import type { PlannedRun } from '../batch/plan.js';
import type { ReportSection } from '../report/layout.js';
import type { ReportRun } from '../report/sections.js';

/** Options every study accepts (the CLI's `study` flags). */
export interface StudyOptions {
  /** Seeds per configuration. */
  readonly seeds: number;
  /** A smaller, faster version (fewer steps, smaller data) for tests and quick looks. */
  readonly quick: boolean;
  /** Folder of Fashion-MNIST (for studies that use it). */
  readonly dataDir?: string | undefined;
}

/**
 * What the standard report sections (loss, train vs test, weight norms, ridgelines, runs table)
 * show; each field defaults to every run, and to the first, middle and last 2-D weights.
 */
export interface StudyReportFocus {
  readonly runs?: readonly ReportRun[] | undefined;
  readonly ridgelineRuns?: readonly ReportRun[] | undefined;
  readonly ridgelineParams?: readonly string[] | undefined;
}

/** A study; `A` is its analysis (JSON-serializable: it is saved as analysis.json). */
export interface Study<A> {
  /** Command-line name, e.g. `coupled-vs-decoupled`. */
  readonly name: string;
  /** Report title. */
  readonly title: string;
  /** The question the study answers, one sentence (report subtitle, `--help`). */
  readonly question: string;
  /** The runs: configs with their grid values and groups (runs differing only by seed share a group). */
  plan(options: StudyOptions): PlannedRun[];
  /** The analysis of the finished runs (failed runs have `record: null`). */
  analyze(runs: readonly LoadedRun[]): A;
  /** Lines printed after the runs: the answer in numbers. */
  summary(analysis: A): string[];
  /** Report sections placed before the standard ones (the findings, their tables and charts). */
  sections(analysis: A, runs: readonly ReportRun[]): ReportSection[];
  /** Label of a run in legends (default: its group). */
  label?(run: LoadedRun): string;
  /** Which runs and parameters the standard sections show (default: all); for studies of many runs. */
  focus?(analysis: A, runs: readonly ReportRun[]): StudyReportFocus;
}

/** A study of any analysis type, for registries (the CLI's list of studies). */
export interface AnyStudy {
  readonly name: string;
  readonly title: string;
  readonly question: string;
  plan(options: StudyOptions): PlannedRun[];
  /** A run's legend label. */
  labelOf(run: LoadedRun): string;
  /** The study's analysis, summary and sections together; `reportRuns` are the finished runs, labelled. */
  conclude(runs: readonly LoadedRun[], reportRuns: readonly ReportRun[]): { analysis: unknown; summary: string[]; sections: ReportSection[]; focus: StudyReportFocus };
}

/** Wraps a typed study for a registry. */
export function anyStudy<A>(study: Study<A>): AnyStudy {
  return {
    name: study.name,
    title: study.title,
    question: study.question,
    plan: (o) => study.plan(o),
    labelOf: (run) => (study.label === undefined ? run.group : study.label(run)),
    conclude: (runs, reportRuns) => {
      const analysis = study.analyze(runs);
      const focus = study.focus === undefined ? {} : study.focus(analysis, reportRuns);
      return { analysis, summary: study.summary(analysis), sections: study.sections(analysis, reportRuns), focus };
    },
  };
}
