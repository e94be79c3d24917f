// Checks one wire message against the schema and the rules the schema cannot say (which
// fields a type needs, how deep and how big objects may be, sane timestamps), and reports
// every problem with its field path so the caller can fix the event.
import { type Channel, type EventError, MessageSchema } from '@centric/contracts';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { channelOf } from './channel';
import { EARLIEST_EVENT_MS, type IngestLimits } from './limits';

const checkSchema = TypeCompiler.Compile(MessageSchema);

export type RawMessage = Record<string, unknown>;

/** A message that passed validation, with its parsed, skew-corrected time. */
export interface ValidMessage {
  message: RawMessage;
  timestamp: number;
  channel: Channel;
  /** JSON texts, made once here and reused by normalisation. */
  json: { properties: string | null; context: string | null; traits: string | null };
}

export function validateMessage(
  raw: unknown,
  {
    index,
    receivedAt,
    batchSentAt,
    limits,
  }: { index: number; receivedAt: number; batchSentAt: number | null; limits: IngestLimits },
): { ok: ValidMessage } | { errors: EventError[] } {
  if (!checkSchema.Check(raw)) {
    const errors: EventError[] = [];
    for (const e of checkSchema.Errors(raw)) {
      const field = e.path.replace(/^\//, '').replace(/\//g, '.') || '(event)';
      // Union failures repeat per branch; one line per field is enough to fix it.
      if (errors.some((x) => x.field === field)) continue;
      errors.push({ index, field, reason: 'invalid_value', message: `${field}: ${e.message}` });
    }
    if (errors.length === 0)
      errors.push({ index, field: '(event)', reason: 'invalid_value', message: 'not a valid message' });
    return { errors };
  }
  const message = raw as RawMessage;
  const errors: EventError[] = [];
  const missing = (field: string, why: string) =>
    errors.push({ index, field, reason: 'missing_field', message: `${field} is required ${why}` });
  const type = message.type as string;
  if (message.anonymousId === undefined && message.userId === undefined) {
    missing('anonymousId', 'unless userId is given');
  }
  if (type === 'track' && message.event === undefined) missing('event', 'for track messages');
  if (type === 'alias') {
    if (message.previousId === undefined) missing('previousId', 'for alias messages');
    if (message.userId === undefined && errors.every((e) => e.field !== 'anonymousId'))
      missing('userId', 'for alias messages');
  }
  if (type === 'group' && message.groupId === undefined) missing('groupId', 'for group messages');
  const channel = channelOf(message);
  if (channel === null) {
    errors.push({
      index,
      field: 'channel',
      reason: 'invalid_value',
      message: 'channel must be one of web, app, store, service, email',
    });
  }

  const json = {
    properties: null as string | null,
    context: null as string | null,
    traits: null as string | null,
  };
  for (const field of ['properties', 'context', 'traits'] as const) {
    const value = message[field];
    if (value === undefined || value === null) continue;
    const depth = depthOf(value, limits.maxDepth + 1);
    if (depth > limits.maxDepth) {
      errors.push({
        index,
        field,
        reason: 'properties_too_deep',
        message: `${field} is nested deeper than ${limits.maxDepth} levels`,
      });
      continue;
    }
    const text = JSON.stringify(value);
    // A UTF-16 unit is at most 3 UTF-8 bytes: only measure bytes when it could matter.
    if (text.length * 3 > limits.maxPropertiesBytes && Buffer.byteLength(text) > limits.maxPropertiesBytes) {
      errors.push({
        index,
        field,
        reason: 'properties_too_large',
        message: `${field} is ${Buffer.byteLength(text)} bytes of JSON; at most ${limits.maxPropertiesBytes} are accepted`,
      });
      continue;
    }
    json[field] = text === '{}' ? null : text;
  }

  let timestamp = receivedAt;
  const sent = message.timestamp ?? message.originalTimestamp;
  if (typeof sent === 'string') {
    const field = message.timestamp !== undefined ? 'timestamp' : 'originalTimestamp';
    const at = Date.parse(sent);
    if (!Number.isFinite(at)) {
      errors.push({
        index,
        field,
        reason: 'timestamp_invalid',
        message: `${field} "${sent}" is not an ISO 8601 date-time`,
      });
    } else {
      // Correct the client's clock: Segment's rule, timestamp + (receivedAt - sentAt).
      const sentAtText = typeof message.sentAt === 'string' ? message.sentAt : null;
      const sentAt = sentAtText === null ? batchSentAt : Date.parse(sentAtText);
      timestamp = sentAt !== null && Number.isFinite(sentAt) ? at + (receivedAt - sentAt) : at;
      if (timestamp > receivedAt + limits.maxFutureMs) {
        errors.push({
          index,
          field,
          reason: 'timestamp_in_future',
          message: `${field} ${sent} lies more than ${Math.round(limits.maxFutureMs / 3_600_000)} h in the future`,
        });
      } else if (timestamp < EARLIEST_EVENT_MS) {
        errors.push({
          index,
          field,
          reason: 'timestamp_invalid',
          message: `${field} ${sent} is before 2000; import historic data instead`,
        });
      }
    }
  }
  if (errors.length > 0) return { errors };
  return { ok: { message, timestamp, channel: channel ?? 'web', json } };
}

/** Depth of nested objects/arrays, counting stops once `stopAt` is reached (cheap on hostile input). */
function depthOf(value: unknown, stopAt: number, level = 1): number {
  if (level >= stopAt) return level;
  let max = level;
  if (Array.isArray(value)) {
    for (const v of value) {
      if (v !== null && typeof v === 'object') max = Math.max(max, depthOf(v, stopAt, level + 1));
      if (max >= stopAt) break;
    }
  } else if (value !== null && typeof value === 'object') {
    for (const key in value) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== null && typeof v === 'object') max = Math.max(max, depthOf(v, stopAt, level + 1));
      if (max >= stopAt) break;
    }
  }
  return max;
}
