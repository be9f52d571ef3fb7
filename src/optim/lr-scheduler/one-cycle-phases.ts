/**
 * The pieces of OneCycleLR's schedule (PyTorch 1.13): its phases and its two annealing curves.
 */

/** How OneCycleLR moves between a phase's start and end values. */
export type AnnealStrategy = 'cos' | 'linear';

/** The group key holding a phase end's lr (PyTorch's `initial_lr`, `max_lr`, `min_lr`). */
export type PhaseLrKey = 'initialLr' | 'maxLr' | 'minLr';

/** The group key holding a phase end's momentum (PyTorch's `max_momentum`, `base_momentum`). */
export type PhaseMomentumKey = 'maxMomentum' | 'baseMomentum';

/** One phase: it ends at step `endStep` (inclusive; fractional where pct·total is) and anneals between these group values. */
export interface OneCyclePhase {
  readonly endStep: number;
  readonly startLr: PhaseLrKey;
  readonly endLr: PhaseLrKey;
  readonly startMomentum: PhaseMomentumKey;
  readonly endMomentum: PhaseMomentumKey;
}

/**
 * The phases of PyTorch's `_schedule_phases`. Two phases (fastai's default): warm up from `initialLr` to
 * `maxLr` until step pct·total − 1, then anneal to `minLr` at total − 1. Three phases (the paper's):
 * warm up, come back down to `initialLr` symmetrically (until 2·pct·total − 2), then anneal to `minLr`.
 * Momentum runs the other way: `maxMomentum` → `baseMomentum` → `maxMomentum` (→ `maxMomentum`).
 */
export function oneCyclePhases(totalSteps: number, pctStart: number, threePhase: boolean): OneCyclePhase[] {
  const warmUp: OneCyclePhase = {
    endStep: pctStart * totalSteps - 1,
    startLr: 'initialLr',
    endLr: 'maxLr',
    startMomentum: 'maxMomentum',
    endMomentum: 'baseMomentum',
  };
  if (!threePhase) {
    return [
      warmUp,
      { endStep: totalSteps - 1, startLr: 'maxLr', endLr: 'minLr', startMomentum: 'baseMomentum', endMomentum: 'maxMomentum' },
    ];
  }
  return [
    warmUp,
    { endStep: 2 * pctStart * totalSteps - 2, startLr: 'maxLr', endLr: 'initialLr', startMomentum: 'baseMomentum', endMomentum: 'maxMomentum' },
    { endStep: totalSteps - 1, startLr: 'initialLr', endLr: 'minLr', startMomentum: 'maxMomentum', endMomentum: 'maxMomentum' },
  ];
}

/** Cosine annealing from `start` to `end` as pct goes 0 → 1: `end + (start − end)/2·(1 + cos(π·pct))`. */
export function annealCos(start: number, end: number, pct: number): number {
  const cosOut = Math.cos(Math.PI * pct) + 1;
  return end + ((start - end) / 2.0) * cosOut;
}

/** Linear annealing from `start` to `end` as pct goes 0 → 1: `(end − start)·pct + start`. */
export function annealLinear(start: number, end: number, pct: number): number {
  return (end - start) * pct + start;
}
