/**
 * How decoupled weight decay follows the learning rate. PyTorch's AdamW (and decaylab's `decay:
 * 'decoupled'`) multiplies each weight by (1 − lr·λ) every step, so any lr schedule also schedules the
 * decay: with lr_t = α·η_t the decay per step is α·η_t·λ, the paper's η_t·λ for λ_paper = α·λ. This is
 * the default; giving λ a schedule of its own (a scheduler with `target: 'weightDecay'`) makes the
 * per-step decay lr_t·λ_t.
 */

/** The group values the decay depends on. */
export interface DecayStepValues {
  readonly lr: number;
  readonly weightDecay: number;
}

/** The fraction of each weight decoupled decay removes in one step with this group's values: lr·λ. */
export function decoupledDecayRate(group: DecayStepValues): number {
  return group.lr * group.weightDecay;
}

/**
 * The factor decoupled decay alone leaves on a weight after a sequence of steps, one group state per
 * step: Π_t (1 − lr_t·λ_t). (With a zero gradient, AdamW's update is exactly this factor times the weight.)
 */
export function decoupledDecayFactor(steps: Iterable<DecayStepValues>): number {
  let factor = 1;
  for (const step of steps) factor *= 1 - decoupledDecayRate(step);
  return factor;
}
