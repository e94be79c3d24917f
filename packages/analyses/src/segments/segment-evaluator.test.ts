import { describe, expect, it } from 'vitest';
import {
  compileSegment,
  evaluateSegment,
  type SegmentVisitorEvent,
  type SegmentVisitorTraits,
} from './segment-evaluator';
import { parseSegment } from './segment-parser';

const DAY = 86_400_000;
const NOW = Date.parse('2026-03-20T12:00:00Z');
let n = 0;

function ev(over: Partial<SegmentVisitorEvent>): SegmentVisitorEvent {
  n++;
  return {
    messageId: `m${n}`,
    type: 'track',
    event: 'Product Viewed',
    sessionId: 's1',
    channel: 'web',
    timestamp: NOW - 60_000,
    productId: null,
    orderId: null,
    revenue: null,
    value: null,
    currency: null,
    quantity: null,
    query: null,
    category: null,
    utmSource: null,
    utmMedium: null,
    utmCampaign: null,
    utmTerm: null,
    utmContent: null,
    pagePath: null,
    referrer: null,
    properties: null,
    ...over,
  };
}

const traits = (over: Partial<SegmentVisitorTraits> = {}): SegmentVisitorTraits => ({
  firstSeen: NOW - 400 * DAY,
  lastSeen: NOW - DAY,
  events: 40,
  sessions: 6,
  channels: ['web', 'app'],
  orders: 3,
  revenue: 240,
  averageOrderValue: 80,
  firstOrderAt: NOW - 300 * DAY,
  lastOrderAt: NOW - 120 * DAY,
  rfmRecency: 2,
  rfmFrequency: 4,
  rfmMonetary: 4,
  rfmSegment: 'At risk',
  lifecycleStage: 'at risk',
  historicClv: 240,
  predictedClv: null,
  churnProbability: 0.6,
  expectedPurchases52w: 0.4,
  ...over,
});

const holds = (
  rule: string,
  visitor: { traits?: SegmentVisitorTraits | null; events?: SegmentVisitorEvent[] },
) =>
  evaluateSegment(parseSegment(rule), {
    traits: visitor.traits ?? null,
    events: visitor.events ?? [],
    now: NOW,
  });

describe('evaluateSegment', () => {
  it('adds cart lines of the latest session: price × quantity, else value, removals subtracted', () => {
    const events = [
      ev({ sessionId: 's0', event: 'Product Added', properties: '{"price":500}', timestamp: NOW - 3 * DAY }),
      ev({ event: 'Product Added', properties: '{"price":40}', quantity: 2 }),
      ev({ event: 'Product Added', value: 30 }),
      ev({ event: 'Product Removed', properties: '{"price":"5"}' }),
    ];
    expect(holds('cart_value = 105', { events })).toBe(true);
    expect(holds('cart_value > 100 and session.orders = 0', { events })).toBe(true);
    const ordered = [...events, ev({ event: 'Order Completed', orderId: 'o1', revenue: 105 })];
    expect(holds('cart_value > 100 and session.orders = 0', { events: ordered })).toBe(false);
    expect(holds('session.revenue = 105 and session.events = 4', { events: ordered })).toBe(true);
  });

  it('takes the session of the latest event, the greatest id on a tie, and ignores events after now', () => {
    const events = [
      ev({ sessionId: 'a', timestamp: NOW - DAY }),
      ev({ sessionId: 'c', timestamp: NOW - DAY }),
      ev({ sessionId: 'b', timestamp: NOW - 2 * DAY }),
      ev({ sessionId: 'z', timestamp: NOW + DAY }),
      ev({ sessionId: null, timestamp: NOW }),
    ];
    expect(holds('count(properties.x is null) in session = 1', { events })).toBe(true);
    expect(holds('count() = 4', { events })).toBe(true);
    expect(holds('session.events = 0', { events: [ev({ sessionId: null })] })).toBe(true);
  });

  it('counts and sums events matching a filter within a window', () => {
    const events = [
      ...[1, 2, 3].map((d) => ev({ category: 'Shoes', timestamp: NOW - d * DAY })),
      ev({ category: 'Shoes', timestamp: NOW - 8 * DAY }),
      ev({ category: 'Hats', timestamp: NOW - DAY }),
      ev({ event: 'Order Completed', revenue: 150, timestamp: NOW - 10 * DAY, channel: 'app' }),
      ev({ event: 'Order Completed', revenue: 80, timestamp: NOW - 40 * DAY }),
    ];
    const rule = 'count(event = "Product Viewed" and category = "Shoes") within 7 days >= 3';
    expect(holds(rule, { events })).toBe(true);
    expect(holds(rule, { events: events.slice(1) })).toBe(false);
    expect(holds('sum(revenue of event = "Order Completed") within 30 days > 200', { events })).toBe(false);
    expect(holds('sum(revenue of event = "Order Completed") within 60 days > 200', { events })).toBe(true);
    expect(holds('exists(event = "Order Completed" and channel = "app") within 14 days', { events })).toBe(
      true,
    );
    expect(holds('avg(revenue) = 115 and min(revenue) = 80 and max(revenue) = 150', { events })).toBe(true);
    expect(holds('count_distinct(category) = 2 and sum(revenue of channel = "store") = 0', { events })).toBe(
      true,
    );
    expect(holds('avg(quantity) < 1 or avg(quantity) >= 1', { events })).toBe(false);
  });

  it('reads traits, with counting traits 0 and the rest unknown without a traits row', () => {
    const t = traits();
    expect(holds('orders >= 2 and last_order > 90 days ago', { traits: t })).toBe(true);
    expect(holds('orders >= 2 and last_order within 90 days', { traits: t })).toBe(false);
    expect(
      holds('lifecycle_stage in ("at risk", "lapsed") or rfm_segment = "Champions"', { traits: t }),
    ).toBe(true);
    expect(holds('channels contains "app" and not channels contains "store"', { traits: t })).toBe(true);
    expect(holds('predicted_clv is null and churn_probability > 0.5', { traits: t })).toBe(true);
    expect(holds('orders = 0 and revenue = 0', { traits: null })).toBe(true);
    expect(holds('rfm_segment != "Champions"', { traits: null })).toBe(false);
    expect(holds('not rfm_segment = "Champions"', { traits: null })).toBe(true);
    expect(holds('channels is null and last_order is null', { traits: null })).toBe(true);
  });

  it('treats a missing value as failing every test but is null, inside filters too', () => {
    const events = [ev({ category: null }), ev({ category: 'Shoes' })];
    expect(holds('count(category != "Shoes") = 0', { events })).toBe(true);
    expect(holds('count(not category = "Shoes") = 1', { events })).toBe(true);
    expect(holds('count(category not in ("Hats")) = 1', { events })).toBe(true);
    expect(
      holds('count(properties.size >= 40) = 1', { events: [ev({ properties: '{"size":"41"}' }), ev({})] }),
    ).toBe(true);
    expect(
      holds('count(properties.flag = "true") = 1', { events: [ev({ properties: '{"flag":true}' })] }),
    ).toBe(true);
  });

  it('compiles once and answers per visitor', () => {
    const inSegment = compileSegment(parseSegment('exists(event = "Coupon Applied") within 14 days'));
    expect(inSegment({ traits: null, events: [ev({ event: 'Coupon Applied' })], now: NOW })).toBe(true);
    expect(inSegment({ traits: null, events: [ev({ event: 'Coupon Applied' })], now: NOW + 20 * DAY })).toBe(
      false,
    );
  });
});
