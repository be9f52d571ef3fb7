/**
 * Fashion-MNIST from its standard IDX files (`train-images-idx3-ubyte`, `train-labels-idx1-ubyte`,
 * `t10k-…`, gzip-compressed or not) in `dir` (Debian's `dataset-fashion-mnist` installs them in
 * /usr/share/datasets/fashion-mnist). Images are flattened to 784 features. Normalisation:
 * `unit` maps pixel p to p/255 ∈ [0, 1]; `standard` to (p/255 − 0.2860)/0.3530, the training set's
 * mean and standard deviation. The training split is the first `trainSubset` images (a small
 * subset overfits, which is what the generalization study needs); the test split the first
 * `testSubset` test images.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Tensor } from '../../tensor/tensor.js';
import { DatasetError } from '../errors.js';
import { readIdx } from './idx.js';
import type { Dataset, Split } from './types.js';

/** Class names in label order. */
export const FASHION_MNIST_CLASSES = ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot'] as const;

/** Mean and standard deviation of the training images' pixels after division by 255. */
export const FASHION_MNIST_MEAN = 0.286;
export const FASHION_MNIST_STD = 0.353;

/** Options of {@link fashionMnistDataset}. */
export interface FashionMnistOptions {
  readonly dir: string;
  readonly trainSubset: number;
  readonly testSubset: number;
  readonly normalize: 'unit' | 'standard';
}

/** The path of one IDX file in `dir`, preferring the `.gz` form; a {@link DatasetError} when neither exists. */
export function idxPath(dir: string, stem: string): string {
  for (const name of [`${stem}.gz`, stem]) {
    const p = join(dir, name);
    if (existsSync(p)) return p;
  }
  throw new DatasetError(
    `missing ${stem}(.gz): point dataset.dir (or --data) at a folder with the Fashion-MNIST IDX files (Debian: apt-get install dataset-fashion-mnist)`,
    join(dir, `${stem}.gz`),
  );
}

async function loadSplit(dir: string, prefix: 'train' | 't10k', count: number, normalize: FashionMnistOptions['normalize']): Promise<Split> {
  const imagesFile = idxPath(dir, `${prefix}-images-idx3-ubyte`);
  const labelsFile = idxPath(dir, `${prefix}-labels-idx1-ubyte`);
  const [images, labels] = await Promise.all([readIdx(imagesFile, count), readIdx(labelsFile, count)]);
  if (images.dims.length !== 3 || images.dims[1] !== 28 || images.dims[2] !== 28) {
    throw new DatasetError(`images have shape [${images.dims.join(', ')}], expected [N, 28, 28]`, imagesFile, 4);
  }
  if (labels.dims.length !== 1) throw new DatasetError(`labels have shape [${labels.dims.join(', ')}], expected [N]`, labelsFile, 4);
  if (images.dims[0] !== labels.dims[0]) {
    throw new DatasetError(`${images.dims[0]} images but ${labels.dims[0]} labels in ${labelsFile}`, imagesFile, 4);
  }
  const n = images.items;
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const label = labels.data[i]!;
    if (label > 9) throw new DatasetError(`label ${label} of item ${i} is not a class 0..9`, labelsFile, 8 + i);
    y[i] = label;
  }
  const x = new Float32Array(n * 784);
  const [shift, scale] = normalize === 'standard' ? [FASHION_MNIST_MEAN, 1 / FASHION_MNIST_STD] : [0, 1];
  for (let i = 0; i < x.length; i++) x[i] = (images.data[i]! / 255 - shift) * scale;
  return { x: new Tensor(x, [n, 784]), y: new Tensor(y, [n]) };
}

/** Loads the Fashion-MNIST subsets (see the module comment). */
export async function fashionMnistDataset(o: FashionMnistOptions): Promise<Dataset> {
  const [train, test] = await Promise.all([loadSplit(o.dir, 'train', o.trainSubset, o.normalize), loadSplit(o.dir, 't10k', o.testSubset, o.normalize)]);
  return {
    name: `fashion-mnist[${o.trainSubset}]`,
    task: 'classification',
    inputSize: 784,
    outputSize: 10,
    train,
    test,
    description: `Fashion-MNIST from ${o.dir}: first ${train.y.shape[0]} training / ${test.y.shape[0]} test images, 784 pixels ${o.normalize === 'unit' ? 'scaled to [0, 1]' : 'standardized'}`,
  };
}
