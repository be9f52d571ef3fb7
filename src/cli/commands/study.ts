/** `decaylab study <name>`: runs (or resumes) one of the studies and prints its answer. */
import { join, relative } from 'node:path';
import { Argument, Command, Option } from 'commander';
import { STUDY_SIZES, type StudySize } from '../../experiments/studies/shared/size.js';
import type { AnyStudy } from '../../experiments/study/types.js';
import type { CliIO } from '../io.js';
import { defaultJobs, positiveInt } from '../options.js';
import { lookHint } from './shared.js';

interface StudyFlags {
  seeds: number;
  jobs: number;
  /** `small` (the core's `quick`: fewer, shorter runs on less data) or `full`; commander checks the choice. */
  size: StudySize;
  quick: boolean;
  logdir: string;
  data?: string;
  report: boolean;
}

/** A study's longer help (its runs at each size), when its registry entry has one. */
export function studyDetails(study: AnyStudy): string | null {
  return 'details' in study && typeof study.details === 'string' ? study.details : null;
}

/** The folder of a study run: `<logdir>/study-<name>`, `-small` appended for the small size. */
export function studyDir(logdir: string, name: string, small: boolean): string {
  return join(logdir, `study-${name}${small ? '-small' : ''}`);
}

/** The help text listing every study with its question and details. */
export function studiesHelp(studies: readonly AnyStudy[]): string {
  const blocks = studies.map((s) => {
    const details = studyDetails(s);
    return `  ${s.name}\n    ${s.question}${details === null ? '' : `\n    ${details.replace(/\n/g, '\n    ')}`}`;
  });
  return `\nStudies:\n${blocks.join('\n\n')}\n\nEach study writes its runs, analysis.json and a self-contained report.html to <logdir>/study-<name>[-small]; starting it again resumes it (finished runs are kept). docs/studies.md has the details.\n`;
}

/** The `study` command over `studies` (the registry in src/experiments/studies). */
export function studyCommand(io: CliIO, studies: readonly AnyStudy[]): Command {
  const names = studies.map((s) => s.name);
  return new Command('study')
    .description('run a study of weight decay (runs, analysis, verdict, report); see the list below')
    .addArgument(new Argument('<name>', 'the study').choices(names))
    .addOption(new Option('--size <size>', 'small: fewer, shorter runs on less data (minutes or less); full: the study as documented').choices(STUDY_SIZES).default('full'))
    .addOption(new Option('--quick', 'the same as --size small').default(false).hideHelp())
    .option('--seeds <n>', 'seeds per configuration', positiveInt, 3)
    .option('--jobs <n>', 'runs at a time in worker threads', positiveInt, defaultJobs())
    .option('--logdir <dir>', 'parent folder of the study folder', 'runs')
    .option('--data <dir>', 'folder of the Fashion-MNIST IDX files (default /usr/share/datasets/fashion-mnist)')
    .option('--no-report', 'do not write report.html')
    .addHelpText('after', studiesHelp(studies))
    .action(async (name: string, flags: StudyFlags) => {
      const [{ runStudy }, { withProgress }] = await Promise.all([import('../../experiments/study/run-study.js'), import('../progress.js')]);
      const study = studies.find((s) => s.name === name)!;
      const small = flags.quick || flags.size === 'small';
      const dir = studyDir(flags.logdir, name, small);
      io.out(`decaylab study ${name} (${small ? 'small' : 'full'} size, ${flags.seeds} seed${flags.seeds === 1 ? '' : 's'}): ${study.question}\n`);
      const outcome = await withProgress(io, (callbacks) =>
        runStudy(study, { dir, seeds: flags.seeds, quick: small, dataDir: flags.data, jobs: flags.jobs, report: flags.report, ...callbacks }),
      );
      io.out(`\n${outcome.summary.join('\n')}\n\n`);
      if (outcome.skipped.length > 0) io.out(`Resumed: ${outcome.skipped.length} runs were already finished and kept.\n`);
      io.out(`Runs:    ${relative(process.cwd(), dir)} (analysis.json beside them)\n`);
      if (outcome.reportPath !== null) io.out(`Report:  ${relative(process.cwd(), outcome.reportPath)}\n`);
      io.out(lookHint(relative(process.cwd(), dir) || '.'));
      if (outcome.failures.length > 0) throw outcome.failures[0]!;
    });
}
