/**
 * Entry point of a run worker thread: executes each `run` message's job in turn and answers with
 * progress, then `done` (the final run.json) or `error`.
 */
import { parentPort } from 'node:worker_threads';
import { executeJob } from './execute.js';
import { type FromWorker, type ToWorker, serializeError } from './protocol.js';

const port = parentPort;
if (port === null) throw new Error('run-worker.ts must be started as a worker thread');

const post = (message: FromWorker): void => port.postMessage(message);

port.on('message', (message: ToWorker) => {
  const { job } = message;
  executeJob(job, (step, total, loss) => post({ type: 'progress', id: job.id, step, total, loss })).then(
    ({ record, trace }) => post({ type: 'done', id: job.id, record, trace }),
    (e: unknown) => post({ type: 'error', id: job.id, error: serializeError(e) }),
  );
});
