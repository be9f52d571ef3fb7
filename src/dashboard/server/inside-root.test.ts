import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isInside, realPathInside, resolveLogDirRoot } from './inside-root.js';

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

  it('resolves a log dir root only once it exists as a folder, through symlinks', () => {
    const base = realpathSync(mkdtempSync(join(tmpdir(), 'decaylab-root-')));
    const logs = join(base, 'link', 'logs');
    expect(resolveLogDirRoot(logs)).toEqual({ kind: 'missing' });
    symlinkSync(join(base, 'real'), join(base, 'link')); // dangling until `real` exists
    expect(resolveLogDirRoot(logs)).toEqual({ kind: 'missing' });
    mkdirSync(join(base, 'real', 'logs'), { recursive: true });
    expect(resolveLogDirRoot(logs)).toEqual({ kind: 'folder', real: join(base, 'real', 'logs') });
    writeFileSync(join(base, 'file'), 'x');
    expect(resolveLogDirRoot(join(base, 'file'))).toEqual({ kind: 'unusable', reason: 'is a file, not a folder' });
    expect(resolveLogDirRoot(join(base, 'file', 'logs'))).toEqual({ kind: 'unusable', reason: 'is not a folder: a part of its path is a file' });
    symlinkSync(join(base, 'file'), join(base, 'file-link'));
    expect(resolveLogDirRoot(join(base, 'file-link'))).toEqual({ kind: 'unusable', reason: 'is a file, not a folder' });
  });
});
