// Reference equality on SPMF's SIGN sequence database (packages/analyses/fixtures/mining/SOURCE.md):
// the counts SPMF PrefixSpan, CM-SPADE, SPAM and R arulesSequences (cSPADE) agree on.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { mineSequentialPatterns } from './prefix-span';
import { parseSpmfSequences } from './spmf-format';

const sign = parseSpmfSequences(
  gunzipSync(readFileSync(new URL('../../fixtures/mining/SIGN.txt.gz', import.meta.url))).toString('utf8'),
);

describe('PrefixSpan on SIGN', () => {
  it('reads 730 sequences', () => {
    expect(sign).toHaveLength(730);
  });

  it.each([
    [0.5, 365, 173],
    [0.4, 292, 518],
  ])('at minsup %f (min count %i) finds %i patterns', (minSupport, minCount, count) => {
    const result = mineSequentialPatterns(sign, { minSupport });
    expect(result.minCount).toBe(minCount);
    expect(result.patterns).toHaveLength(count);
    expect(Math.min(...result.patterns.map((p) => p.support))).toBeGreaterThanOrEqual(minCount);
  });
});

describe('PrefixSpan on SIGN with weights', () => {
  it('mines each distinct sequence once, counted with its weight: the same patterns', () => {
    // SIGN with every sequence repeated 1..4 times, against the distinct ones weighted.
    const repeats = sign.map((_, i) => 1 + (i % 4));
    const expanded = sign.flatMap((sequence, i) => Array.from({ length: repeats[i]! }, () => sequence));
    for (const minSupport of [0.5, 0.4]) {
      const full = mineSequentialPatterns(expanded, { minSupport });
      const weighted = mineSequentialPatterns(sign, { minSupport, weights: repeats });
      expect(weighted.sequenceCount).toBe(expanded.length);
      expect(weighted.minCount).toBe(full.minCount);
      expect(weighted.patterns).toEqual(full.patterns);
      expect(weighted.patterns.length).toBeGreaterThan(100);
    }
  });

  it('refuses weights that are not one whole number >= 1 per sequence', () => {
    expect(() => mineSequentialPatterns(sign, { minSupport: 0.5, weights: [1, 2] })).toThrow(RangeError);
    expect(() => mineSequentialPatterns([[[1]]], { minSupport: 1, weights: [0.5] })).toThrow(RangeError);
  });
});
