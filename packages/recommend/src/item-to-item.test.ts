import { describe, expect, it } from 'vitest';
import { BundleModel } from './bundles';
import { CoOccurrence } from './item-to-item';
import { productsYouWillLove } from './personal';
import { PopularityModel } from './popularity';
import { topK } from './top-k';

describe('CoOccurrence (also viewed / also bought)', () => {
  // 10 baskets: the best-seller "bread" is in all of them; "jam" and "butter" go together twice.
  const model = new CoOccurrence();
  for (let i = 0; i < 6; i++) model.addBasket(['bread', `x${i}`]);
  model.addBasket(['bread', 'jam', 'butter']);
  model.addBasket(['bread', 'jam', 'butter']);
  model.addBasket(['bread', 'jam']);
  model.addBasket(['bread', 'butter', 'butter']);

  it('corrects for popularity with cosine and lift', () => {
    // jam: 3 baskets, butter: 3, bread: 10; co(jam, butter) = 2, co(jam, bread) = 3.
    expect(model.similarity('jam', 'butter', 'cosine')).toBeCloseTo(2 / 3, 12);
    expect(model.similarity('jam', 'bread', 'cosine')).toBeCloseTo(3 / Math.sqrt(30), 12);
    expect(model.similarity('jam', 'butter', 'lift')).toBeCloseTo((2 * 10) / 9, 12);
    expect(model.similarity('jam', 'bread', 'lift')).toBeCloseTo(1, 12);
    expect(model.similar('jam', { measure: 'lift' }).map((s) => s.itemId)).toEqual(['butter', 'bread']);
    expect(model.similar('jam', { minCoCount: 3 }).map((s) => s.itemId)).toEqual(['bread']);
  });

  it('updates live baskets item by item, ignoring repeats', () => {
    const live = new CoOccurrence();
    live.addToBasket('s1', 'a');
    live.addToBasket('s1', 'a');
    live.addToBasket('s1', 'b');
    live.addToBasket('s2', 'b');
    expect(live.basketCount).toBe(2);
    expect(live.coCount('a', 'b')).toBe(1);
    expect(live.count('b')).toBe(2);
    expect(live.similar('a', { exclude: ['b'] })).toEqual([]);
  });
});

describe('BundleModel (frequently bought together)', () => {
  it('finds pairs and triples by confidence with lift above 1', () => {
    const fbt = new BundleModel();
    for (let i = 0; i < 3; i++) fbt.addOrder(['camera', 'sd', 'bag']);
    fbt.addOrder(['camera', 'sd']);
    for (let i = 0; i < 6; i++) fbt.addOrder(['bag', `other${i}`]);
    const bundles = fbt.bundles('camera', { minCount: 2 });
    // camera 4 orders, sd 4, bag 9, {sd, bag} 3 of 10 orders.
    // The added items of a triple come in id order.
    expect(bundles.map((b) => b.items)).toEqual([
      ['camera', 'sd'],
      ['camera', 'bag', 'sd'],
    ]);
    expect(bundles[0]).toMatchObject({ count: 4, confidence: 1, lift: 2.5, support: 0.4 });
    expect(bundles[1]!.confidence).toBe(0.75);
    expect(bundles[1]!.lift).toBeCloseTo(0.75 / 0.3, 12);
    // camera -> bag: confidence 0.75, lift 0.75 / 0.9 < 1: a best-seller, not a complement.
    expect(bundles.some((b) => b.items.length === 2 && b.items[1] === 'bag')).toBe(false);
    expect(fbt.bundles('camera', { maxSize: 2 })).toHaveLength(1);
    expect(fbt.bundles('unknown')).toEqual([]);
  });
});

describe('PopularityModel', () => {
  const HOUR = 3_600_000;
  const DAY = 24 * HOUR;
  const now = 100 * DAY;
  const pop = new PopularityModel();
  // steady: 2 a day for 8 days; rising: nothing, then 5 today; shoes vs hats.
  for (let d = 1; d <= 8; d++)
    for (let i = 0; i < 2; i++) pop.add({ itemId: 'steady', time: now - d * DAY + HOUR, category: 'shoes' });
  for (let i = 0; i < 5; i++) pop.add({ itemId: 'rising', time: now - 2 * HOUR, category: 'hats' });

  it('ranks all-time popularity overall and per category', () => {
    expect(pop.popular().map((s) => s.itemId)).toEqual(['steady', 'rising']);
    expect(pop.popular({ category: 'hats' })).toEqual([{ itemId: 'rising', score: 5 }]);
    expect(pop.popular({ exclude: ['steady'] }).map((s) => s.itemId)).toEqual(['rising']);
  });

  it('trends on the recent rate against the baseline', () => {
    const trending = pop.trending({ now, minRecent: 2 });
    expect(trending[0]!.itemId).toBe('rising');
    expect(trending[0]!.score).toBe(6);
    // steady: 2 recent vs 14 in the 7-day baseline (expected 2 a day): (2 + 1) / (2 + 1) = 1.
    expect(trending.find((s) => s.itemId === 'steady')!.score).toBeCloseTo(1, 12);
  });
});

describe('productsYouWillLove', () => {
  const DAY = 86_400_000;
  const neighbours = (id: string) =>
    ({
      coffee: [
        { itemId: 'filter', score: 0.5 },
        { itemId: 'mug', score: 0.2 },
      ],
      tent: [{ itemId: 'stove', score: 0.5 }],
    })[id] ?? [];

  it('weights by kind and recent interactions more, and leaves out the history', () => {
    const now = 100 * DAY;
    const out = productsYouWillLove(
      [
        { itemId: 'tent', kind: 'view', time: now - 28 * DAY },
        { itemId: 'coffee', kind: 'purchase', time: now },
        { itemId: 'mug', kind: 'view', time: now },
      ],
      { now, neighbours, halfLifeMs: 14 * DAY },
    );
    // filter: 5 x 1 x 0.5; stove: 1 x 0.25 x 0.5; mug is in the history.
    expect(out).toEqual([
      { itemId: 'filter', score: 2.5 },
      { itemId: 'stove', score: 0.125 },
    ]);
  });
});

describe('topK', () => {
  it('keeps the best in order', () => {
    const xs = Array.from({ length: 100 }, (_, i) => (i * 37) % 101);
    expect(topK(xs, 3, (a, b) => b - a)).toEqual([...xs].sort((a, b) => b - a).slice(0, 3));
    expect(topK(xs, 0, (a, b) => b - a)).toEqual([]);
    expect(topK([2, 1], 5, (a, b) => a - b)).toEqual([1, 2]);
  });
});
