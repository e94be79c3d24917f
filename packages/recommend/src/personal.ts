// "Products you will love": item-based collaborative filtering over a profile's history (Sarwar et al.,
// "Item-based collaborative filtering recommendation algorithms", WWW 2001; Linden et al. 2003). Each past
// interaction votes for its item's neighbours with a weight by kind (a purchase says more than a view) and
// an exponential recency decay (half-life), so tastes can drift.
import { topK } from './top-k';
import type { ItemId, ScoredItem } from './types';

export type InteractionKind = 'view' | 'cart' | 'purchase';

export interface Interaction {
  itemId: ItemId;
  kind: InteractionKind;
  /** Milliseconds since the epoch. */
  time: number;
}

export interface PersonalOptions {
  /** Milliseconds since the epoch; interactions age from here. */
  now: number;
  /** Neighbours of an item, e.g. `(id) => coViews.similar(id, { limit: 50 })`. */
  neighbours: (itemId: ItemId) => readonly ScoredItem[];
  /** Age at which an interaction counts half. Default 14 days. */
  halfLifeMs?: number;
  /** Weight per kind. Default view 1, cart 3, purchase 5. */
  weights?: Partial<Record<InteractionKind, number>>;
  /** Only the most recent interactions are used. Default 100. */
  maxHistory?: number;
  /** Leave out items already in the history. Default true. */
  excludeHistory?: boolean;
  exclude?: Iterable<ItemId>;
  /** Default 20. */
  limit?: number;
}

const DEFAULT_WEIGHTS: Record<InteractionKind, number> = { view: 1, cart: 3, purchase: 5 };

/**
 * score(j) = sum over interactions h of weight(kind_h) x 0.5^(age_h / halfLife) x sim(item_h, j).
 *
 * @example
 * productsYouWillLove([{ itemId: 'coffee', kind: 'purchase', time: now - DAY }], {
 *   now,
 *   neighbours: (id) => alsoBought.similar(id, { limit: 50 }),
 * });
 */
export function productsYouWillLove(history: readonly Interaction[], options: PersonalOptions): ScoredItem[] {
  const halfLife = options.halfLifeMs ?? 14 * 24 * 3_600_000;
  const weights = { ...DEFAULT_WEIGHTS, ...options.weights };
  const recent = [...history].sort((a, b) => b.time - a.time).slice(0, options.maxHistory ?? 100);
  // One vote per item: repeated views add their weights before the neighbour lookup, which is the costly part.
  const votes = new Map<ItemId, number>();
  for (const h of recent) {
    const age = Math.max(0, options.now - h.time);
    const w = weights[h.kind] * 0.5 ** (age / halfLife);
    votes.set(h.itemId, (votes.get(h.itemId) ?? 0) + w);
  }
  const skip = new Set(options.exclude ?? []);
  if (options.excludeHistory ?? true) for (const h of history) skip.add(h.itemId);
  const scores = new Map<ItemId, { score: number; order: number }>();
  for (const [itemId, vote] of votes) {
    for (const n of options.neighbours(itemId)) {
      if (skip.has(n.itemId)) continue;
      const prev = scores.get(n.itemId);
      if (prev) prev.score += vote * n.score;
      else scores.set(n.itemId, { score: vote * n.score, order: scores.size });
    }
  }
  return topK(scores, options.limit ?? 20, (a, b) => b[1].score - a[1].score || a[1].order - b[1].order).map(
    ([itemId, { score }]) => ({ itemId, score }),
  );
}
