import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturePath } from '../../../test/fixtures.js';
import { histogramRows } from '../histogram/tensorboard-view.js';
import { readEventFile } from './event-reader.js';
import { listEventFiles } from './discover.js';
import { loadLogDir } from './log-dir.js';

const refRun = fixturePath('tensorboardx/ref_run');

/** Reads every event of a file, returning them and where the read ended. */
function readAll(path: string) {
  const events = [];
  const it = readEventFile(path);
  for (;;) {
    const n = it.next();
    if (n.done === true) return { events, end: n.value };
    events.push(n.value);
  }
}

describe('reading the tensorboardX reference run', () => {
  it('reads every record of both files with both CRCs checked, to the last byte', () => {
    for (const [dir, expectedEvents] of [
      [refRun, 12],
      [join(refRun, 'hp'), 5],
    ] as const) {
      const [file] = listEventFiles(dir);
      const { events, end } = readAll(file!);
      expect(events.length).toBe(expectedEvents);
      expect(end.tornTail).toBeNull();
      expect(end.nextOffset).toBe(statSync(file!).size);
      expect(events[0]!.event.what).toEqual({ case: 'fileVersion', value: 'brain.Event:2' });
    }
  });

  const data = loadLogDir(refRun);

  it('finds the two runs', () => {
    expect([...data.runs.keys()].sort()).toEqual(['.', 'hp']);
    expect(data.errors).toEqual([]);
  });

  it('recovers the scalars (float32 simple_value, steps, wall times)', () => {
    const loss = data.runs.get('.')!.scalars.get('loss')!;
    expect(Array.from(loss.steps)).toEqual([0, 1, 2, 3, 4]);
    expect(Array.from(loss.wallTimes)).toEqual([0, 1, 2, 3, 4].map((s) => 1700000000 + s));
    expect(Array.from(loss.values)).toEqual([1, 1 / 2, 1 / 3, 1 / 4, 1 / 5].map(Math.fround));
  });

  it('recovers the histograms as TensorBoard rows', () => {
    const run = data.runs.get('.')!;
    expect([...run.histograms.keys()]).toEqual(['layer/weight_data']);
    const h = run.histograms.get('layer/weight_data')!;
    expect(Array.from(h.steps)).toEqual([0, 1, 2, 3, 4]);
    expect(Array.from(h.num)).toEqual([100, 100, 100, 100, 100]);
    // Rows agree with the raw HistogramProto in the file, derived as TensorBoard does.
    const protos = readAll(listEventFiles(refRun)[0]!)
      .events.map((e) => e.event)
      .flatMap((e) => (e.what.case === 'summary' ? e.what.value.value : []))
      .flatMap((v) => (v.value.case === 'histo' ? [v.value.value] : []));
    expect(protos.length).toBe(5);
    protos.forEach((p, i) => {
      const rows = h.rowsAt(i);
      expect(rows).toEqual(histogramRows(p));
      expect(rows[0]).toBe(Math.fround(p.min));
      expect(rows[rows.length - 2]).toBe(Math.fround(p.max));
      let total = 0;
      for (let r = 2; r < rows.length; r += 3) total += rows[r]!;
      expect(total).toBe(100);
      expect(h.min[i]).toBe(p.min);
      expect(h.sumSquares[i]).toBe(p.sumSquares);
    });
    // tensorboardX's default edges keep one empty bucket on the left; TensorBoard drops it.
    expect(protos[0]!.bucket[0]).toBe(0);
    expect(h.rowsAt(0).length / 3).toBe(protos[0]!.bucket.length - 1);
  });

  it('recovers the text', () => {
    const text = data.runs.get('.')!.texts.get('notes/text_summary')!;
    expect(text.values).toEqual([['weight decay 0.1']]);
    expect(data.runs.get('.')!.tagMetadata.get('notes/text_summary')!.pluginName).toBe('text');
  });

  it('recovers the hparams of the sub-run and its metric', () => {
    const hp = data.runs.get('hp')!;
    expect(hp.hparams.sessionStart!.hparams).toEqual({ lr: 0.01, weight_decay: 0.1, optimizer: 'adam' });
    expect(hp.hparams.experiment!.hparams.map((h) => [h.name, h.type])).toEqual([
      ['lr', 'float64'],
      ['weight_decay', 'float64'],
      ['optimizer', 'string'],
    ]);
    expect(hp.hparams.experiment!.metrics.map((m) => [m.group, m.tag])).toEqual([['', 'hparam/final_loss']]);
    expect(hp.hparams.sessionEnd!.status).toBe('success');
    const metric = hp.scalars.get('hparam/final_loss')!;
    expect(Array.from(metric.steps)).toEqual([4]);
    expect(Array.from(metric.values)).toEqual([Math.fround(0.2)]);
    expect(data.runs.get('.')!.hparams.experiment).toBeNull();
  });
});
