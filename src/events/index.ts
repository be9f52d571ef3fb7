/**
 * `decaylab/events`: TensorBoard event files, written and read (Node only).
 * Layers: CRC32C → record framing → protobuf messages → event file writer → SummaryWriter;
 * reader: records → events → per-run series → log dir. See docs/events.md.
 */
export { EventsError, EventFileCorruptError, WriterClosedError, HistogramError, type CorruptionKind } from './errors.js';
export { EventFileReadError } from './reader/read-error.js';
export { crc32c, crc32cUpdate, maskCrc32c, unmaskCrc32c, maskedCrc32c } from './format/crc32c.js';
export {
  RECORD_HEADER_BYTES,
  RECORD_FOOTER_BYTES,
  RECORD_OVERHEAD_BYTES,
  MAX_RECORD_PAYLOAD_BYTES,
  encodeRecord,
  writeRecord,
  frameRecordInPlace,
  scanRecord,
  type ScannedRecord,
  type IncompleteRecord,
} from './format/record.js';
export { encodeEvent, decodeEvent } from './format/event-codec.js';
export { HistogramEventEncoder } from './format/histogram-event.js';
export {
  COMPACT_BINS,
  HistogramBuilder,
  makeHistogram,
  flatValues,
  type HistogramBins,
  type HistogramOptions,
  type HistogramData,
  type HistogramValues,
} from './histogram/make-histogram.js';
export { TENSORFLOW_EDGES } from './histogram/tensorflow-edges.js';
export {
  histogramRows,
  displayRange,
  rebinForDisplay,
  compressHistogram,
  NORMAL_HISTOGRAM_BPS,
  DISPLAY_BINS,
  type HistogramLike,
} from './histogram/tensorboard-view.js';
export { cleanTag } from './summary/tag.js';
export { scalarValue, histogramValue, textValue, summaryOf } from './summary/summaries.js';
export { hparamsSummaries, HPARAMS_TAGS, type HParamValue, type SessionStatus } from './summary/hparams.js';
export { eventFileName, defaultLogDir } from './writer/file-name.js';
export {
  EventFileWriter,
  DEFAULT_FLUSH_SECS,
  DEFAULT_MAX_QUEUE,
  FILE_VERSION,
  type EventFileWriterOptions,
} from './writer/event-file-writer.js';
export {
  SummaryWriter,
  type SummaryWriterOptions,
  type AddHistogramOptions,
  type RawHistogram,
} from './writer/summary-writer.js';
export { readRecords, recordsInBytes, type RawRecord, type ReadEnd, type TornTail, type ReadRecordsOptions } from './reader/record-reader.js';
export { readEventFile, readEventBytes, type EventRecord } from './reader/event-reader.js';
export { ScalarSeries, HistogramSeries, TextSeries, type HistogramStats } from './reader/series.js';
export { RunData, type TagMetadata } from './reader/run-data.js';
export type { HParamsData, ExperimentData, SessionStartData, SessionEndData, HParamInfoData, MetricInfoData, HParamScalar } from './reader/hparams-data.js';
export { tensorNumbers, tensorStrings, tensorShape } from './reader/tensor-values.js';
export { discoverRuns, listEventFiles, isEventFileName } from './reader/discover.js';
export { RunReader, type EventFileState, type PollResult, type ReaderOptions } from './reader/run-reader.js';
export { LogDirReader, loadLogDir, type LogDirData, type LogDirPollResult } from './reader/log-dir.js';
export type { Event } from './proto/tensorboard/event_pb.js';
