// JSON schemas (TypeBox) of the event wire format. One definition drives validation in
// packages/ingest, the OpenAPI document of apps/server and, through the checks at the bottom,
// stays in step with the hand-written wire types of event.ts.
import { type Static, Type } from '@sinclair/typebox';
import type { BatchRequest, EventContext, MessageBase } from './event';

/** Identifiers: Segment clients send strings; some backends send numbers. */
const Identifier = Type.Union([Type.String({ minLength: 1, maxLength: 256 }), Type.Number()]);
const IsoTime = Type.String({ minLength: 4, maxLength: 64, description: 'ISO 8601 date-time' });
const FreeObject = Type.Record(Type.String(), Type.Unknown());

export const CampaignContextSchema = Type.Object(
  {
    name: Type.Optional(Type.String({ maxLength: 500 })),
    source: Type.Optional(Type.String({ maxLength: 500 })),
    medium: Type.Optional(Type.String({ maxLength: 500 })),
    term: Type.Optional(Type.String({ maxLength: 500 })),
    content: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: true },
);

export const PageContextSchema = Type.Object(
  {
    path: Type.Optional(Type.String({ maxLength: 4096 })),
    url: Type.Optional(Type.String({ maxLength: 8192 })),
    referrer: Type.Optional(Type.String({ maxLength: 8192 })),
    title: Type.Optional(Type.String({ maxLength: 2048 })),
    search: Type.Optional(Type.String({ maxLength: 8192 })),
  },
  { additionalProperties: true },
);

export const EventContextSchema = Type.Object(
  {
    page: Type.Optional(PageContextSchema),
    campaign: Type.Optional(CampaignContextSchema),
    userAgent: Type.Optional(Type.String({ maxLength: 2048 })),
    locale: Type.Optional(Type.String({ maxLength: 64 })),
    ip: Type.Optional(Type.String({ maxLength: 64 })),
    channel: Type.Optional(Type.String({ maxLength: 32 })),
  },
  { additionalProperties: true },
);

/**
 * One message of any type. Which fields a type requires (track needs `event`, alias needs
 * `previousId`, every message an `anonymousId` or `userId`) is checked in packages/ingest so
 * that the error can say which rule failed.
 */
export const MessageSchema = Type.Object(
  {
    type: Type.Union(
      [
        Type.Literal('track'),
        Type.Literal('page'),
        Type.Literal('screen'),
        Type.Literal('identify'),
        Type.Literal('alias'),
        Type.Literal('group'),
      ],
      { description: 'Segment message type' },
    ),
    messageId: Type.Optional(
      Type.String({ minLength: 1, maxLength: 256, description: 'Client-made id; makes ingest idempotent' }),
    ),
    anonymousId: Type.Optional(Identifier),
    userId: Type.Optional(Identifier),
    previousId: Type.Optional(Identifier),
    groupId: Type.Optional(Identifier),
    event: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
    name: Type.Optional(Type.String({ maxLength: 512 })),
    category: Type.Optional(Type.String({ maxLength: 512 })),
    timestamp: Type.Optional(IsoTime),
    sentAt: Type.Optional(IsoTime),
    originalTimestamp: Type.Optional(IsoTime),
    channel: Type.Optional(Type.String({ maxLength: 32 })),
    context: Type.Optional(EventContextSchema),
    properties: Type.Optional(FreeObject),
    traits: Type.Optional(FreeObject),
    integrations: Type.Optional(FreeObject),
  },
  { additionalProperties: true },
);

export const BatchRequestSchema = Type.Object(
  {
    batch: Type.Array(MessageSchema, { description: 'Up to 500 messages' }),
    sentAt: Type.Optional(IsoTime),
    writeKey: Type.Optional(Type.String()),
    context: Type.Optional(EventContextSchema),
  },
  { additionalProperties: true },
);

export const IngestResponseSchema = Type.Object({
  success: Type.Literal(true),
  accepted: Type.Integer({ description: 'Events newly stored by this request' }),
  duplicates: Type.Integer({ description: 'Events skipped as already stored (same messageId)' }),
});

export type MessageInput = Static<typeof MessageSchema>;

// Compile-time checks: the schemas accept exactly what the wire types describe.
type Assignable<A, B> = A extends B ? true : never;
const schemaFitsWireType: Assignable<
  Pick<MessageInput, 'type' | 'messageId'>,
  Pick<MessageBase, 'type' | 'messageId'>
> = true;
const contextFitsWireType: Assignable<
  Pick<Static<typeof EventContextSchema>, 'page' | 'campaign'>,
  Pick<EventContext, 'page' | 'campaign'>
> = true;
const batchFitsWireType: Assignable<
  Pick<BatchRequest, 'sentAt'>,
  Pick<Static<typeof BatchRequestSchema>, 'sentAt'>
> = true;
void schemaFitsWireType;
void contextFitsWireType;
void batchFitsWireType;
