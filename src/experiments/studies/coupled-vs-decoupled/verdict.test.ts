import { describe, expect, it } from 'vitest';
import { analyzeCoupled, type CoupledRunInput } from './analysis.js';
import { gridResolution, type Movement, movementOf } from './movement.js';
import type { CoupledOptimizer } from './plan.js';
import { type CoupledVerdict, coupledVerdict, MOVEMENT_WORDS } from './verdict.js';

const DECADE_LRS = [0.001, 0.01, 0.1];
const DECADE_WDS = [0, 1e-4, 0.001, 0.01, 0.1, 1, 10];
const SMALL_LRS = [0.01, 0.03];
const SMALL_WDS = [0, 0.001, 0.01, 0.1, 1, 10];
const FULL_LRS = [0.001, 0.003, 0.01, 0.03];
const FULL_WDS = [0, 1e-5, 3e-5, 1e-4, 3e-4, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];

/** Validation losses that are a parabola in log10 λ around `best(optimizer, lr, i)` (a grid value); λ = 0 is worst. */
function grid(lrs: readonly number[], wds: readonly number[], best: (optimizer: CoupledOptimizer, lr: number, i: number) => number): CoupledRunInput[] {
  return (['adam', 'adamw'] as const).flatMap((optimizer) =>
    lrs.flatMap((lr, i) =>
      wds.map((weightDecay): CoupledRunInput => {
        const d = weightDecay === 0 ? 20 : Math.log10(weightDecay) - Math.log10(best(optimizer, lr, i));
        return { optimizer, lr, weightDecay, valLoss: 0.2 + 0.05 * d * d, valAccuracy: 0.9, diverged: false };
      }),
    ),
  );
}

