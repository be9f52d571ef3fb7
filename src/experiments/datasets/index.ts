/** Datasets: the article's data, synthetic regression and classification sets, CSV files, Fashion-MNIST. */
export * from './types.js';
export * from './load.js';
export { polynomialDataset, type PolynomialOptions } from './polynomial.js';
export { moonsDataset, type MoonsOptions } from './moons.js';
export { spiralsDataset, type SpiralsOptions } from './spirals.js';
export { csvDataset, type CsvOptions } from './csv.js';
export { parseCsv, type CsvRow } from './csv-parse.js';
export { readIdx, parseIdx, type IdxArray } from './idx.js';
export { fashionMnistDataset, FASHION_MNIST_CLASSES, FASHION_MNIST_MEAN, FASHION_MNIST_STD, type FashionMnistOptions } from './fashion-mnist.js';
