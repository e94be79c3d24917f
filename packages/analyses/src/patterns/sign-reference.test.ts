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
