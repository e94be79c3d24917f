// Wire schemas of the shopping stream (apps/server/src/routes/stream.routes.ts): a personal feed
// per visitor of cards - replenishment reminders, price drops and back-in-stock notices on viewed
// or wishlisted products, new arrivals in favourite categories and brands, recommendations and
// the loyalty standing - each with the reason it is shown, paged with an opaque cursor. Shared by
// the server (validation, OpenAPI), the pure stream logic in packages/recommend, the dashboard
// and the CLI (types).
import { type Static, Type } from '@sinclair/typebox';

export const STREAM_CARD_KINDS = [
  'replenishment',
  'price_drop',
  'new_arrival',
  'recommendation',
  'loyalty',
  'back_in_stock',
] as const;
export type StreamCardKind = (typeof STREAM_CARD_KINDS)[number];

/** The slot recommendation cards are logged under (attribution groups by it). */
export const STREAM_SLOT = 'stream';

export const StreamQuerySchema = Type.Object({
  visitor: Type.String({
    minLength: 1,
    maxLength: 500,
    description: 'Anonymous id, user id, identity key (a:… / u:…) or profile id (p_…) of the visitor',
  }),
  cursor: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 4096,
      description: 'nextCursor of the previous page; omit for the first page',
    }),
  ),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, description: 'Cards per page (default 20)' })),
  preview: Type.Optional(
    Type.Boolean({
      description: 'A dashboard preview: logs no recommendation impression (recommendationId "preview")',
    }),
  ),
});
export type StreamQuery = Static<typeof StreamQuerySchema>;

const Nullable = <T extends ReturnType<typeof Type.String> | ReturnType<typeof Type.Number>>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const StreamProductSchema = Type.Object({
  productId: Type.String(),
  title: Type.String(),
  category: Nullable(Type.String()),
  brand: Nullable(Type.String()),
  price: Nullable(Type.Number({ description: 'Current price (the sale price when lower)' })),
  previousPrice: Type.Optional(Type.Number({ description: 'Price drops: the price the visitor saw' })),
  currency: Nullable(Type.String()),
  imageLink: Nullable(Type.String()),
  link: Nullable(Type.String()),
});
export type StreamProduct = Static<typeof StreamProductSchema>;

export const LoyaltyStatusSchema = Type.Object({
  tier: Type.String({ description: 'e.g. bronze, silver, gold' }),
  points: Type.Optional(Type.Integer({ minimum: 0, description: 'One point per unit of currency spent' })),
  nextTier: Type.Optional(Nullable(Type.String())),
  toNextTier: Type.Optional(
    Nullable(Type.Number({ description: 'Spend still needed to reach nextTier (in currency)' })),
  ),
  lifetimeValue: Type.Number({ description: 'Revenue of the customer’s orders' }),
  orders: Type.Integer({ minimum: 0 }),
  currency: Nullable(Type.String()),
});
export type LoyaltyStatus = Static<typeof LoyaltyStatusSchema>;

export const StreamCardSchema = Type.Object({
  id: Type.String({ description: 'Stable per visitor: kind and product, e.g. price_drop:SKU-1' }),
  kind: Type.Union(
    STREAM_CARD_KINDS.map((k) => Type.Literal(k)),
    { description: 'What the card is about' },
  ),
  title: Type.String(),
  reason: Type.String({ description: 'Why the card is shown, e.g. "Because you viewed Socks"' }),
  at: Nullable(Type.String({ format: 'date-time', description: 'When what the card tells happened' })),
  product: Type.Optional(StreamProductSchema),
  recommendationId: Type.Optional(
    Type.String({
      description: 'Recommendation cards: send it back as properties.recommendation_id on clicks',
    }),
  ),
  loyalty: Type.Optional(LoyaltyStatusSchema),
});
export type StreamCard = Static<typeof StreamCardSchema>;

export const StreamResponseSchema = Type.Object({
  visitor: Type.String(),
  cards: Type.Array(StreamCardSchema),
  nextCursor: Type.Union([Type.String(), Type.Null()], {
    description: 'Pass as cursor for the next page; null at the end of the stream',
  }),
});
export type StreamResponse = Static<typeof StreamResponseSchema>;
