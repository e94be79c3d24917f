// The shopping stream's cards on hand-checked cases: price drops only below the price the visitor
// saw, bought products only as due replenishment, back in stock only after the visitor's interest,
// new arrivals only in favourite categories and brands, one card per product with the strongest
// reason, and the loyalty card.
import { describe, expect, it } from 'vitest';
import { replenishment } from '../replenishment';
import { buildStream } from './build-stream';
import { DAY, entry, inputs, NOW, viewed } from './test-support/stream-fixture';

describe('price drops', () => {
  it('shows a drop only when the current price is below the price the visitor saw', () => {
    const cards = buildStream(
      inputs({
        entries: [
          entry('cheaper', { price: 15, title: 'Socks' }),
          entry('same', { price: 20 }),
          entry('dearer', { price: 25 }),
          entry('unpriced', { price: 15 }),
          entry('pounds', { price: 15 }),
        ],
        interactions: [
          viewed('cheaper', 3, 20),
          viewed('same', 3, 20),
          viewed('dearer', 3, 20),
          viewed('unpriced', 3, null),
          { ...viewed('pounds', 3, 20), currency: 'GBP' },
        ],
        changes: [
          {
            productId: 'cheaper',
            at: NOW - DAY,
            previousPrice: 20,
            price: 15,
            wasInStock: true,
            inStock: true,
          },
        ],
      }),
    );
    const drops = cards.filter((c) => c.kind === 'price_drop');
    expect(drops).toEqual([
      {
        id: 'price_drop:cheaper',
        kind: 'price_drop',
        title: 'Socks is now 15 EUR',
        reason: 'Because you viewed Socks: was 20 EUR, now 15 EUR (-25%)',
        at: new Date(NOW - DAY).toISOString(),
        product: expect.objectContaining({ productId: 'cheaper', price: 15, previousPrice: 20 }),
      },
    ]);
  });

  it('compares with the latest price seen, and speaks of the wishlist', () => {
    const cards = buildStream(
      inputs({
        entries: [entry('a', { price: 15, title: 'Mug' }), entry('b', { price: 8, title: 'Cup' })],
        interactions: [
          viewed('a', 10, 20),
          viewed('a', 2, 14), // seen at 14 last: 15 is no drop to this visitor
          viewed('b', 5, 10),
          { productId: 'b', kind: 'wishlist', at: NOW - 4 * DAY, price: null },
        ],
      }),
    );
    const drops = cards.filter((c) => c.kind === 'price_drop');
    expect(drops.map((c) => c.id)).toEqual(['price_drop:b']);
    expect(drops[0]!.reason).toBe('Cup on your wishlist is cheaper: was 10 EUR, now 8 EUR (-20%)');
    // No change recorded: the drop happened at an unknown time.
    expect(drops[0]!.at).toBeNull();
  });

  it('ignores out-of-stock products', () => {
    const cards = buildStream(
      inputs({ entries: [entry('a', { price: 5, inStock: false })], interactions: [viewed('a', 1, 9)] }),
    );
    expect(cards).toEqual([]);
  });
});

