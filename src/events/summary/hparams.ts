/**
 * The hparams plugin's three summaries, as tensorboardX's `hparams(hparam_dict, metric_dict)`
 * builds them. Each is a Value with only a tag and metadata whose plugin content is a serialized
 * `HParamsPluginData{version 0, …}`:
 * - `_hparams_/experiment`: `Experiment{hparam_infos, metric_infos}`; a string gives type STRING,
 *   a boolean BOOL, a number FLOAT64, a function its name as a STRING, anything else UNSET (no
 *   value); null/undefined are skipped; each metric is `MetricInfo{name{tag}}` without a group;
 * - `_hparams_/session_start_info`: `SessionStartInfo{hparams: name → google.protobuf.Value}`;
 * - `_hparams_/session_end_info`: `SessionEndInfo{status}` (SUCCESS unless told otherwise).
 */
import { create, toBinary } from '@bufbuild/protobuf';
import { type Value, ValueSchema } from '@bufbuild/protobuf/wkt';
import {
  DataType,
  ExperimentSchema,
  HParamInfoSchema,
  HParamsPluginDataSchema,
  type HParamsPluginData,
  MetricInfoSchema,
  SessionEndInfoSchema,
  SessionStartInfoSchema,
  Status,
} from '../proto/tensorboard/hparams_pb.js';
import { type Summary, SummaryMetadataSchema, Summary_ValueSchema } from '../proto/tensorboard/summary_pb.js';
import { summaryOf } from './summaries.js';

/** Tags of the hparams plugin (plugins/hparams/metadata.py). */
export const HPARAMS_TAGS = {
  experiment: '_hparams_/experiment',
  sessionStartInfo: '_hparams_/session_start_info',
  sessionEndInfo: '_hparams_/session_end_info',
} as const;

/** A hyperparameter value as tensorboardX accepts it. */
export type HParamValue = string | number | boolean | null | undefined | ((...args: never[]) => unknown);

function pluginSummary(tag: string, data: HParamsPluginData): Summary {
  const metadata = create(SummaryMetadataSchema, {
    pluginData: { pluginName: 'hparams', content: toBinary(HParamsPluginDataSchema, data) },
  });
  return summaryOf(create(Summary_ValueSchema, { tag, metadata }));
}

/** How a session ended, as the hparams plugin's `SessionEndInfo.status` records it (TensorBoard shows it per session). */
export type SessionStatus = 'success' | 'failure' | 'running' | 'unknown';

const SESSION_STATUS: Record<SessionStatus, Status> = {
  success: Status.SUCCESS,
  failure: Status.FAILURE,
  running: Status.RUNNING,
  unknown: Status.UNKNOWN,
};

/** A session's start and end times (seconds since the epoch) for TensorBoard's session table; omitted ones stay unset (0), as tensorboardX leaves them. */
export interface SessionTimes {
  readonly start?: number;
  readonly end?: number;
}

/**
 * The experiment, session-start and session-end summaries for `hparams` and the metric names;
 * the session ends with `status` (default `success`, as tensorboardX always writes) and carries
 * the given {@link SessionTimes}.
 */
export function hparamsSummaries(
  hparams: Readonly<Record<string, HParamValue>>,
  metricNames: readonly string[],
  status: SessionStatus = 'success',
  times: SessionTimes = {},
): { experiment: Summary; sessionStart: Summary; sessionEnd: Summary } {
  const infos = [];
  const values: Record<string, Value> = {};
  for (const [name, v] of Object.entries(hparams)) {
    if (v === null || v === undefined) continue;
    let type: DataType;
    if (typeof v === 'string') {
      values[name] = create(ValueSchema, { kind: { case: 'stringValue', value: v } });
      type = DataType.STRING;
    } else if (typeof v === 'boolean') {
      values[name] = create(ValueSchema, { kind: { case: 'boolValue', value: v } });
      type = DataType.BOOL;
    } else if (typeof v === 'number') {
      values[name] = create(ValueSchema, { kind: { case: 'numberValue', value: v } });
      type = DataType.FLOAT64;
    } else if (typeof v === 'function') {
      values[name] = create(ValueSchema, { kind: { case: 'stringValue', value: v.name || String(v) } });
      type = DataType.STRING;
    } else {
      type = DataType.UNSET;
    }
    infos.push(create(HParamInfoSchema, { name, type }));
  }
  const experiment = create(ExperimentSchema, {
    hparamInfos: infos,
    metricInfos: metricNames.map((tag) => create(MetricInfoSchema, { name: { tag } })),
  });
  return {
    experiment: pluginSummary(HPARAMS_TAGS.experiment, create(HParamsPluginDataSchema, { data: { case: 'experiment', value: experiment } })),
    sessionStart: pluginSummary(
      HPARAMS_TAGS.sessionStartInfo,
      create(HParamsPluginDataSchema, { data: { case: 'sessionStartInfo', value: create(SessionStartInfoSchema, { hparams: values, startTimeSecs: times.start ?? 0 }) } }),
    ),
    sessionEnd: pluginSummary(
      HPARAMS_TAGS.sessionEndInfo,
      create(HParamsPluginDataSchema, { data: { case: 'sessionEndInfo', value: create(SessionEndInfoSchema, { status: SESSION_STATUS[status], endTimeSecs: times.end ?? 0 }) } }),
    ),
  };
}
