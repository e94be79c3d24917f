// Wire schemas of the recommendation engine (apps/server/src/routes/recommendations.routes.ts):
// slot configurations with their business rules, the serving answer (with the recommendation id
// that clicks and orders are attributed to), and the attribution report. Shared by the server
// (validation, OpenAPI), the dashboard and the CLI (types).
import { type Static, Type } from '@sinclair/typebox';

/** `auto` is the blend: session kNN, personal, trending, alternatives and replenishment together. */
export const RECOMMENDATION_ALGORITHMS = [
  'auto',
  'also_viewed',
  'also_bought',
  'bundle',
  'personal',
  'session',
  'trending',
  'alternatives',
  'replenishment',
] as const;
export type RecommendationAlgorithm = (typeof RECOMMENDATION_ALGORITHMS)[number];

/** The event logged for every served list; clicks carry its `recommendation_id` back. */
export const RECOMMENDATION_VIEWED_EVENT = 'Recommendation Viewed';

const Ids = (description: string) =>
  Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 500, description });

export const SlotFiltersSchema = Type.Object({
  inStock: Type.Optional(Type.Boolean({ description: 'Only products in stock (default true)' })),
  categories: Type.Optional(Ids('Only these categories; a parent ("Home") takes its sub-categories')),
  brands: Type.Optional(Ids('Only these brands')),
  minPrice: Type.Optional(Type.Number({ minimum: 0 })),
  maxPrice: Type.Optional(Type.Number({ minimum: 0 })),
});
export type SlotFiltersWire = Static<typeof SlotFiltersSchema>;

export const SlotBoostSchema = Type.Object({
  ids: Type.Optional(Ids('Products to boost')),
  categories: Type.Optional(Ids('Categories to boost')),
  brands: Type.Optional(Ids('Brands to boost')),
  factor: Type.Number({ exclusiveMinimum: 0, maximum: 100, description: 'Score multiplier, e.g. 1.5' }),
});

export const SlotPinSchema = Type.Object({
  productId: Type.String({ minLength: 1, maxLength: 200 }),
  position: Type.Integer({ minimum: 0, maximum: 99, description: '0-based position in the list' }),
});

export const SlotRulesSchema = Type.Object({
  filters: Type.Optional(SlotFiltersSchema),
  boosts: Type.Optional(Type.Array(SlotBoostSchema, { maxItems: 50 })),
  pins: Type.Optional(Type.Array(SlotPinSchema, { maxItems: 50 })),
  excludes: Type.Optional(Ids('Products never shown in this slot')),
  maxPerCategory: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, description: 'Diversity' })),
});
export type SlotRulesWire = Static<typeof SlotRulesSchema>;

const AlgorithmSchema = Type.Union(
  RECOMMENDATION_ALGORITHMS.map((a) => Type.Literal(a)),
  { description: 'Which list the slot shows; auto blends them' },
);

export const SlotInputSchema = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  algorithm: AlgorithmSchema,
  limit: Type.Integer({ minimum: 1, maximum: 100 }),
  rules: SlotRulesSchema,
});
export type SlotInput = Static<typeof SlotInputSchema>;

export const SlotSchema = Type.Object({
  slotId: Type.String(),
  name: Type.String(),
  algorithm: AlgorithmSchema,
  limit: Type.Integer(),
  rules: SlotRulesSchema,
  updatedAt: Type.String({ format: 'date-time' }),
});
export type SlotWire = Static<typeof SlotSchema>;

export const RecommendationQuerySchema = Type.Object({
  slot: Type.String({ minLength: 1, maxLength: 100, description: 'Slot id, e.g. home, product_page' }),
  visitor: Type.Optional(
    Type.String({ minLength: 1, maxLength: 500, description: 'Anonymous id or user id of the visitor' }),
  ),
  product: Type.Optional(
    Type.String({ minLength: 1, maxLength: 500, description: 'The product of the page (or in the cart)' }),
  ),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, description: 'Overrides the slot’s limit' })),
});
export type RecommendationQuery = Static<typeof RecommendationQuerySchema>;

export const RecommendedItemSchema = Type.Object({
  productId: Type.String(),
  title: Type.String(),
  price: Type.Union([Type.Number(), Type.Null()]),
  category: Type.String(),
  imageLink: Type.Union([Type.String(), Type.Null()]),
  link: Type.Union([Type.String(), Type.Null()]),
  score: Type.Number(),
  reason: Type.String({ description: 'Why the item is here, e.g. viewed_together, trending, pinned' }),
});
export type RecommendedItem = Static<typeof RecommendedItemSchema>;

export const RecommendationResponseSchema = Type.Object({
  recommendationId: Type.String({ description: 'Send it back as properties.recommendation_id on clicks' }),
  slot: Type.String(),
  algorithm: Type.String({ description: 'The algorithm, or the blend’s parts joined by +' }),
  items: Type.Array(RecommendedItemSchema),
});
export type RecommendationResponse = Static<typeof RecommendationResponseSchema>;

export const RecommendationPreviewSchema = Type.Object({
  slot: SlotInputSchema,
  visitor: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
  product: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
});
export type RecommendationPreview = Static<typeof RecommendationPreviewSchema>;

export const AttributionQuerySchema = Type.Object({
  from: Type.Optional(Type.String({ format: 'date', description: 'First day (UTC); default 30 days ago' })),
  to: Type.Optional(Type.String({ format: 'date', description: 'Last day (UTC), inclusive; default today' })),
});
export type AttributionQuery = Static<typeof AttributionQuerySchema>;

export const AttributionRowSchema = Type.Object({
  slot: Type.String(),
  algorithm: Type.String(),
  impressions: Type.Integer({ description: 'Lists served' }),
  clicks: Type.Integer({ description: 'Clicks or views carrying the list’s recommendation id' }),
  ctr: Type.Union([Type.Number(), Type.Null()], { description: 'clicks / impressions' }),
  orders: Type.Integer({ description: 'Orders with a recommended product within the window' }),
  revenue: Type.Number({ description: 'Revenue of those recommended products in those orders' }),
});
export type AttributionRowWire = Static<typeof AttributionRowSchema>;

export const AttributionReportSchema = Type.Object({
  from: Type.String({ format: 'date' }),
  to: Type.String({ format: 'date' }),
  windowDays: Type.Integer({ description: 'An order counts this many days after the impression' }),
  rows: Type.Array(AttributionRowSchema),
});
export type AttributionReport = Static<typeof AttributionReportSchema>;
