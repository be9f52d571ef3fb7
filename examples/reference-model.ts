/**
 * The article's reference model, built from `manualSeed(0)` exactly as PyTorch builds it: prints
 * its MSE loss on the article's data and the L2 norm of every parameter's gradient.
 *
 *   node --import tsx examples/reference-model.ts
 */
import { manualSeed } from '../src/index.js';
import { SeedModel, articleData, articleLoss } from '../src/experiments/article/index.js';

manualSeed(0);
const model = new SeedModel();
const data = articleData();
const loss = articleLoss(model, data);
loss.backward();

console.log(`loss = ${loss.item().toFixed(4)}  (MSELoss(y, model(x).squeeze()) on the article's 20 points)`);
console.log('gradient L2 norms:');
for (const [name, p] of model.namedParameters()) {
  const grad = p.grad;
  console.log(`  ${name.padEnd(18)} ${grad === null ? '-' : grad.norm().item().toExponential(4)}`);
}
