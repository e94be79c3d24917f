// Wire schemas of the Pattern Explorer, association analysis and personas (the query strings,
// bodies and answers of apps/server/src/routes/mining.routes.ts), shared by the server
// (validation, OpenAPI) and the CLI (types). Words as in DESIGN.md: pattern, association with
// its surprise factor, persona.
import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { SegmentSchema } from './segment-ast';

const Day = (description: string) => Type.String({ format: 'date', description });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Share = (description: string) => Type.Number({ minimum: 0, maximum: 1, description });

export const PATTERN_VOCABULARIES = ['event', 'page_type', 'category'] as const;
export const ASSOCIATION_SIDES = [
  'bought_together',
  'viewed_together',
  'search_to_product',
  'channel_to_category',
  'segment_to_product',
] as const;

export const PatternQuerySchema = Type.Object({
  from: Type.Optional(Day('First day (UTC), inclusive; default 30 days before `to`')),
  to: Type.Optional(Day('Last day (UTC), inclusive; default today')),
  vocabulary: Type.Optional(
    Type.Union(
      PATTERN_VOCABULARIES.map((v) => Type.Literal(v)),
      { description: 'What a session’s actions are: event names, page types or categories (default event)' },
    ),
  ),
  minSupport: Type.Optional(
    Type.Number({
      exclusiveMinimum: 0,
      maximum: 1,
      description: 'Share of sessions containing a pattern (default 0.01)',
    }),
  ),
  maxLength: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 10, description: 'Longest pattern (default 4)' }),
  ),
  segment: Type.Optional(
    Type.String({ minLength: 1, description: 'Only sessions of this segment’s members' }),
  ),
  items: Type.Optional(
    Type.String({ description: 'Comma-separated actions to mine; others are dropped (default all)' }),
  ),
  limit: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 5000, description: 'Patterns listed (default 200)' }),
  ),
});
export type PatternQuery = Static<typeof PatternQuerySchema>;

export const SessionPatternSchema = Type.Object({
  items: Type.Array(Type.String(), { description: 'Actions in order; others may come between them' }),
  support: Type.Integer({ description: 'Sessions containing the pattern' }),
  supportRatio: Share('support / sessions'),
  convertedSupport: Type.Integer(),
  abandonedSupport: Type.Integer(),
  conversionRate: Share('Converting sessions among those containing it'),
  conversionLift: Type.Number({ description: 'conversionRate / conversion rate of all sessions' }),
  supportDifference: Type.Number({
    description: 'Share of converting minus share of abandoning sessions with it',
  }),
  pValue: Type.Number({ description: 'Fisher exact test: contains the pattern x converted' }),
  adjustedPValue: Type.Number({ description: 'Benjamini-Hochberg over all frequent patterns' }),
  separating: Type.Boolean({ description: 'Significantly more (or less) frequent in converting sessions' }),
});
export type SessionPatternWire = Static<typeof SessionPatternSchema>;

export const PatternReportSchema = Type.Object({
  from: Day('First day'),
  to: Day('Last day'),
  vocabulary: Type.String(),
  segmentId: Nullable(Type.String()),
  sessionCount: Type.Integer(),
  convertedCount: Type.Integer(),
  conversionRate: Share('Converting sessions / sessions'),
  minCount: Type.Integer({ description: 'Minimum support applied, in sessions' }),
  truncated: Type.Boolean({ description: 'The search stopped at its pattern limit' }),
  patternCount: Type.Integer({ description: 'Frequent patterns found (the list shows the first `limit`)' }),
  patterns: Type.Array(SessionPatternSchema, { description: 'By support, most frequent first' }),
  separating: Type.Array(SessionPatternSchema, { description: 'By |supportDifference|, largest first' }),
  actions: Type.Array(Type.Object({ item: Type.String(), sessions: Type.Integer() }), {
    description: 'The vocabulary: every action and the sessions holding it',
  }),
});
export type PatternReport = Static<typeof PatternReportSchema>;

export const AssociationQuerySchema = Type.Object({
  side: Type.Optional(
    Type.Union(
      ASSOCIATION_SIDES.map((v) => Type.Literal(v)),
      { description: 'Which two things are associated (default bought_together)' },
    ),
  ),
  from: Type.Optional(Day('First day (UTC), inclusive; default 90 days before `to`')),
  to: Type.Optional(Day('Last day (UTC), inclusive; default today')),
  minSupport: Type.Optional(
    Type.Number({
      exclusiveMinimum: 0,
      maximum: 1,
      description: 'Share of baskets holding a pair (default 0.001)',
    }),
  ),
  minConfidence: Type.Optional(Share('Smallest P(consequent | antecedent) (default 0)')),
  sort: Type.Optional(
    Type.Union(
      ['significance', 'surprise', 'support', 'confidence'].map((v) => Type.Literal(v)),
      { description: 'Order of the list (default significance: adjusted p-value, then observed)' },
    ),
  ),
  limit: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 5000, description: 'Associations listed (default 100)' }),
  ),
});
export type AssociationQuery = Static<typeof AssociationQuerySchema>;

