import { describe, expect, it } from 'vitest';
import { compareRuns } from '../analysis/comparison.js';
import { parameterStats } from '../analysis/parameter-stats.js';
import { renderPage } from './layout.js';
import { decimate, lineChart } from './line-chart.js';
import { ridgeline, snapshotRange } from './ridgeline.js';
import { esc, niceTicks } from './svg.js';
import { comparisonTableHtml, htmlTable } from './table.js';

describe('line chart', () => {
  it('draws one path per series, breaking it at non-finite values', () => {
    const svg = lineChart({ series: [{ label: 'a<b', color: '#123456', x: [0, 1, 2, 3], y: [1, NaN, 3, 4] }], xLabel: 'step', yLabel: 'loss' });
    const d = /<path d="([^"]*)"[^>]*data-series="a&lt;b"/.exec(svg)![1]!;
    expect(d.match(/M/g)).toHaveLength(2);
    expect(d.match(/L/g)).toHaveLength(1);
    expect(svg).toContain('stroke="#123456"');
  });

  it('uses powers of ten on a log axis and says when there is no data', () => {
    const svg = lineChart({ series: [{ label: 'l', color: '#000', x: [0, 1], y: [0.01, 1000] }], xLabel: 'x', yLabel: 'y', logY: true });
    for (const t of ['0.01', '0.1', '1', '10', '100', '1000']) expect(svg).toContain(`>${t}</text>`);
    expect(svg).toContain('y (log)');
    expect(lineChart({ series: [], xLabel: 'x', yLabel: 'y' })).toContain('no data');
  });

  it('decimates long series keeping each column’s extremes', () => {
    const x = Array.from({ length: 10000 }, (_, i) => i);
    const y = x.map((i) => (i === 5000 ? 100 : Math.sin(i)));
    const d = decimate(x, y, 100);
    expect(d.x.length).toBeLessThanOrEqual(200);
    expect(Math.max(...d.y)).toBe(100);
    expect(d.x).toEqual([...d.x].sort((a, b) => a - b));
    expect(decimate([0, 1], [1, 2], 10)).toEqual({ x: [0, 1], y: [1, 2] });
  });

  it('picks nice ticks', () => {
    expect(niceTicks(0, 1000, 5)).toEqual([0, 200, 400, 600, 800, 1000]);
    expect(niceTicks(-0.3, 0.3, 4)).toEqual([-0.2, 0, 0.2]);
  });
});

describe('ridgeline', () => {
  it('draws one filled path per snapshot on a shared range', () => {
    const snaps = [
      { step: 0, min: -1, max: 1, counts: [1, 2, 1] },
      { step: 10, min: -2, max: 2, counts: [0, 4, 0] },
    ];
    expect(snapshotRange(snaps)).toEqual([-2, 2]);
    const svg = ridgeline({ snapshots: snaps, xMin: -2, xMax: 2, color: '#f00' });
    expect(svg.match(/data-step="/g)).toHaveLength(2);
    expect(svg).toContain('data-step="10"');
    expect(ridgeline({ snapshots: [], xMin: 0, xMax: 1, color: '#f00' })).toContain('no data');
  });
});

describe('tables and page', () => {
  it('escapes text and right-aligns numbers', () => {
    const html = htmlTable(['name', 'value'], [['<b>', '1.5e-3'], ['x', '12.0%']]);
    expect(html).toContain('<td>&lt;b&gt;</td><td class="num">1.5e-3</td>');
    expect(html).toContain('<td class="num">12.0%</td>');
    expect(esc(`"'&`)).toBe('&quot;&#39;&amp;');
  });

  it('lays the comparison out by statistic, then run', () => {
    const run = (label: string, v: number) => ({ label, weightDecay: v, decay: 'l2', finalLoss: v, params: [parameterStats('w', [v, -2 * v], [2])] });
    const html = comparisonTableHtml(compareRuns([run('λ=1', 1), run('λ=2', 2)]));
    expect(html).toContain('<th colspan="2" class="group">L2 norm</th>');
    expect(html).toContain(`>${Math.sqrt(5).toPrecision(4)}<`);
    expect(html).toContain('<td>total (√Σ‖p‖²)</td>');
  });

  it('makes a self-contained page with a table of contents', () => {
    const page = renderPage({ title: 'T & t', subtitle: 's', sections: [{ id: 'one', title: 'One', html: '<p>x</p>' }] });
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).toContain('<title>T &amp; t</title>');
    expect(page).toContain('<a href="#one">One</a>');
    expect(page).not.toMatch(/https?:|<script|<link/);
  });
});
