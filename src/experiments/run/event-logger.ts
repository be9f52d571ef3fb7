/**
 * Logs a run to TensorBoard event files as the article does: on every logged step, for each
 * selected parameter `<name>_grad` then `<name>_data` histograms, then the `loss` scalar; after
 * each evaluation the scalars `eval/train_loss`, `eval/test_loss` (and `…_accuracy`).
 */
import type { SummaryWriter } from '../../events/writer/summary-writer.js';
import type { ParameterInfo } from '../build/model.js';
import { globToRegExp } from '../build/glob.js';
import type { LoggingConfig } from '../config/experiment-schema.js';
import type { EvalRecord, TrainObserver } from '../train/loop.js';

/** The parameters whose histograms a logging config selects (all when `params` is omitted). */
export function loggedParameters(parameters: readonly ParameterInfo[], logging: LoggingConfig): ParameterInfo[] {
  if (logging.params === undefined) return [...parameters];
  const patterns = logging.params.map(globToRegExp);
  return parameters.filter((p) => patterns.some((re) => re.test(p.name)));
}

/** A {@link TrainObserver} writing to a SummaryWriter. */
export class EventLogger implements TrainObserver {
  private readonly params: readonly ParameterInfo[];

  constructor(
    private readonly writer: SummaryWriter,
    parameters: readonly ParameterInfo[],
    private readonly logging: LoggingConfig,
  ) {
    this.params = logging.histograms ? loggedParameters(parameters, logging) : [];
  }

  onLoggedStep(step: number, loss: number): void {
    const bins = this.logging.bins;
    for (const p of this.params) {
      if (this.logging.gradients && p.tensor.grad !== null) this.writer.addHistogram(`${p.name}_grad`, p.tensor.grad, step, { bins });
      this.writer.addHistogram(`${p.name}_data`, p.tensor, step, { bins });
    }
    this.writer.addScalar('loss', loss, step);
  }

  onEval(record: EvalRecord): void {
    const w = this.writer;
    w.addScalar('eval/train_loss', record.train.loss, record.step);
    if (record.train.accuracy !== undefined) w.addScalar('eval/train_accuracy', record.train.accuracy, record.step);
    if (record.test !== null) {
      w.addScalar('eval/test_loss', record.test.loss, record.step);
      if (record.test.accuracy !== undefined) w.addScalar('eval/test_accuracy', record.test.accuracy, record.step);
    }
  }
}
