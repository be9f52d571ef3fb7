/**
 * The article's logging volume for the event benchmarks: the 18 parameters of the 2→20→20→20→20→1
 * MLP with LayerNorm(20) after each hidden Linear (`linears.0 … linears.8`, 1501 values), each
 * logged as `<name>_data` and `<name>_grad` histograms (36 tags, 3002 values) plus the loss, for
 * 1000 iterations.
 *
 * Values: when ../shared/fixtures/torch/seed_experiment.json is there, each parameter moves from
 * PyTorch's real initial values to the real values after 1000 Adam steps along
 * w(t) = w0 + (w1 − w0)(1 − e^(−t/150)) plus decaying noise; gradients are Gaussian with a
 * decaying scale and 2% outliers at 4×. Without the fixture, a seeded uniform init stands in.
 * Deterministic (mulberry32 seeded RNG), float32 like the real model.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from '../test/seeded-random.js';

/** The model's parameters in PyTorch order: name and shape. */
export const ARTICLE_PARAMETERS: readonly { name: string; shape: readonly number[] }[] = (() => {
  const out: { name: string; shape: number[] }[] = [];
  const dims = [2, 20, 20, 20, 20];
  for (let l = 0; l < 4; l++) {
    out.push({ name: `linears.${2 * l}.weight`, shape: [20, dims[l]!] }, { name: `linears.${2 * l}.bias`, shape: [20] });
    out.push({ name: `linears.${2 * l + 1}.weight`, shape: [20] }, { name: `linears.${2 * l + 1}.bias`, shape: [20] });
  }
  out.push({ name: 'linears.8.weight', shape: [1, 20] }, { name: 'linears.8.bias', shape: [1] });
  return out;
})();

/** One iteration's histograms: 36 tags with their values. */
export interface ArticleStep {
  loss: number;
  histograms: { tag: string; values: Float32Array }[];
}

function gaussian(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

interface Endpoints {
  init: Float64Array;
  final: Float64Array;
}

function loadEndpoints(rand: () => number): Endpoints[] {
  const here = fileURLToPath(new URL('.', import.meta.url));
  const path = join(here, '..', '..', 'shared', 'fixtures', 'torch', 'seed_experiment.json');
  if (existsSync(path)) {
    type T = { data: number[] };
    const run = (JSON.parse(readFileSync(path, 'utf8')) as { runs: { init: Record<string, T>; final: Record<string, T> }[] }).runs[0]!;
    return ARTICLE_PARAMETERS.map((p) => ({ init: Float64Array.from(run.init[p.name]!.data), final: Float64Array.from(run.final[p.name]!.data) }));
  }
  return ARTICLE_PARAMETERS.map((p) => {
    const n = p.shape.reduce((a, b) => a * b, 1);
    const bound = 1 / Math.sqrt(p.shape.length > 1 ? p.shape[1]! : 20);
    const init = Float64Array.from({ length: n }, () => (2 * rand() - 1) * bound);
    return { init, final: init.map((v) => v * 0.5 + gaussian(rand) * 0.1) };
  });
}

/** All `iterations` steps of the article's logging, precomputed (≈ 12 MB for 1000 iterations). */
export function articleRun(iterations = 1000, seed = 7): ArticleStep[] {
  const rand = mulberry32(seed);
  const ends = loadEndpoints(rand);
  const steps: ArticleStep[] = [];
  for (let t = 0; t < iterations; t++) {
    const progress = 1 - Math.exp(-t / 150);
    const histograms: { tag: string; values: Float32Array }[] = [];
    ARTICLE_PARAMETERS.forEach((p, k) => {
      const { init, final } = ends[k]!;
      const n = init.length;
      let rms = 0;
      for (let i = 0; i < n; i++) rms += (final[i]! - init[i]!) ** 2;
      rms = Math.sqrt(rms / n) + 1e-3;
      const data = new Float32Array(n);
      const grad = new Float32Array(n);
      for (let i = 0; i < n; i++) {
        data[i] = init[i]! + (final[i]! - init[i]!) * progress + gaussian(rand) * 0.02 * rms * Math.exp(-t / 300);
        grad[i] = gaussian(rand) * 0.1 * rms * Math.exp(-t / 250) * (rand() < 0.02 ? 4 : 1);
      }
      histograms.push({ tag: `${p.name}_data`, values: data }, { tag: `${p.name}_grad`, values: grad });
    });
    steps.push({ loss: 25000 * Math.exp(-t / 200) + 10, histograms });
  }
  return steps;
}
