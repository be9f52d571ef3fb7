import { describe, expect, it } from 'vitest';
import { barChart } from './bar-chart.js';
import { decadeOf, gridStepOf } from './decades.js';
import { finiteRange, heatmap, rampColor } from './heatmap.js';
import { gridValue, lambdaLabel, verdictHtml } from './html.js';
import { groupBy, sortedUnique } from './runs.js';

describe('heatmap', () => {
  it('draws one cell per value with its number, marks, and diverged or missing cells', () => {
    const svg = heatmap({ rows: ['a', 'b<'], cols: ['x', 'y'], values: [[0.5, 2], [Infinity, Number.NaN]], rowTitle: 'r', colTitle: 'c', logColor: true, marks: [[0, 1]] });
    expect((svg.match(/<rect /g) ?? []).length).toBe(4);
    expect(svg).toContain('data-row="0" data-col="0" data-value="0.5"');
    expect(svg).toMatch(/stroke="#111827" stroke-width="2.5" data-row="0" data-col="1" data-value="2"/);
    expect(svg).toContain('data-value="Infinity"');
    expect(svg).toContain('>div</text>');
    expect(svg).toContain('fill="#e5e7eb"');
    expect(svg).toContain('b&lt;');
    expect(svg).not.toContain('b<');
    // The lowest value gets the ramp's first color, the highest its last.
    expect(svg).toContain(`fill="${rampColor(0)}"`);
    expect(svg).toContain(`fill="${rampColor(1)}"`);
    expect(finiteRange([[1, -2, Infinity], [Number.NaN]], true)).toEqual([1, 1]);
    expect(finiteRange([[Number.NaN]])).toBeNull();
  });
});

describe('bar chart', () => {
  it('draws a bar per finite value, labelled in percent', () => {
    const svg = barChart({ groups: ['g1', 'g2'], series: [{ label: 's', color: '#000', values: [0.25, Number.NaN] }, { label: 't', color: '#111', values: [0, 0.031] }], yLabel: 'y', xLabel: 'x', percent: true });
    expect((svg.match(/<rect x=/g) ?? []).length).toBe(3 + 1);
    expect(svg).toContain('data-series="s" data-group="g1" data-value="0.25"');
    expect(svg).toContain('>25%</text>');
    expect(svg).toContain('>3.1%</text>');
    expect(svg).not.toContain('data-group="g2" data-value="NaN"');
  });
});

describe('helpers', () => {
  it('format grid values, λ labels and verdicts', () => {
    expect([0, 1e-5, 3e-5, 0.001, 0.003, 0.1, 10, 12345].map(gridValue)).toEqual(['0', '1e-5', '3e-5', '0.001', '0.003', '0.1', '10', '1.23e4']);
    expect(lambdaLabel(0.1)).toBe('λ=0.1');
    expect(verdictHtml(['a < b'])).toBe('<div class="verdict"><p>a &lt; b</p></div>');
  });

  it('place λ = 0 one grid step below the grid and group in first-seen order', () => {
    expect(gridStepOf([0, 0.01, 0.1, 1])).toBeCloseTo(1, 12);
    expect(decadeOf(0, [0, 0.01, 0.1], 1)).toBeCloseTo(-3, 12);
    expect(decadeOf(0, [0], 1)).toBe(0);
    expect([...groupBy(['b1', 'a1', 'b2'], (s) => s[0]!).entries()]).toEqual([['b', ['b1', 'b2']], ['a', ['a1']]]);
    expect(sortedUnique([3, 1, 3, 2])).toEqual([1, 2, 3]);
  });
});
