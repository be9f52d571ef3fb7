/** Finished runs as columns of a {@link ComparisonTable}. */
import { compareRuns, type ComparisonTable, type RunForComparison } from '../analysis/comparison.js';
import { decayModeOf } from '../config/names.js';
import { RunFolderError } from '../errors.js';
import type { RunRecord } from '../run/run-record.js';

/** A finished run's entry in a comparison, under `label`. */
export function forComparison(label: string, record: RunRecord): RunForComparison {
  const result = record.result;
  if (result === null) throw new RunFolderError(`run "${record.name}" has no result (status ${record.status})`, record.name);
  return {
    label,
    weightDecay: record.config.optimizer.weightDecay,
    decay: decayModeOf(record.config.optimizer),
    finalLoss: result.final.trainLoss,
    params: result.params,
  };
}

/** The comparison of labelled finished runs. */
export function comparisonOf(runs: readonly { label: string; record: RunRecord }[]): ComparisonTable {
  return compareRuns(runs.map((r) => forComparison(r.label, r.record)));
}
