/**
 * Loshchilov & Hutter's normalized weight decay ("Decoupled Weight Decay Regularization", ICLR 2019,
 * Appendix B.1): the best λ shrinks as a run makes more weight updates, so they parameterize it as
 *
 *     λ = λ_norm · sqrt(b / (B·T))
 *
 * with b the batch size, B the number of training points (per epoch) and T the total number of epochs;
 * b/(B·T) is one over the number of batch passes. With warm restarts (SGDR) T is the length of the current
 * run, so each restart gets its own λ.
 */
import { ArgumentError } from '../../tensor/errors.js';

/** Inputs of {@link normalizedWeightDecay}. */
export interface NormalizedWeightDecayOptions {
  /** λ_norm, the normalized decay (the paper's values are around 0.025–0.05 for AdamW). */
  lambdaNorm: number;
  /** b: samples per batch. */
  batchSize: number;
  /** B: training points seen per epoch. */
  datasetSize: number;
  /** T: epochs of the run (of the current restart period with SGDR). */
  epochs: number;
}

function requirePositive(name: string, value: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || !(value > 0)) {
    throw new ArgumentError(`${name} must be a finite number > 0, got ${String(value)}`, name, value);
  }
}

/** λ = λ_norm·sqrt(b/(B·T)) (see the file comment). Throws ArgumentError naming a non-positive input. */
export function normalizedWeightDecay(options: NormalizedWeightDecayOptions): number {
  const { lambdaNorm, batchSize, datasetSize, epochs } = options;
  if (typeof lambdaNorm !== 'number' || !Number.isFinite(lambdaNorm) || lambdaNorm < 0) {
    throw new ArgumentError(`lambdaNorm must be a finite number >= 0, got ${String(lambdaNorm)}`, 'lambdaNorm', lambdaNorm);
  }
  requirePositive('batchSize', batchSize);
  requirePositive('datasetSize', datasetSize);
  requirePositive('epochs', epochs);
  if (batchSize > datasetSize) {
    throw new ArgumentError(`batchSize (${batchSize}) cannot exceed datasetSize (${datasetSize})`, 'batchSize', batchSize);
  }
  return lambdaNorm * Math.sqrt(batchSize / (datasetSize * epochs));
}

/**
 * The paper's λ expressed as PyTorch's `weight_decay`. The paper decays by η_t·λ per step, where η_t is
 * the schedule multiplier (1 without a schedule), while PyTorch's decoupled decay removes lr·λ with
 * lr = α·η_t. The same decay therefore needs `weightDecay = λ / α`, α being the base learning rate.
 */
export function lrScaledWeightDecay(paperLambda: number, baseLr: number): number {
  if (typeof paperLambda !== 'number' || !Number.isFinite(paperLambda) || paperLambda < 0) {
    throw new ArgumentError(`paperLambda must be a finite number >= 0, got ${String(paperLambda)}`, 'paperLambda', paperLambda);
  }
  requirePositive('baseLr', baseLr);
  return paperLambda / baseLr;
}
