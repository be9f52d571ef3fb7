/** Free-function forms of the tensor ops (`torch.add(a, b)` style), for use without method calls. */
export { add, sub, mul, div, pow, maximum, minimum, neg, exp, log, sqrt, abs, sign, clamp, where } from './ops/elementwise.js';
export { sum, mean, variance as var, std, max, min, argmax, argmin } from './ops/reduce.js';
export { norm } from './ops/norm.js';
export { matmul, linear } from './ops/matmul.js';
export { reshape, flatten, squeeze, unsqueeze, transpose, permute, expand, narrow, slice, indexSelect, gather, cat, stack } from './ops/shape-ops.js';
