// Alternatives for an out-of-stock product: in-stock products that are co-viewed with it (behavioural
// similarity) and/or share its category, brand and price band (content similarity), a simple weighted
// hybrid (Burke, "Hybrid recommender systems: survey and experiments", 2002) so that new products without
// co-views still get alternatives.
import { topK } from './top-k';
import type { ItemId, ProductMeta, ScoredItem } from './types';

export interface AlternativesWeights {
  /** Weight of the co-view similarity (scaled to a maximum of 1). Default 1. */
  coView?: number;
  /** Same category. Default 0.5. */
  category?: number;
  /** Same brand. Default 0.2. */
  brand?: number;
  /** Price closeness, 1 - |p - q| / max(p, q). Default 0.2. */
  price?: number;
}

export interface AlternativesOptions {
  /** Co-viewed products of the given one, e.g. `coViews.similar(id, { limit: 100 })`. */
  coViewed: readonly ScoredItem[];
  /** Catalogue entries to choose from (the same category and the co-viewed ones at least). */
  catalogue: readonly ProductMeta[];
  weights?: AlternativesWeights;
  /** Default 10. */
  limit?: number;
}

/**
 * In-stock alternatives, best first; never the product itself, never an out-of-stock product, and only
 * products that are co-viewed or in the same category.
 *
 * @example
 * alternativesFor(product, { coViewed: coViews.similar(product.id), catalogue: sameCategoryProducts });
 */
export function alternativesFor(product: ProductMeta, options: AlternativesOptions): ScoredItem[] {
  const w = { coView: 1, category: 0.5, brand: 0.2, price: 0.2, ...options.weights };
  const maxCo = Math.max(0, ...options.coViewed.map((c) => c.score));
  const coView = new Map<ItemId, number>(
    options.coViewed.map((c) => [c.itemId, maxCo > 0 ? c.score / maxCo : 0]),
  );
  const scored: (ScoredItem & { order: number })[] = [];
  const seen = new Set<ItemId>([product.id]);
  options.catalogue.forEach((candidate, order) => {
    if (!candidate.inStock || seen.has(candidate.id)) return;
    seen.add(candidate.id);
    const co = coView.get(candidate.id) ?? 0;
    const sameCategory = candidate.category === product.category;
    if (co === 0 && !sameCategory) return;
    let score = w.coView * co + (sameCategory ? w.category : 0);
    if (product.brand !== undefined && candidate.brand === product.brand) score += w.brand;
    score += w.price * priceCloseness(product.price, candidate.price);
    scored.push({ itemId: candidate.id, score, order });
  });
  return topK(scored, options.limit ?? 10, (a, b) => b.score - a.score || a.order - b.order).map(
    ({ itemId, score }) => ({ itemId, score }),
  );
}

/** 1 for equal prices, falling linearly to 0 when one is free; 0 when a price is unknown. */
export function priceCloseness(a: number | undefined, b: number | undefined): number {
  if (a === undefined || b === undefined) return 0;
  const hi = Math.max(a, b);
  if (hi <= 0) return 1;
  return Math.max(0, 1 - Math.abs(a - b) / hi);
}
