import { describe, expect, it } from 'vitest';
import { blendWithPopularity, fillUp, personalWeight } from './blend';

const popular = [
  { itemId: 'top1', score: 1000 },
  { itemId: 'top2', score: 900 },
  { itemId: 'top3', score: 800 },
];
const personal = [
  { itemId: 'related1', score: 4 },
  { itemId: 'related2', score: 3 },
];

describe('cold-start blend', () => {
  it('is the popular list without events', () => {
    expect(blendWithPopularity(personal, popular, { events: 0 }).map((s) => s.itemId)).toEqual([
      'top1',
      'top2',
      'top3',
    ]);
  });

  it('already leads with personal items after one click, and moves further towards personal', () => {
    const one = blendWithPopularity(personal, popular, { events: 1 });
    expect(one[0]!.itemId).toBe('related1');
    expect(one.map((s) => s.itemId)).toContain('top1');
    const many = blendWithPopularity(personal, popular, { events: 10 });
    expect(many.slice(0, 2).map((s) => s.itemId)).toEqual(['related1', 'related2']);
  });

  it('grows the personal weight smoothly, without a switch', () => {
    const w = [0, 1, 2, 3, 5, 10, 50].map((n) => personalWeight(n));
    expect(w[0]).toBe(0);
    expect(w[1]).toBeCloseTo(2 / 3, 12);
    for (let i = 1; i < w.length; i++) expect(w[i]!).toBeGreaterThan(w[i - 1]!);
    expect(w.at(-1)!).toBeLessThan(1);
  });

  it('adds the scores of an item in both lists', () => {
    const both = blendWithPopularity([{ itemId: 'top2', score: 1 }], popular, { events: 1, pseudoEvents: 1 });
    expect(both[0]).toEqual({ itemId: 'top2', score: 0.5 + 0.5 * 0.9 });
  });

  it('tops a short list up with fallback items', () => {
    expect(fillUp([{ itemId: 'a', score: 2 }], ['a', 'b', 'c'], 2)).toEqual([
      { itemId: 'a', score: 2 },
      { itemId: 'b', score: 0 },
    ]);
  });
});
