// Evaluates a segment rule for one visitor in memory (real time: decisions on a page view),
// compiled once to closures so a visitor with a few hundred events takes microseconds. Its
// answers equal the store's batch evaluation (packages/storage/src/sql/segment-query.ts); the
// DuckDB segment store test checks the two against each other, so change both together.
import {
  ORDER_EVENT,
  type SegmentAggregateFn,
  type SegmentCompare,
  type SegmentEventColumn,
  type SegmentEventField,
  type SegmentEventFilter,
  type SegmentExpr,
  type SegmentLiteral,
  type SegmentTest,
  type SegmentTraitField,
  type SegmentWindow,
} from '@centric/contracts';
import { ZERO_WHEN_MISSING } from './segment-fields';

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
}

export interface SegmentVisitor {
  traits: SegmentVisitorTraits | null;
  /** The visitor's events, any order; those after `now` are ignored. */
  events: readonly SegmentVisitorEvent[];
  now: number;
}

export type SegmentPredicate = (visitor: SegmentVisitor) => boolean;

type Value = string | number | null;
type Json = Record<string, unknown>;

/** What one evaluation shares between conditions: worked out once, on first use. */
class Context {
  private pastEvents: readonly SegmentVisitorEvent[] | null = null;
  private latest: string | null | undefined;

  constructor(readonly visitor: SegmentVisitor) {}

  past(): readonly SegmentVisitorEvent[] {
    if (this.pastEvents === null) {
      const now = this.visitor.now;
      const all = this.visitor.events;
      this.pastEvents = all.every((e) => e.timestamp <= now) ? all : all.filter((e) => e.timestamp <= now);
    }
    return this.pastEvents;
  }

  /** The session of the latest event with a session; ties go to the greatest session id. */
  latestSession(): string | null {
    if (this.latest === undefined) {
      let best: SegmentVisitorEvent | null = null;
      for (const e of this.past()) {
        if (e.sessionId === null) continue;
        if (
          !best ||
          e.timestamp > best.timestamp ||
          (e.timestamp === best.timestamp && e.sessionId > best.sessionId!)
        )
          best = e;
      }
      this.latest = best ? best.sessionId : null;
    }
    return this.latest;
  }
}

