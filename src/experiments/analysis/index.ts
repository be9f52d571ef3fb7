/** Pure analysis of runs: parameter statistics, comparisons, verdicts, aggregation, formatting. */
export * from './parameter-stats.js';
export * from './comparison.js';
export * from './verdict.js';
export * from './aggregate.js';
export * from './format.js';
