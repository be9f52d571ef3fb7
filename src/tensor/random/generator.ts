/**
 * `Generator`: PyTorch's CPU generator (`CPUGeneratorImpl`) — an MT19937 engine plus the cached
 * second Box-Muller sample of `normal_distribution<double>`. `manualSeed` uses the low 32 bits of
 * the seed as PyTorch does, and `random64` joins two draws high word first.
 */
import { ArgumentError } from '../errors.js';
import { MT19937, type MT19937State } from './mt19937.js';

/** PyTorch's default seed (`default_rng_seed_val`). */
export const DEFAULT_SEED = 67280421310721;

const TWO_POW_32 = 4294967296;
const TWO_POW_M24 = 1 / 16777216;
const TWO_POW_M53 = 1 / 9007199254740992;

/** Snapshot of a generator's state (JSON-serializable). */
export interface GeneratorState {
  readonly engine: MT19937State;
  readonly nextDoubleNormal: number | null;
}

function low32(seed: number | bigint): number {
  if (typeof seed === 'bigint') return Number(BigInt.asUintN(32, seed));
  if (!Number.isInteger(seed)) throw new ArgumentError(`seed must be an integer, got ${seed}`, 'seed', seed);
  return Number(BigInt.asUintN(32, BigInt(seed)));
}

export class Generator {
  private readonly engine: MT19937;
  private seedValue: number | bigint;
  /** @internal cached second sample of the double normal distribution. */
  nextDoubleNormal: number | null = null;

  /** A generator seeded with `seed` (PyTorch's default seed when omitted). */
  constructor(seed: number | bigint = DEFAULT_SEED) {
    this.seedValue = seed;
    this.engine = new MT19937(low32(seed));
  }

  /** Seeds the generator (`torch.Generator.manual_seed`); returns it. */
  manualSeed(seed: number | bigint): this {
    this.seedValue = seed;
    this.engine.seed(low32(seed));
    this.nextDoubleNormal = null;
    return this;
  }

  /** The seed last given (`initial_seed()`). */
  initialSeed(): number | bigint {
    return this.seedValue;
  }

  /** Seeds from a non-deterministic source and returns the seed (`seed()`). */
  seed(): number {
    const s = Math.floor(Math.random() * TWO_POW_32) + Math.floor(Math.random() * 2048) * TWO_POW_32;
    this.manualSeed(s);
    return s;
  }

  /** The generator's state (`get_state()`), as a JSON-serializable object. */
  getState(): GeneratorState {
    return { engine: this.engine.getState(), nextDoubleNormal: this.nextDoubleNormal };
  }

  /** Restores a state from {@link getState} (`set_state()`). */
  setState(state: GeneratorState): void {
    this.engine.setState(state.engine);
    this.nextDoubleNormal = state.nextDoubleNormal;
    this.seedValue = state.engine.seed;
  }

  /** One 32-bit draw (`random()`). */
  random(): number {
    return this.engine.nextUint32();
  }

  /** Uniform float in [0, 1) from the low 24 bits of one draw (float32 `uniform_real_distribution`). */
  uniformFloat(): number {
    return (this.engine.nextUint32() & 0xffffff) * TWO_POW_M24;
  }

  /**
   * Uniform double in [0, 1) from the low 53 bits of `random64()` = (first draw << 32) | second
   * draw (float64 `uniform_real_distribution`).
   */
  uniformDouble(): number {
    const hi = this.engine.nextUint32();
    const lo = this.engine.nextUint32();
    return ((hi & 0x1fffff) * TWO_POW_32 + lo) * TWO_POW_M53;
  }
}

/** The global default generator that `manualSeed` seeds (`torch.default_generator`). */
export const defaultGenerator = new Generator();

/** Seeds the default generator (`torch.manual_seed`); returns it. */
export function manualSeed(seed: number | bigint): Generator {
  return defaultGenerator.manualSeed(seed);
}

/** The seed of the default generator (`torch.initial_seed`). */
export function initialSeed(): number | bigint {
  return defaultGenerator.initialSeed();
}
