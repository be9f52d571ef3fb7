/**
 * The runs of `sparsity`: the same MLP on a Fashion-MNIST subset trained with SGD (momentum 0.9)
 * and each decay mode at the same λ values — `l2` (g ← g + λw), `l1` (the subgradient,
 * g ← g + λ·sign(w) with sign(0) = 0) and `l1-proximal` (soft-thresholding after the step,
 * w ← sign(w)·max(|w| − ηλ, 0)) — plus one run without decay as the accuracy baseline. Plain SGD is
 * the setting in which these three are the textbook penalties and proximal gradient descent
 * (ISTA) is defined.
 */
import type { PlannedRun } from '../../batch/plan.js';
import { DEFAULT_FASHION_MNIST_DIR } from '../../config/dataset-schema.js';
import type { StudyOptions } from '../../study/types.js';
import { seededRuns, sizeDetails } from '../shared/plan.js';
import { sizeOf, type StudySize } from '../shared/size.js';

/** The decay modes compared, and `none` for the baseline. */
export const SPARSITY_MODES = ['l2', 'l1', 'l1-proximal'] as const;
/** One compared mode. */
export type SparsityMode = (typeof SPARSITY_MODES)[number];
/** A run's mode: a compared one or the baseline without decay. */
export type SparsityRunMode = SparsityMode | 'none';

/** What a size runs. */
export interface SparsitySize {
  readonly weightDecays: readonly number[];
  readonly trainSubset: number;
  readonly testSubset: number;
  readonly hidden: readonly number[];
  readonly epochs: number;
  readonly batchSize: number;
  readonly lr: number;
}

/** The sizes. */
export const SPARSITY_SIZES: Readonly<Record<StudySize, SparsitySize>> = {
  small: { weightDecays: [0.001, 0.01], trainSubset: 500, testSubset: 500, hidden: [32], epochs: 10, batchSize: 50, lr: 0.05 },
  full: { weightDecays: [1e-4, 0.001, 0.003, 0.01], trainSubset: 5000, testSubset: 10000, hidden: [128], epochs: 20, batchSize: 100, lr: 0.05 },
};

/** The label of a mode in tables and legends. */
export function modeLabel(mode: SparsityRunMode): string {
  return { none: 'no decay', l2: 'L2', l1: 'L1 (subgradient)', 'l1-proximal': 'L1 proximal' }[mode];
}

/** The planned runs: the baseline, then each mode × λ, each × seed. */
export function sparsityPlan(options: StudyOptions): PlannedRun[] {
  const size = SPARSITY_SIZES[sizeOf(options)];
  const points: { mode: SparsityRunMode; weightDecay: number }[] = [{ mode: 'none', weightDecay: 0 }];
  for (const weightDecay of size.weightDecays) for (const mode of SPARSITY_MODES) points.push({ mode, weightDecay });
  return points.flatMap(({ mode, weightDecay }) =>
    seededRuns('sparsity', options.seeds, `${mode},wd=${weightDecay}`, { decay: mode, weightDecay }, (seed) => ({
      seed,
      model: { kind: 'mlp', hidden: [...size.hidden], activation: 'relu' },
      dataset: { name: 'fashion-mnist', dir: DEFAULT_FASHION_MNIST_DIR, trainSubset: size.trainSubset, testSubset: size.testSubset },
      optimizer: { name: 'sgd', lr: size.lr, momentum: 0.9, weightDecay, decay: mode === 'none' ? 'l2' : mode },
      training: { epochs: size.epochs, batchSize: size.batchSize },
      logging: { every: 5, histograms: false },
    })),
  );
}

/** What each size runs, for `--help`. */
export function sparsityDetails(): string {
  return sizeDetails((name) => {
    const s = SPARSITY_SIZES[name];
    return `${name}: λ ∈ {${s.weightDecays.join(', ')}} × ${SPARSITY_MODES.length} modes + 1 without decay = ${s.weightDecays.length * SPARSITY_MODES.length + 1} runs per seed (Fashion-MNIST ${s.trainSubset} training images, MLP ${s.hidden.join('×')}, SGD lr ${s.lr} momentum 0.9, ${s.epochs} epochs)`;
  });
}
