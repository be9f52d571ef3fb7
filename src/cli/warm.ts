/**
 * How many run workers a command line will use, read from the raw arguments before the CLI's own
 * modules load, so main.ts can start them early: `demo` runs one per weight decay (capped by
 * `--jobs`), `run` one. Anything else (help, sweeps, reports) starts none here.
 */

function flagValue(args: readonly string[], flag: string): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === flag) return args[i + 1];
    if (a.startsWith(`${flag}=`)) return a.slice(flag.length + 1);
  }
  return undefined;
}

/** The number of workers to prestart for `args` (the arguments after the script). */
export function workersToPrestart(args: readonly string[]): number {
  if (args.includes('--help') || args.includes('-h')) return 0;
  if (args[0] === 'run') return 1;
  if (args[0] !== 'demo') return 0;
  const decays = flagValue(args, '--weight-decay');
  const runs = decays === undefined ? 2 : decays.split(',').length;
  const jobs = Number(flagValue(args, '--jobs') ?? runs);
  return Math.max(1, Math.min(runs, Number.isInteger(jobs) && jobs > 0 ? jobs : runs, 8));
}
