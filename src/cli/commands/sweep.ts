/** `decaylab sweep <config.json> --grid key=v1,v2 ... --seeds N --jobs J`: a resumable grid × seeds sweep. */
import { basename, join, relative } from 'node:path';
import { Command } from 'commander';
import type { CliIO } from '../io.js';
import { collect, defaultJobs, positiveInt } from '../options.js';
import { type Align, renderTextTable } from '../text-table.js';
import { lookHint } from './shared.js';

interface SweepFlags {
  grid: string[];
  seeds: number;
  jobs: number;
  logdir?: string;
  data?: string;
  report: boolean;
}

/** The folder a sweep of `file` uses by default: `runs/sweep-<config name or file name>`. */
export function defaultSweepDir(file: string, base: unknown): string {
  const name = base !== null && typeof base === 'object' && 'name' in base && typeof base.name === 'string' ? base.name : basename(file).replace(/\.json$/i, '');
  return join('runs', `sweep-${name}`);
}

/** The `sweep` command, writing to `io`. */
export function sweepCommand(io: CliIO): Command {
  return new Command('sweep')
    .description('run a config over a grid of values × seeds, J runs at a time; starting it again resumes it')
    .argument('<config>', 'base experiment config (JSON)')
    .option('--grid <key=v1,v2>', 'a config key and its values (repeatable), e.g. --grid optimizer.weightDecay=0,0.01,0.1', collect, [])
    .option('--seeds <n>', 'seeds per grid point (the config seed, +1, +2, ...)', positiveInt, 1)
    .option('--jobs <n>', 'runs at a time in worker threads', positiveInt, defaultJobs())
    .option('--logdir <dir>', 'the sweep folder (default: runs/sweep-<config name>)')
    .option('--data <dir>', 'folder of the Fashion-MNIST IDX files')
    .option('--no-report', 'do not write report.html')
    .action(async (file: string, flags: SweepFlags) => {
      // Loaded here, not at the top: only the command that runs pays for its modules.
      const [{ readConfigJson }, { parseGridArg }, { runSweep }, { resultsTableCells }, { withProgress }] = await Promise.all([
        import('../../experiments/config/load.js'),
        import('../../experiments/sweep/grid.js'),
        import('../../experiments/sweep/run-sweep.js'),
        import('../../experiments/sweep/sweep-report.js'),
        import('../progress.js'),
      ]);
      const base = readConfigJson(file);
      const grid = flags.grid.map(parseGridArg);
      const dir = flags.logdir ?? defaultSweepDir(file, base);
      const outcome = await withProgress(io, (callbacks) =>
        runSweep({ base, grid, seeds: flags.seeds, dir, name: basename(dir), jobs: flags.jobs, dataDir: flags.data, report: flags.report, ...callbacks }),
      );
      const { header, body } = resultsTableCells(outcome.rows, outcome.gridKeys);
      const align: Align[] = header.map((_, i) => (i < outcome.gridKeys.length ? 'left' : 'right'));
      io.out(`\n${renderTextTable([header], body, align)}\n\n`);
      const total = outcome.records.length;
      const rel = relative(process.cwd(), dir) || '.';
      if (outcome.skipped.length > 0) io.out(`Resumed: ${outcome.skipped.length} of ${total} runs were already finished and kept.\n`);
      io.out(`Results: ${rel}/results.csv, ${rel}/results.json (mean ± sample sd over seeds)\n`);
      if (outcome.reportPath !== null) io.out(`Report:  ${relative(process.cwd(), outcome.reportPath)}\n`);
      io.out(lookHint(rel));
      if (outcome.failures.length > 0) {
        for (const f of outcome.failures) io.err(`error: ${f.message}\n`);
        throw outcome.failures[0]!;
      }
    });
}
