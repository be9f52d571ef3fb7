/** Lines several commands print: how to look at runs. */

/** How to look at runs under `logdir`: the dashboard and TensorBoard. */
export function lookHint(logdir: string): string {
  return [
    'Look at the runs:',
    `  npx decaylab board ${logdir}          dashboard in the browser`,
    `  tensorboard --logdir ${logdir}        TensorBoard (pip install tensorboard)`,
    '',
  ].join('\n');
}
