/**
 * `decaylab/dashboard`: the `decaylab board` server. `startBoard({logDir, port, host})` reads the
 * log dir (TensorBoard's run discovery, incremental reads), serves the browser app and a JSON API
 * over it, and returns `{url, close}`. See docs/dashboard.md.
 */
export { BoardError, BoardListenError, BoardOptionError } from './errors.js';
export {
  startBoard,
  DEFAULT_BOARD_HOST,
  DEFAULT_BOARD_PORT,
  DEFAULT_RELOAD_INTERVAL_MS,
  type BoardOptions,
  type BoardHandle,
} from './server/start-board.js';
export { BoardData, type BoardRun, type BoardPollResult } from './server/board-data.js';
export type {
  RunsResponse,
  RunInfo,
  RunFileError,
  RunRecordSummary,
  LastScalar,
  ScalarSeriesResponse,
  HistogramJsonResponse,
  DistributionResponse,
  ApiErrorBody,
  JsonNumber,
} from './shared/api-types.js';
export { HISTOGRAM_MEDIA_TYPE, decodeHistogramColumns, encodeHistogramColumns, type HistogramColumns, type DecodedHistogramColumns } from './shared/histogram-codec.js';
export { smoothScalars, DEFAULT_SMOOTHING } from './shared/smoothing.js';
