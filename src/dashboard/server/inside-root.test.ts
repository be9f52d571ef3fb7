import { mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { realpathSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isInside, realPathInside } from './inside-root.js';

describe('containment checks', () => {
  it('compares resolved paths', () => {
    expect(isInside('/logs', '/logs')).toBe(true);
    expect(isInside('/logs', '/logs/run/a')).toBe(true);
    expect(isInside('/logs', '/logs2/run')).toBe(false);
    expect(isInside('/logs', '/etc')).toBe(false);
    expect(isInside('/logs', '/logs/../etc')).toBe(false);
  });

  it('resolves symlinks before deciding', () => {
    const base = realpathSync(mkdtempSync(join(tmpdir(), 'decaylab-inside-')));
    const root = join(base, 'logs');
    mkdirSync(join(root, 'run'), { recursive: true });
    mkdirSync(join(base, 'outside'));
    symlinkSync(join(base, 'outside'), join(root, 'escape'));
    symlinkSync(join(root, 'run'), join(root, 'alias'));
    expect(realPathInside(root, join(root, 'run'))).toBe(join(root, 'run'));
    expect(realPathInside(root, join(root, 'alias'))).toBe(join(root, 'run'));
    expect(realPathInside(root, join(root, 'escape'))).toBeNull();
    expect(realPathInside(root, join(root, 'missing'))).toBeNull();
  });
});
