// Wire types of Centric's event API. They follow Segment's message spec so that existing
// Segment clients can point at Centric; hand-written so the browser SDK ships types without a
// schema library (event-schema.ts checks the schemas against them).

/** Where the event happened. Segment's own values (browser, mobile, server) are accepted too. */
export type Channel = 'web' | 'app' | 'store' | 'service' | 'email';
export const CHANNELS: readonly Channel[] = ['web', 'app', 'store', 'service', 'email'];

export type MessageType = 'track' | 'page' | 'screen' | 'identify' | 'alias' | 'group';
export const MESSAGE_TYPES: readonly MessageType[] = [
  'track',
  'page',
  'screen',
  'identify',
  'alias',
  'group',
];

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export interface CampaignContext {
  name?: string;
  source?: string;
  medium?: string;
  term?: string;
  content?: string;
}

export interface PageContext {
  path?: string;
  url?: string;
  referrer?: string;
  title?: string;
  search?: string;
}

export interface EventContext {
  page?: PageContext;
  campaign?: CampaignContext;
  userAgent?: string;
  locale?: string;
  ip?: string;
  channel?: string;
  [key: string]: unknown;
}

/** Fields every message may carry. */
export interface MessageBase {
  type: MessageType;
  messageId?: string;
  anonymousId?: string | number;
  userId?: string | number;
  /** When the event happened (ISO 8601); defaults to the time it was received. */
  timestamp?: string;
  /** When the client sent it; used to correct the client's clock skew. */
  sentAt?: string;
  channel?: string;
  context?: EventContext;
  properties?: JsonObject;
  traits?: JsonObject;
  integrations?: JsonObject;
}

export interface TrackMessage extends MessageBase {
  type: 'track';
  event: string;
}

export interface PageMessage extends MessageBase {
  type: 'page' | 'screen';
  name?: string;
  category?: string;
}

export interface IdentifyMessage extends MessageBase {
  type: 'identify';
}

export interface AliasMessage extends MessageBase {
  type: 'alias';
  previousId: string | number;
}

export interface GroupMessage extends MessageBase {
  type: 'group';
  groupId: string | number;
}

export type Message = TrackMessage | PageMessage | IdentifyMessage | AliasMessage | GroupMessage;

/** Body of `POST /v1/batch`. */
export interface BatchRequest {
  batch: Message[];
  sentAt?: string;
  writeKey?: string;
  context?: EventContext;
}

/** Answer of every ingest route. */
export interface IngestResponse {
  success: true;
  /** Events accepted and durably stored by this request. */
  accepted: number;
  /** Events skipped because their messageId was seen before (idempotent retries). */
  duplicates: number;
}
