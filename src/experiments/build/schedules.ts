/**
 * The `schedule` section as PyTorch schedulers (src/optim/lr-scheduler) on a built optimizer: one
 * for the learning rate, one for the weight decay (`target: 'weightDecay'`), each stepped after
 * every optimizer step or after every epoch. Defaults that depend on the run's length (`cosine`'s
 * `tMax`, `linear`'s `totalIters`) are the number of times the scheduler will be stepped.
 */
import { CosineAnnealingLR, ExponentialLR, LinearLR, MultiStepLR, StepLR } from '../../optim/lr-scheduler/index.js';
import type { SchedulableOptimizer, ScheduleTarget } from '../../optim/lr-scheduler/types.js';
import type { ScheduleConfig, SchedulesConfig } from '../config/schedule-schema.js';

/** Anything with PyTorch's `scheduler.step()`. */
export interface Steppable {
  step(): void;
}

/** The schedulers of a run, by when they are stepped. */
export interface BuiltSchedules {
  readonly perIteration: readonly Steppable[];
  readonly perEpoch: readonly Steppable[];
}

/** The scheduler for one schedule (null for `constant`). `steps` is how often it will be stepped. */
export function buildScheduler(config: ScheduleConfig, optimizer: SchedulableOptimizer, target: ScheduleTarget, steps: number): Steppable | null {
  switch (config.type) {
    case 'constant':
      return null;
    case 'step':
      return new StepLR(optimizer, { stepSize: config.stepSize, gamma: config.gamma, target });
    case 'multistep':
      return new MultiStepLR(optimizer, { milestones: config.milestones, gamma: config.gamma, target });
    case 'exponential':
      return new ExponentialLR(optimizer, { gamma: config.gamma, target });
    case 'cosine':
      return new CosineAnnealingLR(optimizer, { tMax: config.tMax ?? Math.max(1, steps), etaMin: config.etaMin, target });
    case 'linear':
      return new LinearLR(optimizer, { startFactor: config.startFactor, endFactor: config.endFactor, totalIters: config.totalIters ?? Math.max(1, steps), target });
  }
}

/** Both schedules of a run; `iterations` and `epochs` are the run's totals (epochs 0 for iteration runs). */
export function buildSchedules(config: SchedulesConfig, optimizer: SchedulableOptimizer, iterations: number, epochs: number): BuiltSchedules {
  const perIteration: Steppable[] = [];
  const perEpoch: Steppable[] = [];
  const entries: [ScheduleTarget, ScheduleConfig | undefined][] = [
    ['lr', config.lr],
    ['weightDecay', config.weightDecay],
  ];
  for (const [target, schedule] of entries) {
    if (schedule === undefined) continue;
    const byEpoch = schedule.per === 'epoch';
    const s = buildScheduler(schedule, optimizer, target, byEpoch ? epochs : iterations);
    if (s !== null) (byEpoch ? perEpoch : perIteration).push(s);
  }
  return { perIteration, perEpoch };
}
