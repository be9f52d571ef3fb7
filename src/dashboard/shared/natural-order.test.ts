import { describe, expect, it } from 'vitest';
import { naturalCompare } from './natural-order.js';

describe('naturalCompare', () => {
  it('orders numbers inside names by value, decimals included', () => {
    expect(['run10', 'run2', 'run1'].sort(naturalCompare)).toEqual(['run1', 'run2', 'run10']);
    expect(['wd=1', 'wd=0.1', 'wd=0.01'].sort(naturalCompare)).toEqual(['wd=0.01', 'wd=0.1', 'wd=1']);
    expect(['linears.10.weight', 'linears.2.bias', 'linears.2.weight'].sort(naturalCompare)).toEqual(['linears.2.bias', 'linears.2.weight', 'linears.10.weight']);
    expect(naturalCompare('a', 'a')).toBe(0);
    expect(naturalCompare('a', 'a1')).toBeLessThan(0);
  });
});
