import { create } from '@bufbuild/protobuf';
import { describe, expect, it } from 'vitest';
import { makeHistogram } from '../histogram/make-histogram.js';
import { EventSchema } from '../proto/tensorboard/event_pb.js';
import { histogramValue, summaryOf } from '../summary/summaries.js';
import { decodeEvent, encodeEvent } from './event-codec.js';
import { HistogramEventEncoder } from './histogram-event.js';

/** The reference: the same event built as messages (summaries.ts) and encoded by `toBinary`. */
function viaToBinary(wallTime: number, step: number, tag: string, h: ReturnType<typeof makeHistogram>): Uint8Array {
  return encodeEvent(create(EventSchema, { wallTime, step: BigInt(step), what: { case: 'summary', value: summaryOf(histogramValue(tag, h)) } }));
}

describe('HistogramEventEncoder', () => {
  const encoder = new HistogramEventEncoder();
  const values = Float64Array.from({ length: 500 }, (_, i) => Math.sin(i * 1.7) * (i % 7));

  for (const bins of ['compact', 'tensorflow', 3] as const) {
    it(`writes the same bytes as toBinary (bins ${bins})`, () => {
      const h = makeHistogram(values, { bins });
      for (const [wall, step, tag] of [
        [1700000000.25, 12, 'linears.0.weight_data'],
        [0, 0, ''],
        [1.5, 2 ** 40, 'a/b'],
        [2, 0xffffffff, 'u32'],
        [3, -5, 'negative'],
      ] as const) {
        expect(encoder.encode(wall, step, tag, h)).toEqual(viaToBinary(wall, step, tag, h));
      }
    });
  }

  it('omits zero statistics as proto3 does and decodes back', () => {
    const h = makeHistogram([0, 0, 0], { bins: 2 });
    const bytes = encoder.encode(10, 1, 'zeros', h);
    expect(bytes).toEqual(viaToBinary(10, 1, 'zeros', h));
    const ev = decodeEvent(bytes);
    expect(ev.what.case).toBe('summary');
    const histo = ev.what.case === 'summary' ? ev.what.value.value[0]!.value : null;
    expect(histo?.case === 'histo' ? histo.value.bucket : null).toEqual(Array.from(h.bucket));
  });
});
