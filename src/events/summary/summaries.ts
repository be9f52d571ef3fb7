/**
 * Pure builders of the Summary messages decaylab writes (tensorboardX's `summary.py`):
 * - scalar: `Value{tag, simple_value}` (float32 on the wire, no metadata);
 * - histogram: `Value{tag, histo}`;
 * - text: `Value{tag + '/text_summary', tensor{DT_STRING, shape [1], string_val [utf-8 text]},
 *   metadata{plugin_data{plugin_name 'text', content TextPluginData{version 0}}}}`.
 * Tag cleaning is the caller's job (tensorboardX cleans scalar and histogram tags, not text tags).
 */
import { create, toBinary } from '@bufbuild/protobuf';
import type { HistogramData } from '../histogram/make-histogram.js';
import { HistogramProtoSchema } from '../proto/tensorboard/histogram_pb.js';
import { TextPluginDataSchema } from '../proto/tensorboard/plugins_pb.js';
import { type Summary, SummaryMetadataSchema, SummarySchema, type Summary_Value, Summary_ValueSchema } from '../proto/tensorboard/summary_pb.js';
import { DataType, TensorProtoSchema, TensorShapeProtoSchema } from '../proto/tensorboard/tensor_pb.js';

/** A Summary holding the given values. */
export function summaryOf(...values: Summary_Value[]): Summary {
  return create(SummarySchema, { value: values });
}

/** `Value{tag, simple_value}`: TensorBoard's scalars plugin reads it (as float32). */
export function scalarValue(tag: string, value: number): Summary_Value {
  return create(Summary_ValueSchema, { tag, value: { case: 'simpleValue', value } });
}

/** `Value{tag, histo}` from the fields of a HistogramProto. */
export function histogramValue(tag: string, h: HistogramData): Summary_Value {
  const histo = create(HistogramProtoSchema, {
    min: h.min,
    max: h.max,
    num: h.num,
    sum: h.sum,
    sumSquares: h.sumSquares,
    bucketLimit: Array.from(h.bucketLimit),
    bucket: Array.from(h.bucket),
  });
  return create(Summary_ValueSchema, { tag, value: { case: 'histo', value: histo } });
}

/** The text plugin's value: tag `<tag>/text_summary`, a DT_STRING tensor of shape [1]. */
export function textValue(tag: string, text: string): Summary_Value {
  const tensor = create(TensorProtoSchema, {
    dtype: DataType.DT_STRING,
    tensorShape: create(TensorShapeProtoSchema, { dim: [{ size: 1n }] }),
    stringVal: [new TextEncoder().encode(text)],
  });
  const metadata = create(SummaryMetadataSchema, {
    pluginData: { pluginName: 'text', content: toBinary(TextPluginDataSchema, create(TextPluginDataSchema, { version: 0 })) },
  });
  return create(Summary_ValueSchema, { tag: `${tag}/text_summary`, metadata, value: { case: 'tensor', value: tensor } });
}
