/**
 * The README's library example, kept compiling and running (test/readme.test.ts runs it): a small
 * model trained with AdamW on weight matrices only, a cosine schedule, then logged to TensorBoard.
 *
 *   node --import tsx examples/readme-library.ts [logdir]
 */
import { join } from 'node:path';
import { manualSeed, tensor, nn, optim } from '../src/index.js';
import { SummaryWriter } from '../src/events/index.js';
import { readSafetensors, writeSafetensors } from '../src/experiments/index.js';

manualSeed(0);
const model = new nn.Sequential(new nn.Linear(2, 20), new nn.LayerNorm(20), new nn.ReLU(), new nn.Linear(20, 1));
const x = tensor([[0, 1], [1, 0], [1, 1]]);
const y = tensor([[1], [1], [0]]);

// AdamW on weight matrices only; biases and LayerNorm parameters are exempt from decay.
const optimizer = new optim.AdamW(optim.splitDecayGroups(model), { lr: 1e-2, weightDecay: 0.1 });
const scheduler = new optim.lrScheduler.CosineAnnealingLR(optimizer, { tMax: 100 });
const lossFn = new nn.MSELoss();

let last = Infinity;
for (let step = 0; step < 100; step++) {
  optimizer.zeroGrad();
  const loss = lossFn.forward(model.forward(x), y);
  loss.backward();
  optimizer.step();
  scheduler.step();
  last = loss.item();
}

const a = tensor([[1, 2, 3]], { requiresGrad: true });
const b = a.mul(a).sum();
b.backward();

const logDir = process.argv[2];
const writer = new SummaryWriter(logDir === undefined ? { comment: '_wd0.1' } : { logDir });
writer.addScalar('loss', last, 1);
writer.addHistogram('linears.0.weight_data', model.parameters()[0]!, 1);
writer.close();

// Save the trained state and load it into a fresh model of the same architecture.
const copy = new nn.Sequential(new nn.Linear(2, 20), new nn.LayerNorm(20), new nn.ReLU(), new nn.Linear(20, 1));
const modelFile = join(writer.logDir, 'model.safetensors');
writeSafetensors(modelFile, [...model.stateDict()].map(([name, t]) => ({ name, shape: t.shape, data: t.data })));
const saved = readSafetensors(modelFile);
copy.loadStateDict(new Map([...saved].map(([name, { shape, data }]) => [name, tensor(data, { shape })])));
const restored = JSON.stringify(copy.forward(x).tolist()) === JSON.stringify(model.forward(x).tolist());

console.log(JSON.stringify({ loss: last, grad: a.grad?.tolist(), logDir: writer.logDir, restored }));
