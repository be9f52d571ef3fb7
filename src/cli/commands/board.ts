/**
 * `decaylab board [logdir]`: serves the dashboard for the runs under `logdir` (default `runs`)
 * until interrupted (Ctrl-C / SIGTERM, or the `signal` given in tests). Listens on 127.0.0.1
 * unless `--host` says otherwise; `--port 0` picks a free port. A log dir that does not exist yet
 * is waited for (start the board, then train); one that is a file is an error (exit code 2).
 */
import { Command, InvalidArgumentError } from 'commander';
import { DEFAULT_BOARD_HOST, DEFAULT_BOARD_PORT, DEFAULT_RELOAD_INTERVAL_MS, type BoardHandle, startBoard } from '../../dashboard/server/start-board.js';
import { isLoopbackHost } from '../../dashboard/server/host-check.js';
import type { CliIO } from '../io.js';
import { positiveNumber } from '../options.js';

interface BoardFlags {
  port: number;
  host: string;
  reloadInterval: number;
}

/** Options for embedding the command (tests): stop on `signal`, see the running board. */
export interface BoardCommandOptions {
  signal?: AbortSignal;
  onListening?: (board: BoardHandle) => void;
}

function port(text: string): number {
  const v = Number(text);
  if (!/^\d+$/.test(text.trim()) || v > 65535) throw new InvalidArgumentError('expected a port number from 0 to 65535 (0 picks a free port).');
  return v;
}

function untilStopped(signal: AbortSignal | undefined): Promise<string> {
  return new Promise((resolve) => {
    const stop = (why: string): void => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      resolve(why);
    };
    const onInt = (): void => stop('SIGINT');
    const onTerm = (): void => stop('SIGTERM');
    process.once('SIGINT', onInt);
    process.once('SIGTERM', onTerm);
    if (signal !== undefined) {
      if (signal.aborted) stop('abort');
      else signal.addEventListener('abort', () => stop('abort'), { once: true });
    }
  });
}

/** The `board` command, writing to `io`. */
export function boardCommand(io: CliIO, options: BoardCommandOptions = {}): Command {
  return new Command('board')
    .description('serve the dashboard (scalars, histograms, distributions, run comparison, hparams) for the runs under logdir')
    .argument('[logdir]', 'folder whose sub-folders with event files are the runs', 'runs')
    .option('--port <n>', 'TCP port (0 picks a free one)', port, DEFAULT_BOARD_PORT)
    .option('--host <address>', 'address to listen on (0.0.0.0 exposes the board to your network)', DEFAULT_BOARD_HOST)
    .option('--reload-interval <seconds>', 'seconds between rereads of the log dir', positiveNumber, DEFAULT_RELOAD_INTERVAL_MS / 1000)
    .action(async (logdir: string, flags: BoardFlags) => {
      const board = await startBoard({ logDir: logdir, port: flags.port, host: flags.host, reloadIntervalMs: Math.max(50, Math.round(flags.reloadInterval * 1000)) });
      try {
        const runs = board.data.runs.size;
        if (board.data.waiting) io.out(`decaylab board: log dir ${logdir} does not exist yet; waiting for it to be created (rereading every ${flags.reloadInterval} s)\n`);
        else io.out(`decaylab board: ${runs} run${runs === 1 ? '' : 's'} under ${logdir}, rereading every ${flags.reloadInterval} s\n`);
        io.out(`Open ${board.url} (Ctrl-C to stop)\n`);
        if (!board.appBuilt) io.err('warning: the dashboard app is not built (run `npm run build:dashboard`); only the JSON API under /api/ works\n');
        if (!isLoopbackHost(flags.host)) io.err(`warning: listening on ${flags.host}: anyone who can reach this machine can read these runs\n`);
        options.onListening?.(board);
        await untilStopped(options.signal);
      } finally {
        await board.close();
      }
      io.out('decaylab board: stopped\n');
    });
}
