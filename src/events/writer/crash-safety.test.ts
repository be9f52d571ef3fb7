import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { projectRoot } from '../../../test/fixtures.js';
import { listEventFiles } from '../reader/discover.js';
import { readEventFile } from '../reader/event-reader.js';
import type { ReadEnd } from '../reader/record-reader.js';
import { RunReader } from '../reader/run-reader.js';
import { SummaryWriter } from './summary-writer.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'decaylab-crash-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const indexPath = join(projectRoot, 'src', 'events', 'index.ts');

/** Writes a child script into the temp dir; it imports decaylab/events by absolute path. */
function childScript(body: string): string {
  const path = join(dir, 'child.ts');
  writeFileSync(path, `import { SummaryWriter } from ${JSON.stringify(indexPath)};\nconst logDir = process.argv[2]!;\n${body}\n`);
  return path;
}

function scalarSteps(path: string): { steps: number[]; torn: boolean; end: ReadEnd } {
  const steps: number[] = [];
  const it = readEventFile(path);
  for (;;) {
    const n = it.next();
    if (n.done === true) return { steps, torn: n.value.tornTail !== null, end: n.value };
    const e = n.value.event;
    if (e.what.case === 'summary' && e.what.value.value[0]!.value.case === 'simpleValue') steps.push(Number(e.step));
  }
}

describe('crash safety', () => {
  it('a child killed by SIGKILL while logging loses nothing written before its last flush', async () => {
    const script = childScript(`
      const w = new SummaryWriter({ logDir, flushSecs: 3600, maxQueue: 1000000 });
      const values = new Float64Array(3000);
      for (let step = 0; ; step++) {
        for (let i = 0; i < values.length; i++) values[i] = Math.sin(i * step + 1) * (1 + step % 7);
        w.addScalar('loss', step, step);
        w.addHistogram('w', values, step, { bins: 'tensorflow' });
        if (step % 25 === 24) { w.flush(); process.stdout.write('flushed ' + step + '\\n'); }
      }`);
    const child = spawn(process.execPath, ['--import', 'tsx', script, join(dir, 'run')], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'inherit'] });
    let lastFlushed = -1;
    let flushes = 0;
    await new Promise<void>((resolve, reject) => {
      let text = '';
      child.stdout.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        for (const m of text.matchAll(/flushed (\d+)\n/g)) lastFlushed = Math.max(lastFlushed, Number(m[1]));
        flushes = (text.match(/flushed/g) ?? []).length;
        if (flushes >= 6) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`child exited early: ${code}`))));
    });
    await new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.on('exit', () => resolve())));
    expect(lastFlushed).toBeGreaterThanOrEqual(24 * 6);
    const [file] = listEventFiles(join(dir, 'run'));
    const { steps, end } = scalarSteps(file!); // reads without throwing; a torn tail just ends the read
    // Every byte is accounted for: complete records up to nextOffset, then the reported torn tail (if any).
    expect(end.nextOffset + (end.tornTail?.bytes ?? 0)).toBe(statSync(file!).size);
    if (end.tornTail !== null) expect(end.tornTail.offset).toBe(end.nextOffset);
    expect(steps.length).toBeGreaterThanOrEqual(lastFlushed + 1);
    expect(steps.slice(0, lastFlushed + 1)).toEqual(Array.from({ length: lastFlushed + 1 }, (_, i) => i));
  }, 120_000);

  it('a torn last record is reported and the run resumes from it once the rest arrives (tailing)', () => {
    const w = new SummaryWriter({ logDir: join(dir, 'source') });
    for (let s = 0; s < 5; s++) w.addHistogram('h', [s, s + 1, s + 2], s, { bins: 'tensorflow' });
    w.close();
    const whole = readFileSync(w.filePath);
    const offsets: number[] = [];
    const it = readEventFile(w.filePath);
    for (let n = it.next(); n.done !== true; n = it.next()) offsets.push(n.value.offset);
    const lastStart = offsets[5]!; // records: file_version, then histograms of steps 0..4

    const live = join(dir, 'live');
    const reader = new RunReader('live', live);
    expect(reader.poll()).toEqual({ events: 0, errors: [] }); // no folder yet: nothing, no error
    mkdirSync(live);
    const path = join(live, 'events.out.tfevents.1700000000.host');
    writeFileSync(path, whole.subarray(0, lastStart + 20));
    expect(reader.poll().events).toBe(5);
    expect(reader.fileStates[0]!.tornTail).toEqual({ offset: lastStart, bytes: 20 });
    expect(reader.data.histograms.get('h')!.length).toBe(4);
    expect(reader.poll().events).toBe(0); // unchanged file: nothing new
    appendFileSync(path, whole.subarray(lastStart + 20));
    expect(reader.poll().events).toBe(1);
    expect(reader.fileStates[0]!.tornTail).toBeNull();
    expect(Array.from(reader.data.histograms.get('h')!.steps)).toEqual([0, 1, 2, 3, 4]);
  });

  it('normal process exit flushes writers that were never closed', () => {
    const script = childScript(`
      const w = new SummaryWriter({ logDir, flushSecs: 3600, maxQueue: 1000000 });
      for (let step = 0; step < 100; step++) w.addScalar('loss', step, step);
      if (process.argv[3] === 'exit') process.exit(0);`);
    for (const how of ['exit', 'drain']) {
      const logDir = join(dir, how);
      const r = spawnSync(process.execPath, ['--import', 'tsx', script, logDir, how], { cwd: projectRoot, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      const { steps, torn } = scalarSteps(listEventFiles(logDir)[0]!);
      expect(steps).toEqual(Array.from({ length: 100 }, (_, i) => i));
      expect(torn).toBe(false);
    }
  }, 60_000);

  it('buffered events reach the file after maxQueue adds, before any flush', () => {
    const w = new SummaryWriter({ logDir: dir, flushSecs: 3600, maxQueue: 3 });
    w.addScalar('a', 1, 1);
    w.addScalar('a', 2, 2);
    expect(scalarSteps(w.filePath).steps).toEqual([]);
    w.addScalar('a', 3, 3);
    expect(scalarSteps(w.filePath).steps).toEqual([1, 2, 3]);
    w.addScalar('a', 4, 4);
    w.flush();
    expect(scalarSteps(w.filePath).steps).toEqual([1, 2, 3, 4]);
    w.close();
  });
});
