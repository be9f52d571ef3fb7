import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ConfigError, DatasetError } from '../errors.js';
import { csvDataset, type CsvOptions } from './csv.js';
import { fashionMnistDataset, FASHION_MNIST_MEAN, FASHION_MNIST_STD } from './fashion-mnist.js';
import { parseIdx, readIdx } from './idx.js';
import { moonsDataset } from './moons.js';
import { polynomialDataset } from './polynomial.js';
import { spiralsDataset } from './spirals.js';

const tmp = mkdtempSync(join(tmpdir(), 'decaylab-data-'));
const FMNIST = '/usr/share/datasets/fashion-mnist';

function idxBytes(dims: number[], data: number[], type = 0x08): Uint8Array {
  const head = new Uint8Array(4 + 4 * dims.length);
  head[2] = type;
  head[3] = dims.length;
  const view = new DataView(head.buffer);
  dims.forEach((d, i) => view.setUint32(4 + 4 * i, d, false));
  return new Uint8Array([...head, ...data]);
}

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error');
}

describe('synthetic datasets', () => {
  it('polynomial: deterministic per seed, features x..x^k, targets on the curve', () => {
    const o = { n: 20, testN: 10, degree: 2, coefficients: [1, -2, 3], noise: 0, featureDegree: 3, seed: 5 };
    const a = polynomialDataset(o);
    const b = polynomialDataset(o);
    expect(Array.from(a.train.x.data)).toEqual(Array.from(b.train.x.data));
    expect(a.train.x.shape).toEqual([20, 3]);
    expect(a.test!.x.shape).toEqual([10, 3]);
    for (let i = 0; i < 20; i++) {
      const x = a.train.x.data[3 * i]!;
      expect(Math.abs(x)).toBeLessThanOrEqual(1);
      expect(a.train.x.data[3 * i + 2]).toBeCloseTo(x ** 3, 5);
      expect(a.train.y.data[i]).toBeCloseTo(1 - 2 * x + 3 * x * x, 4);
    }
    const c = polynomialDataset({ ...o, seed: 6 });
    expect(Array.from(c.train.x.data)).not.toEqual(Array.from(a.train.x.data));
    expect(() => polynomialDataset({ ...o, coefficients: [1] })).toThrow(ConfigError);
  });

  it('moons: two balanced classes on the two arcs', () => {
    const d = moonsDataset({ n: 200, testN: 50, noise: 0, seed: 0 });
    expect(d.outputSize).toBe(2);
    expect(d.train.y.dtype).toBe('int32');
    for (let i = 0; i < 200; i++) {
      const [x, y] = [d.train.x.data[2 * i]!, d.train.x.data[2 * i + 1]!];
      const label = d.train.y.data[i];
      const r = label === 0 ? Math.hypot(x, y) : Math.hypot(x - 1, y - 0.5);
      expect(r).toBeCloseTo(1, 5);
    }
    expect(Array.from(d.train.y.data).filter((v) => v === 1)).toHaveLength(100);
  });

  it('spirals: K arms with radius in [0, 1)', () => {
    const d = spiralsDataset({ n: 300, testN: 0, classes: 3, turns: 1, noise: 0.1, seed: 1 });
    expect(d.outputSize).toBe(3);
    expect(d.test).toBeNull();
    expect(new Set(d.train.y.data).size).toBe(3);
    for (let i = 0; i < 300; i++) expect(Math.hypot(d.train.x.data[2 * i]!, d.train.x.data[2 * i + 1]!)).toBeLessThan(1);
  });
});

describe('csv', () => {
  const base: CsvOptions = { path: '', target: 'label', task: 'classification', header: true, testFraction: 0.25, standardize: true, seed: 0 };
  const write = (name: string, text: string): string => {
    const p = join(tmp, name);
    writeFileSync(p, text);
    return p;
  };

  it('reads features, numbers classes in sorted order, standardizes with train statistics', () => {
    const rows = Array.from({ length: 8 }, (_, i) => `${i},"${i * 2}",${i % 2 === 0 ? 'cat' : 'dog'}`);
    const path = write('ok.csv', `a,b,label\r\n${rows.join('\r\n')}\r\n\r\n`);
    const d = csvDataset({ ...base, path });
    expect(d.inputSize).toBe(2);
    expect(d.outputSize).toBe(2);
    expect(d.train.x.shape).toEqual([6, 2]);
    expect(d.test!.x.shape).toEqual([2, 2]);
    const col0 = [0, 1, 2, 3, 4, 5].map((i) => d.train.x.data[2 * i]!);
    expect(col0.reduce((s, v) => s + v, 0) / 6).toBeCloseTo(0, 5);
    expect(col0.reduce((s, v) => s + v * v, 0) / 6).toBeCloseTo(1, 5);
    const raw = csvDataset({ ...base, path, standardize: false });
    for (let i = 0; i < 6; i++) {
      const a = raw.train.x.data[2 * i]!;
      expect(raw.train.x.data[2 * i + 1]).toBe(2 * a);
      expect(raw.train.y.data[i]).toBe(a % 2 === 0 ? 0 : 1);
    }
  });

  it('names file, line and byte offset of a bad value or a short row', () => {
    const bad = write('bad.csv', 'a,b,label\n1,2,x\n3,oops,y\n');
    const e = catchError(() => csvDataset({ ...base, path: bad }));
    expect(e).toBeInstanceOf(DatasetError);
    expect(e).toMatchObject({ file: bad, offset: 16 });
    expect((e as Error).message).toContain('line 3, column "b": "oops" is not a number');
    const short = write('short.csv', 'a,b,label\n1,2,x\n3,y\n');
    expect(catchError(() => csvDataset({ ...base, path: short }))).toMatchObject({ offset: 16, message: expect.stringContaining('line 3 has 2 fields, expected 3') });
    const quote = write('quote.csv', 'a,b,label\n1,"2,x\n');
    expect(catchError(() => csvDataset({ ...base, path: quote }))).toMatchObject({ offset: 12 });
  });

  it('names the columns allowed for a bad target', () => {
    const path = write('t.csv', 'a,b,label\n1,2,3\n4,5,6\n');
    const e = catchError(() => csvDataset({ ...base, path, target: 'y' }));
    expect(e).toBeInstanceOf(ConfigError);
    expect((e as ConfigError).issues[0]).toEqual({ path: 'dataset.target', message: `no column "y" in ${path}`, allowed: ['a', 'b', 'label'] });
    const reg = csvDataset({ ...base, path, target: -1, task: 'regression', testFraction: 0 });
    expect(reg.outputSize).toBe(1);
    expect(reg.test).toBeNull();
  });
});

