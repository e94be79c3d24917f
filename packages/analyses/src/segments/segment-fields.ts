// The fields of the segment language and their types, in one place: the parser checks every
// test against them, so a rule that parses means the same in memory and in the store.
import {
  SEGMENT_EVENT_COLUMNS,
  SEGMENT_SESSION_FIELDS,
  SEGMENT_TRAIT_FIELDS,
  type SegmentEventColumn,
  type SegmentSessionField,
  type SegmentTraitField,
} from '@centric/contracts';

/** number: compared with numbers; string: =, !=, in, contains; date: N days ago; list: contains. */
export type FieldType = 'number' | 'string' | 'date' | 'list';

export const TRAIT_TYPES: Readonly<Record<SegmentTraitField, FieldType>> = {
  orders: 'number',
  revenue: 'number',
  events: 'number',
  sessions: 'number',
  average_order_value: 'number',
  rfm_recency: 'number',
  rfm_frequency: 'number',
  rfm_monetary: 'number',
  historic_clv: 'number',
  predicted_clv: 'number',
  churn_probability: 'number',
  expected_purchases_52w: 'number',
  rfm_segment: 'string',
  lifecycle_stage: 'string',
  first_seen: 'date',
  last_seen: 'date',
  first_order: 'date',
  last_order: 'date',
  channels: 'list',
  personas: 'list',
};

/** Counting traits are 0, not unknown, for a profile whose traits were never computed. */
export const ZERO_WHEN_MISSING: ReadonlySet<SegmentTraitField> = new Set([
  'orders',
  'revenue',
  'events',
  'sessions',
]);

export const EVENT_COLUMN_TYPES: Readonly<Record<SegmentEventColumn, 'number' | 'string'>> = {
  event: 'string',
  type: 'string',
  channel: 'string',
  category: 'string',
  product_id: 'string',
  order_id: 'string',
  currency: 'string',
  query: 'string',
  utm_source: 'string',
  utm_medium: 'string',
  utm_campaign: 'string',
  utm_term: 'string',
  utm_content: 'string',
  page_path: 'string',
  referrer: 'string',
  revenue: 'number',
  value: 'number',
  quantity: 'number',
};

/** Event fields that read a property: `price` is the Segment spec's unit price. */
export const EVENT_PROPERTY_ALIASES: Readonly<Record<string, 'number' | 'string'>> = { price: 'number' };

export const isTraitField = (name: string): name is SegmentTraitField =>
  (SEGMENT_TRAIT_FIELDS as readonly string[]).includes(name);
export const isSessionField = (name: string): name is SegmentSessionField =>
  (SEGMENT_SESSION_FIELDS as readonly string[]).includes(name);
export const isEventColumn = (name: string): name is SegmentEventColumn =>
  (SEGMENT_EVENT_COLUMNS as readonly string[]).includes(name);

/** Every name a rule may start a condition with, for "did you mean" hints. */
export const RULE_FIELD_NAMES: readonly string[] = [
  ...SEGMENT_TRAIT_FIELDS,
  'cart_value',
  ...SEGMENT_SESSION_FIELDS.map((f) => `session.${f}`),
  'count',
  'count_distinct',
  'sum',
  'avg',
  'min',
  'max',
  'exists',
];
export const EVENT_FIELD_NAMES: readonly string[] = [
  ...SEGMENT_EVENT_COLUMNS,
  ...Object.keys(EVENT_PROPERTY_ALIASES),
  'properties.<key>',
];

/** The closest known name within two edits, for error messages. */
export function closestName(name: string, known: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = 3;
  for (const candidate of known) {
    const d = editDistance(name, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}
