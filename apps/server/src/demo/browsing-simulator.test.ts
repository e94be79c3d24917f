import { describe, expect, it } from 'vitest';
import { type DemoOrder, type DemoProduct, simulateBrowsing } from './browsing-simulator';

const products: DemoProduct[] = [
  { productId: 'mug', title: 'MUG', category: 'Kitchen & dining', price: 3 },
  { productId: 'plate', title: 'PLATE', category: 'Kitchen & dining', price: 4 },
  { productId: 'candle', title: 'CANDLE', category: 'Home decor > Candles & lights', price: 2 },
];
const orders: DemoOrder[] = [
  {
    orderId: 'o1',
    customerId: 'c1',
    at: Date.parse('2025-03-01T12:00:00Z'),
    lines: [{ productId: 'mug', name: 'MUG', category: 'Kitchen & dining', price: 3 }],
  },
  {
    orderId: 'o2',
    customerId: 'c2',
    at: Date.parse('2025-03-02T12:00:00Z'),
    lines: [{ productId: 'candle', name: 'CANDLE', category: 'Home decor > Candles & lights', price: 2 }],
  },
];

describe('simulateBrowsing', () => {
  it('is deterministic for a seed, ids included', () => {
    const a = [...simulateBrowsing({ projectId: 'p', orders, products })];
    const b = [...simulateBrowsing({ projectId: 'p', orders, products })];
    expect(a).toEqual(b);
    expect(new Set(a.map((e) => e.messageId)).size).toBe(a.length);
    expect([...simulateBrowsing({ projectId: 'p', orders, products, seed: 7 })]).not.toEqual(a);
  });

  it('leads each real order with a visit of its customer that views and carts the bought products', () => {
    const events = [
      ...simulateBrowsing({
        projectId: 'p',
        orders,
        products,
        prospectsPerOrder: 0,
        customerSessionsPerOrder: 0,
      }),
    ];
    const ofC1 = events.filter((e) => e.userId === 'c1');
    expect(ofC1[0]?.event).toBe('Home');
    expect(ofC1.map((e) => e.event)).toEqual(
      expect.arrayContaining(['Product Viewed', 'Product Added', 'Checkout Started']),
    );
    expect(ofC1.find((e) => e.event === 'Product Added')?.productId).toBe('mug');
    // Everything happens in the half hour before the order.
    for (const e of ofC1) {
      expect(e.timestamp).toBeLessThan(orders[0]!.at);
      expect(orders[0]!.at - e.timestamp).toBeLessThanOrEqual(40 * 60_000);
    }
    expect(events.every((e) => JSON.parse(e.properties ?? '{}').simulated === true)).toBe(true);
  });

  it('adds anonymous prospects who bounce, browse or abandon carts', () => {
    const events = [...simulateBrowsing({ projectId: 'p', orders, products, prospectsPerOrder: 30 })];
    const anonymous = events.filter((e) => e.anonymousId !== null);
    expect(new Set(anonymous.map((e) => e.anonymousId)).size).toBeGreaterThan(40);
    expect(anonymous.some((e) => e.event === 'Product Added')).toBe(true);
    expect(anonymous.some((e) => e.utmMedium === 'email') || anonymous.some((e) => e.referrer !== null)).toBe(
      true,
    );
  });
});
