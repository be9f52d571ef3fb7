/**
 * The runs of `coupled-vs-decoupled`: Adam with coupled L2 (`adam`, g ← g + λw before Adam's
 * scaling) and AdamW (`adamw`, w ← w − ηλw beside it) over a learning-rate × weight-decay grid, on
 * two moons with few training points and a wide MLP, so that weight decay matters. The dataset's
 * held-out split (drawn from the same distribution, never trained on) is the validation split the
 * best λ is chosen on; the data stay the same across seeds, which vary initialisation and batch
 * order.
 */
import type { PlannedRun } from '../../batch/plan.js';
import type { StudyOptions } from '../../study/types.js';
import { seededRuns, sizeDetails } from '../shared/plan.js';
import { sizeOf, type StudySize } from '../shared/size.js';

/** The two optimizers compared, as config optimizer names. */
export const COUPLED_OPTIMIZERS = ['adam', 'adamw'] as const;
/** One of them. */
export type CoupledOptimizer = (typeof COUPLED_OPTIMIZERS)[number];

/** What a size runs. */
export interface CoupledSize {
  readonly lrs: readonly number[];
  readonly weightDecays: readonly number[];
  readonly iterations: number;
  readonly hidden: readonly number[];
  readonly trainN: number;
  readonly validationN: number;
}

/** The grids: λ in decades (small) or half decades (full) from 0 to 10, spanning both optimizers' useful ranges. */
export const COUPLED_SIZES: Readonly<Record<StudySize, CoupledSize>> = {
  small: { lrs: [0.01, 0.03], weightDecays: [0, 0.001, 0.01, 0.1, 1, 10], iterations: 200, hidden: [32, 32], trainN: 100, validationN: 500 },
  full: {
    lrs: [0.001, 0.003, 0.01, 0.03],
    weightDecays: [0, 1e-5, 3e-5, 1e-4, 3e-4, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10],
    iterations: 500,
    hidden: [64, 64],
    trainN: 100,
    validationN: 1000,
  },
};

/** The label of an optimizer in tables and legends. */
export function optimizerLabel(optimizer: CoupledOptimizer): string {
  return optimizer === 'adam' ? 'Adam+L2' : 'AdamW';
}

/** The group of one grid point: `adam,lr=0.001,wd=0.01`. */
export function coupledGroup(optimizer: CoupledOptimizer, lr: number, weightDecay: number): string {
  return `${optimizer},lr=${lr},wd=${weightDecay}`;
}

/** The planned runs: optimizer × lr × λ × seed. */
export function coupledPlan(options: StudyOptions): PlannedRun[] {
  const size = COUPLED_SIZES[sizeOf(options)];
  return COUPLED_OPTIMIZERS.flatMap((optimizer) => {
    const decay = optimizer === 'adam' ? 'l2' : 'decoupled';
    return size.lrs.flatMap((lr) =>
      size.weightDecays.flatMap((weightDecay) => {
        const group = coupledGroup(optimizer, lr, weightDecay);
        return seededRuns('coupled-vs-decoupled', options.seeds, group, { optimizer, decay, lr, weightDecay }, (seed) => ({
          name: `${group},seed=${seed}`.replace(/,/g, '_'),
          seed,
          model: { kind: 'mlp', hidden: [...size.hidden], activation: 'relu' },
          dataset: { name: 'moons', n: size.trainN, testN: size.validationN, noise: 0.3, seed: 0 },
          optimizer: { name: optimizer, lr, weightDecay, decay },
          training: { iterations: size.iterations },
          logging: { every: Math.max(1, Math.round(size.iterations / 100)), histograms: false },
        }));
      }),
    );
  });
}

/** What each size runs, for `--help`. */
export function coupledDetails(): string {
  return sizeDetails((name) => {
    const s = COUPLED_SIZES[name];
    return `${name}: lr ∈ {${s.lrs.join(', ')}} × ${s.weightDecays.length} λ from 0 to ${Math.max(...s.weightDecays)} × 2 optimizers = ${s.lrs.length * s.weightDecays.length * 2} runs per seed of ${s.iterations} full-batch steps (moons, ${s.trainN} training / ${s.validationN} validation points, MLP ${s.hidden.join('×')})`;
  });
}
