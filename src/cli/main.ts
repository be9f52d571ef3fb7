#!/usr/bin/env node
/**
 * The `decaylab` executable (package.json `bin`). Commands that train start their worker threads
 * first, so the workers load the training stack while this thread loads the CLI; `demo`, `run` and
 * `sweep` (and `--version`) skip loading the dashboard server and the studies, which only `board`,
 * `study`, `report` and the top-level help need.
 */
import { prestartWorkers } from '../experiments/workers/pool.js';
import { workersToPrestart } from './warm.js';

const args = process.argv.slice(2);
prestartWorkers(workersToPrestart(args));
const { runCli } = await import('./program.js');
const { processIO } = await import('./io.js');
const core = ['demo', 'run', 'sweep', '--version', '-V'].includes(args[0] ?? '');
const parts = core
  ? {}
  : {
      studies: (await import('../experiments/studies/index.js')).STUDIES,
      extra: [(await import('./commands/board.js')).boardCommand],
    };
process.exitCode = await runCli(args, processIO(), parts);
