/**
 * Training loops timed by the kernel benchmark: the 784-256-256-10 MLP of the issue (ReLU,
 * batch 128, cross-entropy, Adam with weight decay 1e-4, random data) and the article's small
 * model (2→20→20→20→20→1, LayerNorm(20) after each hidden Linear, MSE, Adam(0.01, wd 0.1)),
 * both built from nn and optim exactly as user code would.
 */
import { CrossEntropyLoss, LayerNorm, Linear, MSELoss, ReLU, Sequential } from '../src/nn/index.js';
import { Adam } from '../src/optim/index.js';
import { manualSeed } from '../src/tensor/random/index.js';
import { Tensor } from '../src/tensor/tensor.js';
import { randomFloat32 } from './kernels-timing.js';

/** Result of one timed training run. */
export interface TrainingRun {
  /** Training iterations per second of wall time (zero_grad, forward, backward, optimizer step). */
  itersPerSecond: number;
  /**
   * Iterations per second of this process's CPU time: on a loaded machine, close to what one
   * thread achieves when it has a core to itself (with worker threads, their CPU time counts too).
   */
  itersPerCpuSecond: number;
  /** Mean milliseconds per iteration in forward (with the loss), backward and the optimizer step. */
  forwardMs: number;
  backwardMs: number;
  stepMs: number;
  /** Loss after the last iteration (the same model trains the same way with every kernel set). */
  finalLoss: number;
}

interface Trainer {
  /** zero_grad, forward and loss. */
  forward(): Tensor;
  /** The optimizer step. */
  step(): void;
}

function timeTraining(trainer: Trainer, warmup: number, iterations: number): TrainingRun {
  for (let i = 0; i < warmup; i++) {
    trainer.forward().backward();
    trainer.step();
  }
  let forward = 0;
  let backward = 0;
  let step = 0;
  let loss = NaN;
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    const l = trainer.forward();
    const t1 = performance.now();
    l.backward();
    const t2 = performance.now();
    trainer.step();
    forward += t1 - t0;
    backward += t2 - t1;
    step += performance.now() - t2;
    if (i === iterations - 1) loss = l.item();
  }
  const total = forward + backward + step;
  const cpu = process.cpuUsage(cpu0);
  return {
    itersPerSecond: iterations / (total / 1000),
    itersPerCpuSecond: iterations / ((cpu.user + cpu.system) / 1e6),
    forwardMs: forward / iterations,
    backwardMs: backward / iterations,
    stepMs: step / iterations,
    finalLoss: loss,
  };
}

/** The MLP: 784-256-256-10, ReLU, batch 128, Adam(lr 1e-3, weight decay 1e-4). */
function mlpTrainer(): Trainer {
  manualSeed(0);
  const model = new Sequential(new Linear(784, 256), new ReLU(), new Linear(256, 256), new ReLU(), new Linear(256, 10));
  const optimizer = new Adam(model.parameters(), { lr: 1e-3, weightDecay: 1e-4 });
  const lossFn = new CrossEntropyLoss();
  const x = new Tensor(randomFloat32(128 * 784, 7), [128, 784]);
  const labels = new Int32Array(128);
  for (let i = 0; i < labels.length; i++) labels[i] = (i * 7919) % 10;
  const y = new Tensor(labels, [128]);
  return {
    forward() {
      optimizer.zeroGrad();
      return lossFn.forward(model.forward(x), y);
    },
    step: () => optimizer.step(),
  };
}

/** The article's model and data: x = (arange(-10, 10), arange(0, 20)), y = 2·x1 − x2² + 1. */
function articleTrainer(): Trainer {
  manualSeed(0);
  const layers = [];
  for (const [inF, outF] of [[2, 20], [20, 20], [20, 20], [20, 20]] as const) layers.push(new Linear(inF, outF), new LayerNorm(20));
  const model = new Sequential(...layers, new Linear(20, 1));
  const optimizer = new Adam(model.parameters(), { lr: 0.01, weightDecay: 0.1 });
  const lossFn = new MSELoss();
  const xs = new Float32Array(40);
  const ys = new Float32Array(20);
  for (let i = 0; i < 20; i++) {
    const x1 = i - 10;
    const x2 = i;
    xs[2 * i] = x1;
    xs[2 * i + 1] = x2;
    ys[i] = 2 * x1 - x2 * x2 + 1;
  }
  const x = new Tensor(xs, [20, 2]);
  const y = new Tensor(ys, [20, 1]);
  return {
    forward() {
      optimizer.zeroGrad();
      return lossFn.forward(model.forward(x), y);
    },
    step: () => optimizer.step(),
  };
}

/** Times `iterations` MLP training steps after `warmup` untimed ones, with the current kernel set. */
export function trainMlp(warmup: number, iterations: number): TrainingRun {
  return timeTraining(mlpTrainer(), warmup, iterations);
}

/** Times `iterations` steps of the article's model after `warmup` untimed ones, with the current kernel set. */
export function trainArticleModel(warmup: number, iterations: number): TrainingRun {
  return timeTraining(articleTrainer(), warmup, iterations);
}
