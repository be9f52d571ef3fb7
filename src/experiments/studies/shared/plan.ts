/**
 * Planning a study's runs: each configuration (a group of grid values) runs once per seed, as
 * `<group>,seed=<seed>`, with its config validated and the seed among its hparams; and the
 * `--help` details of a study, one line per size.
 */
import type { PlannedRun } from '../../batch/plan.js';
import { parseExperimentConfig } from '../../config/parse.js';
import type { HParamValue } from '../../run/run-record.js';
import { seedList, STUDY_SIZES, type StudySize } from './size.js';

/**
 * The runs of one configuration of study `study`: seeds `0 … seeds−1`, each named
 * `<group>,seed=<seed>` with `config(seed)` validated (a bad config is a ConfigError naming the
 * study) and hparams `{...hparams, seed}`.
 */
export function seededRuns(study: string, seeds: number, group: string, hparams: Readonly<Record<string, HParamValue>>, config: (seed: number) => unknown): PlannedRun[] {
  return seedList(seeds).map((seed) => ({
    name: `${group},seed=${seed}`,
    config: parseExperimentConfig(config(seed), `the ${study} study`),
    hparams: { ...hparams, seed },
    group,
  }));
}

/** What each size runs, for `--help`: `line(size)` for every size, small first, one per line. */
export function sizeDetails(line: (size: StudySize) => string): string {
  return STUDY_SIZES.map(line).join('\n');
}
