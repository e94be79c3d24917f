// Associations between two different sides of a basket: search term -> product viewed, entry
// channel -> category bought, segment -> product. Each basket lists what it holds on each side;
// every (from, to) pair gets its observed count, the count expected if the sides were
// independent, the surprise factor (observed / expected), Fisher's exact test and a
// Benjamini-Hochberg correction over all candidate pairs, so pairs seen more and less often
// than chance stand out at a glance.

import { type AssociationFigures, associationFigures } from './association-figures';
import { benjaminiHochberg } from './multiple-testing';
import { type MinSupport, minimumCount } from './support-threshold';

/** One basket seen from two sides, e.g. a session's search terms and its viewed products. */
export interface TwoSidedBasket<A, B> {
  readonly from: readonly A[];
  readonly to: readonly B[];
}

/** Parameters of pair association mining. */
export interface PairAssociationOptions {
  /** Minimum baskets holding the pair, as a share of all baskets or `{ count }` (default 1 basket). */
  minSupport?: MinSupport;
  /** Side values in fewer baskets than this are left out of every pair (default 1). */
  minSideCount?: number;
  /**
   * Report every candidate pair, also those below minSupport and those never seen together
   * (observed 0): they show which pairs occur less often than chance. Refused when there are
   * more than `maxCandidatePairs` candidates (default 1,000,000).
   */
  includeRarePairs?: boolean;
  maxCandidatePairs?: number;
}

/** A from -> to association with its figures. */
export interface PairAssociation<A, B> extends AssociationFigures {
  from: A;
  to: B;
  /** Baskets holding both. */
  observedCount: number;
  /** Baskets holding `from`. */
  antecedentCount: number;
  /** Baskets holding `to`. */
  consequentCount: number;
  /** 'more' when observed > expected, 'less' when below, 'as-expected' when equal. */
  direction: 'more' | 'less' | 'as-expected';
  /** `pValue` after the Benjamini-Hochberg correction over all candidate pairs. */
  adjustedPValue: number;
}

/** The associations found and the size of the family they were corrected for. */
export interface PairAssociations<A, B> {
  basketCount: number;
  /** Ordered by adjusted p-value, then by observed count (descending). */
  associations: PairAssociation<A, B>[];
  /** Candidate pairs (from values x to values after `minSideCount`): the BH family size. */
  hypothesisCount: number;
}

/** Dense ids for the values of one side, with the baskets that hold each (counted once). */
class SideIndex<V> {
  readonly idOf = new Map<V, number>();
  readonly values: V[] = [];
  readonly counts: number[] = [];
  private readonly seenIn: number[] = [];

  /** The distinct ids of `values` in basket `basket`, counting each basket once. */
  add(values: readonly V[], basket: number): number[] {
    const ids: number[] = [];
    for (const value of values) {
      let id = this.idOf.get(value);
      if (id === undefined) {
        id = this.values.length;
        this.idOf.set(value, id);
        this.values.push(value);
        this.counts.push(0);
        this.seenIn.push(-1);
      }
      if (this.seenIn[id] === basket) continue;
      this.seenIn[id] = basket;
      this.counts[id]!++;
      ids.push(id);
    }
    return ids;
  }
}

/**
 * Associations from side A to side B over baskets that each hold values of both sides.
 *
 * @example
 * pairAssociations(
 *   [
 *     { from: ['newsletter'], to: ['shoes'] },
 *     { from: ['search'], to: ['bags', 'shoes'] },
 *   ],
 *   { minSupport: { count: 1 } },
 * ).associations[0] // { from: 'newsletter', to: 'shoes', observedCount: 1, expectedCount: 1, ... }
 */
export function pairAssociations<A, B>(
  baskets: readonly TwoSidedBasket<A, B>[],
  options: PairAssociationOptions = {},
): PairAssociations<A, B> {
  const basketCount = baskets.length;
  const minPairCount = minimumCount(options.minSupport ?? { count: 1 }, basketCount);
  const minSideCount = options.minSideCount ?? 1;
  const fromSide = new SideIndex<A>();
  const toSide = new SideIndex<B>();
  const idsOfBasket = baskets.map((basket, i) => ({
    from: fromSide.add(basket.from, i),
    to: toSide.add(basket.to, i),
  }));
  const keptFrom = fromSide.counts.map((count) => count >= minSideCount);
  const keptTo = toSide.counts.map((count) => count >= minSideCount);
  const fromKept = keptFrom.filter(Boolean).length;
  const toKept = keptTo.filter(Boolean).length;
  const hypothesisCount = fromKept * toKept;
  const toSize = toSide.values.length;

  const pairCounts = new Map<number, number>();
  for (const { from, to } of idsOfBasket) {
    for (const a of from) {
      if (!keptFrom[a]) continue;
      for (const b of to) {
        if (!keptTo[b]) continue;
        const key = a * toSize + b;
        pairCounts.set(key, (pairCounts.get(key) ?? 0) + 1);
      }
    }
  }
  if (options.includeRarePairs) {
    const limit = options.maxCandidatePairs ?? 1_000_000;
    if (hypothesisCount > limit) {
      throw new RangeError(`${hypothesisCount} candidate pairs exceed maxCandidatePairs (${limit})`);
    }
    fromSide.counts.forEach((_, a) => {
      if (!keptFrom[a]) return;
      for (let b = 0; b < toSize; b++) {
        if (keptTo[b] && !pairCounts.has(a * toSize + b)) pairCounts.set(a * toSize + b, 0);
      }
    });
  }

  const found: Omit<PairAssociation<A, B>, 'adjustedPValue'>[] = [];
  for (const [key, observedCount] of pairCounts) {
    if (observedCount < minPairCount && !options.includeRarePairs) continue;
    const a = Math.floor(key / toSize);
    const b = key - a * toSize;
    const antecedentCount = fromSide.counts[a]!;
    const consequentCount = toSide.counts[b]!;
    const figures = associationFigures({ observedCount, antecedentCount, consequentCount, basketCount });
    found.push({
      from: fromSide.values[a]!,
      to: toSide.values[b]!,
      observedCount,
      antecedentCount,
      consequentCount,
      direction:
        observedCount > figures.expectedCount
          ? 'more'
          : observedCount < figures.expectedCount
            ? 'less'
            : 'as-expected',
      ...figures,
    });
  }
  const adjusted = benjaminiHochberg(
    found.map((pair) => pair.pValue),
    { hypothesisCount: Math.max(hypothesisCount, found.length) },
  );
  const associations = found.map((pair, i) => ({ ...pair, adjustedPValue: adjusted[i]! }));
  associations.sort((x, y) => x.adjustedPValue - y.adjustedPValue || y.observedCount - x.observedCount);
  return { basketCount, associations, hypothesisCount };
}
