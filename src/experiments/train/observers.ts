/** Several {@link TrainObserver}s as one, called in order. */
import type { TrainObserver } from './loop.js';

/** One observer that forwards every hook to each of `observers`, in order. */
export function combineObservers(...observers: readonly TrainObserver[]): TrainObserver {
  return {
    onLoggedStep: (step, loss) => {
      for (const o of observers) o.onLoggedStep?.(step, loss);
    },
    onEval: (record) => {
      for (const o of observers) o.onEval?.(record);
    },
    onProgress: (step, total, loss) => {
      for (const o of observers) o.onProgress?.(step, total, loss);
    },
  };
}
