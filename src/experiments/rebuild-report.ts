/**
 * `decaylab report <dir>`: writes report.html again from what an experiment folder holds (its
 * manifest, run.json and trace.json files), whatever made it — a demo, a run, a sweep or a study.
 */
import { verdict } from './analysis/verdict.js';
import { comparisonOf } from './batch/compare.js';
import { loadBatch } from './batch/load.js';
import { writeDemoReport } from './demo/demo-report.js';
import { demoLabel } from './demo/demo-plan.js';
import { RunFolderError } from './errors.js';
import type { RunRecord } from './run/run-record.js';
import { writeSingleReport } from './single/run-single.js';
import type { AnyStudy } from './study/types.js';
import { concludeStudy } from './study/run-study.js';
import { sweepResults } from './sweep/results.js';
import { writeSweepReport } from './sweep/sweep-report.js';

/**
 * Rewrites `<dir>/report.html`; `studies` resolves a study folder's study by name; `ridgeline`
 * chooses the parameters drawn as ridgelines (names or globs; demo, run and sweep folders). Returns
 * the path.
 */
export function rebuildReport(dir: string, studies: readonly AnyStudy[] = [], ridgeline?: readonly string[]): string {
  const batch = loadBatch(dir);
  const m = batch.manifest;
  const done = batch.runs.filter((r): r is typeof r & { record: RunRecord } => r.record !== null && r.record.result !== null);
  const finished = done.map((r) => r.record);
  const traces = done.map((r) => r.trace);
  if (m.kind !== 'study' && finished.length === 0) throw new RunFolderError('holds no finished run to report on', dir);
  switch (m.kind) {
    case 'demo': {
      const table = comparisonOf(finished.map((record) => ({ label: demoLabel(record.config.optimizer.weightDecay), record })));
      const description = typeof m.meta['description'] === 'string' ? m.meta['description'] : "the article's experiment";
      return writeDemoReport(dir, description, finished, table, verdict(table), traces, ridgeline);
    }
    case 'run':
      return writeSingleReport(dir, finished[0]!, traces[0] ?? null, ridgeline);
    case 'sweep': {
      const gridKeys = [...new Set(m.runs.flatMap((r) => Object.keys(r.hparams).filter((k) => k !== 'seed')))];
      const rows = sweepResults(m.runs, batch.runs.map((r) => r.record));
      const plan = m.runs.map((r) => ({ name: r.name, config: r.config, hparams: r.hparams, group: r.group }));
      return writeSweepReport(dir, m.name, plan, batch.runs.map((r) => r.record), rows, gridKeys, batch.runs.map((r) => r.trace), ridgeline);
    }
    case 'study': {
      const study = studies.find((s) => s.name === m.name);
      if (study === undefined) throw new RunFolderError(`holds study "${m.name}", which this decaylab does not know (known: ${studies.map((s) => s.name).join(', ') || 'none'})`, dir);
      const { reportPath } = concludeStudy(study, dir, true);
      return reportPath!;
    }
  }
}
