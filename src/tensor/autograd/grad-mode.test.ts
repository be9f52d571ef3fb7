/** Gradient mode (`torch.no_grad` / `torch.enable_grad`): what records a graph and how the mode is restored. */
import { afterEach, describe, expect, it } from 'vitest';
import { tensor } from '../creation.js';
import { enableGrad, isGradEnabled, noGrad, setGradEnabled } from './grad-mode.js';

const x = () => tensor([1, 2], { requiresGrad: true });

describe('noGrad', () => {
  afterEach(() => {
    setGradEnabled(true);
  });

  it('records no graph: results do not require grad', () => {
    const a = x();
    const y = noGrad(() => a.mul(2).add(1).sum());
    expect(y.requiresGrad).toBe(false);
    expect(y.gradFn).toBeNull();
    expect(isGradEnabled()).toBe(true);
  });

  it('returns the value of its function', () => {
    expect(noGrad(() => 42)).toBe(42);
  });

  it('nests, and the outer scope stays disabled after the inner one ends', () => {
    noGrad(() => {
      noGrad(() => expect(isGradEnabled()).toBe(false));
      expect(isGradEnabled()).toBe(false);
      expect(x().mul(2).requiresGrad).toBe(false);
    });
    expect(isGradEnabled()).toBe(true);
  });

  it('restores the mode after its function throws', () => {
    expect(() =>
      noGrad(() => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(isGradEnabled()).toBe(true);
    expect(x().mul(2).requiresGrad).toBe(true);
  });

  it('enableGrad re-enables recording inside noGrad and restores it', () => {
    noGrad(() => {
      const y = enableGrad(() => x().mul(2));
      expect(y.requiresGrad).toBe(true);
      expect(isGradEnabled()).toBe(false);
    });
  });

  it('enableGrad restores a disabled mode after a throw', () => {
    noGrad(() => {
      expect(() =>
        enableGrad(() => {
          throw new Error('inner');
        }),
      ).toThrow('inner');
      expect(isGradEnabled()).toBe(false);
    });
  });

  it('setGradEnabled returns the previous mode', () => {
    expect(setGradEnabled(false)).toBe(true);
    expect(setGradEnabled(true)).toBe(false);
  });

  it('leaves leaves that require grad requiring grad', () => {
    const a = x();
    noGrad(() => expect(a.requiresGrad).toBe(true));
  });
});
