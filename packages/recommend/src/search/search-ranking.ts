// How a text match becomes a ranked result: the text score (scaled so the best match is 1) is
// multiplied by a bounded lift for the visitor's affinity and a penalty for products out of
// stock. The lift is at most `affinityWeight` (25 % by default), so a personal favourite can only
// pass results whose text score is within that margin of its own: text relevance stays first,
// and affinity orders the comparable matches.
import type { VisitorAffinity } from './visitor-affinity';

export interface RankingOptions {
  /** The most affinity can add: score = text x (1 + affinityWeight x affinity). Default 0.25. */
  affinityWeight?: number;
  /** Score factor of a product out of stock. Default 0.75. */
  outOfStockFactor?: number;
}

export interface Rankable {
  id: string;
  category: string;
  brand?: string | undefined;
  inStock: boolean;
}

export interface Ranked<P> {
  product: P;
  /** The final score. */
  score: number;
  /** The text score relative to the best text match (0..1]. */
  text: number;
  /** The visitor's affinity for the product (0..1). */
  affinity: number;
}

/** Ranks text matches (any order) by text, affinity and stock; ties by text, then id. */
export function rankMatches<P extends Rankable>(
  matches: readonly { product: P; score: number }[],
  affinity: VisitorAffinity | undefined,
  { affinityWeight = 0.25, outOfStockFactor = 0.75 }: RankingOptions = {},
): Ranked<P>[] {
  let best = 0;
  for (const m of matches) best = Math.max(best, m.score);
  if (best <= 0) return [];
  const ranked = matches.map(({ product, score }) => {
    const text = score / best;
    const a = affinity ? affinity.of(product) : 0;
    const stock = product.inStock ? 1 : outOfStockFactor;
    return { product, score: text * (1 + affinityWeight * a) * stock, text, affinity: a };
  });
  ranked.sort(
    (x, y) =>
      y.score - x.score ||
      y.text - x.text ||
      (x.product.id < y.product.id ? -1 : x.product.id > y.product.id ? 1 : 0),
  );
  return ranked;
}
