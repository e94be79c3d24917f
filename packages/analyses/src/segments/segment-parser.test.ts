import { describe, expect, it } from 'vitest';
import { formatSegment } from './segment-format';
import { parseSegment } from './segment-parser';
import { SegmentSyntaxError } from './segment-tokenizer';

const DAY = 86_400_000;

/** The error a rule raises, for asserting on its parts. */
function errorOf(rule: string): SegmentSyntaxError {
  try {
    parseSegment(rule);
  } catch (error) {
    if (error instanceof SegmentSyntaxError) return error;
    throw error;
  }
  throw new Error(`"${rule}" parsed`);
}

describe('parseSegment', () => {
  it('reads the cart rule: cart value and orders of the latest session', () => {
    expect(parseSegment('cart_value > 100 and session.orders = 0')).toEqual({
      kind: 'and',
      items: [
        { kind: 'session', field: 'cart_value', test: { op: '>', value: 100 } },
        { kind: 'session', field: 'orders', test: { op: '=', value: 0 } },
      ],
    });
  });

  it('reads counts of filtered events within a window', () => {
    expect(parseSegment('count(event = "Product Viewed" and category = "Shoes") within 7 days >= 3')).toEqual(
      {
        kind: 'aggregate',
        fn: 'count',
        of: null,
        where: {
          kind: 'and',
          items: [
            { kind: 'field', field: { column: 'event' }, test: { op: '=', value: 'Product Viewed' } },
            { kind: 'field', field: { column: 'category' }, test: { op: '=', value: 'Shoes' } },
          ],
        },
        window: { kind: 'within', ms: 7 * DAY },
        test: { op: '>=', value: 3 },
      },
    );
  });

  it('compares date traits by age: "> 90 days ago" is older than 90 days', () => {
    expect(parseSegment('orders >= 2 and last_order > 90 days ago')).toEqual({
      kind: 'and',
      items: [
        { kind: 'trait', field: 'orders', test: { op: '>=', value: 2 } },
        { kind: 'trait', field: 'last_order', test: { op: 'ago', compare: '>', ms: 90 * DAY } },
      ],
    });
    expect(parseSegment('first_seen within 2 weeks')).toEqual({
      kind: 'trait',
      field: 'first_seen',
      test: { op: 'ago', compare: '<', ms: 14 * DAY },
    });
  });

  it('binds and tighter than or, and not tighter than and', () => {
    expect(
      formatSegment(
        parseSegment(
          'lifecycle_stage in ("at risk", "lapsed") or rfm_segment = "Champions" and not orders = 0',
        ),
      ),
    ).toBe('lifecycle_stage in ("at risk", "lapsed") or rfm_segment = "Champions" and not orders = 0');
    expect(parseSegment('orders = 1 or orders = 2 and orders = 3')).toMatchObject({
      kind: 'or',
      items: [{ kind: 'trait' }, { kind: 'and' }],
    });
    expect(parseSegment('not (orders = 1 or orders = 2)')).toMatchObject({
      kind: 'not',
      item: { kind: 'or' },
    });
  });

  it('reads sums, exists, session windows, channels, properties and GA4 event names', () => {
    expect(parseSegment('sum(revenue of event = "Order Completed") within 30 days > 200')).toMatchObject({
      fn: 'sum',
      of: { column: 'revenue' },
      window: { kind: 'within', ms: 30 * DAY },
      test: { op: '>', value: 200 },
    });
    expect(parseSegment('exists(event = "Coupon Applied" and channel = "app") within 14 days')).toMatchObject(
      {
        fn: 'count',
        test: { op: '>', value: 0 },
      },
    );
    expect(parseSegment('count(event = "add_to_cart") in session >= 2')).toMatchObject({
      where: { test: { op: '=', value: 'Product Added' } },
      window: { kind: 'session' },
    });
    expect(parseSegment('count(properties.color = "red" or properties.size > 40) > 0')).toMatchObject({
      where: {
        kind: 'or',
        items: [
          { field: { property: 'color', as: 'string' } },
          { field: { property: 'size', as: 'number' } },
        ],
      },
    });
    expect(parseSegment('max(price of event = "Product Viewed") >= 99.5')).toMatchObject({
      of: { property: 'price', as: 'number' },
    });
    expect(parseSegment('channels contains "app"')).toEqual({
      kind: 'trait',
      field: 'channels',
      test: { op: 'contains', value: 'app' },
    });
  });

  it('ignores case of words, comments and line breaks', () => {
    expect(parseSegment('ORDERS >= 2 # repeat buyers\n  AND Last_Order > 3 Weeks AGO')).toEqual(
      parseSegment('orders >= 2 and last_order > 3 weeks ago'),
    );
  });

  it('prints rules so that they parse back to the same tree', () => {
    const rules = [
      'cart_value > 100 and session.orders = 0',
      'count(event = "Product Viewed" and category = "Shoes") within 7 days >= 3',
      'orders >= 2 and last_order > 90 days ago',
      'lifecycle_stage in ("at risk", "lapsed") or rfm_segment = "Champions"',
      'not (orders = 1 or (revenue > 10.5 and not predicted_clv is null))',
      'sum(revenue of event = "Order Completed") within 30 days > 200',
      'exists(event = "Coupon Applied") within 14 days',
      'exists() in session and count() < 3 and count_distinct(product_id of event = "Product Viewed") >= 5',
      'avg(quantity) >= 1.5 and min(value of channel != "web") < -2 and rfm_segment not in ("Lost")',
      'count(page_path contains "/sale" and properties.label = "say \\"hi\\"") within 90 minutes > 1',
      '(orders = 1 or orders = 2) or orders = 3',
      'last_seen within 36 hours and first_order is not null',
    ];
    for (const rule of rules) {
      const ast = parseSegment(rule);
      expect(parseSegment(formatSegment(ast)), rule).toEqual(ast);
    }
  });
});

