/**
 * A whole report from loaded runs: the comparison (when given), loss, train-vs-test, weight norms,
 * ridgelines and the runs, with any extra sections a study adds before or after the standard ones.
 */
import type { ComparisonTable } from '../analysis/comparison.js';
import type { Verdict } from '../analysis/verdict.js';
import { globToRegExp } from '../build/glob.js';
import { renderPage, type ReportSection } from './layout.js';
import { comparisonSection, defaultRidgelineParams, evalSection, lossSection, normsSection, type ReportRun, ridgelineSection, runsSection } from './sections.js';

/** Options of {@link buildReport}. */
export interface ReportOptions {
  readonly title: string;
  readonly subtitle: string;
  readonly runs: readonly ReportRun[];
  readonly comparison?: ComparisonTable | undefined;
  readonly verdict?: Verdict | undefined;
  /** Parameters shown as ridgelines, names or globs (default: first, middle and last 2-D weight). */
  readonly ridgelineParams?: readonly string[] | undefined;
  /** Runs shown in the ridgelines (default: all). */
  readonly ridgelineRuns?: readonly ReportRun[] | undefined;
  /** Sections placed first (a study's findings, a sweep's results table). */
  readonly before?: readonly ReportSection[] | undefined;
  /** Sections placed last. */
  readonly after?: readonly ReportSection[] | undefined;
}

/** The report as one self-contained HTML string. */
export function buildReport(o: ReportOptions): string {
  const sections: ReportSection[] = [...(o.before ?? [])];
  if (o.comparison !== undefined) sections.push(comparisonSection(o.comparison, o.verdict ?? null));
  sections.push(lossSection(o.runs));
  const evals = evalSection(o.runs);
  if (evals !== null) sections.push(evals);
  sections.push(normsSection(o.runs));
  const names = (o.runs[0]?.record.result?.params ?? []).map((p) => p.name);
  const params = o.ridgelineParams === undefined ? defaultRidgelineParams(o.runs[0]?.record) : names.filter((n) => o.ridgelineParams!.some((g) => globToRegExp(g).test(n)));
  if (params.length > 0) sections.push(ridgelineSection(o.ridgelineRuns ?? o.runs, params));
  sections.push(...(o.after ?? []));
  sections.push(runsSection(o.runs));
  return renderPage({ title: o.title, subtitle: o.subtitle, sections });
}
