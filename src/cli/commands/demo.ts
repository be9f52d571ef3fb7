/** `decaylab demo`: the article's experiment, compared, with a verdict, runs on disk and a report. */
import { relative } from 'node:path';
import { Command, Option } from 'commander';
import { formatNumber } from '../../experiments/analysis/format.js';
import { DECAY_MODES, OPTIMIZER_NAMES, type DecayMode, type OptimizerName } from '../../experiments/config/names.js';
import { DEMO_DEFAULTS, demoDescription, type DemoOptions } from '../../experiments/demo/demo-plan.js';
import type { CliIO } from '../io.js';
import { bins, numberList, positiveInt, positiveNumber, nonNegativeInt } from '../options.js';
import { lookHint } from './shared.js';

interface DemoFlags {
  weightDecay: number[];
  optimizer: OptimizerName;
  decay?: DecayMode;
  lr: number;
  iterations: number;
  seed: number;
  logEvery: number;
  bins: 'compact' | 'tensorflow' | number;
  logdir: string;
  report: boolean;
  events: boolean;
  jobs?: number;
}

/** The `demo` command, writing to `io`. */
export function demoCommand(io: CliIO): Command {
  return new Command('demo')
    .description("run the article's experiment (Adam, weight decay 0.01 vs 0.1, 1000 iterations, full logging) and compare the weights")
    .option('--weight-decay <list>', 'weight decays to compare, comma-separated', numberList, [...DEMO_DEFAULTS.weightDecays])
    .addOption(new Option('--optimizer <name>', 'optimizer').choices(OPTIMIZER_NAMES).default(DEMO_DEFAULTS.optimizer))
    .addOption(new Option('--decay <mode>', 'how weight decay acts (default: l2, decoupled for adamw)').choices(DECAY_MODES))
    .option('--lr <rate>', 'learning rate', positiveNumber, DEMO_DEFAULTS.lr)
    .option('--iterations <n>', 'optimizer steps per run', positiveInt, DEMO_DEFAULTS.iterations)
    .option('--seed <n>', 'manualSeed before building the model', nonNegativeInt, DEMO_DEFAULTS.seed)
    .option('--log-every <n>', 'log histograms and loss every n iterations', positiveInt, DEMO_DEFAULTS.logEvery)
    .option('--bins <bins>', 'histogram buckets: compact, tensorflow or a number', bins, DEMO_DEFAULTS.bins)
    .option('--logdir <dir>', 'parent folder of the demo folder', 'runs')
    .option('--jobs <n>', 'runs at a time in worker threads (default: all)', positiveInt)
    .option('--no-report', 'do not write report.html')
    .option('--no-events', 'train and compare without writing TensorBoard event files (the benchmark baseline)')
    .action(async (flags: DemoFlags) => {
      const [{ runDemo }, { comparisonText }, { withProgress }] = await Promise.all([
        import('../../experiments/demo/run-demo.js'),
        import('../print-comparison.js'),
        import('../progress.js'),
      ]);
      const demo: DemoOptions = {
        weightDecays: flags.weightDecay,
        optimizer: flags.optimizer,
        decay: flags.decay,
        lr: flags.lr,
        iterations: flags.iterations,
        seed: flags.seed,
        logEvery: flags.logEvery,
        bins: flags.bins,
      };
      io.out(`decaylab demo: ${demoDescription(demo)}\n`);
      let started = 0; // the runs' start: loading the progress bars is not part of the demo's time
      const result = await withProgress(io, (callbacks) => {
        started = performance.now();
        return runDemo(demo, { logdir: flags.logdir, jobs: flags.jobs, report: flags.report, events: flags.events, ...callbacks });
      });
      const seconds = (performance.now() - started) / 1000;
      io.out(`\n${comparisonText(result.table)}\n\n`);
      io.out(`Verdict: ${result.verdict.sentences.join('\n         ')}\n\n`);
      if (result.verdict.diverged.length > 0) io.out(`Hint:    ${result.verdict.diverged.join(', ')} diverged with ${demo.optimizer} at lr ${demo.lr}: try a lower rate, e.g. --lr ${Number((demo.lr / 10).toPrecision(3))}\n\n`);
      const dir = relative(process.cwd(), result.dir) || '.';
      const files = flags.events ? 'TensorBoard event files, hparams/ (HParams tab), run.json, trace.json, final.safetensors' : 'run.json, trace.json, final.safetensors (no event files)';
      io.out(`Runs:    ${dir}/{${result.records.map((r) => r.name).join(',')}} — ${files} (${formatNumber(seconds, 3)} s)\n`);
      if (result.reportPath !== null) io.out(`Report:  ${relative(process.cwd(), result.reportPath)} — open it in a browser (works offline)\n`);
      io.out(lookHint(flags.logdir));
    });
}
