/**
 * The hparams plugin's data of a run, decoded from the `HParamsPluginData` in a value's
 * `metadata.plugin_data.content` (tags `_hparams_/experiment`, `…/session_start_info`,
 * `…/session_end_info`). Version must be 0, as TensorBoard requires.
 */
import { fromBinary } from '@bufbuild/protobuf';
import type { Value } from '@bufbuild/protobuf/wkt';
import { DataType, HParamsPluginDataSchema, Status } from '../proto/tensorboard/hparams_pb.js';

/** A hyperparameter value: string, number or boolean. */
export type HParamScalar = string | number | boolean;

/** One hyperparameter of the experiment. */
export interface HParamInfoData {
  name: string;
  displayName: string;
  description: string;
  type: 'unset' | 'string' | 'bool' | 'float64';
  /** The allowed values (`domain_discrete`) or interval (`domain_interval`), if declared. */
  domain: { discrete: HParamScalar[] } | { min: number; max: number } | null;
}

/** One metric of the experiment: the scalar `tag` of run `join(session, group)`. */
export interface MetricInfoData {
  group: string;
  tag: string;
  displayName: string;
  description: string;
}

/** The experiment summary (hparams and metrics compared). */
export interface ExperimentData {
  name: string;
  description: string;
  user: string;
  timeCreatedSecs: number;
  hparams: HParamInfoData[];
  metrics: MetricInfoData[];
}

/** A session's hyperparameter values. */
export interface SessionStartData {
  hparams: Record<string, HParamScalar>;
  groupName: string;
  modelUri: string;
  monitorUrl: string;
  startTimeSecs: number;
}

/** How a session ended. */
export interface SessionEndData {
  status: 'unknown' | 'success' | 'failure' | 'running';
  endTimeSecs: number;
}

/** What a run holds of the hparams plugin. */
export interface HParamsData {
  experiment: ExperimentData | null;
  sessionStart: SessionStartData | null;
  sessionEnd: SessionEndData | null;
}

function scalarOfValue(v: Value): HParamScalar | null {
  switch (v.kind.case) {
    case 'numberValue':
    case 'stringValue':
    case 'boolValue':
      return v.kind.value;
    default:
      return null;
  }
}

const TYPE_NAMES: Record<DataType, HParamInfoData['type']> = {
  [DataType.UNSET]: 'unset',
  [DataType.STRING]: 'string',
  [DataType.BOOL]: 'bool',
  [DataType.FLOAT64]: 'float64',
};

const STATUS_NAMES: Record<Status, SessionEndData['status']> = {
  [Status.UNKNOWN]: 'unknown',
  [Status.SUCCESS]: 'success',
  [Status.FAILURE]: 'failure',
  [Status.RUNNING]: 'running',
};

/**
 * Merges the plugin content of one hparams value into `into`. Returns a reason string when the
 * content is not usable (undecodable or version ≠ 0), else null.
 */
export function mergeHParamsContent(into: HParamsData, content: Uint8Array): string | null {
  let data;
  try {
    data = fromBinary(HParamsPluginDataSchema, content);
  } catch (e) {
    return `hparams plugin data does not decode (${e instanceof Error ? e.message : String(e)})`;
  }
  if (data.version !== 0) return `hparams plugin data version ${data.version} is not supported (must be 0)`;
  switch (data.data.case) {
    case 'experiment': {
      const e = data.data.value;
      into.experiment = {
        name: e.name,
        description: e.description,
        user: e.user,
        timeCreatedSecs: e.timeCreatedSecs,
        hparams: e.hparamInfos.map((h) => ({
          name: h.name,
          displayName: h.displayName,
          description: h.description,
          type: TYPE_NAMES[h.type] ?? 'unset',
          domain:
            h.domain.case === 'domainDiscrete'
              ? { discrete: h.domain.value.values.map(scalarOfValue).filter((x): x is HParamScalar => x !== null) }
              : h.domain.case === 'domainInterval'
                ? { min: h.domain.value.minValue, max: h.domain.value.maxValue }
                : null,
        })),
        metrics: e.metricInfos.map((m) => ({ group: m.name?.group ?? '', tag: m.name?.tag ?? '', displayName: m.displayName, description: m.description })),
      };
      return null;
    }
    case 'sessionStartInfo': {
      const s = data.data.value;
      const hparams: Record<string, HParamScalar> = {};
      for (const [k, v] of Object.entries(s.hparams)) {
        const x = scalarOfValue(v);
        if (x !== null) hparams[k] = x;
      }
      into.sessionStart = { hparams, groupName: s.groupName, modelUri: s.modelUri, monitorUrl: s.monitorUrl, startTimeSecs: s.startTimeSecs };
      return null;
    }
    case 'sessionEndInfo':
      into.sessionEnd = { status: STATUS_NAMES[data.data.value.status] ?? 'unknown', endTimeSecs: data.data.value.endTimeSecs };
      return null;
    default:
      return 'hparams plugin data holds nothing';
  }
}
