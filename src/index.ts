/**
 * decaylab's package root: the browser-safe core. Tensors, creation functions, autograd, seeding
 * and the `nn` and `optim` namespaces. Node-only parts (event files, CLI, dashboard server) live
 * under other subpaths (`decaylab/events`, ...).
 */
export * from './tensor/index.js';
export * as nn from './nn/index.js';
export * as optim from './optim/index.js';
