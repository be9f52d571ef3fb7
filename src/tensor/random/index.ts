/** Random numbers identical to PyTorch's CPU generator: engine, generator, distributions. */
export { MT19937, type MT19937State } from './mt19937.js';
export { Generator, defaultGenerator, manualSeed, initialSeed, DEFAULT_SEED, type GeneratorState } from './generator.js';
export * from './distributions.js';
