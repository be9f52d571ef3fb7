/**
 * The per-tensor comparison of chosen runs (L2 norm, mean |w|, max |w|, share of |w| < 1e-3 side
 * by side, with total norm and final loss) as a report section, from the core's comparison table.
 */
import { comparisonOf } from '../../batch/load.js';
import type { ReportSection } from '../../report/layout.js';
import { comparisonSection, type ReportRun } from '../../report/sections.js';

/** The section for the finished runs among `runs` (none when no run finished). */
export function comparisonSectionOf(runs: readonly ReportRun[], title = 'Final parameters compared (seed 0)'): ReportSection[] {
  const finished = runs.filter((r) => r.record.result !== null);
  if (finished.length === 0) return [];
  return [{ ...comparisonSection(comparisonOf(finished.map((r) => ({ label: r.label, record: r.record }))), null), title }];
}
