/**
 * The runs of `layernorm-equilibrium`: an MLP on a Fashion-MNIST subset whose hidden layers are
 * Linear (without bias) → LayerNorm → ReLU, so each hidden Linear's whole weight matrix is
 * scale-invariant (LayerNorm(cWx) = LayerNorm(Wx) up to its ε; with a bias, only (W, b) together
 * would be), trained with AdamW from PyTorch's default initialisation at a few λ, every step
 * logged so the trace holds the per-step angular update of each parameter. The output Linear is
 * not followed by a normalization: it is the scale-sensitive contrast.
 */
import type { PlannedRun } from '../../batch/plan.js';
import { DEFAULT_FASHION_MNIST_DIR } from '../../config/dataset-schema.js';
import type { LayerConfig, ModelConfig } from '../../config/model-schema.js';
import type { StudyOptions } from '../../study/types.js';
import { seededRuns, sizeDetails } from '../shared/plan.js';
import { sizeOf, type StudySize } from '../shared/size.js';

/** Fashion-MNIST's input features and classes. */
export const FASHION_INPUTS = 784;
export const FASHION_CLASSES = 10;

/** What a size runs. */
export interface EquilibriumSize {
  readonly weightDecays: readonly number[];
  readonly lr: number;
  readonly widths: readonly number[];
  readonly trainSubset: number;
  readonly testSubset: number;
  readonly batchSize: number;
  readonly iterations: number;
}

/**
 * The sizes. The norm relaxes toward equilibrium at a rate of about 2ηλ per step, so each size
 * runs for several 1/(2ηλ) at its smallest λ.
 */
export const EQUILIBRIUM_SIZES: Readonly<Record<StudySize, EquilibriumSize>> = {
  small: { weightDecays: [0.25, 1], lr: 0.01, widths: [32, 32, 32], trainSubset: 500, testSubset: 500, batchSize: 50, iterations: 400 },
  full: { weightDecays: [0.03, 0.1, 0.3], lr: 0.01, widths: [64, 64, 64], trainSubset: 5000, testSubset: 2000, batchSize: 128, iterations: 4000 },
};

/** Linear (no bias) → LayerNorm → ReLU per width, then the output Linear. */
export function equilibriumModel(widths: readonly number[]): ModelConfig {
  const layers: LayerConfig[] = widths.flatMap((out): LayerConfig[] => [{ type: 'linear', out, bias: false }, { type: 'layernorm', eps: 1e-5, affine: true }, { type: 'relu' }]);
  layers.push({ type: 'linear', bias: true });
  return { kind: 'sequential', layers };
}

/**
 * The parameters of a sequential model that are scale-invariant: the weight of each Linear without
 * bias whose next layer is a LayerNorm (`layers.<i>.weight`).
 */
export function scaleInvariantParams(model: ModelConfig): string[] {
  if (model.kind !== 'sequential') return [];
  return model.layers.flatMap((l, i) => (l.type === 'linear' && !l.bias && model.layers[i + 1]?.type === 'layernorm' ? [`layers.${i}.weight`] : []));
}

/** The planned runs: λ × seed. */
export function equilibriumPlan(options: StudyOptions): PlannedRun[] {
  const size = EQUILIBRIUM_SIZES[sizeOf(options)];
  return size.weightDecays.flatMap((weightDecay) =>
    seededRuns('layernorm-equilibrium', options.seeds, `wd=${weightDecay}`, { weightDecay, lr: size.lr }, (seed) => ({
      seed,
      model: equilibriumModel(size.widths),
      dataset: { name: 'fashion-mnist', dir: DEFAULT_FASHION_MNIST_DIR, trainSubset: size.trainSubset, testSubset: size.testSubset },
      optimizer: { name: 'adamw', lr: size.lr, weightDecay },
      training: { iterations: size.iterations, batchSize: size.batchSize },
      logging: { every: 1, histograms: false },
    })),
  );
}

/** What each size runs, for `--help`. */
export function equilibriumDetails(): string {
  return sizeDetails((name) => {
    const s = EQUILIBRIUM_SIZES[name];
    return `${name}: λ ∈ {${s.weightDecays.join(', ')}} = ${s.weightDecays.length} runs per seed of ${s.iterations} AdamW steps (lr ${s.lr}; Fashion-MNIST ${s.trainSubset} training images; 784 → ${s.widths.join(' → ')} → 10 with LayerNorm)`;
  });
}
