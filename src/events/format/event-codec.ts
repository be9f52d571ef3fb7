/**
 * Event (de)serialization with @bufbuild/protobuf over the generated TensorBoard messages
 * (src/events/proto, from proto/tensorboard/*.proto), plus the reader's typed error for a
 * payload that passed its CRC but is not an Event.
 */
import { fromBinary, toBinary } from '@bufbuild/protobuf';
import { EventFileCorruptError } from '../errors.js';
import { type Event, EventSchema } from '../proto/tensorboard/event_pb.js';

/** The protobuf bytes of an Event (proto3: default-valued fields are omitted). */
export function encodeEvent(event: Event): Uint8Array {
  return toBinary(EventSchema, event);
}

/**
 * Parses an Event payload; a payload that is not a valid Event raises
 * {@link EventFileCorruptError} (kind `decode`) naming `source` and the record's `offset`.
 */
export function decodeEvent(payload: Uint8Array, source = '<buffer>', offset = 0): Event {
  try {
    return fromBinary(EventSchema, payload);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new EventFileCorruptError(`record payload is not a valid Event protobuf (${reason})`, source, offset, 'decode');
  }
}
