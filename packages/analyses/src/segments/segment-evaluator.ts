// Evaluates a segment rule for one visitor in memory (real time: decisions on a page view),
// compiled once to closures so a visitor with a few hundred events takes microseconds. Its
// answers equal the store's batch evaluation (packages/storage/src/sql/segment-query.ts); the
// DuckDB segment store test checks the two against each other, so change both together.
import {
  ORDER_EVENT,
  type SegmentAggregateFn,
  type SegmentCompare,
  type SegmentEventFilter,
  type SegmentExpr,
  type SegmentLiteral,
  type SegmentTest,
  type SegmentWindow,
} from '@centric/contracts';
import { ZERO_WHEN_MISSING } from './segment-fields';
import {
  cartLine,
  fieldReader,
  type SegmentVisitor,
  type SegmentVisitorEvent,
  TRAIT_READERS,
  type Value,
} from './segment-visitor';

export type { SegmentVisitor, SegmentVisitorEvent, SegmentVisitorTraits } from './segment-visitor';

export type SegmentPredicate = (visitor: SegmentVisitor) => boolean;

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
      if (field === 'channels' || field === 'personas') {
        const check = compileTest(expr.test);
        return (ctx) => {
          const traits = ctx.visitor.traits;
          // No persona is no value, as in the store (an empty string_agg is null).
          const channels =
            field === 'channels' ? traits?.channels : traits?.personas?.length ? traits.personas : null;
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
