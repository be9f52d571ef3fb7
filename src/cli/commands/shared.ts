/** Lines several commands print: a finished run's one-line summary, and how to look at runs. */
import { formatNumber, formatPercent } from '../../experiments/analysis/format.js';
import type { RunRecord } from '../../experiments/run/run-record.js';

/** `done in 0.41 s — train loss 3.275, test accuracy 91.0%` (or the failure). */
export function runSummary(record: RunRecord): string {
  const r = record.result;
  if (r === null) return record.status === 'failed' ? `failed: ${record.error?.message ?? ''}` : record.status;
  const parts = [`train loss ${formatNumber(r.final.trainLoss)}`];
  if (r.final.testLoss !== undefined) parts.push(`test loss ${formatNumber(r.final.testLoss)}`);
  if (r.final.testAccuracy !== undefined) parts.push(`test accuracy ${formatPercent(r.final.testAccuracy)}`);
  const status = record.status === 'diverged' ? `diverged at step ${r.divergedAt ?? '?'}` : 'done';
  return `${status} in ${(r.durationMs / 1000).toFixed(2)} s — ${parts.join(', ')}`;
}

/** How to look at runs under `logdir`: the dashboard and TensorBoard. */
export function lookHint(logdir: string): string {
  return [
    'Look at the runs:',
    `  npx decaylab board ${logdir}          dashboard in the browser`,
    `  tensorboard --logdir ${logdir}        TensorBoard (pip install tensorboard)`,
    '',
  ].join('\n');
}
