/**
 * What every study saves as analysis.json — the line on its setup, its analysis and its verdict —
 * and the pieces of that setup line: the first run's record, the number of seeds, the model.
 */
import type { LoadedRun } from '../../batch/load.js';
import type { ModelConfig } from '../../config/model-schema.js';
import type { RunRecord } from '../../run/run-record.js';

/** A study's saved result: `A` its analysis, `V` its verdict. */
export interface StudyResult<A, V> {
  /** One line on the data, model and training the numbers come from. */
  readonly setup: string;
  readonly analysis: A;
  readonly verdict: V;
}

/**
 * The setup line `describe` writes from the first run that has a run.json and the number of seeds
 * among `runs`; `No run has started yet.` when no run has a run.json.
 */
export function setupLine(runs: readonly LoadedRun[], describe: (record: RunRecord, seeds: number) => string): string {
  const record = runs.find((r) => r.record !== null)?.record;
  if (record === undefined || record === null) return 'No run has started yet.';
  return describe(record, new Set(runs.map((r) => r.hparams['seed'])).size);
}

/** `MLP 64×64 (relu)` for an MLP, else the model's kind. */
export function modelLabel(model: ModelConfig): string {
  return model.kind === 'mlp' ? `MLP ${model.hidden.join('×')} (${model.activation})` : model.kind;
}