describe('bought products', () => {
  it('never appear except as replenishment when due', () => {
    const purchases = [
      // due: bought every 10 days, last 12 days ago
      { itemId: 'coffee', time: NOW - 32 * DAY },
      { itemId: 'coffee', time: NOW - 22 * DAY },
      { itemId: 'coffee', time: NOW - 12 * DAY },
      // a rhythm, but not due: every 30 days, last 3 days ago
      { itemId: 'litter', time: NOW - 33 * DAY },
      { itemId: 'litter', time: NOW - 3 * DAY },
      // bought once
      { itemId: 'lamp', time: NOW - 5 * DAY },
    ];
    const rhythms = replenishment(purchases, { now: NOW });
    const due = new Set(rhythms.filter((r) => r.due).map((r) => r.itemId));
    expect([...due]).toEqual(['coffee']);
    const cards = buildStream(
      inputs({
        entries: [
          entry('coffee', { title: 'Coffee', price: 5 }),
          entry('litter', { price: 5 }),
          entry('lamp', { price: 5 }),
          entry('other'),
        ],
        // Viewed before at higher prices (price drops), recommended, restocked: still bought.
        interactions: [viewed('coffee', 20, 9), viewed('litter', 20, 9), viewed('lamp', 20, 9)],
        changes: ['coffee', 'litter', 'lamp'].map((productId) => ({
          productId,
          at: NOW - DAY,
          previousPrice: 9,
          price: 5,
          wasInStock: false,
          inStock: true,
        })),
        newArrivals: [{ productId: 'lamp', createdAt: NOW - DAY }],
        recommendations: ['lamp', 'litter', 'coffee', 'other'].map((productId, i) => ({
          productId,
          score: 1 - i / 10,
          reason: 'personal',
        })),
        bought: new Set(['coffee', 'litter', 'lamp']),
        replenishmentDue: due,
        replenishment: rhythms,
      }),
    );
    expect(cards.map((c) => c.id)).toEqual(['replenishment:coffee', 'recommendation:other']);
    expect(cards[0]).toMatchObject({
      title: 'Time to restock Coffee?',
      reason: 'You buy this about every 10 days; your last one was 12 days ago',
    });
  });
});

describe('replenishment', () => {
  it('reminds of the six most pressing rhythms only: one and a half rhythms late first', () => {
    // Product i is bought every 10 days, last bought 10 + i days ago: cycles 1.0 .. 1.7, pressure
    // 1.0 / 1.5 = 0.67 (p0) rising to 1 (p5), then 1.5 / 1.6 = 0.94 (p6) and 1.5 / 1.7 = 0.88 (p7).
    const purchases = Array.from({ length: 8 }, (_, i) => [
      { itemId: `p${i}`, time: NOW - (20 + i) * DAY },
      { itemId: `p${i}`, time: NOW - (10 + i) * DAY },
    ]).flat();
    const rhythms = replenishment(purchases, { now: NOW });
    const cards = buildStream(
      inputs({
        entries: rhythms.map((r) => entry(r.itemId)),
        bought: new Set(rhythms.map((r) => r.itemId)),
        replenishmentDue: new Set(rhythms.map((r) => r.itemId)),
        replenishment: rhythms,
      }),
    );
    expect(cards.map((c) => c.id)).toEqual(
      ['p5', 'p6', 'p4', 'p7', 'p3', 'p2'].map((id) => `replenishment:${id}`),
    );
  });
});

describe('back in stock', () => {
  const restock = (productId: string, daysAgo: number) => ({
    productId,
    at: NOW - daysAgo * DAY,
    previousPrice: 10,
    price: 10,
    wasInStock: false,
    inStock: true,
  });

  it('tells about a restock after the visitor first looked, not before', () => {
    const cards = buildStream(
      inputs({
        entries: [
          entry('after', { title: 'Vase' }),
          entry('before'),
          entry('gone', { inStock: false }),
          entry('wished', { title: 'Rug' }),
        ],
        interactions: [
          viewed('after', 5),
          viewed('before', 5),
          viewed('gone', 5),
          { productId: 'wished', kind: 'wishlist', at: NOW - 5 * DAY, price: null },
        ],
        changes: [restock('after', 2), restock('before', 6), restock('wished', 1)],
      }),
    );
    expect(cards.map((c) => [c.id, c.reason])).toEqual([
      ['back_in_stock:wished', 'Rug on your wishlist is back in stock'],
      ['back_in_stock:after', 'Back in stock since you viewed Vase'],
    ]);
  });
});

