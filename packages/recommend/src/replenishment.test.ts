import { describe, expect, it } from 'vitest';
import { median, replenishment } from './replenishment';

const DAY = 86_400_000;

describe('replenishment', () => {
  it('uses the median interval and the factor for the due date', () => {
    // Cat litter bought on days 0, 20, 40 and 100 (one skipped cycle): gaps 20, 20, 60 -> median 20.
    const purchases = [0, 20, 40, 100].map((d) => ({ itemId: 'litter', time: d * DAY }));
    const [item] = replenishment(purchases, { now: 117 * DAY, factor: 0.9 });
    expect(item).toMatchObject({
      itemId: 'litter',
      purchases: 4,
      intervalMs: 20 * DAY,
      lastPurchase: 100 * DAY,
    });
    expect(item!.dueAt).toBe(118 * DAY);
    expect(item!.due).toBe(false);
    expect(replenishment(purchases, { now: 118 * DAY })[0]!.due).toBe(true);
  });

  it('needs two purchases on different days and ranks the most overdue first', () => {
    const items = replenishment(
      [
        { itemId: 'sofa', time: 0 },
        { itemId: 'sofa', time: 2 * 3_600_000 }, // same day: one purchase
        { itemId: 'coffee', time: 0 },
        { itemId: 'coffee', time: 30 * DAY },
        { itemId: 'tea', time: 0 },
        { itemId: 'tea', time: 10 * DAY },
      ],
      { now: 60 * DAY },
    );
    expect(items.map((i) => i.itemId)).toEqual(['tea', 'coffee']);
    expect(items.map((i) => i.cycle)).toEqual([5, 1]);
  });

  it('median of odd and even lists', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
