import { describe, expect, it } from 'vitest';
import { Tensor } from '../../../tensor/tensor.js';
import type { ParameterInfo } from '../../build/model.js';
import { angleBetween, type Trace, TraceRecorder } from '../../run/trace.js';
import { LATE_FRACTION, lateStats, layerSeries, movingAverage } from './measure.js';

/** A 2-D weight rotated by `step · 0.01` rad in the plane of its first two coordinates, with norm 2 + step/10. */
function rotating(steps: number, every: number, totalSteps = steps): Trace {
  const w = new Tensor(new Float32Array(3), [3]);
  const info: ParameterInfo = { name: 'w', tensor: w, layer: 'linear', role: 'weight' };
  const rec = new TraceRecorder([info], totalSteps, every);
  let angle = 0;
  for (let s = 0; s < steps; s++) {
    const r = 2 + s / 10;
    w.data[0] = r * Math.cos(angle);
    w.data[1] = r * Math.sin(angle);
    w.data[2] = 0;
    if (s % every === 0) rec.onLoggedStep(s, 1);
    angle += 0.01 * (s + 1);
  }
  return rec.value;
}

describe('the trace records angular updates (trace.json rotations)', () => {
  it('measures the angle between consecutive logged steps', () => {
    const trace = rotating(20, 1);
    const rot = trace.rotations!['w']!;
    expect(rot[0]).toBeNaN();
    for (let s = 1; s < 20; s++) expect(rot[s]).toBeCloseTo(0.01 * s, 5);
    expect(trace.norms['w']![5]).toBeCloseTo(2.5, 5);
  });

  it('keeps per-step angles when long runs keep every k-th step', () => {
    // 3000 logged steps keep every 3rd (≤ 1000 points); each kept angle is still to the step before it.
    const trace = rotating(3000, 1);
    expect(trace.steps.slice(0, 3)).toEqual([0, 3, 6]);
    const rot = trace.rotations!['w']!;
    expect(rot[0]).toBeNaN();
    // Angles wrap around π; compare those below it.
    for (const [i, step] of [[1, 3], [2, 6], [30, 90]] as const) expect(rot[i]).toBeCloseTo(0.01 * step, 4);
  });

  it('computes small angles without cancellation', () => {
    const a = [1, 0, 0];
    const tiny = 1e-7;
    expect(angleBetween(a, [Math.cos(tiny), Math.sin(tiny), 0])).toBeCloseTo(tiny, 13);
    expect(angleBetween(a, [-1, 0, 0])).toBeCloseTo(Math.PI, 12);
    expect(angleBetween(a, [0, 0, 0])).toBeNaN();
    expect(angleBetween([3, 4], [6, 8])).toBe(0);
  });
});

describe('layer measurements', () => {
  it('derives the effective learning rate and late means', () => {
    const trace = rotating(100, 1);
    const s = layerSeries(trace, 'w', 0.01)!;
    expect(s.effectiveLr[10]).toBeCloseTo(0.01 / 9, 6);
    const late = lateStats(s);
    expect(late.from).toBe(100 - 100 * LATE_FRACTION);
    const norms = Array.from({ length: 25 }, (_, i) => 2 + (75 + i) / 10);
    expect(late.norm).toBeCloseTo(norms.reduce((a, b) => a + b, 0) / 25, 5);
    expect(late.angle).toBeCloseTo(0.01 * 87, 4);
    expect(late.normDrift).toBeGreaterThan(0);
    expect(layerSeries(trace, 'missing', 0.01)).toBeNull();
    expect(layerSeries({ ...trace, rotations: undefined }, 'w', 0.01)).toBeNull();
  });

  it('smooths with a centered moving average that skips NaN', () => {
    expect(movingAverage([Number.NaN, 2, 4, 6, 8], 3)).toEqual([2, 3, 4, 6, 7]);
    expect(movingAverage([1, 2], 1)).toEqual([1, 2]);
  });
});