const TRAIT_READERS: Readonly<Record<SegmentTraitField, (t: SegmentVisitorTraits) => Value>> = {
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
  channels: () => null,
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

const compiled = new WeakMap<SegmentExpr, SegmentPredicate>();

/**
 * Whether a visitor is in the segment now.
 *
 * @example evaluateSegment(parseSegment('cart_value > 100'), { traits: null, events, now: Date.now() })
 */
export function evaluateSegment(expr: SegmentExpr, visitor: SegmentVisitor): boolean {
  let predicate = compiled.get(expr);
  if (!predicate) {
    predicate = compileSegment(expr);
    compiled.set(expr, predicate);
  }
  return predicate(visitor);
}

/** Compiles a rule once; the predicate is then called per visitor. */
export function compileSegment(expr: SegmentExpr): SegmentPredicate {
  const run = compileExpr(expr);
  return (visitor) => run(new Context(visitor));
}

function compileExpr(expr: SegmentExpr): (ctx: Context) => boolean {
  switch (expr.kind) {
    case 'and': {
      const items = expr.items.map(compileExpr);
      return (ctx) => items.every((item) => item(ctx));
    }
    case 'or': {
      const items = expr.items.map(compileExpr);
      return (ctx) => items.some((item) => item(ctx));
    }
    case 'not': {
      const item = compileExpr(expr.item);
      return (ctx) => !item(ctx);
    }
    case 'trait': {
      const field = expr.field;
      if (field === 'channels') {
        const check = compileTest(expr.test);
        return (ctx) => {
          const channels = ctx.visitor.traits?.channels;
          if (!channels) return check(null, ctx);
          if (expr.test.op === 'contains') return channels.includes(expr.test.value);
          return check(channels.join(','), ctx);
        };
      }
      const read = TRAIT_READERS[field];
      const fallback = ZERO_WHEN_MISSING.has(field) ? 0 : null;
      const check = compileTest(expr.test);
      return (ctx) => check(ctx.visitor.traits ? read(ctx.visitor.traits) : fallback, ctx);
    }
    case 'session': {
      const measure = sessionMeasure(expr.field);
      const check = compileTest(expr.test);
      return (ctx) => check(measure(ctx), ctx);
    }
    case 'aggregate': {
      const measure = aggregateMeasure(expr);
      const check = compileTest(expr.test);
      return (ctx) => check(measure(ctx), ctx);
    }
  }
}

function compileTest(test: SegmentTest): (value: Value, ctx: Context) => boolean {
  switch (test.op) {
    case 'is null':
      return (v) => v === null;
    case 'is not null':
      return (v) => v !== null;
    case 'in': {
      const set = new Set<SegmentLiteral>(test.values);
      return (v) => v !== null && set.has(v);
    }
    case 'not in': {
      const set = new Set<SegmentLiteral>(test.values);
      return (v) => v !== null && !set.has(v);
    }
    case 'contains': {
      const part = test.value;
      return (v) => typeof v === 'string' && v.includes(part);
    }
    case 'ago': {
      const { compare, ms } = test;
      return (v, ctx) => v !== null && compareValues(ctx.visitor.now - Number(v), compare, ms);
    }
    default: {
      const { op, value } = test;
      return (v) => v !== null && compareValues(v, op, value);
    }
  }
}

function compareValues(a: string | number, op: SegmentCompare, b: string | number): boolean {
  switch (op) {
    case '=':
      return a === b;
    case '!=':
      return a !== b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
  }
}

function sessionMeasure(field: 'cart_value' | 'orders' | 'revenue' | 'events'): (ctx: Context) => number {
  return (ctx) => {
    const sid = ctx.latestSession();
    if (sid === null) return 0;
    let total = 0;
    const orders = new Set<string>();
    for (const e of ctx.past()) {
      if (e.sessionId !== sid) continue;
      if (field === 'events') total++;
      else if (field === 'cart_value') {
        if (e.event === 'Product Added') total += cartLine(e);
        else if (e.event === 'Product Removed') total -= cartLine(e);
      } else if (e.event === ORDER_EVENT) {
        if (field === 'orders') orders.add(e.orderId ?? e.messageId);
        else if (e.revenue !== null) total += e.revenue;
      }
    }
    return field === 'orders' ? orders.size : total;
  };
}

/** A cart line's amount: unit price × quantity (1 if absent), else the event's value (GA4). */
export function cartLine(e: SegmentVisitorEvent): number {
  const price = numberOf(propertiesOf(e)?.price);
  if (price !== null) return price * (e.quantity ?? 1);
  return e.value ?? 0;
}

function aggregateMeasure(expr: Extract<SegmentExpr, { kind: 'aggregate' }>): (ctx: Context) => Value {
  const matches = expr.where ? compileFilter(expr.where) : () => true;
  const inWindow = compileWindow(expr.window);
  const read = expr.of ? fieldReader(expr.of) : null;
  const fold = folder(expr.fn);
  return (ctx) => {
    const acc = fold.start();
    const keep = inWindow(ctx);
    for (const e of ctx.past()) if (keep(e) && matches(e)) fold.add(acc, read ? read(e) : 1);
    return fold.end(acc);
  };
}

interface Accumulator {
  n: number;
  total: number;
  extreme: number | null;
  seen: Set<string | number> | null;
}

function folder(fn: SegmentAggregateFn): {
  start(): Accumulator;
  add(acc: Accumulator, v: Value): void;
  end(acc: Accumulator): Value;
} {
  const start = (): Accumulator => ({
    n: 0,
    total: 0,
    extreme: null,
    seen: fn === 'count_distinct' ? new Set() : null,
  });
  const add = (acc: Accumulator, v: Value) => {
    if (v === null) return;
    acc.n++;
    if (acc.seen) acc.seen.add(v);
    if (typeof v !== 'number') return;
    acc.total += v;
    if (acc.extreme === null || (fn === 'min' ? v < acc.extreme : v > acc.extreme)) acc.extreme = v;
  };
  const end = (acc: Accumulator): Value => {
    switch (fn) {
      case 'count':
        return acc.n;
      case 'count_distinct':
        return acc.seen!.size;
      case 'sum':
        // Nothing bought is 0 spent, as in the store.
        return acc.total;
      case 'avg':
        return acc.n === 0 ? null : acc.total / acc.n;
      default:
        return acc.extreme;
    }
  };
  return { start, add, end };
}

function compileWindow(w: SegmentWindow): (ctx: Context) => (e: SegmentVisitorEvent) => boolean {
  if (w.kind === 'within') {
    const ms = w.ms;
    return (ctx) => {
      const after = ctx.visitor.now - ms;
      return (e) => e.timestamp > after;
    };
  }
  if (w.kind === 'session') {
    return (ctx) => {
      const sid = ctx.latestSession();
      return (e) => sid !== null && e.sessionId === sid;
    };
  }
  return () => () => true;
}

function compileFilter(f: SegmentEventFilter): (e: SegmentVisitorEvent) => boolean {
  switch (f.kind) {
    case 'and': {
      const items = f.items.map(compileFilter);
      return (e) => items.every((item) => item(e));
    }
    case 'or': {
      const items = f.items.map(compileFilter);
      return (e) => items.some((item) => item(e));
    }
    case 'not': {
      const item = compileFilter(f.item);
      return (e) => !item(e);
    }
    case 'field': {
      const read = fieldReader(f.field);
      // Event tests never compare ages, so the context is not needed.
      const check = compileTest(f.test) as (v: Value) => boolean;
      return (e) => check(read(e));
    }
  }
}

function fieldReader(field: SegmentEventField): (e: SegmentVisitorEvent) => Value {
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
