/** Loads the dataset a `dataset` config section describes. */
import { articleData } from '../article/data.js';
import type { DatasetConfig } from '../config/dataset-schema.js';
import { csvDataset } from './csv.js';
import { fashionMnistDataset } from './fashion-mnist.js';
import { moonsDataset } from './moons.js';
import { polynomialDataset } from './polynomial.js';
import { spiralsDataset } from './spirals.js';
import type { Dataset } from './types.js';

/** The article's 20 points (x1 = arange(−10, 10), x2 = arange(0, 20), y = 2·x1 − x2² + 1); no test split. */
export function articleDataset(): Dataset {
  const { x, y } = articleData();
  return {
    name: 'article',
    task: 'regression',
    inputSize: 2,
    outputSize: 1,
    train: { x, y },
    test: null,
    description: "the article's 20 points: x1 = arange(-10, 10), x2 = arange(0, 20), y = 2·x1 − x2² + 1",
  };
}

/** Options of {@link loadDataset}. */
export interface LoadDatasetOptions {
  /** Overrides the Fashion-MNIST folder (the CLI's `--data DIR`). */
  readonly dataDir?: string | undefined;
}

/** The dataset of a config section (synthetic ones are generated from their seed). */
export async function loadDataset(config: DatasetConfig, options: LoadDatasetOptions = {}): Promise<Dataset> {
  switch (config.name) {
    case 'article':
      return articleDataset();
    case 'polynomial':
      return polynomialDataset(config);
    case 'moons':
      return moonsDataset(config);
    case 'spirals':
      return spiralsDataset(config);
    case 'csv':
      return csvDataset(config);
    case 'fashion-mnist':
      return fashionMnistDataset({ ...config, dir: options.dataDir ?? config.dir });
  }
}
