/**
 * The training loop, PyTorch's canonical order per step: zero the gradients, forward, loss,
 * backward, then (on logged steps) hand the step to the observer — parameters hold this step's
 * values and gradients, as when the article logs its histograms before `optimizer.step()` — then
 * the optimizer step and the schedulers. A non-finite loss stops the run (marked diverged).
 */
import type { Tensor } from '../../tensor/tensor.js';
import { type ParameterStats, parameterStats } from '../analysis/parameter-stats.js';
import { type SplitMetrics, evaluate } from './evaluate.js';
import type { RunSetup } from './setup.js';

/** Test-set (and train-set) metrics measured during training. */
export interface EvalRecord {
  /** Optimizer steps taken when measured. */
  readonly step: number;
  readonly train: SplitMetrics;
  readonly test: SplitMetrics | null;
}

/** Hooks into the loop; every one is optional. */
export interface TrainObserver {
  /** On steps with step % logging.every = 0, after backward and before the optimizer step. */
  onLoggedStep?(step: number, loss: number): void;
  /** After each evaluation (every `training.evalEvery` steps and at the end). */
  onEval?(record: EvalRecord): void;
  /** After every step, with the loss of that step. */
  onProgress?(step: number, totalSteps: number, loss: number): void;
}

/** What a finished (or diverged) run measured. */
export interface TrainOutcome {
  /** Optimizer steps taken. */
  readonly steps: number;
  /** Epochs completed (full passes over the training rows). */
  readonly epochs: number;
  /** Loss of the last step, before its optimizer step (the last value of the `loss` scalar). */
  readonly lastLoss: number;
  /** The final parameters on the whole training set and the test set. */
  readonly final: EvalRecord;
  /** Evaluations during training, in order (the final one included). */
  readonly evals: readonly EvalRecord[];
  /** Statistics of the final parameters, in model order. */
  readonly params: readonly ParameterStats[];
  /** The step whose loss was not finite, or null. */
  readonly divergedAt: number | null;
}

function rowsOf(t: Tensor, rows: Int32Array | null): Tensor {
  return rows === null ? t : t.indexSelect(0, Array.from(rows));
}

/** Trains `setup` to the end (or to divergence), calling `observer` along the way. */
export function train(setup: RunSetup, observer: TrainObserver = {}): TrainOutcome {
  const { config, dataset, model, optimizer, schedules, loss, batches, totalSteps } = setup;
  const module = model.module;
  const classification = dataset.task === 'classification';
  const every = config.logging.every;
  const evalEvery = config.training.evalEvery;
  const evals: EvalRecord[] = [];
  const measure = (step: number): EvalRecord => {
    const record = {
      step,
      train: evaluate(module, dataset.train, loss, classification),
      test: dataset.test === null ? null : evaluate(module, dataset.test, loss, classification),
    };
    evals.push(record);
    observer.onEval?.(record);
    return record;
  };
  module.train();
  let lastLoss = Number.NaN;
  let divergedAt: number | null = null;
  let step = 0;
  while (step < totalSteps) {
    const batch = batches.next();
    optimizer.zeroGrad();
    const out = module.forward(rowsOf(dataset.train.x, batch.rows));
    const l = loss(out, rowsOf(dataset.train.y, batch.rows));
    l.backward();
    lastLoss = l.item();
    if (!Number.isFinite(lastLoss)) {
      divergedAt = step;
      break;
    }
    if (step % every === 0) observer.onLoggedStep?.(step, lastLoss);
    optimizer.step();
    for (const s of schedules.perIteration) s.step();
    if (batch.endsEpoch) for (const s of schedules.perEpoch) s.step();
    step++;
    observer.onProgress?.(step, totalSteps, lastLoss);
    if (evalEvery > 0 && step % evalEvery === 0 && step < totalSteps) measure(step);
  }
  const final = measure(step);
  const params = model.parameters.map((p) => parameterStats(p.name, p.tensor.data, p.tensor.shape));
  return { steps: step, epochs: batches.epoch, lastLoss, final, evals, params, divergedAt };
}
