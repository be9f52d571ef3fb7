/**
 * The kernels in a real browser (Debian's Chromium through playwright-core): the kernel layer is
 * bundled for the browser with esbuild, loaded into a page, and run on the page's main thread,
 * where the WebAssembly module must compile synchronously and `process` does not exist.
 */
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestBrowser, launchChromium } from '../../../dashboard/test-support/browser.js';

/** Runs in the page: every kernel set against the reference, and what the page's engine chose. */
const ENTRY = `
import { getKernelSet, getKernels } from '../registry.js';
import { wasmAvailable, wasmFailure } from './kernels.js';

globalThis.checkKernels = () => {
  const reference = getKernelSet('reference');
  const data = (n, s) => Float32Array.from({ length: n }, (_, i) => Math.sin(i * 0.37 + s));
  const out = { defaultSet: getKernels().name, wasmAvailable: wasmAvailable(), failure: String(wasmFailure()), worst: {} };
  for (const name of ['wasm', 'auto']) {
    const kernels = getKernelSet(name);
    let worst = 0;
    for (const [m, n, k] of [[1, 1, 1], [20, 20, 20], [65, 33, 300], [128, 256, 784]]) {
      for (const [ta, tb] of [[false, false], [false, true], [true, false], [true, true]]) {
        const a = data(m * k, 1), b = data(k * n, 2), bias = data(n, 3);
        const got = new Float32Array(m * n), want = new Float32Array(m * n);
        kernels.gemm(ta, tb, m, n, k, a, 0, b, 0, got, 0, false, bias);
        reference.gemm(ta, tb, m, n, k, a, 0, b, 0, want, 0, false, bias);
        for (let i = 0; i < got.length; i++) worst = Math.max(worst, Math.abs(got[i] - want[i]) / (k + 1));
      }
    }
    const x = data(1000, 4), y = new Float32Array(1000), z = new Float32Array(1000);
    kernels.relu(x, y, 1000);
    reference.relu(x, z, 1000);
    for (let i = 0; i < 1000; i++) if (!Object.is(y[i], z[i])) worst = Infinity;
    out.worst[name] = worst;
  }
  return out;
};
`;

/** What `checkKernels()` returns. */
interface CheckResult {
  defaultSet: string;
  wasmAvailable: boolean;
  failure: string;
  worst: Record<string, number>;
}

let browser: TestBrowser;
let bundle: string;

beforeAll(async () => {
  const result = await build({
    stdin: { contents: ENTRY, resolveDir: import.meta.dirname, loader: 'ts' },
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
  });
  bundle = result.outputFiles[0]!.text;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe('kernels in Chromium', () => {
  it('compile synchronously on the main thread, default to auto and match the reference', async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.setContent('<!doctype html><title>kernels</title>');
    await page.addScriptTag({ content: bundle });
    const result = await page.evaluate<CheckResult>('checkKernels()');
    expect(errors).toEqual([]);
    expect(result.failure).toBe('null');
    expect(result.wasmAvailable).toBe(true);
    expect(result.defaultSet).toBe('auto');
    // Per unit of k, the two summation orders differ by a few float32 ulps of values of order 1.
    expect(result.worst.wasm).toBeLessThan(1e-6);
    expect(result.worst.auto).toBeLessThan(1e-6);
    await page.close();
  });
});
