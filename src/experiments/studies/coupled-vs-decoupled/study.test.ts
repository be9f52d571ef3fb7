import { describe, expect, it } from 'vitest';
import { anyStudy } from '../../study/types.js';
import { asHtml, expectSelfContained, runSmall } from '../test-support/small-run.js';
import type { CoupledStudyResult } from './study.js';
import { coupledVsDecoupled } from './study.js';
import { COUPLED_SIZES, coupledPlan } from './plan.js';

describe('coupled-vs-decoupled study', () => {
  it('plans optimizer × lr × λ × seed with validated configs', () => {
    const plan = coupledPlan({ seeds: 2, quick: true });
    const s = COUPLED_SIZES.small;
    expect(plan).toHaveLength(2 * s.lrs.length * s.weightDecays.length * 2);
    expect(new Set(plan.map((r) => r.group)).size).toBe(plan.length / 2);
    const adamw = plan.find((r) => r.hparams['optimizer'] === 'adamw')!;
    expect(adamw.config.optimizer).toMatchObject({ name: 'adamw', decay: 'decoupled' });
    expect(plan[0]!.config.optimizer).toMatchObject({ name: 'adam', decay: 'l2' });
    expect(plan[0]!.config.dataset).toMatchObject({ name: 'moons', seed: 0 });
    expect(coupledPlan({ seeds: 1, quick: false })).toHaveLength(2 * 4 * 14);
  });

  it('runs end to end at the small size: decay helps both, AdamW needs a larger λ, λ = 0 is one algorithm', async () => {
    const { outcome, html, saved } = await runSmall(anyStudy(coupledVsDecoupled));
    const { analysis, verdict } = outcome.analysis as CoupledStudyResult;
    expect(analysis.finished).toBe(analysis.runs);
    // With λ = 0, Adam+L2 and AdamW are the same algorithm: identical validation losses.
    expect(analysis.zeroDecayDifference).toBe(0);
    const [adam, adamw] = analysis.grids;
    for (const g of [adam!, adamw!]) {
      for (const b of g.best) {
        // Few points and a wide MLP overfit: the best decay beats no decay clearly.
        expect(b.weightDecay).toBeGreaterThan(0);
        expect(b.valLoss).toBeLessThan(0.95 * b.valLossAtZero);
      }
    }
    // AdamW's λ is multiplied by the lr before it acts; Adam+L2's is not: AdamW's best λ is larger.
    analysis.lrs.forEach((_lr, i) => expect(adamw!.best[i]!.weightDecay).toBeGreaterThan(adam!.best[i]!.weightDecay));
    expect(['supported', 'not-supported', 'unresolved']).toContain(verdict.claim);
    // The small lrs (0.01, 0.03) span 0.48 decades, under one λ step (1 decade): unless a best λ
    // moves by more than a grid step, the verdict must say the grid cannot resolve the claim.
    if (verdict.movement!.adam !== 'moves' && verdict.movement!.adamwPerStep !== 'moves') {
      expect(verdict.claim).toBe('unresolved');
      expect(verdict.sentences.join(' ')).not.toContain('does not reproduce');
    }
    expect(outcome.summary.join('\n')).toContain(verdict.sentences[0]);
    expect(saved).toEqual(JSON.parse(JSON.stringify(outcome.analysis)));
    expectSelfContained(html);
    expect(html).toContain('Validation loss over learning rate × λ');
    expect((html.match(/class="chart heatmap"/g) ?? []).length).toBe(2);
    expect(html).toContain(`data-value="${adam!.best[0]!.valLoss}"`);
    expect(html).toContain('Weight histograms over training');
    expect(html).toContain('Final parameters compared (seed 0');
    expect(html).toContain('class="table comparison"');
    for (const s of verdict.sentences) expect(html).toContain(asHtml(s));
  }, 120_000);
});
