/**
 * The equilibrium predictions of Kosson, Messmer & Jaggi (2024), "Rotational Equilibrium: How
 * Weight Decay Balances Learning Across Neural Networks" (arXiv:2305.17212), for a scale-invariant
 * weight vector ω of C elements (here: the whole weight matrix of a Linear followed by LayerNorm),
 * learning rate η, weight decay λ. Their random-walk model assumes the gradient is orthogonal to ω
 * (true for scale-invariant ω) and the updates of different steps are uncorrelated.
 *
 * AdamW (decay ω ← ω − ηλω, momentum β₁): each step's Adam update ηu has E‖u‖² = C·(1−β₁)/(1+β₁),
 * while the whole contribution of one gradient (summed over the momentum's tail) has E‖·‖² = C·η²;
 * the norm settles where decay (≈ 2ηλ‖ω‖² per step) balances that growth:
 *
 *   ‖ω̂‖ = √(ηC / (2λ)),   η̂_r = E[∠(ω_t, ω_{t+1})] = √(2ηλ · (1−β₁)/(1+β₁)).
 *
 * (The angular formula is `adamw_etar_func` in the authors' code, github.com/epfml/REQ,
 * shared/optimizers/rotational_wrapper.py; the norm follows from it and the per-step update size,
 * and matches Su Jianlin's mean-field estimate RMS(ω) ≈ √(η/(2λ)).)
 *
 * SGD with momentum α and L2/decay λ: η̂_r = √(2ηλ / (1+α)) (`sgdm_etar_func`); its equilibrium
 * norm depends on the gradient norm, so it is not predicted here.
 *
 * The effective learning rate of a scale-invariant ω is η/‖ω‖² (van Laarhoven 2017): an SGD step of
 * η on ω moves its direction ω/‖ω‖ like a step of η/‖ω‖² on the unit sphere. At the AdamW
 * equilibrium it is η/‖ω̂‖² = 2λ/C, independent of η.
 */

/** √(ηC/(2λ)): the AdamW equilibrium norm of a scale-invariant vector of C elements. */
export function adamwEquilibriumNorm(lr: number, weightDecay: number, numel: number): number {
  return Math.sqrt((lr * numel) / (2 * weightDecay));
}

/** √(2ηλ(1−β₁)/(1+β₁)): the expected AdamW angular update per step at equilibrium, in radians. */
export function adamwEquilibriumAngle(lr: number, weightDecay: number, beta1: number): number {
  return Math.sqrt((2 * lr * weightDecay * (1 - beta1)) / (1 + beta1));
}

/** √(2ηλ/(1+α)): the expected SGD-with-momentum angular update per step at equilibrium, in radians. */
export function sgdmEquilibriumAngle(lr: number, weightDecay: number, momentum: number): number {
  return Math.sqrt((2 * lr * weightDecay) / (1 + momentum));
}

/** η/‖ω‖²: the effective learning rate of a scale-invariant weight of norm ‖ω‖. */
export function effectiveLr(lr: number, norm: number): number {
  return lr / (norm * norm);
}

/** 2λ/C: the effective learning rate at the AdamW equilibrium (η/‖ω̂‖²). */
export function adamwEquilibriumEffectiveLr(weightDecay: number, numel: number): number {
  return (2 * weightDecay) / numel;
}

/** √((1−β₁)/(1+β₁)): the RMS per element of Adam's per-step update u in the random-walk model. */
export function adamUpdateRms(beta1: number): number {
  return Math.sqrt((1 - beta1) / (1 + beta1));
}

/**
 * The RMS per element of the tangential part of the per-step update, estimated from a measured
 * norm and angular update: ‖ω‖·θ / (η√C) (the step moves ω by about ‖ω‖·θ across the sphere).
 */
export function measuredUpdateRms(lr: number, numel: number, norm: number, angle: number): number {
  return (norm * angle) / (lr * Math.sqrt(numel));
}
