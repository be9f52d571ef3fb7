import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../test/fixtures.js';
import type { CliIO } from './io.js';
import { runCli } from './program.js';
import { workersToPrestart } from './warm.js';

function bufferIO(): CliIO & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return { out: (t) => void (out += t), err: (t) => void (err += t), isTTY: false, stdout: () => out, stderr: () => err };
}

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = bufferIO();
  const code = await runCli(args, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

const tmp = mkdtempSync(join(tmpdir(), 'decaylab-cli-'));
const writeJson = (name: string, data: unknown): string => {
  const p = join(tmp, name);
  writeFileSync(p, JSON.stringify(data, null, 2));
  return p;
};
const small = {
  name: 'small',
  model: { kind: 'mlp', hidden: [8] },
  dataset: { name: 'moons', n: 64, testN: 64 },
  optimizer: { name: 'adam', lr: 0.05, weightDecay: 0.01 },
  training: { iterations: 12 },
};

describe('help', () => {
  it('has --help on the program and every sub-command', async () => {
    const top = await cli('--help');
    expect(top.code).toBe(0);
    for (const name of ['demo', 'run', 'sweep', 'report']) expect(top.out).toContain(name);
    for (const [name, flags] of [
      ['demo', ['--weight-decay', '--optimizer', '--decay', '--iterations', '--seed', '--log-every', '--bins', '--logdir', '--no-report']],
      ['run', ['<config>', '--set', '--data']],
      ['sweep', ['--grid', '--seeds', '--jobs']],
      ['report', ['<dir>']],
    ] as const) {
      const r = await cli(name, '--help');
      expect(r.code).toBe(0);
      expect(r.out).toContain(`Usage: decaylab ${name}`);
      for (const f of flags) expect(r.out).toContain(f);
    }
    expect((await cli('--version')).out.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('bad flags and configs', () => {
  it('names the flag and the allowed values', async () => {
    const opt = await cli('demo', '--optimizer', 'adamx', '--logdir', tmp);
    expect(opt.code).toBe(2);
    expect(opt.err).toContain("option '--optimizer <name>' argument 'adamx' is invalid. Allowed choices are sgd, adam, adamw");
    const decay = await cli('demo', '--decay', 'l3');
    expect(decay.err).toContain('Allowed choices are l2, decoupled, l1, l1-proximal');
    const wd = await cli('demo', '--weight-decay', '0.1,lots');
    expect(wd.code).toBe(2);
    expect(wd.err).toContain(`'--weight-decay <list>' argument '0.1,lots' is invalid. "lots" is not a number >= 0`);
    expect((await cli('demo', '--iterations', '0')).err).toContain('expected an integer >= 1');
    expect((await cli('demo', '--bins', 'many')).err).toContain('expected compact, tensorflow or a number of buckets');
    expect((await cli('nope')).code).toBe(2);
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('lists every bad key of a config with what is allowed, and writes nothing', async () => {
    const file = writeJson('bad.json', { ...small, optimizer: { name: 'adam', lr: -1, decay: 'l3' }, dataset: { name: 'moons', size: 5 } });
    const logdir = join(tmp, 'bad-runs');
    const r = await cli('run', file, '--logdir', logdir);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`invalid ${file}`);
    expect(r.err).toContain('optimizer.decay: "l3" is not allowed (allowed: l2, decoupled, l1, l1-proximal)');
    expect(r.err).toContain('optimizer.lr: -1');
    expect(r.err).toContain('dataset.size: unknown key (allowed: name, n, testN, noise, seed)');
    expect(existsSync(logdir)).toBe(false);
    const set = await cli('run', writeJson('ok.json', small), '--set', 'training.iterations=zero', '--logdir', logdir);
    expect(set.err).toContain('training.iterations: expected number, got string "zero"');
    const grid = await cli('sweep', writeJson('ok2.json', small), '--grid', 'optimizer.weightdecay=0,1', '--logdir', logdir);
    expect(grid.code).toBe(2);
    expect(grid.err).toMatch(/optimizer\.weightdecay: unknown key \(allowed: name, lr, weightDecay, decay, groups/);
    expect(existsSync(logdir)).toBe(false);
  });
});

describe('commands', () => {
  it('run: trains a config and prints its parameter table', async () => {
    const logdir = join(tmp, 'runs');
    const r = await cli('run', writeJson('small.json', small), '--logdir', logdir, '--set', 'optimizer.weightDecay=0.1');
    expect(r.code).toBe(0);
    expect(r.out).toContain('layers.0.weight');
    expect(r.out).toContain('Report:');
    const [dir] = readdirSync(logdir);
    expect(dir).toMatch(/^small-\d{8}-\d{6}$/);
    const record = JSON.parse(readFileSync(join(logdir, dir!, 'seed=0', 'run.json'), 'utf8'));
    expect(record.config.optimizer.weightDecay).toBe(0.1);
    const report = join(logdir, dir!, 'report.html');
    const before = statSync(report).mtimeMs;
    await new Promise((r) => setTimeout(r, 20));
    const again = await cli('report', join(logdir, dir!));
    expect(again.code).toBe(0);
    expect(statSync(report).mtimeMs).toBeGreaterThan(before);
    const chosen = await cli('report', join(logdir, dir!), '--ridgeline', 'layers.*.bias');
    expect(chosen.code).toBe(0);
    const html = readFileSync(report, 'utf8');
    expect([...html.matchAll(/<h3>(layers\.\d+\.\w+) /g)].map((m) => m[1])).toEqual(['layers.0.bias', 'layers.2.bias']);
    expect((await cli('report', tmp)).err).toContain('holds no experiment.json');
  });

  it('demo: prints the comparison, the verdict and where the runs are', async () => {
    const logdir = join(tmp, 'demo');
    const r = await cli('demo', '--iterations', '40', '--weight-decay', '0,0.5', '--logdir', logdir);
    expect(r.code).toBe(0);
    expect(r.out).toContain('[wd=0] started');
    expect(r.out).toMatch(/λ=0 +λ=0\.5/);
    expect(r.out).toMatch(/Verdict: λ=0\.5 shrank \d+ of 18 parameter tensors compared with λ=0/);
    expect(r.out).toContain(`tensorboard --logdir ${logdir}`);
    expect(r.out).toContain('npx decaylab board');
    const [dir] = readdirSync(logdir);
    expect(readdirSync(join(logdir, dir!)).sort()).toEqual(['experiment.json', 'report.html', 'wd=0', 'wd=0.5']);
  });

  it('prestarts workers only for commands that train', () => {
    expect(workersToPrestart(['demo'])).toBe(2);
    expect(workersToPrestart(['demo', '--weight-decay', '0,0.1,1', '--jobs', '2'])).toBe(2);
    expect(workersToPrestart(['demo', '--weight-decay=0,0.1,1'])).toBe(3);
    expect(workersToPrestart(['run', 'x.json'])).toBe(1);
    expect(workersToPrestart(['demo', '--help'])).toBe(0);
    expect(workersToPrestart(['sweep', 'x.json'])).toBe(0);
  });

  it('main wires in the dashboard and the studies for the full help', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', '--help'], { cwd: projectRoot, encoding: 'utf8' });
    expect(r.status).toBe(0);
    for (const name of ['demo', 'run', 'sweep', 'study', 'report', 'board']) expect(r.stdout).toMatch(new RegExp(`\\n  ${name} `));
  });

  it('has a package bin pointing at the compiled CLI', () => {
    const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8'));
    expect(pkg.bin).toEqual({ decaylab: 'dist/cli/main.js' });
    expect(readFileSync(join(projectRoot, 'src/cli/main.ts'), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });
});
