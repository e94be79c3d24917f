import { describe, expect, it } from 'vitest';
import { alternativesFor, priceCloseness } from './alternatives';
import type { ProductMeta } from './types';

const p = (id: string, category: string, brand: string, price: number, inStock = true): ProductMeta => ({
  id,
  category,
  brand,
  price,
  inStock,
});

describe('alternatives for an out-of-stock product', () => {
  const sold = p('kettle', 'kettles', 'acme', 40, false);
  const catalogue = [
    p('kettle', 'kettles', 'acme', 40, false),
    p('k-acme', 'kettles', 'acme', 45),
    p('k-other', 'kettles', 'zeta', 90),
    p('k-gone', 'kettles', 'acme', 40, false),
    p('toaster', 'toasters', 'acme', 40),
    p('teapot', 'teaware', 'zeta', 30),
  ];

  it('returns only in-stock products, never the product itself', () => {
    const out = alternativesFor(sold, {
      coViewed: [
        { itemId: 'k-gone', score: 0.9 },
        { itemId: 'teapot', score: 0.5 },
      ],
      catalogue,
    });
    const inStock = new Set(catalogue.filter((c) => c.inStock).map((c) => c.id));
    expect(out.length).toBeGreaterThan(0);
    for (const a of out) expect(inStock.has(a.itemId)).toBe(true);
    expect(out.map((a) => a.itemId)).not.toContain('kettle');
    // The toaster shares brand and price but neither category nor co-views: not an alternative.
    // k-acme 0.5 + 0.2 + 0.2 x (1 - 5/45); teapot 0.5/0.9 + 0.2 x (1 - 10/40); k-other 0.5 + 0.2 x (1 - 50/90).
    expect(out.map((a) => a.itemId)).toEqual(['k-acme', 'teapot', 'k-other']);
    expect(out[1]!.score).toBeCloseTo(0.5 / 0.9 + 0.15, 12);
  });

  it('works without co-views from category, brand and price alone', () => {
    const out = alternativesFor(sold, { coViewed: [], catalogue });
    expect(out.map((a) => a.itemId)).toEqual(['k-acme', 'k-other']);
    expect(out[0]!.score).toBeCloseTo(0.5 + 0.2 + 0.2 * (1 - 5 / 45), 12);
  });

  it('price closeness', () => {
    expect(priceCloseness(10, 10)).toBe(1);
    expect(priceCloseness(10, 20)).toBe(0.5);
    expect(priceCloseness(undefined, 20)).toBe(0);
  });
});
