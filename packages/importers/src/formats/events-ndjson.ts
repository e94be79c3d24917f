// Events in Centric's own wire format, one Segment-style message per line (what the HTTP API's
// /v1/batch takes, and what Segment's and RudderStack's archives hold). Each line goes through
// the same validation and GA4 -> Segment mapping as the API (validateMessage,
// normaliseMessage), so an imported event is stored exactly as if it had been sent live.
//
// Import-specific choices:
// - Every event needs a timestamp (or originalTimestamp): without one the API would stamp the
//   receive time, which for an import is the day of the import, not of the event.
// - The API corrects client clock skew with timestamp + (receivedAt - sentAt). In an archive
//   that is only meaningful with the archived receivedAt; without it sentAt is ignored,
//   because correcting against the import time would move every event to today.
// - messageId: the message's own, else `ndjson:` + a hash of the line's JSON, so importing the
//   file twice stores nothing twice. Two identical lines without messageId are one event.
// - sessionId stays null: the import runner assigns sessions over the time-ordered events.
// - The order items that normaliseMessage derives are not yielded (a format parser yields
//   events); the runner derives them from the stored products again.
import { createHash } from 'node:crypto';
import { DEFAULT_LIMITS, type IngestLimits, normaliseMessage, validateMessage } from '@centric/ingest';
import type { StoredEvent } from '@centric/storage';
import { readNdjson } from '../sources/ndjson-records';
import { sniffEncoding } from '../sources/text-source';
import type { FormatParser } from './format';

/** Archives may hold events a little ahead of the importing machine's clock. */
const IMPORT_LIMITS: IngestLimits = { ...DEFAULT_LIMITS, maxFutureMs: 7 * 24 * 60 * 60 * 1000 };

export const parseEventsNdjson: FormatParser<StoredEvent> = async function* (file, options) {
  for await (const item of readNdjson(file, options.encoding ?? sniffEncoding(file), options.onProgress)) {
    if ('error' in item) {
      yield item;
      continue;
    }
    const result = importEvent(item.value, {
      line: item.line,
      projectId: options.projectId,
      now: options.now,
    });
    yield typeof result === 'string'
      ? { line: item.line, error: result }
      : { line: item.line, record: result };
  }
};

/** One line's event, or the reason it is rejected. */
function importEvent(
  value: unknown,
  ctx: { line: number; projectId: string; now: number },
): StoredEvent | string {
  const raw = prepare(value);
  if (typeof raw === 'string') return raw;
  const checked = validateMessage(raw.message, {
    index: ctx.line,
    receivedAt: raw.receivedAt ?? ctx.now,
    batchSentAt: null,
    limits: IMPORT_LIMITS,
  });
  if ('errors' in checked) {
    const first = checked.errors[0];
    if (first === undefined) return 'not a valid message';
    return first.message.startsWith(first.field) ? first.message : `${first.field}: ${first.message}`;
  }
  const own = checked.ok.message.messageId;
  const messageId = typeof own === 'string' && own !== '' ? own : `ndjson:${hashOf(value)}`;
  return normaliseMessage(checked.ok, { projectId: ctx.projectId, receivedAt: ctx.now, messageId }).event;
}

/** The message as validation should see it, with the archived receive time when skew can be corrected. */
function prepare(value: unknown): { message: unknown; receivedAt: number | null } | string {
  // Not an object: validation says so in its usual words.
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return { message: value, receivedAt: null };
  const message = value as Record<string, unknown>;
  if (message.timestamp === undefined && message.originalTimestamp === undefined) {
    return 'timestamp: imported events need a timestamp (or originalTimestamp)';
  }
  const archived = typeof message.receivedAt === 'string' ? Date.parse(message.receivedAt) : Number.NaN;
  if (typeof message.sentAt === 'string' && Number.isFinite(archived))
    return { message, receivedAt: archived };
  if (message.sentAt === undefined) return { message, receivedAt: null };
  const { sentAt: _sentAt, ...withoutSentAt } = message;
  return { message: withoutSentAt, receivedAt: null };
}

const hashOf = (value: unknown): string =>
  createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 32);
