import { toBinary } from '@bufbuild/protobuf';
import { describe, expect, it } from 'vitest';
import { fixturePath } from '../../../test/fixtures.js';
import { SummarySchema, type Summary } from '../proto/tensorboard/summary_pb.js';
import { listEventFiles } from '../reader/discover.js';
import { readEventFile } from '../reader/event-reader.js';
import { hparamsSummaries } from './hparams.js';
import { scalarValue, summaryOf, textValue } from './summaries.js';
import { cleanTag } from './tag.js';

/** The summaries of the tensorboardX file in `run`, by tag. */
function fixtureSummaries(run: string): Map<string, Summary> {
  const out = new Map<string, Summary>();
  const it = readEventFile(listEventFiles(fixturePath(`tensorboardx/ref_run${run}`))[0]!);
  for (let n = it.next(); n.done !== true; n = it.next()) {
    const e = n.value.event;
    if (e.what.case === 'summary' && !out.has(e.what.value.value[0]!.tag)) out.set(e.what.value.value[0]!.tag, e.what.value);
  }
  return out;
}

const bytes = (s: Summary): Uint8Array => toBinary(SummarySchema, s);

describe('summaries are byte-identical to tensorboardX', () => {
  const main = fixtureSummaries('');
  const hp = fixtureSummaries('/hp');

  it('text', () => {
    expect(bytes(summaryOf(textValue('notes', 'weight decay 0.1')))).toEqual(bytes(main.get('notes/text_summary')!));
  });

  it('scalar', () => {
    expect(bytes(summaryOf(scalarValue('loss', 1)))).toEqual(bytes(main.get('loss')!));
  });

  it('hparams experiment and session end; session start holds the same map', () => {
    const ours = hparamsSummaries({ lr: 0.01, weight_decay: 0.1, optimizer: 'adam' }, ['hparam/final_loss']);
    expect(bytes(ours.experiment)).toEqual(bytes(hp.get('_hparams_/experiment')!));
    expect(bytes(ours.sessionEnd)).toEqual(bytes(hp.get('_hparams_/session_end_info')!));
    // Map entry order is not fixed by protobuf (Python wrote weight_decay first): compare sizes and tag.
    const theirs = hp.get('_hparams_/session_start_info')!;
    expect(bytes(ours.sessionStart).length).toBe(bytes(theirs).length);
    expect(ours.sessionStart.value[0]!.tag).toBe(theirs.value[0]!.tag);
  });
});

describe('cleanTag', () => {
  it('replaces characters outside [-/\\w.] and strips leading slashes, keeping unicode letters and dots', () => {
    expect(cleanTag('linears.0.weight_data')).toBe('linears.0.weight_data');
    expect(cleanTag('//loss (train)')).toBe('loss__train_');
    expect(cleanTag('grad/λ-norm:1')).toBe('grad/λ-norm_1');
    expect(cleanTag('a b\tc')).toBe('a_b_c');
  });
});
