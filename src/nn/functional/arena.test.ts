/**
 * The gradient arena's invariant: views into the shared slab never become user-visible `.grad`
 * tensors (the engine copies them), and later allocations never overwrite earlier gradients.
 */
import { describe, expect, it } from 'vitest';
import { tensor } from '../../tensor/creation.js';
import { LayerNorm } from '../layers/normalization.js';
import { arenaStorage } from './arena.js';
import { layerNorm } from './layer-norm.js';

function ownsBuffer(data: Float32Array | Float64Array | Int32Array): boolean {
  return data.byteOffset === 0 && data.buffer.byteLength === data.byteLength;
}

describe('arena', () => {
  it('hands out distinct zeroed views, and plain arrays for large sizes', () => {
    const like = tensor([1, 2, 3]);
    const a = arenaStorage(like);
    a.fill(7);
    const b = arenaStorage(like);
    expect(Array.from(b)).toEqual([0, 0, 0]);
    expect(Array.from(a)).toEqual([7, 7, 7]);
    expect(ownsBuffer(arenaStorage(like, 100_000))).toBe(true);
  });

  it('leaf and retained gradients own their buffers', () => {
    const x = tensor([[1, 2, 4], [0, 1, -1]], { requiresGrad: true });
    const h = layerNorm(x, 3);
    h.retainGrad();
    const ln = new LayerNorm(3);
    ln.forward(h).mul(tensor([1, 2, 3])).sum().backward();
    expect(ownsBuffer(x.grad!.data)).toBe(true);
    expect(ownsBuffer(h.grad!.data)).toBe(true);
    const saved = Array.from(x.grad!.data);
    for (let i = 0; i < 2000; i++) arenaStorage(x).fill(123);
    expect(Array.from(x.grad!.data)).toEqual(saved);
  });
});
