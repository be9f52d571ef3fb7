import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, formatHash, nameFilter, parseHash } from './url-state.js';

describe('URL view state', () => {
  it('an empty hash is the default state, and the default state is a bare view', () => {
    expect(parseHash('')).toEqual(DEFAULT_STATE);
    expect(formatHash(DEFAULT_STATE)).toBe('#/scalars');
  });

  it('round-trips every field, run names with commas and = included', () => {
    const s = {
      ...DEFAULT_STATE,
      view: 'compare' as const,
      runFilter: 'wd=0\\.1$',
      tagFilter: 'loss|eval',
      smoothing: 0.85,
      xAxis: 'relative' as const,
      yScale: 'log' as const,
      tag: 'linears.0.weight_data',
      mode: 'overlay' as const,
      step: 420,
      compare: ['wd=0.01', 'a,b'],
      sort: 'hp:lr',
      desc: true,
      rowFilter: 'adam',
    };
    const hash = formatHash(s);
    expect(parseHash(hash)).toEqual(s);
    expect(parseHash(hash.slice(1))).toEqual(s);
  });

  it('reads invalid values as the defaults', () => {
    const s = parseHash('#/nope?smoothing=2&x=sideways&y=cubic&mode=3d&step=abc');
    expect(s.view).toBe('scalars');
    expect(s.smoothing).toBe(DEFAULT_STATE.smoothing);
    expect(s.xAxis).toBe('step');
    expect(s.yScale).toBe('linear');
    expect(s.mode).toBe('offset');
    expect(s.step).toBeNull();
  });

  it('name filters are case-insensitive regular expressions; a broken one matches nothing and says why', () => {
    expect(nameFilter('').test('anything')).toBe(true);
    expect(nameFilter('WD=0\\.1$').test('wd=0.1')).toBe(true);
    expect(nameFilter('WD=0\\.1$').test('wd=0.01')).toBe(false);
    const broken = nameFilter('(');
    expect(broken.test('(')).toBe(false);
    expect(broken.error).toMatch(/regular expression|Unterminated|unterminated/i);
  });
});
