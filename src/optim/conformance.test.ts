/**
 * The shared conformance suite: every optimizer configuration of PyTorch's reference data
 * (../shared/fixtures/torch/optim.json, PyTorch 1.13, 60 steps each, one case with two param groups)
 * runs through the same test; parameters must stay within 1e-5 of PyTorch's after every step.
 */
import { describe, expect, it } from 'vitest';
import { compareArrays } from '../../test/fixtures.js';
import { OPTIMIZERS, buildCase, loadOptimFixture, setFixtureGrads } from './test-support/optim-fixture.js';

const fixture = loadOptimFixture();

describe('optimizers match PyTorch 1.13 step by step', () => {
  it('the reference data covers every PyTorch-shaped optimizer, and each has a class', () => {
    expect(new Set(fixture.cases.map((c) => c.optimizer))).toEqual(new Set(Object.keys(OPTIMIZERS)));
    expect(fixture.cases.some((c) => c.param_groups !== undefined)).toBe(true);
  });

  it.each(fixture.cases.map((c, i) => [`${c.optimizer} ${JSON.stringify(c.options)}${c.param_groups ? ' with param groups' : ''} (#${i})`, c] as const))(
    '%s',
    (_name, c) => {
      const { params, optimizer } = buildCase(fixture, c);
      expect(c.trajectory).toHaveLength(fixture.grads.length);
      c.trajectory.forEach((expected, t) => {
        setFixtureGrads(fixture, params, t);
        optimizer.step();
        params.forEach((p, i) => {
          const problem = compareArrays(p.data, expected[i]!, 0, 1e-5);
          if (problem !== null) throw new Error(`step ${t}, param ${i}: ${problem}`);
        });
      });
    },
  );
});