describe('IDX', () => {
  it('parses header and items, keeping a prefix', () => {
    const a = parseIdx(idxBytes([3, 2], [1, 2, 3, 4, 5, 6]), 'x');
    expect(a.dims).toEqual([3, 2]);
    expect(Array.from(a.data)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(Array.from(parseIdx(idxBytes([3, 2], [1, 2, 3, 4, 5, 6]), 'x', 2).data)).toEqual([1, 2, 3, 4]);
  });

  it('names the byte offset of bad magic, type, and truncation', () => {
    expect(catchError(() => parseIdx(new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0]), 'f'))).toMatchObject({ offset: 0, message: expect.stringContaining('bad magic number 0x1f8b0800') });
    expect(catchError(() => parseIdx(idxBytes([1], [0, 0, 0, 0], 0x0d), 'f'))).toMatchObject({ offset: 2, message: expect.stringContaining('0x0d (float)') });
    expect(catchError(() => parseIdx(idxBytes([4, 2], [1, 2, 3]), 'f'))).toMatchObject({ offset: 15, message: expect.stringContaining('needs 20 bytes') });
    expect(catchError(() => parseIdx(idxBytes([1], [1, 2]), 'f'))).toMatchObject({ offset: 9 });
  });

  it('reads gzip files, stopping early, and reports corrupt gzip', async () => {
    const data = Array.from({ length: 1000 }, (_, i) => i % 251);
    const p = join(tmp, 'a-idx1-ubyte.gz');
    writeFileSync(p, gzipSync(idxBytes([1000], data)));
    expect(Array.from((await readIdx(p)).data)).toEqual(data);
    const head = await readIdx(p, 10);
    expect(head.items).toBe(10);
    expect(Array.from(head.data)).toEqual(data.slice(0, 10));
    const broken = join(tmp, 'broken.gz');
    const gz = gzipSync(idxBytes([1000], data));
    writeFileSync(broken, gz.subarray(0, gz.length - 30));
    await expect(readIdx(broken)).rejects.toThrow(DatasetError);
  });
});

describe.runIf(process.env.CI !== undefined || (await import('node:fs')).existsSync(FMNIST))('Fashion-MNIST (real files)', () => {
  it('loads a training subset and the test set with labels 0..9', async () => {
    const d = await fashionMnistDataset({ dir: FMNIST, trainSubset: 500, testSubset: 200, normalize: 'unit' });
    expect(d.train.x.shape).toEqual([500, 784]);
    expect(d.test!.x.shape).toEqual([200, 784]);
    expect(new Set(d.train.y.data).size).toBe(10);
    expect(d.train.x.data.every((v) => v >= 0 && v <= 1)).toBe(true);
    expect(d.train.y.data[0]).toBe(9); // the first training image is an ankle boot
  });

  it('documents the training mean and standard deviation it standardizes with', async () => {
    const d = await fashionMnistDataset({ dir: FMNIST, trainSubset: 10000, testSubset: 1, normalize: 'unit' });
    let s = 0;
    let ss = 0;
    for (const v of d.train.x.data) {
      s += v;
      ss += v * v;
    }
    const n = d.train.x.data.length;
    const mean = s / n;
    expect(mean).toBeCloseTo(FASHION_MNIST_MEAN, 2); // first 10000 of the 60000 training images
    expect(Math.sqrt(ss / n - mean * mean)).toBeCloseTo(FASHION_MNIST_STD, 2);
  });

  it('names the missing file and the way to get it', async () => {
    await expect(fashionMnistDataset({ dir: tmp, trainSubset: 1, testSubset: 1, normalize: 'unit' })).rejects.toThrow(/train-images-idx3-ubyte\.gz: missing .*dataset-fashion-mnist/);
  });
});
