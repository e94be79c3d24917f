import { describe, expect, it } from 'vitest';
import { associationRules } from './association-rules';
import { mineFrequentItemsets } from './fp-growth';

const TEXTBOOK = ['facdgimp', 'abcflmo', 'bfhjo', 'bcksp', 'afcelpmn'].map((t) => [...t]);

const key = (rule: { antecedent: readonly string[]; consequent: readonly string[] }) =>
  `${[...rule.antecedent].sort().join('')}->${[...rule.consequent].sort().join('')}`;

/** Every split of every frequent itemset, kept when confident enough. */
function naiveRules(
  transactions: string[][],
  { minCount, minConfidence, anySize }: { minCount: number; minConfidence: number; anySize: boolean },
) {
  const { itemsets } = mineFrequentItemsets(transactions, { minSupport: { count: minCount } });
  const support = new Map(itemsets.map((s) => [[...s.items].sort().join(''), s.support]));
  const rules: string[] = [];
  for (const { items, support: both } of itemsets) {
    const sorted = [...items].sort();
    for (let mask = 1; mask < (1 << sorted.length) - 1; mask++) {
      const consequent = sorted.filter((_, i) => mask & (1 << i));
      if (!anySize && consequent.length > 1) continue;
      const antecedent = sorted.filter((_, i) => !(mask & (1 << i)));
      if (both / support.get(antecedent.join(''))! >= minConfidence)
        rules.push(key({ antecedent, consequent }));
    }
  }
  return rules.sort();
}

describe('associationRules', () => {
  it('computes every figure of a rule by hand', () => {
    const frequent = mineFrequentItemsets(TEXTBOOK, { minSupport: { count: 3 } });
    const rules = associationRules(frequent, { minConfidence: 0.5 });
    const rule = rules.find((r) => key(r) === 'm->a')!;
    // m and a both in 3 of 5 baskets, always together.
    expect(rule).toMatchObject({ observedCount: 3, antecedentCount: 3, consequentCount: 3, confidence: 1 });
    expect(rule.supportRatio).toBeCloseTo(0.6, 14);
    expect(rule.lift).toBeCloseTo(5 / 3, 14); // 1 / (3/5)
    expect(rule.expectedCount).toBeCloseTo(1.8, 14); // 5 x 3/5 x 3/5
    expect(rule.surprise).toBeCloseTo(5 / 3, 14); // 3 / 1.8
    // Margins 3 and 3 of 5: P(both = 1, 2, 3) = 3/10, 6/10, 1/10; only k = 3 is as unlikely.
    expect(rule.pValue).toBeCloseTo(0.1, 12);
    expect(rule.adjustedPValue).toBeGreaterThanOrEqual(rule.pValue);
  });

  it('finds exactly the confident splits, single-item and any-size consequents', () => {
    const frequent = mineFrequentItemsets(TEXTBOOK, { minSupport: { count: 3 } });
    for (const minConfidence of [0.5, 0.75, 1]) {
      const single = associationRules(frequent, { minConfidence });
      expect(single.map(key).sort()).toEqual(
        naiveRules(TEXTBOOK, { minCount: 3, minConfidence, anySize: false }),
      );
      const any = associationRules(frequent, { minConfidence, consequents: 'any-size' });
      expect(any.map(key).sort()).toEqual(
        naiveRules(TEXTBOOK, { minCount: 3, minConfidence, anySize: true }),
      );
    }
    // fcam: 4 items, 14 splits, all with confidence 1 (every subset has support 3 or 4 -> >= 0.75).
    const any = associationRules(frequent, { minConfidence: 0.75, consequents: 'any-size' });
    expect(any.filter((r) => r.antecedent.length + r.consequent.length === 4)).toHaveLength(14);
  });

  it('corrects p-values over the rule family', () => {
    const frequent = mineFrequentItemsets(TEXTBOOK, { minSupport: { count: 3 } });
    const rules = associationRules(frequent, { minConfidence: 0.5 });
    const widened = associationRules(frequent, { minConfidence: 0.5, hypothesisCount: rules.length * 10 });
    rules.forEach((rule, i) => {
      expect(widened[i]!.adjustedPValue).toBeGreaterThanOrEqual(rule.adjustedPValue);
    });
  });

  it('refuses a truncated itemset list and a bad confidence', () => {
    const truncated = mineFrequentItemsets(TEXTBOOK, { minSupport: { count: 3 }, maxItemsets: 10 });
    expect(() => associationRules(truncated, { minConfidence: 0.1 })).toThrow(/complete set|single item/);
    const frequent = mineFrequentItemsets(TEXTBOOK, { minSupport: { count: 3 } });
    expect(() => associationRules(frequent, { minConfidence: 1.5 })).toThrow(RangeError);
  });
});