const SUBJECTS = { adam: "Adam+L2's best λ", adamwPerStep: "AdamW's best λ_LH" } as const;
const OWN_SENTENCE = { adam: /^Adam\+L2: .*?; it (does not move|shifts by about one grid step|moves) /, adamw: /^AdamW in PyTorch's .*?; it (does not move|shifts by about one grid step|moves) /, adamwPerStep: /^AdamW in Loshchilov .*?; it (does not move|shifts by about one grid step|moves) / } as const;

/**
 * The verdict's sentences agree with each other and with the numbers: each parameterisation's own
 * sentence and every later mention of it use the words of the movement its spread has; exactly one
 * conclusion about the claim is stated, and it is the one `claim` names.
 */
function expectConsistent(v: CoupledVerdict, spreads: { adam: number; adamw: number; adamwPerStep: number }, wds: readonly number[]): void {
  const r = gridResolution(wds);
  const text = v.sentences.join(' ');
  for (const key of ['adam', 'adamw', 'adamwPerStep'] as const) {
    const expected: Movement = movementOf(spreads[key], r);
    expect(v.movement?.[key]).toBe(expected);
    const own = v.sentences.map((s) => OWN_SENTENCE[key].exec(s)?.[1]).filter((m) => m !== undefined);
    expect(own).toEqual([MOVEMENT_WORDS[expected]]);
  }
  for (const key of ['adam', 'adamwPerStep'] as const) {
    const mentions = [...text.matchAll(new RegExp(`${SUBJECTS[key].replace('+', '\\+')} (does not move|shifts by about one grid step|moves)`, 'g'))].map((m) => m[1]);
    expect(mentions.length).toBeGreaterThan(0);
    for (const m of mentions) expect(m).toBe(MOVEMENT_WORDS[v.movement![key]]);
  }
  const conclusions = { supported: "claim reproduces", 'not-supported': 'does not reproduce', unresolved: 'cannot resolve' } as const;
  for (const [claim, phrase] of Object.entries(conclusions)) expect(text.includes(phrase)).toBe(claim === v.claim);
  if (v.claim === 'supported') expect([v.movement?.adamwPerStep, v.movement?.adam]).toEqual(['flat', 'moves']);
  if (v.claim === 'not-supported' && v.movement?.adamwPerStep === 'flat') expect(text).toContain('as claimed, but');
}

function verdictOf(lrs: readonly number[], wds: readonly number[], best: (optimizer: CoupledOptimizer, lr: number, i: number) => number): CoupledVerdict {
  const a = analyzeCoupled(grid(lrs, wds, best));
  const [adam, adamw] = [a.grids[0]!, a.grids[1]!];
  const v = coupledVerdict(a);
  expectConsistent(v, { adam: adam.spread, adamw: adamw.spread, adamwPerStep: adamw.spreadPerStep }, wds);
  return v;
}

describe('coupled-vs-decoupled verdict', () => {
  it('says the claim reproduces when AdamW’s λ_LH stays put and Adam+L2’s λ moves', () => {
    const v = verdictOf(DECADE_LRS, DECADE_WDS, (o, lr) => (o === 'adam' ? lr : 1e-4 / lr));
    expect(v.claim).toBe('supported');
    const text = v.sentences.join(' ');
    expect(text).toContain('the best λ (lowest validation loss) is 0.001 at lr 0.001, 0.01 at lr 0.01, 0.1 at lr 0.1; it moves (spread 2 decades, more than one grid step of 1 decade): it rises with the learning rate.');
    expect(text).toContain('the best λ_LH is 1e-4 at lr 0.001, 1e-4 at lr 0.01, 1e-4 at lr 0.1; it does not move (spread 0 decades, under one grid step of 1 decade).');
    expect(text).toContain("Loshchilov & Hutter's claim reproduces: AdamW's best λ_LH does not move (0 decades), while Adam+L2's best λ moves (2 decades)");
  });

  it('says it does not reproduce when both move, and which moves more', () => {
    const same = verdictOf(DECADE_LRS, DECADE_WDS, (o, lr) => (o === 'adam' ? lr : 0.1));
    expect(same.claim).toBe('not-supported');
    expect(same.sentences.join(' ')).toContain("AdamW's best λ_LH moves (2 decades), and Adam+L2's best λ moves (2 decades), within a grid step of each other: decoupling did not make");
    expect(same.sentences.join(' ')).toContain("Here it is PyTorch's λ (decay η·λ per step) that does not move (0 decades)");
    const less = verdictOf(DECADE_LRS, DECADE_WDS, (o, lr) => (o === 'adam' ? 100 * lr * lr : 0.1));
    expect(less.claim).toBe('not-supported');
    expect(less.sentences.join(' ')).toContain("Adam+L2's best λ moves (4 decades), more than a grid step further: decoupling reduced the dependence");
    const more = verdictOf(DECADE_LRS, DECADE_WDS, (o, lr) => (o === 'adam' ? lr : 100 * lr));
    expect(more.claim).toBe('not-supported');
    expect(more.sentences.join(' ')).toContain("AdamW's best λ_LH moves (4 decades), more than a grid step further than Adam+L2's best λ moves (2 decades): decoupling made the best decay more dependent");
    const opposite = verdictOf(DECADE_LRS, DECADE_WDS, (o) => (o === 'adam' ? 0.01 : 0.1));
    expect(opposite.claim).toBe('not-supported');
    expect(opposite.sentences.join(' ')).toContain("while Adam+L2's best λ does not move (0 decades): the opposite of the claim");
  });

  it('does not count a stay-put λ_LH against the claim, but does count an Adam+L2 λ that stays put over a wide lr range', () => {
    const v = verdictOf(DECADE_LRS, DECADE_WDS, (o, lr) => (o === 'adam' ? 0.01 : 1e-4 / lr));
    expect(v.claim).toBe('not-supported');
    expect(v.sentences.join(' ')).toContain("AdamW's best λ_LH does not move (0 decades), as claimed, but Adam+L2's best λ does not move (0 decades) either, although the learning rates span 2 decades");
  });

  it('says the grid cannot resolve a spread of one grid step', () => {
    const adam = verdictOf(DECADE_LRS, DECADE_WDS, (o, lr, i) => (o === 'adam' ? (i < 2 ? 0.01 : 0.1) : 1e-4 / lr));
    expect(adam.claim).toBe('unresolved');
    expect(adam.sentences[0]).toContain('it shifts by about one grid step (spread 1 decade; grid step 1 decade), which this grid cannot tell from no move');
    expect(adam.sentences.join(' ')).toContain("This grid cannot resolve Loshchilov & Hutter's claim either way: AdamW's best λ_LH does not move (0 decades) and Adam+L2's best λ shifts by about one grid step (1 decade)");
    const adamw = verdictOf(DECADE_LRS, DECADE_WDS, (o, lr, i) => (o === 'adam' ? lr : [1, 0.1, 0.1][i]!));
    expect(adamw.claim).toBe('unresolved');
    expect(adamw.movement).toEqual({ adam: 'moves', adamw: 'one-step', adamwPerStep: 'one-step' });
  });

  it('is unresolved, not "does not move … does not reproduce", when the lrs span less than a grid step (the small size)', () => {
    // The audited small-size run: λ 0.01 (Adam+L2) and 1 (AdamW) at both lr 0.01 and 0.03.
    const v = verdictOf(SMALL_LRS, SMALL_WDS, (o) => (o === 'adam' ? 0.01 : 1));
    expect(v.claim).toBe('unresolved');
    const text = v.sentences.join(' ');
    expect(text).toContain('the best λ_LH is 0.01 at lr 0.01, 0.03 at lr 0.03; it does not move (spread 0.48 decades, under one grid step of 1 decade).');
    expect(text).toContain('the learning rates span only 0.48 decades, no more than one λ grid step (1 decade)');
    expect(text).not.toContain('does not reproduce');
    expect(text).not.toContain("Here it is PyTorch's λ");
  });

  it('reads the half-decade full grid: a 0.52-decade Adam+L2 spread is one step, AdamW’s λ_LH moves 1.48 decades', () => {
    const v = verdictOf(FULL_LRS, FULL_WDS, (o, lr) => (o === 'adamw' ? 3 : lr === 0.001 ? 0.003 : 0.01));
    expect(v.claim).toBe('not-supported');
    const text = v.sentences.join(' ');
    expect(text).toContain('it shifts by about one grid step (spread 0.52 decades; grid step 0.48–0.52 decades)');
    expect(text).toContain("Loshchilov & Hutter's claim does not reproduce at this scale: AdamW's best λ_LH moves (1.48 decades), while Adam+L2's best λ shifts by about one grid step (0.52 decades), which this grid cannot tell from no move.");
    expect(text).toContain('it rises with the learning rate');
  });

  it('never contradicts itself over every combination of best λs on four grids', () => {
    const cases: [readonly number[], readonly number[]][] = [
      [SMALL_LRS, SMALL_WDS],
      [DECADE_LRS, DECADE_WDS],
      [FULL_LRS.slice(0, 2), FULL_WDS],
      [FULL_LRS.slice(1, 3), FULL_WDS],
    ];
    const claims = new Set<string>();
    for (const [lrs, wds] of cases) {
      const positive = wds.filter((w) => w > 0).slice(1, 5);
      const combos = (n: number): number[][] => (n === 0 ? [[]] : combos(n - 1).flatMap((c) => positive.map((_, j) => [...c, j])));
      for (const adam of combos(lrs.length)) {
        for (const adamw of combos(lrs.length)) {
          const v = verdictOf(lrs, wds, (o, _lr, i) => positive[(o === 'adam' ? adam : adamw)[i]!]!);
          claims.add(v.claim);
        }
      }
    }
    expect([...claims].sort()).toEqual(['not-supported', 'supported', 'unresolved']);
  }, 60_000);

  it('names λ = 0 when no decay was best and is undecided with one learning rate', () => {
    const runs = grid(DECADE_LRS, DECADE_WDS, () => 0.01).map((r) => (r.weightDecay === 0 && r.optimizer === 'adamw' && r.lr === 0.1 ? { ...r, valLoss: 0.1 } : r));
    expect(coupledVerdict(analyzeCoupled(runs)).sentences.join(' ')).toContain('No decay was best for AdamW at lr 0.1');
    const one = coupledVerdict(analyzeCoupled(grid(DECADE_LRS, DECADE_WDS, () => 0.01).filter((r) => r.lr === 0.01)));
    expect(one.claim).toBe('undecided');
    expect(one.movement).toBeNull();
    expect(one.sentences[0]).toContain('Too few finished cells');
  });

  it('says when the λ = 0 losses of both optimizers agree', () => {
    expect(verdictOf(SMALL_LRS, SMALL_WDS, () => 0.01).sentences.join(' ')).toContain('validation losses agree exactly');
  });
});
