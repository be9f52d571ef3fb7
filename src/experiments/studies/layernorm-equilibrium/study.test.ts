import { describe, expect, it } from 'vitest';
import { decayModeOf } from '../../config/names.js';
import { anyStudy } from '../../study/types.js';
import { asHtml, expectSelfContained, runSmall } from '../test-support/small-run.js';
import { ANGLE_TOLERANCE, NORM_FACTOR } from './analysis.js';
import { EQUILIBRIUM_SIZES, equilibriumPlan } from './plan.js';
import { layernormEquilibrium, outputWeight, type EquilibriumStudyResult } from './study.js';

describe('layernorm-equilibrium study', () => {
  it('plans AdamW runs that log every step of bias-free Linear → LayerNorm layers', () => {
    const plan = equilibriumPlan({ seeds: 1, quick: true });
    expect(plan.map((r) => r.hparams['weightDecay'])).toEqual([...EQUILIBRIUM_SIZES.small.weightDecays]);
    const c = plan[0]!.config;
    expect(c.logging.every).toBe(1);
    expect(c.optimizer).toMatchObject({ name: 'adamw', betas: [0.9, 0.999] });
    expect(decayModeOf(c.optimizer)).toBe('decoupled');
    expect(outputWeight(c.model)).toBe('layers.9.weight');
  });

  it('runs end to end at the small size: angular updates and norms approach the AdamW equilibrium', async () => {
    const { outcome, html } = await runSmall(anyStudy(layernormEquilibrium));
    const { analysis, verdict } = outcome.analysis as EquilibriumStudyResult;
    const [low, high] = analysis.decays;
    expect([low!.weightDecay, high!.weightDecay]).toEqual([0.25, 1]);
    for (const d of analysis.decays) {
      const invariant = d.layers.filter((l) => l.scaleInvariant);
      expect(invariant.map((l) => l.name)).toEqual(['layers.0.weight', 'layers.3.weight', 'layers.6.weight']);
      for (const l of invariant) {
        // The stated tolerances: angle within ±30% of √(2ηλ(1−β₁)/(1+β₁)), norm within ×÷2 of √(ηC/2λ).
        expect(Math.abs(l.ratio.angle - 1)).toBeLessThanOrEqual(ANGLE_TOLERANCE);
        expect(l.ratio.norm).toBeGreaterThanOrEqual(1 / NORM_FACTOR);
        expect(l.ratio.norm).toBeLessThanOrEqual(NORM_FACTOR);
      }
      // The output layer is not scale-invariant and rotates far slower than the prediction.
      const out = d.layers.find((l) => !l.scaleInvariant)!;
      expect(out.angle).toBeLessThan(0.6 * invariant[0]!.predicted!.angle);
    }
    // Larger λ, smaller norms, layer by layer; and a faster rotation.
    for (const l of high!.layers.filter((x) => x.scaleInvariant)) {
      const before = low!.layers.find((x) => x.name === l.name)!;
      expect(l.norm).toBeLessThan(before.norm);
      expect(l.angle).toBeGreaterThan(before.angle);
    }
    for (const c of analysis.scaleChecks) {
      expect(c.outputChange).toBeLessThan(2e-3);
      expect(Math.abs(c.gradScale * c.c - 1)).toBeLessThan(2e-3);
      expect(c.radial).toBeLessThan(1e-4);
    }
    expect(analysis.contrastChecks[0]!.outputChange).toBeGreaterThan(0.1);
    expect(verdict.anglesWithin).toBe(verdict.invariantLayers);
    expectSelfContained(html);
    expect(html).toContain('Norm, angular update and effective learning rate per layer');
    expect(html).toContain('Scale invariance, measured');
    expect(html).toContain('Final parameters compared (seed 0');
    expect(html).toContain('class="table comparison"');
    expect(html).toContain('layers.3.weight angular update per step (moving average)');
    expect((html.match(/predicted<\/title>/g) ?? []).length).toBe(3 * 3 * 2);
    expect(html).toContain(asHtml(verdict.sentences[2]!));
  }, 120_000);
});
