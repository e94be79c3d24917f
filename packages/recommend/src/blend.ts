// Blending personal scores with popularity so that cold start degrades gracefully: the personal share
// grows with every event the visitor makes, w = n / (n + pseudoEvents), instead of switching from a
// "popular" list to a "personal" one at some threshold. With no events the list is the popular one; after a
// single click the items related to that click already lead.
import type { ItemId, ScoredItem } from './types';

export interface BlendOptions {
  /** Events the visitor has made so far (clicks, carts, purchases). */
  events: number;
  /** Events at which personal and popular weigh the same. Default 0.5 (one click = 2/3 personal). */
  pseudoEvents?: number;
  /** Default 20. */
  limit?: number;
}

/**
 * Share of the personal list after `events` events.
 *
 * @example
 * personalWeight(0); // 0
 * personalWeight(1); // 0.666...
 */
export function personalWeight(events: number, pseudoEvents = 0.5): number {
  if (events <= 0) return 0;
  return events / (events + pseudoEvents);
}

/**
 * Mixes the two lists after scaling each to a maximum of 1: score = w x personal + (1 - w) x popular.
 * Ties keep the personal list's order, then the popular list's.
 *
 * @example
 * blendWithPopularity([{ itemId: 'p', score: 3 }], [{ itemId: 'top', score: 900 }], { events: 1 });
 * // [{ itemId: 'p', score: 0.667 }, { itemId: 'top', score: 0.333 }]
 */
export function blendWithPopularity(
  personal: readonly ScoredItem[],
  popular: readonly ScoredItem[],
  options: BlendOptions,
): ScoredItem[] {
  const w = personalWeight(options.events, options.pseudoEvents);
  const combined = new Map<ItemId, { score: number; order: number }>();
  const addList = (list: readonly ScoredItem[], weight: number, offset: number): void => {
    if (weight <= 0) return;
    const max = Math.max(...list.map((s) => s.score));
    if (!(max > 0)) return;
    list.forEach((s, i) => {
      const prev = combined.get(s.itemId);
      const score = (weight * s.score) / max;
      if (prev) prev.score += score;
      else combined.set(s.itemId, { score, order: offset + i });
    });
  };
  addList(personal, w, 0);
  addList(popular, 1 - w, personal.length);
  return [...combined]
    .sort((a, b) => b[1].score - a[1].score || a[1].order - b[1].order)
    .slice(0, options.limit ?? 20)
    .map(([itemId, { score }]) => ({ itemId, score }));
}

/**
 * Appends fallback items (not already listed) until `limit` is reached, each scoring just below the last:
 * an empty or short personal list is topped up rather than replaced.
 *
 * @example
 * fillUp([{ itemId: 'a', score: 2 }], ['a', 'b'], 2); // [{ itemId: 'a', score: 2 }, { itemId: 'b', score: 0 }]
 */
export function fillUp(
  primary: readonly ScoredItem[],
  fallback: readonly ItemId[],
  limit: number,
): ScoredItem[] {
  const out = primary.slice(0, limit);
  const seen = new Set(out.map((s) => s.itemId));
  for (const itemId of fallback) {
    if (out.length >= limit) break;
    if (!seen.has(itemId)) {
      seen.add(itemId);
      out.push({ itemId, score: 0 });
    }
  }
  return out;
}
