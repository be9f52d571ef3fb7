import { describe, expect, it } from 'vitest';
import { anyStudy } from '../../study/types.js';
import { asHtml, expectSelfContained, runSmall } from '../test-support/small-run.js';
import { GENERALIZATION_SIZES, generalizationPlan } from './plan.js';
import { generalization, type GeneralizationStudyResult } from './study.js';

describe('generalization study', () => {
  it('plans λ × seed with evaluations during training', () => {
    const plan = generalizationPlan({ seeds: 2, quick: true });
    const s = GENERALIZATION_SIZES.small;
    expect(plan).toHaveLength(2 * s.weightDecays.length);
    expect(plan[0]!.config.training).toMatchObject({ epochs: s.epochs, batchSize: s.batchSize, evalEvery: s.evalEvery });
    expect(plan[0]!.config.dataset).toMatchObject({ name: 'fashion-mnist', trainSubset: s.trainSubset });
    expect(plan.map((r) => r.config.optimizer.weightDecay)).toEqual(s.weightDecays.flatMap((wd) => [wd, wd]));
  });

  it('runs end to end at the small size: λ = 0 overfits, a moderate λ narrows the gap, a large λ underfits', async () => {
    const { outcome, html } = await runSmall(anyStudy(generalization));
    const { analysis, verdict } = outcome.analysis as GeneralizationStudyResult;
    const [zero, moderate, large] = analysis.rows;
    expect([zero!.weightDecay, moderate!.weightDecay, large!.weightDecay]).toEqual([0, 1, 10]);
    // Without decay the subset is memorised: a large train–test gap, wider than with moderate decay.
    expect(zero!.trainAccuracy).toBeGreaterThan(0.95);
    expect(zero!.gap).toBeGreaterThan(0.3);
    expect(zero!.gap).toBeGreaterThan(1.1 * moderate!.gap);
    // Too much decay: the training data are no longer fit.
    expect(large!.trainLoss).toBeGreaterThan(2 * zero!.trainLoss);
    expect(large!.fit).toBe('underfits');
    expect(large!.testAccuracy).toBeLessThan(zero!.testAccuracy);
    expect(zero!.curve.steps.length).toBeGreaterThan(5);
    expectSelfContained(html);
    expect(html).toContain('Train vs test against λ');
    expect(html).toContain('Train and test loss during training, per λ');
    expect(html).toContain('Final parameters compared (seed 0');
    expect(html).toContain('class="table comparison"');
    expect(html).toContain(asHtml(verdict.sentences[0]!));
  }, 120_000);
});
