/** Scale stages: multiply the update by a factor read at each step. They cost no pass (see chain.ts). */
import type { ScaleStage, StepContext } from '../transform.js';
import type { ParamGroup } from '../types.js';

class ScaleByLearningRate implements ScaleStage {
  readonly kind = 'scale';
  readonly name = 'scaleByLearningRate';

  factor(ctx: StepContext): number {
    return -ctx.group.lr;
  }
}

/** u ← −lr·u with the group's current lr (optax's `scale_by_learning_rate`; PyTorch's `param.add_(u, alpha=-lr)`). */
export function scaleByLearningRate(): ScaleStage {
  return new ScaleByLearningRate();
}

/** u ← c·u for a constant or a function of the step context (optax's `scale`). */
export function scale<G extends ParamGroup = ParamGroup>(factor: number | ((ctx: StepContext<G>) => number)): ScaleStage<G> {
  return { kind: 'scale', name: 'scale', factor: typeof factor === 'number' ? () => factor : factor };
}
