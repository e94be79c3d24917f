import { describe, expect, it } from 'vitest';
import { mineSequentialPatterns } from './prefix-span';

/** '<a(bc)d>:2' notation for order-free comparison. */
function show(pattern: { itemsets: readonly (readonly unknown[])[]; support: number }): string {
  const body = pattern.itemsets
    .map((set) => (set.length === 1 ? String(set[0]) : `(${set.join('')})`))
    .join('');
  return `<${body}>:${pattern.support}`;
}

/** Does `sequence` contain `pattern`? Greedy earliest matching is optimal for subsequences. */
function contains<T>(sequence: readonly (readonly T[])[], pattern: readonly (readonly T[])[]): boolean {
  let k = 0;
  for (const itemset of sequence) {
    if (k < pattern.length && pattern[k]!.every((item) => itemset.includes(item))) k++;
  }
  return k === pattern.length;
}

/** Level-wise generation with support counted by scanning (GSP-like): slow, obviously right. */
function naivePatterns(database: number[][][], minCount: number) {
  const items = [...new Set(database.flat(2))].sort((a, b) => a - b);
  const support = (p: number[][]) => database.filter((s) => contains(s, p)).length;
  const found: { itemsets: number[][]; support: number }[] = [];
  let level = items.map((i) => [[i]]).filter((p) => support(p) >= minCount);
  while (level.length > 0) {
    const next: number[][][] = [];
    for (const pattern of level) {
      found.push({ itemsets: pattern, support: support(pattern) });
      const last = pattern[pattern.length - 1]!;
      for (const i of items) {
        const candidates = [[...pattern, [i]]];
        if (i > last[last.length - 1]!) candidates.push([...pattern.slice(0, -1), [...last, i]]);
        for (const c of candidates) if (support(c) >= minCount) next.push(c);
      }
    }
    level = next;
  }
  return found;
}

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

// Pei et al. (2001), table 1: a sequence database of four customers, min support 2.
const PEI = ['a(abc)(ac)d(cf)', '(ad)c(bc)(ae)', '(ef)(ab)(df)cb', 'eg(af)cbc'].map((text) =>
  [...text.matchAll(/\(([a-z]+)\)|([a-z])/g)].map((m) => [...(m[1] ?? m[2]!)]),
);

describe('mineSequentialPatterns (PrefixSpan)', () => {
  it('finds the 53 patterns of the PrefixSpan paper example', () => {
    const result = mineSequentialPatterns(PEI, { minSupport: { count: 2 } });
    // The list SPMF's PrefixSpan also gives for this database at minsup 50%; the <a>-prefixed
    // ones are those of Pei et al.'s table 2 (prefix <a>).
    expect(result.patterns.map(show).sort()).toEqual(
      [
        '<(ab)>:2',
        '<(ab)c>:2',
        '<(ab)d>:2',
        '<(ab)dc>:2',
        '<(ab)f>:2',
        '<(bc)>:2',
        '<(bc)a>:2',
        '<a(bc)>:2',
        '<a(bc)a>:2',
        '<a>:4',
        '<aa>:2',
        '<ab>:4',
        '<aba>:2',
        '<abc>:2',
        '<ac>:4',
        '<aca>:2',
        '<acb>:3',
        '<acc>:3',
        '<ad>:2',
        '<adc>:2',
        '<af>:2',
        '<b>:4',
        '<ba>:2',
        '<bc>:3',
        '<bd>:2',
        '<bdc>:2',
        '<bf>:2',
        '<c>:4',
        '<ca>:2',
        '<cb>:3',
        '<cc>:3',
        '<d>:3',
        '<db>:2',
        '<dc>:3',
        '<dcb>:2',
        '<e>:3',
        '<ea>:2',
        '<eab>:2',
        '<eac>:2',
        '<eacb>:2',
        '<eb>:2',
        '<ebc>:2',
        '<ec>:2',
        '<ecb>:2',
        '<ef>:2',
        '<efb>:2',
        '<efc>:2',
        '<efcb>:2',
        '<f>:3',
        '<fb>:2',
        '<fbc>:2',
        '<fc>:2',
        '<fcb>:2',
      ].sort(),
    );
    expect(result).toMatchObject({ sequenceCount: 4, minCount: 2, truncated: false });
    expect(result.patterns.find((p) => show(p) === '<a>:4')!.supportRatio).toBe(1);
  });

  it('counts an I-extension in a later itemset holding the whole last itemset', () => {
    // <a(bc)>: the earliest <a> ends in (ab), which lacks c; (abc) later holds a, b and c.
    const database = [
      [['a'], ['a', 'b'], ['a', 'b', 'c']],
      [['a'], ['a', 'b', 'c']],
    ];
    const shown = mineSequentialPatterns(database, { minSupport: { count: 2 } }).patterns.map(show);
    expect(shown).toContain('<a(abc)>:2');
    expect(shown).toContain('<(abc)>:2');
  });

  it('agrees with brute force on random databases with multi-item itemsets', () => {
    const next = random(7);
    for (let round = 0; round < 30; round++) {
      const alphabet = 3 + Math.floor(next() * 4);
      const database = Array.from({ length: 4 + Math.floor(next() * 12) }, () =>
        Array.from({ length: Math.floor(next() * 6) }, () => {
          const itemset = new Set(
            Array.from({ length: 1 + Math.floor(next() * 3) }, () => Math.floor(next() * alphabet)),
          );
          return [...itemset].sort((a, b) => a - b);
        }),
      );
      const minCount = 2 + Math.floor(next() * 3);
      const mined = mineSequentialPatterns(database, { minSupport: { count: minCount } });
      expect(mined.patterns.map(show).sort()).toEqual(naivePatterns(database, minCount).map(show).sort());
    }
  });

  it('sorts and deduplicates items inside an itemset, and counts a sequence once', () => {
    const database = [[[2, 1, 2], [1], [1]], [[1, 2]]];
    const shown = mineSequentialPatterns(database, { minSupport: { count: 2 } }).patterns.map(show);
    expect(shown.sort()).toEqual(['<(12)>:2', '<1>:2', '<2>:2']);
  });

  it('limits pattern length in items and the number of patterns', () => {
    const database = Array.from({ length: 3 }, () => [[1], [2], [3], [4]]);
    expect(mineSequentialPatterns(database, { minSupport: 1 }).patterns).toHaveLength(15);
    expect(mineSequentialPatterns(database, { minSupport: 1, maxLength: 2 }).patterns).toHaveLength(10);
    const few = mineSequentialPatterns(database, { minSupport: 1, maxPatterns: 5 });
    expect(few.patterns).toHaveLength(5);
    expect(few.truncated).toBe(true);
    expect(mineSequentialPatterns([], { minSupport: 0.5 }).patterns).toEqual([]);
  });
});
