/** Experiment configs: schema, validation with key-path errors, overrides, file loading. */
export * from './names.js';
export * from './experiment-schema.js';
export * from './model-schema.js';
export * from './dataset-schema.js';
export * from './optimizer-schema.js';
export * from './schedule-schema.js';
export * from './parse.js';
export * from './overrides.js';
export * from './load.js';
export { formatPath, allowedKeysAt } from './issues.js';
