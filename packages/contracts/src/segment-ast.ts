// The parsed form of a segment rule (Centric's segment language, see
// packages/analyses/src/segments/LANGUAGE.md) and the wire shapes of the segment API. Plain
// data, so the parser (analyses), the in-store compiler (storage) and the server share it
// without depending on each other.
import { type Static, Type } from '@sinclair/typebox';

/** Profile traits a rule may test (columns of profile_traits). */
export const SEGMENT_TRAIT_FIELDS = [
  'orders',
  'revenue',
  'events',
  'sessions',
  'average_order_value',
  'rfm_recency',
  'rfm_frequency',
  'rfm_monetary',
  'historic_clv',
  'predicted_clv',
  'churn_probability',
  'expected_purchases_52w',
  'rfm_segment',
  'lifecycle_stage',
  'first_seen',
  'last_seen',
  'first_order',
  'last_order',
  'channels',
  'personas',
] as const;
export type SegmentTraitField = (typeof SEGMENT_TRAIT_FIELDS)[number];

/** Figures of the profile's latest session (the session of its latest event). */
export const SEGMENT_SESSION_FIELDS = ['cart_value', 'orders', 'revenue', 'events'] as const;
export type SegmentSessionField = (typeof SEGMENT_SESSION_FIELDS)[number];

/** Typed event columns an event filter may test. */
export const SEGMENT_EVENT_COLUMNS = [
  'event',
  'type',
  'channel',
  'category',
  'product_id',
  'order_id',
  'currency',
  'query',
  'utm_source',
  'utm_medium',
  'utm_campaign',
  'utm_term',
  'utm_content',
  'page_path',
  'referrer',
  'revenue',
  'value',
  'quantity',
] as const;
export type SegmentEventColumn = (typeof SEGMENT_EVENT_COLUMNS)[number];

/** A typed column, or a key of the event's JSON properties read as a number or as text. */
export type SegmentEventField =
  | { column: SegmentEventColumn }
  | { property: string; as: 'number' | 'string' };

export type SegmentCompare = '=' | '!=' | '<' | '<=' | '>' | '>=';
export type SegmentLiteral = string | number;

/**
 * What a field is tested for. A field without a value (null) passes no test but `is null`,
 * so `not (x = 1)` holds for a profile without x: every test is true or false, never unknown.
 */
export type SegmentTest =
  | { op: SegmentCompare; value: SegmentLiteral }
  | { op: 'in' | 'not in'; values: readonly SegmentLiteral[] }
  /** Substring of a text field; member of a list field (channels). */
  | { op: 'contains'; value: string }
  | { op: 'is null' | 'is not null' }
  /** Date fields: their age (now minus the date) compared with a duration. */
  | { op: 'ago'; compare: '<' | '<=' | '>' | '>='; ms: number };

export type SegmentEventFilter =
  | { kind: 'and' | 'or'; items: readonly SegmentEventFilter[] }
  | { kind: 'not'; item: SegmentEventFilter }
  | { kind: 'field'; field: SegmentEventField; test: SegmentTest };

/** Which of the profile's events (up to now) an aggregate looks at. */
export type SegmentWindow =
  | { kind: 'all' }
  /** Events after now minus ms. */
  | { kind: 'within'; ms: number }
  /** Events of the latest session. */
  | { kind: 'session' };

export type SegmentAggregateFn = 'count' | 'count_distinct' | 'sum' | 'avg' | 'min' | 'max';

export type SegmentExpr =
  | { kind: 'and' | 'or'; items: readonly SegmentExpr[] }
  | { kind: 'not'; item: SegmentExpr }
  | { kind: 'trait'; field: SegmentTraitField; test: SegmentTest }
  | { kind: 'session'; field: SegmentSessionField; test: SegmentTest }
  | {
      kind: 'aggregate';
      fn: SegmentAggregateFn;
      /** The measured field; null for count. */
      of: SegmentEventField | null;
      /** Which events count; null for all. */
      where: SegmentEventFilter | null;
      window: SegmentWindow;
      test: { op: SegmentCompare; value: number };
    };

/** A saved segment on the wire. */
export const SegmentSchema = Type.Object({
  segmentId: Type.String(),
  name: Type.String(),
  rule: Type.String({ description: 'The rule in the segment language' }),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type SegmentInfo = Static<typeof SegmentSchema>;

export const SegmentInputSchema = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  rule: Type.String({
    minLength: 1,
    maxLength: 10_000,
    description: 'e.g. orders >= 2 and last_order > 90 days ago',
  }),
});
export type SegmentInput = Static<typeof SegmentInputSchema>;

export const SegmentMembersSchema = Type.Object({
  count: Type.Integer({ description: 'How many profiles match the rule now' }),
  profileIds: Type.Array(Type.String(), { description: 'Member profile ids, sorted, up to the limit' }),
});
export type SegmentMembers = Static<typeof SegmentMembersSchema>;

export const SegmentPreviewSchema = Type.Object({
  count: Type.Integer({ description: 'Live member count of the rule' }),
  sample: Type.Array(Type.String(), { description: 'A few member profile ids, sorted' }),
});
export type SegmentPreview = Static<typeof SegmentPreviewSchema>;
