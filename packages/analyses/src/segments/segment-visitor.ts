// What the in-memory segment evaluator reads of a visitor: the minimal event and traits shapes
// (a StoredEvent and a ProfileTraits of @centric/storage fit them; analyses may not import
// storage) and the readers of their fields, properties included, in the store's spelling.
import type { SegmentEventColumn, SegmentEventField, SegmentTraitField } from '@centric/contracts';

/** The fields of a stored event a rule reads (a StoredEvent of @centric/storage fits). */
export interface SegmentVisitorEvent {
  messageId: string;
  type: string;
  event: string | null;
  sessionId: string | null;
  channel: string;
  /** ms since the epoch. */
  timestamp: number;
  productId: string | null;
  orderId: string | null;
  revenue: number | null;
  value: number | null;
  currency: string | null;
  quantity: number | null;
  query: string | null;
  category: string | null;
  utmSource: string | null;
  utmMedium: string | null;
  utmCampaign: string | null;
  utmTerm: string | null;
  utmContent: string | null;
  pagePath: string | null;
  referrer: string | null;
  /** JSON text of the other properties. */
  properties: string | null;
}

/** The computed traits a rule reads (a ProfileTraits of @centric/storage fits). */
export interface SegmentVisitorTraits {
  firstSeen: number | null;
  lastSeen: number | null;
  events: number;
  sessions: number;
  channels: readonly string[];
  orders: number;
  revenue: number;
  averageOrderValue: number | null;
  firstOrderAt: number | null;
  lastOrderAt: number | null;
  rfmRecency: number | null;
  rfmFrequency: number | null;
  rfmMonetary: number | null;
  rfmSegment: string | null;
  lifecycleStage: string | null;
  historicClv: number | null;
  predictedClv: number | null;
  churnProbability: number | null;
  expectedPurchases52w: number | null;
  /** Personas the profile was saved into (persona segments); absent or empty when none. */
  personas?: readonly string[];
}

export interface SegmentVisitor {
  traits: SegmentVisitorTraits | null;
  /** The visitor's events, any order; those after `now` are ignored. */
  events: readonly SegmentVisitorEvent[];
  now: number;
}

export type Value = string | number | null;
type Json = Record<string, unknown>;

export const TRAIT_READERS: Readonly<Record<SegmentTraitField, (t: SegmentVisitorTraits) => Value>> = {
  orders: (t) => t.orders,
  revenue: (t) => t.revenue,
  events: (t) => t.events,
  sessions: (t) => t.sessions,
  average_order_value: (t) => t.averageOrderValue,
  rfm_recency: (t) => t.rfmRecency,
  rfm_frequency: (t) => t.rfmFrequency,
  rfm_monetary: (t) => t.rfmMonetary,
  historic_clv: (t) => t.historicClv,
  predicted_clv: (t) => t.predictedClv,
  churn_probability: (t) => t.churnProbability,
  expected_purchases_52w: (t) => t.expectedPurchases52w,
  rfm_segment: (t) => t.rfmSegment,
  lifecycle_stage: (t) => t.lifecycleStage,
  first_seen: (t) => t.firstSeen,
  last_seen: (t) => t.lastSeen,
  first_order: (t) => t.firstOrderAt,
  last_order: (t) => t.lastOrderAt,
  // A list, not a value: the evaluator tests channels itself.
  channels: () => null,
  personas: () => null,
};

const COLUMN_READERS: Readonly<Record<SegmentEventColumn, (e: SegmentVisitorEvent) => Value>> = {
  event: (e) => e.event,
  type: (e) => e.type,
  channel: (e) => e.channel,
  category: (e) => e.category,
  product_id: (e) => e.productId,
  order_id: (e) => e.orderId,
  currency: (e) => e.currency,
  query: (e) => e.query,
  utm_source: (e) => e.utmSource,
  utm_medium: (e) => e.utmMedium,
  utm_campaign: (e) => e.utmCampaign,
  utm_term: (e) => e.utmTerm,
  utm_content: (e) => e.utmContent,
  page_path: (e) => e.pagePath,
  referrer: (e) => e.referrer,
  revenue: (e) => e.revenue,
  value: (e) => e.value,
  quantity: (e) => e.quantity,
};

export function fieldReader(field: SegmentEventField): (e: SegmentVisitorEvent) => Value {
  if ('column' in field) return COLUMN_READERS[field.column];
  const key = field.property;
  if (field.as === 'number') return (e) => numberOf(propertiesOf(e)?.[key]);
  return (e) => textOf(propertiesOf(e)?.[key]);
}

const parsedProperties = new WeakMap<SegmentVisitorEvent, Json | null>();

/** The event's properties, parsed once per event object. */
function propertiesOf(e: SegmentVisitorEvent): Json | null {
  if (e.properties === null) return null;
  let parsed = parsedProperties.get(e);
  if (parsed === undefined) {
    try {
      const value: unknown = JSON.parse(e.properties);
      parsed = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : null;
    } catch {
      parsed = null;
    }
    parsedProperties.set(e, parsed);
  }
  return parsed;
}

/** The same pattern the store matches before casting (segment-query.ts), so both read alike. */
const NUMERIC_TEXT = /^[ \t\n\r]*[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?[ \t\n\r]*$/;

/** A JSON value as a number the way the store casts it: numbers and numeric text. */
function numberOf(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && NUMERIC_TEXT.test(v)) return Number(v);
  return null;
}

/** A JSON value as text the way the store extracts it. */
function textOf(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/** A cart line's amount: unit price × quantity (1 if absent), else the event's value (GA4). */
export function cartLine(e: SegmentVisitorEvent): number {
  const price = numberOf(propertiesOf(e)?.price);
  if (price !== null) return price * (e.quantity ?? 1);
  return e.value ?? 0;
}
