/**
 * The `decaylab` program: commander with one sub-command per file under commands/, output through
 * a {@link CliIO}, and one place that turns errors into messages and exit codes:
 * 0 success (and --help, --version); 1 a run failed; 2 bad usage, a bad config or an unusable folder.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { DecaylabError } from '../tensor/errors.js';
import { ConfigError, DatasetError, RunFailedError, RunFolderError } from '../experiments/errors.js';
import { demoCommand } from './commands/demo.js';
import { reportCommand } from './commands/report.js';
import { runCommand } from './commands/run.js';
import { studyCommand } from './commands/study.js';
import { sweepCommand } from './commands/sweep.js';
import type { AnyStudy } from '../experiments/study/types.js';
import type { CliIO } from './io.js';

/** Exit codes of the CLI. */
export const EXIT = { ok: 0, runFailed: 1, usage: 2 } as const;

function packageVersion(): string {
  const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  const parsed: unknown = JSON.parse(text);
  return parsed !== null && typeof parsed === 'object' && 'version' in parsed && typeof parsed.version === 'string' ? parsed.version : '0.0.0';
}

/** A sub-command factory: builds a command writing to `io`. */
export type CommandFactory = (io: CliIO) => Command;

/** What the program is built with beyond its own commands. */
export interface ProgramParts {
  /** The studies `decaylab study <name>` offers (and `report` can rebuild); no `study` command when empty. */
  readonly studies?: readonly AnyStudy[];
  /** More sub-commands (e.g. `board`), added after the built-in ones. */
  readonly extra?: readonly CommandFactory[];
}

/** The program: demo, run, sweep, study (when there are studies), report, then `parts.extra`. */
export function buildProgram(io: CliIO, parts: ProgramParts = {}): Command {
  const studies = parts.studies ?? [];
  const commands: CommandFactory[] = [demoCommand, runCommand, sweepCommand];
  if (studies.length > 0) commands.push((o) => studyCommand(o, studies));
  commands.push((o) => reportCommand(o, studies), ...(parts.extra ?? []));
  const program = new Command('decaylab')
    .description('Train small networks and see what weight decay does to their weights.')
    .version(packageVersion(), '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .exitOverride();
  for (const make of commands) {
    const cmd = make(io);
    cmd.showHelpAfterError('(run with --help for usage)').configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) }).exitOverride();
    program.addCommand(cmd);
  }
  return program;
}

/** Prints an error the way users should see it and returns the exit code. */
export function reportError(e: unknown, io: CliIO): number {
  if (e instanceof CommanderError) {
    return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help' || e.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (e instanceof RunFailedError) {
    io.err(`error: ${e.message}\n`);
    return EXIT.runFailed;
  }
  if (e instanceof ConfigError || e instanceof DatasetError || e instanceof RunFolderError) {
    io.err(`error: ${e.message}\n`);
    return EXIT.usage;
  }
  if (e instanceof DecaylabError) {
    io.err(`error: ${e.name}: ${e.message}\n`);
    return EXIT.usage;
  }
  io.err(`internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  return EXIT.runFailed;
}

/** Runs the CLI on `argv` (without `node` and the script) and returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIO, parts: ProgramParts = {}): Promise<number> {
  const program = buildProgram(io, parts);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT.ok;
  } catch (e) {
    return reportError(e, io);
  }
}
