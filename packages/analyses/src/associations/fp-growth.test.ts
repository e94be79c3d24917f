import { describe, expect, it } from 'vitest';
import { mineFrequentItemsets } from './fp-growth';

/** Itemsets as sorted strings 'a,b:count', sorted, for order-free comparison. */
function normalize<T>(itemsets: readonly { items: readonly T[]; support: number }[]): string[] {
  return itemsets.map(({ items, support }) => `${items.map(String).sort().join(',')}:${support}`).sort();
}

/** Level-wise enumeration with support counted by scanning: slow, obviously right. */
function naiveFrequentItemsets(transactions: readonly (readonly number[])[], minCount: number) {
  const sets = transactions.map((t) => new Set(t));
  const countOf = (items: readonly number[]) => sets.filter((s) => items.every((i) => s.has(i))).length;
  const items = [...new Set(transactions.flat())].sort((a, b) => a - b);
  const result: { items: number[]; support: number }[] = [];
  let level = items.map((i) => [i]).filter((c) => countOf(c) >= minCount);
  while (level.length > 0) {
    const next: number[][] = [];
    for (const candidate of level) {
      result.push({ items: candidate, support: countOf(candidate) });
      for (const i of items) {
        if (i <= candidate[candidate.length - 1]!) continue;
        const extended = [...candidate, i];
        if (countOf(extended) >= minCount) next.push(extended);
      }
    }
    level = next;
  }
  return result;
}

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('mineFrequentItemsets (FP-Growth)', () => {
  it("finds the 18 frequent itemsets of Han, Pei and Yin's example (2000, table 1)", () => {
    const transactions = ['facdgimp', 'abcflmo', 'bfhjo', 'bcksp', 'afcelpmn'].map((t) => [...t]);
    const result = mineFrequentItemsets(transactions, { minSupport: { count: 3 } });
    expect(normalize(result.itemsets)).toEqual(
      [
        'a:3',
        'a,c:3',
        'a,c,f:3',
        'a,c,f,m:3',
        'a,c,m:3',
        'a,f:3',
        'a,f,m:3',
        'a,m:3',
        'b:3',
        'c:4',
        'c,f:3',
        'c,f,m:3',
        'c,m:3',
        'c,p:3',
        'f:4',
        'f,m:3',
        'm:3',
        'p:3',
      ].sort(),
    );
    expect(result).toMatchObject({ transactionCount: 5, minCount: 3, truncated: false });
    const fcam = result.itemsets.find((s) => s.items.length === 4)!;
    // Most frequent first: f and c (4) before a and m (3), ties by first appearance.
    expect(fcam.items).toEqual(['f', 'c', 'a', 'm']);
    expect(fcam.supportRatio).toBeCloseTo(0.6, 14);
  });

  it('agrees with naive enumeration on random databases', () => {
    const next = random(42);
    for (let round = 0; round < 40; round++) {
      const itemCount = 4 + Math.floor(next() * 10);
      const transactions = Array.from({ length: 5 + Math.floor(next() * 40) }, () =>
        Array.from({ length: Math.floor(next() * 8) }, () => Math.floor(next() * next() * itemCount)),
      );
      const minCount = 1 + Math.floor(next() * 4);
      const mined = mineFrequentItemsets(transactions, { minSupport: { count: minCount } });
      const deduplicated = transactions.map((t) => [...new Set(t)]);
      expect(normalize(mined.itemsets)).toEqual(normalize(naiveFrequentItemsets(deduplicated, minCount)));
    }
  });

  it('turns a share into ceil(minsup x N) and counts duplicates in a transaction once', () => {
    const transactions = [[1, 1, 2], [1], [2, 3], [1, 2]];
    // 0.6 x 4 = 2.4 -> 3 transactions
    const result = mineFrequentItemsets(transactions, { minSupport: 0.6 });
    expect(result.minCount).toBe(3);
    expect(normalize(result.itemsets)).toEqual(['1:3', '2:3']);
    // 0.07 x 100 is 7.000000000000001 in binary: still 7
    expect(
      mineFrequentItemsets(
        Array.from({ length: 100 }, () => [1]),
        { minSupport: 0.07 },
      ).minCount,
    ).toBe(7);
  });

  it('limits the size and the number of itemsets', () => {
    const transactions = Array.from({ length: 5 }, () => [1, 2, 3, 4]);
    const all = mineFrequentItemsets(transactions, { minSupport: 1 });
    expect(all.itemsets).toHaveLength(15);
    const pairs = mineFrequentItemsets(transactions, { minSupport: 1, maxLength: 2 });
    expect(pairs.itemsets).toHaveLength(10);
    const few = mineFrequentItemsets(transactions, { minSupport: 1, maxItemsets: 6 });
    expect(few.itemsets).toHaveLength(6);
    expect(few.truncated).toBe(true);
  });

  it('handles empty input, items that are large numbers and rejects bad thresholds', () => {
    expect(mineFrequentItemsets([], { minSupport: 0.5 }).itemsets).toEqual([]);
    const big = mineFrequentItemsets([[1e12, -3], [1e12]], { minSupport: { count: 2 } });
    expect(normalize(big.itemsets)).toEqual(['1000000000000:2']);
    expect(() => mineFrequentItemsets([[1]], { minSupport: 0 })).toThrow(RangeError);
    expect(() => mineFrequentItemsets([[1]], { minSupport: { count: 0 } })).toThrow(RangeError);
  });
});
