/** Running one {@link RunJob} in the current thread, reporting progress at a bounded rate. */
import { type RunOutput, runExperimentWithTrace } from '../run/run-experiment.js';
import { PROGRESS_INTERVAL_MS, type RunJob } from './protocol.js';

/** Runs a job; `onProgress` is called at most every {@link PROGRESS_INTERVAL_MS} ms and on the last step. */
export function executeJob(job: RunJob, onProgress?: (step: number, total: number, loss: number) => void): Promise<RunOutput> {
  let last = 0;
  return runExperimentWithTrace(job.config, {
    dir: job.dir,
    name: job.name,
    dataDir: job.dataDir,
    hparams: job.hparams,
    events: job.events,
    onProgress:
      onProgress === undefined
        ? undefined
        : (step, total, loss) => {
            const now = performance.now();
            if (step === total || now - last >= PROGRESS_INTERVAL_MS) {
              last = now;
              onProgress(step, total, loss);
            }
          },
  });
}