describe('segment syntax errors', () => {
  it('name the line and column and what was expected', () => {
    const e = errorOf('orders >= 2 and\n  last_order > 90 ago');
    expect(e.position).toMatchObject({ line: 2, column: 19 });
    expect(e.message).toBe('line 2, column 19: expected a unit: minutes, hours, days or weeks, found "ago"');
    expect(errorOf('cart_value > ').message).toBe(
      'line 1, column 14: expected a number, found the end of the rule',
    );
    expect(errorOf('orders >= 2 or').expected).toContain('a condition');
    expect(errorOf('count(event = "X" >= 3').message).toContain('expected ")" or "and" / "or", found ">="');
    expect(errorOf('orders 2').message).toContain('expected a comparison (=, !=, <, <=, >, >=, in, not in');
  });

  it('suggest the field that was meant', () => {
    expect(errorOf('cart_valeu > 100').message).toBe(
      'line 1, column 1: unknown field "cart_valeu" (did you mean cart_value?)',
    );
    expect(errorOf('count(categroy = "Shoes") > 1').message).toContain('did you mean category?');
    expect(errorOf('session.order = 0').message).toContain('unknown session field "order"');
  });

  it('refuse tests that do not fit the field type', () => {
    expect(errorOf('orders = "two"').message).toContain('orders is a number');
    expect(errorOf('rfm_segment > "A"').message).toContain('text compares only with =');
    expect(errorOf('last_order = 3 days ago').message).toContain('last_order is a date');
    expect(errorOf('last_order > 3').message).toContain('expected a unit');
    expect(errorOf('channels = "web"').message).toContain('channels is a list');
    expect(errorOf('sum(category) > 1').message).toContain('sum needs a number field');
    expect(errorOf('revenue contains "1"').message).toContain('revenue is a number');
    expect(errorOf('lifecycle_stage in ("a", 1)').message).toContain('lifecycle_stage is text');
    expect(errorOf('count(event = "X") within -1 days > 0').message).toContain('cannot be negative');
  });

  it('reject empty rules, stray text, bad characters and open quotes', () => {
    expect(errorOf('  ').message).toContain('the rule is empty');
    expect(errorOf('orders > 1 orders < 3').message).toContain('expected "and", "or" or the end of the rule');
    expect(errorOf('orders > 1 & revenue > 3').message).toBe('line 1, column 12: unexpected character "&"');
    expect(errorOf('rfm_segment = "Champions').message).toContain('no closing quote');
    expect(errorOf(`${'('.repeat(100)}orders > 1${')'.repeat(100)}`).message).toContain('nests deeper');
  });
});
