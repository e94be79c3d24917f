import { describe, expect, it } from 'vitest';
import { replenishment } from './replenishment';
import { applySlotRules, type Candidate, type SlotRules } from './rules-engine';

const DAY = 86_400_000;
const product = (id: string, category: string, extra: Partial<Candidate> = {}): Candidate => ({
  id,
  category,
  brand: 'acme',
  price: 10,
  inStock: true,
  score: 1,
  ...extra,
});

const candidates: Candidate[] = [
  product('s1', 'shoes', { score: 9 }),
  product('s2', 'shoes', { score: 8 }),
  product('s3', 'shoes', { score: 7 }),
  product('h1', 'hats', { score: 6, brand: 'zeta', price: 50 }),
  product('h2', 'hats', { score: 5, inStock: false }),
  product('c1', 'coffee', { score: 4, price: 8 }),
  product('b1', 'bags', { score: 3, price: 120 }),
];
const ids = (rules: SlotRules, bought = new Set<string>(), due?: Set<string>) =>
  applySlotRules(candidates, rules, { bought, ...(due ? { replenishmentDue: due } : {}) }).map(
    (i) => i.itemId,
  );

describe('slot rules', () => {
  it('drops out-of-stock items by default and applies category, brand and price filters', () => {
    expect(ids({ limit: 10 })).toEqual(['s1', 's2', 's3', 'h1', 'c1', 'b1']);
    expect(ids({ limit: 10, filters: { inStock: false } })).toContain('h2');
    expect(ids({ limit: 10, filters: { categories: ['hats', 'bags'] } })).toEqual(['h1', 'b1']);
    expect(ids({ limit: 10, filters: { brands: ['zeta'] } })).toEqual(['h1']);
    expect(ids({ limit: 10, filters: { minPrice: 9, maxPrice: 100 } })).toEqual(['s1', 's2', 's3', 'h1']);
  });

  it('caps items per category (diversity), pins included', () => {
    const out = applySlotRules(candidates, { limit: 4, maxPerCategory: 1 }, { bought: new Set() });
    expect(out.map((i) => i.itemId)).toEqual(['s1', 'h1', 'c1', 'b1']);
    const pinned = ids({
      limit: 4,
      maxPerCategory: 2,
      pinned: [{ product: product('s9', 'shoes'), position: 0 }],
    });
    expect(pinned).toEqual(['s9', 's1', 'h1', 'c1']);
  });

  it('puts pinned items at their positions and never duplicates them', () => {
    const out = applySlotRules(
      candidates,
      {
        limit: 5,
        pinned: [
          { product: product('b1', 'bags'), position: 1 },
          { product: product('p0', 'promo'), position: 3 },
        ],
      },
      { bought: new Set() },
    );
    expect(out.map((i) => i.itemId)).toEqual(['s1', 'b1', 's2', 'p0', 's3']);
    expect(out.filter((i) => i.pinned).map((i) => i.itemId)).toEqual(['b1', 'p0']);
  });

  it('removes excluded items, including excluded pins, and applies boosts', () => {
    expect(ids({ limit: 3, excluded: ['s1', 's2'] })).toEqual(['s3', 'h1', 'c1']);
    expect(
      ids({ limit: 2, excluded: ['p0'], pinned: [{ product: product('p0', 'x'), position: 0 }] }),
    ).toEqual(['s1', 's2']);
    expect(ids({ limit: 2, boosts: [{ categories: ['bags'], factor: 10 }] })).toEqual(['b1', 's1']);
    expect(ids({ limit: 2, boosts: [{ brands: ['zeta'], factor: 2 }] })).toEqual(['h1', 's1']);
  });

  it('suppresses bought products on every slot, pins included, unless their replenishment is due', () => {
    const bought = new Set(['s1', 'c1', 'b1']);
    const rules: SlotRules = { limit: 10, pinned: [{ product: product('b1', 'bags'), position: 0 }] };
    expect(ids(rules, bought)).toEqual(['s2', 's3', 'h1']);
    // Coffee was bought every 30 days, last 28 days ago: due (28 >= 30 x 0.9); it may come back.
    const now = 100 * DAY;
    const items = replenishment(
      [
        { itemId: 'c1', time: now - 88 * DAY },
        { itemId: 'c1', time: now - 58 * DAY },
        { itemId: 'c1', time: now - 28 * DAY },
        { itemId: 's1', time: now - 5 * DAY },
      ],
      { now },
    );
    const due = new Set(items.filter((i) => i.due).map((i) => i.itemId));
    expect(due).toEqual(new Set(['c1']));
    expect(ids(rules, bought, due)).toEqual(['s2', 's3', 'h1', 'c1']);
  });

  it('never lets a bought product reappear, whatever the rules (randomised)', () => {
    let seed = 42;
    const rand = (): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const cats = ['a', 'b', 'c'];
    for (let round = 0; round < 200; round++) {
      const pool: Candidate[] = Array.from({ length: 30 }, (_, i) =>
        product(`p${i}`, cats[i % 3]!, {
          score: rand(),
          inStock: rand() > 0.2,
          price: Math.floor(rand() * 100),
        }),
      );
      const bought = new Set(pool.filter(() => rand() < 0.3).map((p) => p.id));
      const due = new Set([...bought].filter(() => rand() < 0.2));
      const maxPerCategory = 1 + Math.floor(rand() * 3);
      const rules: SlotRules = {
        limit: 1 + Math.floor(rand() * 12),
        maxPerCategory,
        filters: { maxPrice: 80 },
        boosts: [{ categories: ['b'], factor: 3 }],
        pinned: [{ product: pool[Math.floor(rand() * 30)]!, position: Math.floor(rand() * 5) }],
      };
      const out = applySlotRules(pool, rules, { bought, replenishmentDue: due });
      const meta = new Map(pool.map((p) => [p.id, p]));
      expect(out.length).toBeLessThanOrEqual(rules.limit);
      expect(new Set(out.map((i) => i.itemId)).size).toBe(out.length);
      for (const item of out) {
        const p = meta.get(item.itemId)!;
        expect(bought.has(p.id) && !due.has(p.id)).toBe(false);
        expect(p.inStock).toBe(true);
        expect(p.price!).toBeLessThanOrEqual(80);
      }
      const perCategory = new Map<string, number>();
      for (const item of out) perCategory.set(item.category, (perCategory.get(item.category) ?? 0) + 1);
      for (const n of perCategory.values()) expect(n).toBeLessThanOrEqual(maxPerCategory);
    }
  });
});
