import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseExperimentConfig } from '../../experiments/config/parse.js';
import { STUDIES } from '../../experiments/studies/index.js';
import { anyStudy, type Study } from '../../experiments/study/types.js';
import type { CliIO } from '../io.js';
import { runCli } from '../program.js';
import { studyDir } from './study.js';

function bufferIO(): CliIO & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return { out: (t) => void (out += t), err: (t) => void (err += t), isTTY: false, stdout: () => out, stderr: () => err };
}

/** A study of two tiny runs; its analysis counts the runs and their steps, so the size shows. */
const tiny: Study<{ runs: number; steps: number[] }> = {
  name: 'tiny',
  title: 'Tiny',
  question: 'Does the study command work?',
  plan: ({ seeds, quick }) =>
    Array.from({ length: seeds }, (_, seed) => ({
      name: `seed=${seed}`,
      group: 'all',
      hparams: { seed },
      config: parseExperimentConfig({ seed, model: { kind: 'mlp', hidden: [4] }, dataset: { name: 'moons', n: 32, testN: 32 }, optimizer: { name: 'adamw', lr: 0.01 }, training: { iterations: quick ? 3 : 6 } }),
    })),
  analyze: (runs) => ({ runs: runs.length, steps: runs.map((r) => r.record?.result?.steps ?? -1) }),
  summary: (a) => [`tiny: ${a.runs} runs of ${a.steps.join(', ')} steps`],
  sections: (a) => [{ id: 'tiny', title: 'Tiny section', html: `<p>${a.runs} runs</p>` }],
};

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = bufferIO();
  const code = await runCli(args, io, { studies: [anyStudy(tiny)] });
  return { code, out: io.stdout(), err: io.stderr() };
}

describe('decaylab study', () => {
  it('lists every registered study with its question and sizes in --help', async () => {
    const io = bufferIO();
    expect(await runCli(['study', '--help'], io, { studies: STUDIES })).toBe(0);
    const help = io.stdout();
    for (const s of STUDIES) {
      expect(help).toContain(`  ${s.name}\n    ${s.question}`);
      expect(help).toContain(s.details.split('\n')[0]!);
    }
    for (const flag of ['--size <size>', '--seeds <n>', '--jobs <n>', '--logdir <dir>', '--data <dir>', '--no-report']) expect(help).toContain(flag);
    expect(help).toContain('choices: "small", "full"');
  });

  it('runs a study at the small size, resumes it, and keeps sizes in separate folders', async () => {
    const logdir = mkdtempSync(join(tmpdir(), 'decaylab-study-cli-'));
    const first = await cli('study', 'tiny', '--size', 'small', '--seeds', '2', '--jobs', '1', '--logdir', logdir);
    expect(first.code).toBe(0);
    expect(first.out).toContain('decaylab study tiny (small size, 2 seeds): Does the study command work?');
    expect(first.out).toContain('tiny: 2 runs of 3, 3 steps');
    const dir = studyDir(logdir, 'tiny', true);
    expect(dir).toBe(join(logdir, 'study-tiny-small'));
    expect(JSON.parse(readFileSync(join(dir, 'analysis.json'), 'utf8'))).toEqual({ runs: 2, steps: [3, 3] });
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toContain('Tiny section');
    const again = await cli('study', 'tiny', '--quick', '--seeds', '2', '--jobs', '1', '--logdir', logdir);
    expect(again.out).toContain('Resumed: 2 runs were already finished and kept.');
    const full = await cli('study', 'tiny', '--seeds', '1', '--jobs', '1', '--logdir', logdir, '--no-report');
    expect(full.code).toBe(0);
    expect(full.out).toContain('tiny: 1 runs of 6 steps');
    expect(existsSync(join(logdir, 'study-tiny', 'analysis.json'))).toBe(true);
    expect(existsSync(join(logdir, 'study-tiny', 'report.html'))).toBe(false);
  }, 60_000);

  it('refuses an unknown study or size, naming the allowed values', async () => {
    const badSize = await cli('study', 'tiny', '--size', 'medium');
    expect(badSize.code).toBe(2);
    expect(badSize.err).toContain("option '--size <size>' argument 'medium' is invalid. Allowed choices are small, full.");
    const badName = await cli('study', 'nope');
    expect(badName.code).toBe(2);
    expect(badName.err).toContain("command-argument value 'nope' is invalid for argument 'name'. Allowed choices are tiny.");
  });
});
