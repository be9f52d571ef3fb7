/**
 * `decaylab demo` as users run it: the whole process, wall clock, from the compiled CLI (dist/) —
 * the article's two runs in parallel worker threads with full per-iteration logging (36 histograms
 * and the loss, 1000 iterations each) — beside the same runs with `--no-events` (no event files:
 * the baseline). Also `npx decaylab demo` (npm's own start-up added) and, in this process, where a
 * run's time goes (training alone, + trace, + event logging). Target (issue 6): `npx decaylab demo`
 * ≤ 2 s wall on the project's machine. Median of 5 alternating runs; the machine is shared, so the
 * load average is printed beside the numbers.
 *
 * Needs `npm run build` first. Run alone: `node --import tsx bench/cli.bench.ts`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot } from '../test/fixtures.js';
import { DEMO_DEFAULTS, demoPlan } from '../src/experiments/demo/demo-plan.js';
import { articleDataset } from '../src/experiments/datasets/load.js';
import { runExperiment } from '../src/experiments/run/run-experiment.js';
import { TraceRecorder } from '../src/experiments/run/trace.js';
import { train } from '../src/experiments/train/loop.js';
import { setupRun } from '../src/experiments/train/setup.js';

const REPEATS = 5;

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function wall(command: string, args: readonly string[], cwd: string): number {
  const t0 = performance.now();
  const r = spawnSync(command, args, { cwd, encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return ms;
}

function fmt(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

/** Times the demo end to end and a run's parts in process; prints the table. */
export async function runCliBench(): Promise<void> {
  const main = join(projectRoot, 'dist/cli/main.js');
  if (!existsSync(main) || !existsSync(join(projectRoot, 'dist/experiments/workers/run-worker.js'))) {
    console.log('cli.bench: dist/ is missing — run `npm run build` first.');
    return;
  }
  const tmp = mkdtempSync(join(tmpdir(), 'decaylab-bench-'));
  try {
    const load = loadavg()[0]!.toFixed(2);
    const logged: number[] = [];
    const quiet: number[] = [];
    const viaNpx: number[] = [];
    wall(process.execPath, [main, 'demo', '--logdir', join(tmp, 'warmup')], tmp);
    for (let i = 0; i < REPEATS; i++) {
      logged.push(wall(process.execPath, [main, 'demo', '--logdir', join(tmp, 'logged')], tmp));
      quiet.push(wall(process.execPath, [main, 'demo', '--no-events', '--logdir', join(tmp, 'quiet')], tmp));
      viaNpx.push(wall('npx', ['--no-install', 'decaylab', 'demo', '--logdir', join(tmp, 'npx')], projectRoot));
    }

    // In this process: one run (λ = 0.1) split into its parts.
    const config = demoPlan(DEMO_DEFAULTS)[1]!.config;
    const parts = { train: [] as number[], trace: [] as number[], full: [] as number[] };
    for (let i = 0; i < REPEATS; i++) {
      let t = performance.now();
      train(setupRun(config, articleDataset()));
      parts.train.push(performance.now() - t);
      t = performance.now();
      const setup = setupRun(config, articleDataset());
      train(setup, new TraceRecorder(setup.model.parameters, setup.totalSteps, 1));
      parts.trace.push(performance.now() - t);
      t = performance.now();
      await runExperiment(config, { dir: join(tmp, `inproc-${i}`), name: 'inproc' });
      parts.full.push(performance.now() - t);
    }

    const base = median(quiet);
    console.log(`load average ${load} (2 cores); median of ${REPEATS}`);
    console.log(`  node dist/cli/main.js demo --no-events   ${fmt(base)}   1.00×  (baseline: same runs, no event files)`);
    console.log(`  node dist/cli/main.js demo               ${fmt(median(logged))}   ${(median(logged) / base).toFixed(2)}×  (full per-iteration logging)`);
    console.log(`  npx decaylab demo                        ${fmt(median(viaNpx))}   ${(median(viaNpx) / base).toFixed(2)}×  (target ≤ 2 s)`);
    const tr = median(parts.train);
    console.log(`one run in this process (λ=0.1, 1000 iterations):`);
    console.log(`  training only                            ${fmt(tr)}   1.00×`);
    console.log(`  + trace (norms, snapshots)               ${fmt(median(parts.trace))}   ${(median(parts.trace) / tr).toFixed(2)}×`);
    console.log(`  runExperiment (+ events, files)          ${fmt(median(parts.full))}   ${(median(parts.full) / tr).toFixed(2)}×`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runCliBench();
