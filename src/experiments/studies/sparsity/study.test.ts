import { describe, expect, it } from 'vitest';
import { anyStudy } from '../../study/types.js';
import { asHtml, expectSelfContained, runSmall } from '../test-support/small-run.js';
import { cellAt } from './analysis.js';
import { SPARSITY_MODES, SPARSITY_SIZES, sparsityPlan } from './plan.js';
import { sparsity, type SparsityStudyResult } from './study.js';

describe('sparsity study', () => {
  it('plans a baseline and each mode at the same λ values', () => {
    const plan = sparsityPlan({ seeds: 2, quick: true });
    const s = SPARSITY_SIZES.small;
    expect(plan).toHaveLength(2 * (1 + s.weightDecays.length * SPARSITY_MODES.length));
    expect(plan[0]!.hparams).toEqual({ decay: 'none', weightDecay: 0, seed: 0 });
    expect(plan[0]!.config.optimizer).toMatchObject({ name: 'sgd', weightDecay: 0, momentum: 0.9 });
    const prox = plan.find((r) => r.hparams['decay'] === 'l1-proximal')!;
    expect(prox.config.optimizer).toMatchObject({ decay: 'l1-proximal', weightDecay: s.weightDecays[0] });
  });

  it('runs end to end at the small size: L1-proximal yields exact zeros, L2 and the L1 subgradient none', async () => {
    const { outcome, html } = await runSmall(anyStudy(sparsity));
    const { analysis, verdict } = outcome.analysis as SparsityStudyResult;
    const top = analysis.weightDecays[analysis.weightDecays.length - 1]!;
    for (const wd of analysis.weightDecays) {
      expect(cellAt(analysis, 'l2', wd)!.exactZeros).toBe(0);
      expect(cellAt(analysis, 'l1', wd)!.exactZeros).toBe(0);
      expect(cellAt(analysis, 'l1-proximal', wd)!.exactZeros).toBeGreaterThan(0);
    }
    const prox = cellAt(analysis, 'l1-proximal', top)!;
    expect(prox.zeroShare).toBeGreaterThan(0.1);
    // The stronger the proximal step, the more zeros.
    expect(prox.zeroShare).toBeGreaterThan(cellAt(analysis, 'l1-proximal', analysis.weightDecays[0]!)!.zeroShare);
    // The L1 subgradient drives weights near zero without reaching it.
    expect(cellAt(analysis, 'l1', top)!.nearZeroShare).toBeGreaterThan(2 * cellAt(analysis, 'l2', top)!.nearZeroShare);
    expect(verdict.sparsifying).toEqual(['l1-proximal']);
    expect(Number.isFinite(prox.accuracyChange)).toBe(true);
    expectSelfContained(html);
    expect(html).toContain('Exact zeros and accuracy');
    expect(html).toContain(`data-value="${prox.zeroShare}"`);
    expect(html).toContain('Final parameters compared (seed 0)');
    expect(html).toContain('Weight histograms over training');
    expect(html).toContain(asHtml(verdict.sentences[0]!));
  }, 120_000);
});
