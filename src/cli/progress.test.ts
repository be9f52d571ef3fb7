import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { progressDisplay } from './progress.js';
import { renderTextTable } from './text-table.js';

describe('progress', () => {
  it('prints plain lines when stdout is not a terminal: start, each quarter, end', async () => {
    let out = '';
    const p = await progressDisplay({ out: (t) => void (out += t), err: () => {}, isTTY: false });
    p.start('wd=0.1');
    for (let s = 1; s <= 100; s++) p.update('wd=0.1', s, 100, 1000 / s);
    p.finish('wd=0.1', 'done');
    p.stop();
    expect(out.trim().split('\n')).toEqual(['[wd=0.1] started', '[wd=0.1] 25/100 (25%) loss 40.00', '[wd=0.1] 50/100 (50%) loss 20.00', '[wd=0.1] 75/100 (75%) loss 13.33', '[wd=0.1] done']);
  });

  it('draws bars on a terminal and leaves the finished runs’ lines', async () => {
    let drawn = '';
    const stream = Object.assign(
      new Writable({
        write(chunk: Buffer, _enc, cb) {
          drawn += chunk.toString();
          cb();
        },
      }),
      { isTTY: true, columns: 120, rows: 40, cursorTo: () => true, moveCursor: () => true, clearLine: () => true, clearScreenDown: () => true },
    );
    const p = await progressDisplay({ out: () => {}, err: () => {}, isTTY: true, stream });
    p.start('wd=0.01');
    p.update('wd=0.01', 50, 100, 3.5);
    p.finish('wd=0.01', 'done in 0.10 s');
    p.stop();
    expect(drawn).toContain('[wd=0.01] done in 0.10 s');
  });
});

describe('text tables', () => {
  it('pads columns and right-aligns the chosen ones', () => {
    expect(renderTextTable([['a', 'value']], [['xx', '1'], ['y', '10.5']], ['left', 'right'])).toBe(['a   value', '──  ─────', 'xx      1', 'y    10.5'].join('\n'));
  });
});
