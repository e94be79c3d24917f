// Reference equality on the FIMI retail benchmark (packages/analyses/fixtures/mining/SOURCE.md):
// the counts SPMF, Borgelt's fim4r, R arules and mlxtend agree on.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { associationRules } from './association-rules';
import { parseFimi } from './fimi-format';
import { mineFrequentItemsets } from './fp-growth';

const retail = parseFimi(
  gunzipSync(readFileSync(new URL('../../fixtures/mining/retail.dat.gz', import.meta.url))).toString('utf8'),
);

describe('FP-Growth on FIMI retail', () => {
  it('reads 88,162 transactions', () => {
    expect(retail).toHaveLength(88_162);
  });

  it.each([
    [0.01, 882, 159],
    [0.005, 441, 580],
    [0.001, 89, 7_589],
  ])('at minsup %f (min count %i) finds %i itemsets', (minSupport, minCount, count) => {
    const result = mineFrequentItemsets(retail, { minSupport });
    expect(result.minCount).toBe(minCount);
    expect(result.itemsets).toHaveLength(count);
    expect(Math.min(...result.itemsets.map((s) => s.support))).toBeGreaterThanOrEqual(minCount);
  });

  it('gives the reference rule counts at minsup 0.1%, minconf 50%', () => {
    const frequent = mineFrequentItemsets(retail, { minSupport: 0.001 });
    const single = associationRules(frequent, { minConfidence: 0.5 });
    expect(single).toHaveLength(5_731);
    expect(single.filter((rule) => rule.lift >= 1)).toHaveLength(5_497);
    expect(associationRules(frequent, { minConfidence: 0.5, consequents: 'any-size' })).toHaveLength(6_192);
  });
});
