/**
 * Keeps the README true: its library example is the code of examples/readme-library.ts (every
 * line of the README's first TypeScript block appears there), and that example runs and does what
 * the README says; the quick start's commands exist (the `decaylab` bin, the `test` script).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadLogDir } from '../src/events/index.js';
import { projectRoot } from './fixtures.js';

const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
const example = readFileSync(join(projectRoot, 'examples', 'readme-library.ts'), 'utf8');
const tmp = mkdtempSync(join(tmpdir(), 'decaylab-readme-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function codeBlocks(lang: string): string[] {
  return [...readme.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);
}

describe('README', () => {
  it("the library example's code is examples/readme-library.ts's", () => {
    const first = codeBlocks('ts')[0]!;
    const lines = first
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '' && !l.startsWith('import '));
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) expect(example, `README line not in the example: ${line}`).toContain(line);
  });

  it('the example runs: the loss goes down, the gradient is [[2, 4, 6]], the event file reads back, a saved state dict restores the model', () => {
    const logDir = join(tmp, 'run');
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'examples/readme-library.ts', logDir], { cwd: projectRoot, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout.trim().split('\n').pop()!) as { loss: number; grad: number[][]; restored: boolean };
    expect(out.restored).toBe(true);
    expect(existsSync(join(logDir, 'model.safetensors'))).toBe(true);
    expect(out.loss).toBeLessThan(0.01);
    expect(out.grad).toEqual([[2, 4, 6]]);
    const run = loadLogDir(logDir).runs.get('.');
    expect(Array.from(run?.scalars.get('loss')?.values ?? [])).toEqual([Math.fround(out.loss)]);
    expect(run?.histograms.get('linears.0.weight_data')?.length).toBe(1);
  }, 60_000);

  it('the quick start names commands that exist', () => {
    const quick = codeBlocks('sh')[0]!;
    expect(quick).toContain('npm ci && npx decaylab demo');
    expect(quick).toContain('npm test');
    const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { bin: Record<string, string>; scripts: Record<string, string> };
    expect(pkg.bin['decaylab']).toBe('dist/cli/main.js');
    expect(pkg.scripts['test']).toContain('vitest run');
  });
});
