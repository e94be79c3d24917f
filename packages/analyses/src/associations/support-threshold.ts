// Turns a minimum support given as a share or as a count into the minimum count a miner uses.
// The convention is SPMF's (and the reference answers'): count = ceil(minsup x N).

/** A minimum support: a share of the transactions or sequences in (0, 1], or an absolute count. */
export type MinSupport = number | { readonly count: number };

/**
 * The minimum count for `minSupport` over `total` transactions or sequences: ceil(minsup x total)
 * for a share (at least 1), the count itself otherwise.
 *
 * A relative tolerance of 1e-9 absorbs binary rounding, so 0.07 x 100 (= 7.000000000000001 in
 * floating point) gives 7, not 8; no threshold of the reference answers is affected by it.
 *
 * @example
 * minimumCount(0.001, 88_162) // 89
 * minimumCount({ count: 5 }, 100) // 5
 */
export function minimumCount(minSupport: MinSupport, total: number): number {
  if (typeof minSupport === 'number') {
    if (!(minSupport > 0 && minSupport <= 1)) {
      throw new RangeError(`minSupport must be a share in (0, 1] or { count }, got ${minSupport}`);
    }
    const exact = minSupport * total;
    return Math.max(1, Math.ceil(exact - 1e-9 * Math.max(1, exact)));
  }
  const { count } = minSupport;
  if (!Number.isInteger(count) || count < 1) {
    throw new RangeError(`minSupport.count must be a whole number >= 1, got ${count}`);
  }
  return count;
}
