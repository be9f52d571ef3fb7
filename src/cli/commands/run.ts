/** `decaylab run <config.json>`: one experiment from a declarative config. */
import { relative } from 'node:path';
import { Command } from 'commander';
import { parseValue } from '../../experiments/config/overrides.js';
import { ConfigError } from '../../experiments/errors.js';
import type { CliIO } from '../io.js';
import { collect, nonNegativeInt } from '../options.js';
import { lookHint } from './shared.js';

interface RunFlags {
  set: string[];
  seed?: number;
  logdir: string;
  data?: string;
  report: boolean;
}

/** `--set key=value` pairs as overrides; a malformed one is a ConfigError naming it. */
export function parseSets(sets: readonly string[]): { path: string; value: unknown }[] {
  return sets.map((s) => {
    const eq = s.indexOf('=');
    if (eq <= 0) throw new ConfigError([{ path: '--set', message: `${JSON.stringify(s)} is not key=value (e.g. optimizer.weightDecay=0.1)` }], 'flags');
    return { path: s.slice(0, eq).trim(), value: parseValue(s.slice(eq + 1)) };
  });
}

/** The `run` command, writing to `io`. */
export function runCommand(io: CliIO): Command {
  return new Command('run')
    .description('run one experiment from a config file (model, dataset, optimizer, decay, schedules, logging; see docs/config.md)')
    .argument('<config>', 'experiment config (JSON)')
    .option('--set <key=value>', 'override a config key (repeatable), e.g. --set optimizer.weightDecay=0.1', collect, [])
    .option('--seed <n>', 'override the config seed', nonNegativeInt)
    .option('--logdir <dir>', 'parent folder of the run folder', 'runs')
    .option('--data <dir>', 'folder of the Fashion-MNIST IDX files')
    .option('--no-report', 'do not write report.html')
    .action(async (file: string, flags: RunFlags) => {
      // Loaded here, not at the top: only the command that runs pays for its modules.
      const [{ comparisonOf }, { applyOverrides }, { readConfigJson }, { parseExperimentConfig }, { runSingle }, { comparisonText }, { withProgress }] = await Promise.all([
        import('../../experiments/batch/compare.js'),
        import('../../experiments/config/overrides.js'),
        import('../../experiments/config/load.js'),
        import('../../experiments/config/parse.js'),
        import('../../experiments/single/run-single.js'),
        import('../print-comparison.js'),
        import('../progress.js'),
      ]);
      const overrides = parseSets(flags.set);
      if (flags.seed !== undefined) overrides.push({ path: 'seed', value: flags.seed });
      const data = applyOverrides(readConfigJson(file), overrides, file);
      const config = parseExperimentConfig(data, overrides.length > 0 ? `${file} with overrides` : file);
      const outcome = await withProgress(io, (callbacks) => runSingle(config, { logdir: flags.logdir, dataDir: flags.data, report: flags.report, ...callbacks }));
      const { record } = outcome;
      io.out(`\n${record.dataset?.description ?? ''}\n\n${comparisonText(comparisonOf([{ label: record.name, record }]))}\n\n`);
      io.out(`Run:     ${relative(process.cwd(), outcome.dir)}/${record.name} — event files, run.json, trace.json\n`);
      if (outcome.reportPath !== null) io.out(`Report:  ${relative(process.cwd(), outcome.reportPath)}\n`);
      io.out(lookHint(flags.logdir));
    });
}
