/**
 * The runs of `generalization`: an MLP trained with AdamW on a small Fashion-MNIST training subset
 * (small enough to overfit), once per λ from 0 to a value too large to fit the data, with the train
 * and test loss measured every `evalEvery` steps on the whole training subset and the test subset.
 */
import type { PlannedRun } from '../../batch/plan.js';
import { DEFAULT_FASHION_MNIST_DIR } from '../../config/dataset-schema.js';
import type { StudyOptions } from '../../study/types.js';
import { seededRuns, sizeDetails } from '../shared/plan.js';
import { sizeOf, type StudySize } from '../shared/size.js';

/** What a size runs. */
export interface GeneralizationSize {
  readonly weightDecays: readonly number[];
  readonly trainSubset: number;
  readonly testSubset: number;
  readonly hidden: readonly number[];
  readonly lr: number;
  readonly epochs: number;
  readonly batchSize: number;
  readonly evalEvery: number;
}

/** The sizes: λ from 0 (no decay) to a value that shrinks the weights faster than the data can grow them. */
export const GENERALIZATION_SIZES: Readonly<Record<StudySize, GeneralizationSize>> = {
  small: { weightDecays: [0, 1, 10], trainSubset: 500, testSubset: 500, hidden: [32], lr: 0.005, epochs: 30, batchSize: 100, evalEvery: 15 },
  full: { weightDecays: [0, 0.1, 0.3, 1, 3, 10, 30], trainSubset: 1000, testSubset: 5000, hidden: [128], lr: 0.001, epochs: 100, batchSize: 100, evalEvery: 50 },
};

/** The planned runs: λ × seed. */
export function generalizationPlan(options: StudyOptions): PlannedRun[] {
  const size = GENERALIZATION_SIZES[sizeOf(options)];
  return size.weightDecays.flatMap((weightDecay) =>
    seededRuns('generalization', options.seeds, `wd=${weightDecay}`, { weightDecay }, (seed) => ({
      seed,
      model: { kind: 'mlp', hidden: [...size.hidden], activation: 'relu' },
      dataset: { name: 'fashion-mnist', dir: DEFAULT_FASHION_MNIST_DIR, trainSubset: size.trainSubset, testSubset: size.testSubset },
      optimizer: { name: 'adamw', lr: size.lr, weightDecay },
      training: { epochs: size.epochs, batchSize: size.batchSize, evalEvery: size.evalEvery },
      logging: { every: 5, histograms: false },
    })),
  );
}

/** What each size runs, for `--help`. */
export function generalizationDetails(): string {
  return sizeDetails((name) => {
    const s = GENERALIZATION_SIZES[name];
    return `${name}: λ ∈ {${s.weightDecays.join(', ')}} = ${s.weightDecays.length} runs per seed (Fashion-MNIST ${s.trainSubset} training / ${s.testSubset} test images, MLP ${s.hidden.join('×')}, AdamW lr ${s.lr}, ${s.epochs} epochs)`;
  });
}
