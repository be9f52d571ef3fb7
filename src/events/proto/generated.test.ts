import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../../test/fixtures.js';

describe('generated protobuf code', () => {
  it('is up to date with proto/tensorboard/*.proto (regenerate with `npm run gen:proto`)', () => {
    const out = mkdtempSync(join(tmpdir(), 'decaylab-proto-'));
    try {
      execFileSync(join(projectRoot, 'node_modules', '.bin', 'buf'), ['generate', 'proto', '--template', 'proto/buf.gen.yaml', '--output', out], {
        cwd: projectRoot,
        stdio: 'pipe',
      });
      const committedDir = join(projectRoot, 'src', 'events', 'proto', 'tensorboard');
      const freshDir = join(out, 'src', 'events', 'proto', 'tensorboard');
      const names = readdirSync(committedDir).filter((n) => n.endsWith('_pb.ts')).sort();
      expect(readdirSync(freshDir).sort()).toEqual(names);
      for (const name of names) expect(readFileSync(join(committedDir, name), 'utf8'), name).toBe(readFileSync(join(freshDir, name), 'utf8'));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
