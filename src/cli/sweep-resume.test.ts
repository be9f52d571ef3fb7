/**
 * Kills a real `decaylab sweep` process (SIGKILL) midway and starts it again: the runs finished
 * before the kill are not redone (their files are byte-for-byte and mtime-identical), the run that
 * was cut off is redone cleanly, and the final table covers every run.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../test/fixtures.js';

const tmp = mkdtempSync(join(tmpdir(), 'decaylab-resume-'));
const config = join(tmp, 'sweep.json');
writeFileSync(
  config,
  JSON.stringify({ name: 'resume', model: { kind: 'article' }, dataset: { name: 'article' }, optimizer: { name: 'adam', lr: 0.01 }, training: { iterations: 400 } }),
);
const dir = join(tmp, 'sweep');
const args = ['--import', 'tsx', 'src/cli/main.ts', 'sweep', config, '--grid', 'optimizer.weightDecay=0,0.01,0.1', '--seeds', '2', '--jobs', '1', '--logdir', dir];

function start(): { child: ChildProcess; output: () => string; exit: Promise<number | null> } {
  const child = spawn(process.execPath, args, { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exit };
}

function statusOf(run: string): string | null {
  const p = join(dir, run, 'run.json');
  return existsSync(p) ? (JSON.parse(readFileSync(p, 'utf8')) as { status: string }).status : null;
}

function runNames(): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((n) => n.includes('seed=')) : [];
}

/** Every file of a run folder with its mtime and content. */
function fingerprint(run: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(join(dir, run), { recursive: true, withFileTypes: true })) {
    if (!f.isFile()) continue;
    const p = join(f.parentPath, f.name);
    out[p] = `${statSync(p).mtimeMs}:${readFileSync(p).toString('base64')}`;
  }
  return out;
}

describe('sweep resume', () => {
  it('does not redo runs finished before a SIGKILL', async () => {
    const first = start();
    const deadline = Date.now() + 90_000;
    while (runNames().filter((r) => statusOf(r) === 'done').length < 2) {
      if (Date.now() > deadline) throw new Error(`no progress:\n${first.output()}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    first.child.kill('SIGKILL');
    expect(await first.exit).toBeNull();

    const done = runNames().filter((r) => statusOf(r) === 'done');
    const cut = runNames().filter((r) => statusOf(r) !== 'done');
    expect(done.length).toBeGreaterThanOrEqual(2);
    expect(done.length).toBeLessThan(6);
    const before = Object.fromEntries(done.map((r) => [r, fingerprint(r)]));

    const second = start();
    expect(await second.exit).toBe(0);
    expect(second.output()).toContain(`Resumed: ${done.length} of 6 runs were already finished and kept.`);
    for (const r of done) {
      expect(fingerprint(r)).toEqual(before[r]);
      expect(second.output()).not.toContain(`[${r}] started`);
    }
    for (const r of cut) {
      expect(statusOf(r)).toBe('done');
      expect(readdirSync(join(dir, r)).filter((f) => f.startsWith('events.out.tfevents'))).toHaveLength(1);
    }
    expect(runNames()).toHaveLength(6);
    expect(runNames().every((r) => statusOf(r) === 'done')).toBe(true);
    const csv = readFileSync(join(dir, 'results.csv'), 'utf8').trim().split('\n');
    expect(csv[0]!.startsWith('optimizer.weightDecay,runs,finished,diverged,trainLoss_mean,trainLoss_sd')).toBe(true);
    expect(csv.slice(1).map((l) => l.split(',').slice(0, 3).join(','))).toEqual(['0,2,2', '0.01,2,2', '0.1,2,2']);
  }, 180_000);
});
