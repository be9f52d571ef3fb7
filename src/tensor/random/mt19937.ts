/**
 * The 32-bit Mersenne Twister MT19937 (Matsumoto & Nishimura 1998), seeded as PyTorch's
 * `at::mt19937` seeds it: `state[0] = seed`, `state[i] = 1812433253·(state[i−1] ^ (state[i−1] >>> 30)) + i`.
 * This is the engine of PyTorch's CPU generator, so equal seeds give equal streams.
 */

const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;

/** Serializable engine state: the 624-word state vector and the read position. */
export interface MT19937State {
  readonly seed: number;
  readonly state: readonly number[];
  readonly index: number;
}

export class MT19937 {
  private readonly mt = new Uint32Array(N);
  private index = N;
  private seedValue = 0;

  /** Creates an engine seeded with the low 32 bits of `seed`. */
  constructor(seed = 5489) {
    this.seed(seed);
  }

  /** Re-seeds with a 32-bit unsigned seed. */
  seed(seed: number): void {
    const mt = this.mt;
    const s = seed >>> 0;
    this.seedValue = s;
    mt[0] = s;
    for (let i = 1; i < N; i++) {
      const prev = mt[i - 1]! ^ (mt[i - 1]! >>> 30);
      // 1812433253 · prev + i, modulo 2^32, split to stay exact in doubles.
      mt[i] = ((((prev & 0xffff0000) >>> 16) * 1812433253) << 16) + (prev & 0x0000ffff) * 1812433253 + i;
    }
    this.index = N;
  }

  /** The seed this engine was last seeded with. */
  get initialSeed(): number {
    return this.seedValue;
  }

  private twist(): void {
    const mt = this.mt;
    let kk = 0;
    let y: number;
    for (; kk < N - M; kk++) {
      y = (mt[kk]! & UPPER_MASK) | (mt[kk + 1]! & LOWER_MASK);
      mt[kk] = mt[kk + M]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    for (; kk < N - 1; kk++) {
      y = (mt[kk]! & UPPER_MASK) | (mt[kk + 1]! & LOWER_MASK);
      mt[kk] = mt[kk + (M - N)]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    y = (mt[N - 1]! & UPPER_MASK) | (mt[0]! & LOWER_MASK);
    mt[N - 1] = mt[M - 1]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    this.index = 0;
  }

  /** The next 32-bit unsigned draw. */
  nextUint32(): number {
    if (this.index >= N) this.twist();
    let y = this.mt[this.index++]!;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** A copy of the state, for `getState`. */
  getState(): MT19937State {
    return { seed: this.seedValue, state: Array.from(this.mt), index: this.index };
  }

  /** Restores a state produced by {@link getState}. */
  setState(state: MT19937State): void {
    this.mt.set(state.state);
    this.index = state.index;
    this.seedValue = state.seed;
  }
}
