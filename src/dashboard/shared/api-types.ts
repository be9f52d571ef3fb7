/**
 * The JSON shapes of the dashboard's HTTP API, shared by the server (which builds them) and the
 * browser app (which reads them). Numbers that may be non-finite travel as {@link JsonNumber}:
 * JSON has no NaN or Infinity, so those are sent as the strings `"NaN"`, `"Infinity"`,
 * `"-Infinity"` (see number-codec.ts).
 *
 * Routes (all GET; run and tag are query parameters):
 * - `/api/runs` → {@link RunsResponse}
 * - `/api/scalars?run=R&tag=T` → {@link ScalarSeriesResponse}
 * - `/api/histograms?run=R&tag=T` → binary series (histogram-codec.ts); `&format=json` → {@link HistogramJsonResponse}
 * - `/api/distributions?run=R&tag=T` → {@link DistributionResponse}
 */

/** A number, or the name of a non-finite one. */
export type JsonNumber = number | 'NaN' | 'Infinity' | '-Infinity';

/** A hyperparameter value. */
export type HParamValue = string | number | boolean;

/** A read problem of one event file (corruption or I/O error), shown for its run. */
export interface RunFileError {
  /** File name relative to the run folder. */
  file: string;
  /** Byte offset of the bad record, or null for errors that are not about one record. */
  offset: number | null;
  /** `header-crc`, `data-crc`, `decode`, `length`, or `io`. */
  kind: string;
  message: string;
}

/** The last point of a scalar tag (a run's "final metric"). */
export interface LastScalar {
  step: number;
  wallTime: number;
  value: JsonNumber;
}

/** What run.json says about a run (experiments layer), reduced to what the dashboard shows. */
export interface RunRecordSummary {
  status: string;
  startedAt: string;
  finishedAt: string | null;
  /** Flat metrics of the result: `steps`, `lastLoss`, `final.trainLoss`, `totalNorm`, … */
  metrics: Record<string, JsonNumber | null>;
  /** The run's error (status `failed`), if any. */
  error: string | null;
}

/** One run of the log dir. */
export interface RunInfo {
  /** Path of the run folder relative to the log dir (`.` for the log dir itself), `/`-separated. */
  name: string;
  /** Increases whenever new data of this run was read (clients refetch when it changes). */
  generation: number;
  scalarTags: string[];
  histogramTags: string[];
  /** Number of points per histogram tag (to show "1000 steps" without fetching the series). */
  histogramLengths: Record<string, number>;
  /** Read problems; the data read before them is still served. */
  errors: RunFileError[];
  /** Data that was skipped (unsupported plugins, unusable hparams content, run.json problems). */
  warnings: string[];
  /** Hyperparameters: run.json's `hparams`, then the hparams plugin's session start (which wins). */
  hparams: Record<string, HParamValue>;
  /** The last point of every scalar tag. */
  lastScalars: Record<string, LastScalar>;
  /** run.json, when the run folder has a valid one. */
  record: RunRecordSummary | null;
  eventCount: number;
  /** Wall time of the first and last event with data, in seconds since the epoch (null before any). */
  firstWallTime: number | null;
  lastWallTime: number | null;
}

/** `/api/runs`. */
export interface RunsResponse {
  /** The log dir as given on the command line. */
  logDir: string;
  /** True while the log dir does not exist yet: the board waits for it (runs is empty). */
  waitingForLogDir: boolean;
  /** Increases whenever anything changed (the log dir appeared, a run appeared or got data). */
  generation: number;
  /** How often the server rereads the log dir; clients poll at this pace. */
  reloadIntervalMs: number;
  runs: RunInfo[];
}

/** `/api/scalars`: one tag of one run, every point. */
export interface ScalarSeriesResponse {
  run: string;
  tag: string;
  steps: number[];
  wallTimes: number[];
  values: JsonNumber[];
}

/** `/api/histograms?format=json`: TensorBoard's shape, `[wallTime, step, [[left, right, count], …]]` per point. */
export interface HistogramJsonResponse {
  run: string;
  tag: string;
  points: [number, number, [JsonNumber, JsonNumber, JsonNumber][]][];
}

/** `/api/distributions`: the distributions dashboard's values at basis points, per step. */
export interface DistributionResponse {
  run: string;
  tag: string;
  /** Basis points (1/100 %): 0, 668, 1587, 3085, 5000, 6915, 8413, 9332, 10000. */
  bps: number[];
  steps: number[];
  wallTimes: number[];
  /** `values[i][j]`: the value at basis point j of step i. */
  values: JsonNumber[][];
}

/** Body of every 4xx/5xx answer. */
export interface ApiErrorBody {
  error: { status: number; message: string };
}
