/**
 * Adam-family bias corrections 1 − β₁ᵗ and √(1 − β₂ᵗ), recomputed only when β₁, β₂ or the step change:
 * the parameters of a group usually share them, and `**` costs more than the rest of a small parameter.
 */
export interface BiasCorrections {
  /** 1 − β₁ᵗ. */
  readonly first: number;
  /** β₂ᵗ. */
  readonly beta2Power: number;
  /** 1 − β₂ᵗ. */
  readonly second: number;
  /** √(1 − β₂ᵗ). */
  readonly sqrt2: number;
  /** Brings the corrections to (β₁, β₂, t). */
  update(beta1: number, beta2: number, step: number): void;
}

/** A memo of the bias corrections for the last (β₁, β₂, t) seen. */
export function biasCorrections(): BiasCorrections {
  let beta1 = Number.NaN;
  let beta2 = Number.NaN;
  let step = -1;
  const memo = {
    first: 0,
    beta2Power: 0,
    second: 0,
    sqrt2: 0,
    update(b1: number, b2: number, t: number): void {
      if (b1 === beta1 && b2 === beta2 && t === step) return;
      beta1 = b1;
      beta2 = b2;
      step = t;
      memo.first = 1 - b1 ** t;
      memo.beta2Power = b2 ** t;
      memo.second = 1 - memo.beta2Power;
      memo.sqrt2 = Math.sqrt(memo.second);
    },
  };
  return memo;
}