export const AssociationSchema = Type.Object({
  antecedent: Type.Array(Type.String(), { description: 'A (product, search term, channel, segment ...)' }),
  consequent: Type.Array(Type.String(), { description: 'B' }),
  support: Share('Baskets with A and B / baskets'),
  confidence: Share('P(B | A)'),
  lift: Type.Number({ description: 'confidence / P(B)' }),
  observed: Type.Integer({ description: 'Baskets with A and B' }),
  expected: Type.Number({ description: 'Baskets with A and B expected if independent: N x P(A) x P(B)' }),
  surpriseFactor: Type.Number({ description: 'observed / expected: above 1 more often than chance' }),
  antecedentCount: Type.Integer(),
  consequentCount: Type.Integer(),
  direction: Type.Union([Type.Literal('more'), Type.Literal('less'), Type.Literal('as-expected')]),
  pValue: Type.Number({ description: 'Fisher exact test of independence, two-sided' }),
  adjustedPValue: Type.Number({ description: 'Benjamini-Hochberg over every candidate pair' }),
});
export type AssociationWire = Static<typeof AssociationSchema>;

export const AssociationReportSchema = Type.Object({
  side: Type.String(),
  from: Day('First day'),
  to: Day('Last day'),
  basketCount: Type.Integer({ description: 'Orders, sessions or customers, by side' }),
  basketKind: Type.String({ description: 'What a basket is for this side' }),
  minCount: Type.Integer({ description: 'Minimum support applied, in baskets' }),
  hypothesisCount: Type.Integer({ description: 'Candidate pairs the p-values were corrected for' }),
  truncated: Type.Boolean({ description: 'More pairs were frequent than the store returns' }),
  associationCount: Type.Integer({ description: 'Associations found (the list shows the first `limit`)' }),
  associations: Type.Array(AssociationSchema),
  labels: Type.Record(Type.String(), Type.String(), { description: 'Product id -> title, where known' }),
});
export type AssociationReport = Static<typeof AssociationReportSchema>;

export const PersonaDiscoverBodySchema = Type.Object({
  k: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, description: 'A fixed number of personas' })),
  kMin: Type.Optional(Type.Integer({ minimum: 2, maximum: 20, description: 'Smallest k tried (default 2)' })),
  kMax: Type.Optional(Type.Integer({ minimum: 2, maximum: 20, description: 'Largest k tried (default 8)' })),
  from: Type.Optional(Day('First day of the orders looked at; default 365 days before `to`')),
  to: Type.Optional(Day('Last day, inclusive; default today')),
});
export type PersonaDiscoverBody = Static<typeof PersonaDiscoverBodySchema>;

export const PersonaSchema = Type.Object({
  personaId: Type.String(),
  name: Type.String({ description: 'From its strongest traits, e.g. "Coupon hunters · app shoppers"' }),
  description: Type.String({ description: 'What sets it apart from the average customer' }),
  traits: Type.Array(
    Type.Object({
      feature: Type.String(),
      personaValue: Type.Number(),
      overallValue: Type.Number(),
      ratio: Nullable(Type.Number()),
      effect: Type.Number({ description: 'Standardised difference from the average' }),
      phrase: Type.String(),
    }),
  ),
  size: Type.Integer({ description: 'Customers' }),
  share: Share('Of all customers clustered'),
  revenue: Type.Number(),
  revenueShare: Share('Of the revenue of all customers clustered'),
  orders: Type.Integer(),
  averageOrderValue: Type.Number(),
  revenuePerCustomer: Type.Number(),
  segmentId: Nullable(Type.String({ description: 'The segment made of it, if any' })),
});
export type PersonaWire = Static<typeof PersonaSchema>;

export const PersonaReportSchema = Type.Object({
  runId: Nullable(Type.String()),
  from: Nullable(Day('First day')),
  to: Nullable(Day('Last day')),
  customerCount: Type.Integer(),
  k: Type.Integer(),
  silhouette: Type.Number({ description: 'Mean silhouette of the chosen clustering (-1..1)' }),
  candidates: Type.Array(Type.Object({ k: Type.Integer(), silhouette: Type.Number() })),
  features: Type.Array(Type.String()),
  personas: Type.Array(PersonaSchema, { description: 'Largest first' }),
});
export type PersonaReport = Static<typeof PersonaReportSchema>;

export const PersonaSegmentSchema = Type.Object({
  segment: SegmentSchema,
  personaId: Type.String(),
  members: Type.Integer({ description: 'Profiles in the segment now' }),
});
export type PersonaSegment = Static<typeof PersonaSegmentSchema>;
