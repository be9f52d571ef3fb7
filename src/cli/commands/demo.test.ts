import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLogDir } from '../../events/index.js';
import type { CliIO } from '../io.js';
import { runCli } from '../program.js';

async function cli(...args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const io: CliIO = { out: (t) => void (out += t), err: (t) => void (out += t), isTTY: false };
  const code = await runCli(args, io);
  return { code, out };
}

describe('decaylab demo', () => {
  it('says a diverging run diverged and suggests a lower lr (the audited `--optimizer sgd --weight-decay 0.01 --iterations 50`)', async () => {
    const logdir = mkdtempSync(join(tmpdir(), 'decaylab-cli-demo-'));
    const r = await cli('demo', '--optimizer', 'sgd', '--weight-decay', '0.01', '--iterations', '50', '--logdir', logdir, '--no-report');
    expect(r.code).toBe(0);
    const verdict = r.out.slice(r.out.indexOf('Verdict:'), r.out.indexOf('Runs:'));
    expect(verdict).toMatch(/^Verdict: λ=0\.01 diverged \(final loss Infinity, total weight norm \S+\): .*no weight-decay conclusion.*lower learning rate\./);
    expect(verdict).not.toMatch(/→|sparsif|exactly zero/);
    expect(verdict).toContain('Hint:    λ=0.01 diverged with sgd at lr 0.01: try a lower rate, e.g. --lr 0.001\n');

    // The run records its hyperparameters (run.json and the hparams sub-run the Runs line names).
    expect(r.out).toContain('hparams/ (HParams tab)');
    const [dir] = readdirSync(logdir);
    const record = JSON.parse(readFileSync(join(logdir, dir!, 'wd=0.01', 'run.json'), 'utf8'));
    expect(record.status).toBe('diverged');
    expect(record.hparams).toEqual({ optimizer: 'sgd', lr: 0.01, weightDecay: 0.01, decay: 'l2', iterations: 50, seed: 0 });
    expect(readdirSync(join(logdir, dir!, 'wd=0.01'))).toContain('hparams');
    // …and its hparams session ends as a failure, as TensorBoard's session table shows it.
    const session = loadLogDir(join(logdir, dir!)).runs.get('wd=0.01/hparams');
    expect(session?.hparams.sessionEnd?.status).toBe('failure');
  });
});
