// Association rules X -> Y from frequent itemsets (Agrawal and Srikant 1994, "Fast algorithms
// for mining association rules", section 3, ap-genrules). For an itemset I, the confidence of
// I\Y -> Y only falls as the consequent Y grows, so consequents are grown depth first and a
// branch stops at the first consequent below the minimum confidence: exactly the rules above
// it are found. Each rule carries the figures of ./association-figures and a Benjamini-Hochberg
// adjusted p-value over all rules returned.

import { type AssociationFigures, associationFigures } from './association-figures';
import type { FrequentItemsets } from './fp-growth';
import { benjaminiHochberg } from './multiple-testing';

/** Parameters of rule generation. */
export interface RuleOptions {
  /** Minimum confidence P(Y | X) in [0, 1]. */
  minConfidence: number;
  /** 'single-item' (the default): Y is one item; 'any-size': Y may hold several items. */
  consequents?: 'single-item' | 'any-size';
  /**
   * Size of the hypothesis family for the multiple-testing correction; defaults to the
   * number of rules returned. Pass a larger number to also account for rules considered but
   * not returned.
   */
  hypothesisCount?: number;
}

/** One association rule X -> Y with its figures. */
export interface AssociationRule<T> extends AssociationFigures {
  antecedent: T[];
  consequent: T[];
  /** Baskets with all items of X and Y. */
  observedCount: number;
  antecedentCount: number;
  consequentCount: number;
  /** `pValue` after the Benjamini-Hochberg correction over the rule family. */
  adjustedPValue: number;
}

/**
 * Association rules with confidence >= minConfidence from a complete set of frequent itemsets
 * (as returned by `mineFrequentItemsets` without `maxItemsets` truncation).
 *
 * @example
 * const frequent = mineFrequentItemsets(baskets, { minSupport: 0.001 });
 * const rules = associationRules(frequent, { minConfidence: 0.5 });
 * rules[0] // { antecedent: [...], consequent: [...], confidence, lift, surprise, pValue, ... }
 */
export function associationRules<T>(
  frequent: FrequentItemsets<T>,
  options: RuleOptions,
): AssociationRule<T>[] {
  const { minConfidence } = options;
  const anySize = options.consequents === 'any-size';
  if (!(minConfidence >= 0 && minConfidence <= 1)) {
    throw new RangeError(`minConfidence must lie in [0, 1], got ${minConfidence}`);
  }
  const basketCount = frequent.transactionCount;
  // Items get indexes; an itemset's key is its sorted indexes, so subsets are found by key.
  const indexOf = new Map<T, number>();
  const itemOfIndex: T[] = [];
  for (const { items } of frequent.itemsets) {
    if (items.length !== 1) continue;
    indexOf.set(items[0]!, itemOfIndex.length);
    itemOfIndex.push(items[0]!);
  }
  const supportOf = new Map<string, number>();
  const indexed = frequent.itemsets.map(({ items, support }) => {
    const indexes = items.map((item) => {
      const index = indexOf.get(item);
      if (index === undefined) throw new Error('associationRules needs every frequent single item');
      return index;
    });
    indexes.sort((a, b) => a - b);
    supportOf.set(indexes.join(','), support);
    return { items, indexes, support };
  });
  const countOf = (indexes: readonly number[]): number => {
    const count = supportOf.get(indexes.join(','));
    if (count === undefined) {
      throw new Error('associationRules needs the complete set of frequent itemsets (no truncation)');
    }
    return count;
  };

  const rules: Omit<AssociationRule<T>, 'adjustedPValue'>[] = [];
  for (const { indexes, support } of indexed) {
    const size = indexes.length;
    if (size < 2) continue;
    const inConsequent: boolean[] = new Array(size).fill(false);
    // Grows the consequent by positions above `from`; each consequent is reached once.
    const grow = (from: number, consequentSize: number): void => {
      for (let position = from; position < size; position++) {
        inConsequent[position] = true;
        const antecedent: number[] = [];
        const consequent: number[] = [];
        for (let i = 0; i < size; i++) (inConsequent[i] ? consequent : antecedent).push(indexes[i]!);
        const antecedentCount = countOf(antecedent);
        if (support / antecedentCount >= minConfidence) {
          const consequentCount = countOf(consequent);
          rules.push({
            antecedent: antecedent.map((index) => itemOfIndex[index]!),
            consequent: consequent.map((index) => itemOfIndex[index]!),
            observedCount: support,
            antecedentCount,
            consequentCount,
            ...associationFigures({ observedCount: support, antecedentCount, consequentCount, basketCount }),
          });
          if (anySize && consequentSize + 1 < size - 1) grow(position + 1, consequentSize + 1);
        }
        inConsequent[position] = false;
      }
    };
    grow(0, 0);
  }
  const adjusted = benjaminiHochberg(
    rules.map((rule) => rule.pValue),
    { hypothesisCount: Math.max(options.hypothesisCount ?? 0, rules.length) },
  );
  return rules.map((rule, i) => ({ ...rule, adjustedPValue: adjusted[i]! }));
}
