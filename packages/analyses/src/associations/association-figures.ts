// The figures every association (A -> B) carries, from four counts: how often A, B and both
// occur among N baskets. Kept in one place so rules from itemsets and cross-side pair
// associations read the same way: observed against expected count under independence, their
// ratio (the "surprise"), and Fisher's exact test on the 2x2 table.

import { fisherExactTest } from './significance';

/** Counts behind one association A -> B. */
export interface AssociationCounts {
  /** Baskets containing both A and B. */
  observedCount: number;
  /** Baskets containing A. */
  antecedentCount: number;
  /** Baskets containing B. */
  consequentCount: number;
  /** All baskets. */
  basketCount: number;
}

/** How strongly, and how surprisingly, A goes with B. */
export interface AssociationFigures {
  /** observed / baskets: P(A and B). */
  supportRatio: number;
  /** observed / antecedent count: P(B | A). */
  confidence: number;
  /** confidence / P(B). Equals `surprise`; both are given because both names are in use. */
  lift: number;
  /** Baskets with A and B expected if A and B were independent: N x P(A) x P(B). */
  expectedCount: number;
  /** observed / expected: above 1 the pair occurs more often than chance, below 1 less often. */
  surprise: number;
  /** Two-sided p-value of Fisher's exact test of independence on the 2x2 table. */
  pValue: number;
}

/**
 * Support, confidence, lift, expected count, surprise and Fisher p-value of A -> B.
 *
 * @example
 * associationFigures({ observedCount: 30, antecedentCount: 50, consequentCount: 100, basketCount: 1000 })
 * // { supportRatio: 0.03, confidence: 0.6, lift: 6, expectedCount: 5, surprise: 6, pValue: ... }
 */
export function associationFigures(counts: AssociationCounts): AssociationFigures {
  const { observedCount, antecedentCount, consequentCount, basketCount } = counts;
  const expectedCount = (antecedentCount * consequentCount) / basketCount;
  const confidence = antecedentCount > 0 ? observedCount / antecedentCount : 0;
  const consequentShare = consequentCount / basketCount;
  return {
    supportRatio: observedCount / basketCount,
    confidence,
    lift: consequentShare > 0 ? confidence / consequentShare : 0,
    expectedCount,
    surprise: expectedCount > 0 ? observedCount / expectedCount : 0,
    pValue: fisherExactTest({
      both: observedCount,
      firstOnly: antecedentCount - observedCount,
      secondOnly: consequentCount - observedCount,
      neither: basketCount - antecedentCount - consequentCount + observedCount,
    }),
  };
}