describe('new arrivals', () => {
  it('come from the favourite categories and brands and skip what was seen', () => {
    const cards = buildStream(
      inputs({
        entries: [
          entry('seen-1', { category: 'Toys', brand: 'Dune' }),
          entry('seen-2', { category: 'Toys', brand: 'Dune' }),
          entry('new-toy', { category: 'Toys', brand: 'Cobalt', title: 'Kite' }),
          entry('new-dune', { category: 'Garden', brand: 'Dune', title: 'Spade' }),
          entry('new-other', { category: 'Garden', brand: 'Cobalt' }),
          entry('new-seen', { category: 'Toys', brand: 'Dune' }),
        ],
        interactions: [viewed('seen-1', 1), viewed('seen-2', 2), viewed('new-seen', 1)],
        newArrivals: ['new-toy', 'new-dune', 'new-other', 'new-seen'].map((productId) => ({
          productId,
          createdAt: NOW - DAY,
        })),
      }),
    );
    expect(cards.map((c) => [c.id, c.reason])).toEqual([
      ['new_arrival:new-toy', 'New in Toys, a category you like to browse'],
      ['new_arrival:new-dune', 'New from Dune, a brand you like'],
    ]);
  });
});

describe('recommendations and deduplication', () => {
  it('say which product led to them, skip what was seen lately and keep one card per product with the strongest reason', () => {
    const cards = buildStream(
      inputs({
        entries: [
          entry('anchor', { title: 'Teapot', price: 30 }),
          entry('r1', { title: 'Cups', category: 'Kitchen > Tea' }),
          entry('r2', { category: 'Kitchen > Tea' }),
          entry('r3', { price: 8 }),
          entry('r4', { price: 8 }),
          entry('r5'),
          entry('r7'),
          entry('carted', { title: 'Sugar bowl' }),
          entry('r6', { title: 'Lamp', category: 'Home > Lamps' }),
          entry('bought', { title: 'Kettle' }),
        ],
        interactions: [
          viewed('anchor', 1, 30),
          viewed('r3', 1, 10),
          viewed('r4', 1, 8),
          viewed('r6', 30, 10),
          { productId: 'carted', kind: 'cart', at: NOW - DAY, price: null },
        ],
        recommendations: [
          { productId: 'r1', score: 3, reason: 'personal', anchor: 'anchor' },
          { productId: 'r2', score: 2, reason: 'trending' },
          { productId: 'r3', score: 1, reason: 'personal' },
          // Looked at yesterday and no news about it: not a discovery.
          { productId: 'r4', score: 1, reason: 'popular' },
          // Looked at a month ago: may come back.
          { productId: 'r6', score: 1, reason: 'popular' },
          { productId: 'r5', score: 1, reason: 'personal', anchor: 'bought' },
          { productId: 'r7', score: 1, reason: 'session', anchor: 'carted' },
        ],
        bought: new Set(['bought']),
      }),
    );
    expect(cards.map((c) => [c.id, c.reason])).toEqual([
      ['price_drop:r3', 'Because you viewed Title r3: was 10 EUR, now 8 EUR (-20%)'],
      ['recommendation:r1', 'Because you viewed Teapot'],
      ['recommendation:r2', 'Trending in Tea right now'],
      ['recommendation:r6', 'Popular in Lamps'],
      ['recommendation:r5', 'Because you bought Kettle'],
      ['recommendation:r7', 'Because you put Sugar bowl in your cart'],
    ]);
  });
});

describe('loyalty', () => {
  it('adds the standing of a customer as one card', () => {
    const cards = buildStream(
      inputs({
        loyalty: {
          tier: 'silver',
          points: 400,
          nextTier: 'gold',
          toNextTier: 600,
          lifetimeValue: 400,
          orders: 5,
          currency: 'EUR',
        },
      }),
    );
    expect(cards).toEqual([
      {
        id: 'loyalty:silver',
        kind: 'loyalty',
        title: 'Silver member',
        reason: 'You have spent 400 EUR in 5 orders; 600 EUR more to reach Gold',
        at: null,
        loyalty: expect.objectContaining({ tier: 'silver', toNextTier: 600 }),
      },
    ]);
  });
});
