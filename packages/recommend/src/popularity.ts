// Popular and trending items, overall and per category: the cold-start fallback. Trending compares the
// rate in a recent window with the rate in the baseline before it (a smoothed ratio, as in "rising" lists),
// so a steady best-seller is popular but not trending. Counts are bucketed by time to stay incremental.
import { topK } from './top-k';
import type { ItemId, ScoredItem } from './types';

export interface PopularityEvent {
  itemId: ItemId;
  /** Milliseconds since the epoch. */
  time: number;
  category?: string;
  /** E.g. 1 for a view, 5 for a purchase. Default 1. */
  weight?: number;
}

export interface PopularityOptions {
  /** Width of a time bucket. Default one hour. */
  bucketMs?: number;
  /** Buckets older than this (relative to the newest event) are dropped. Default 60 days. */
  horizonMs?: number;
}

export interface PopularQuery {
  category?: string;
  limit?: number;
  exclude?: Iterable<ItemId>;
}

export interface TrendingQuery extends PopularQuery {
  now: number;
  /** The recent window. Default one day. */
  windowMs?: number;
  /** The period before the window that sets the expected rate. Default seven days. */
  baselineMs?: number;
  /** Recent weight an item needs to trend at all (noise guard). Default 3. */
  minRecent?: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * @example
 * const pop = new PopularityModel();
 * pop.add({ itemId: 'a', time: Date.now(), category: 'shoes' });
 * pop.popular({ category: 'shoes', limit: 10 }); // [{ itemId: 'a', score: 1 }]
 */
export class PopularityModel {
  private readonly total = new Map<ItemId, number>();
  private readonly categoryOf = new Map<ItemId, string>();
  private readonly firstSeen = new Map<ItemId, number>();
  private readonly buckets = new Map<ItemId, Map<number, number>>();
  private readonly bucketMs: number;
  private readonly horizonMs: number;
  private newest = Number.NEGATIVE_INFINITY;
  private added = 0;

  constructor(options: PopularityOptions = {}) {
    this.bucketMs = options.bucketMs ?? HOUR;
    this.horizonMs = options.horizonMs ?? 60 * DAY;
  }

  add(event: PopularityEvent): void {
    const w = event.weight ?? 1;
    const { itemId } = event;
    if (!this.firstSeen.has(itemId)) this.firstSeen.set(itemId, this.firstSeen.size);
    this.total.set(itemId, (this.total.get(itemId) ?? 0) + w);
    if (event.category !== undefined) this.categoryOf.set(itemId, event.category);
    let byBucket = this.buckets.get(itemId);
    if (byBucket === undefined) {
      byBucket = new Map();
      this.buckets.set(itemId, byBucket);
    }
    const b = Math.floor(event.time / this.bucketMs);
    byBucket.set(b, (byBucket.get(b) ?? 0) + w);
    if (event.time > this.newest) this.newest = event.time;
    if (++this.added % 100_000 === 0) this.dropOldBuckets();
  }

  /** All-time weighted counts, highest first; ties go to the item seen first. */
  popular(query: PopularQuery = {}): ScoredItem[] {
    const scored = this.candidates(query, (id) => this.total.get(id) ?? 0);
    return this.best(scored, query.limit ?? 20);
  }

  /**
   * Items whose recent rate beats their baseline rate: score = (recent + 1) / (expected recent + 1), where
   * expected recent is the baseline count scaled to the window. The +1 keeps a first sale from looking
   * infinitely hot.
   */
  trending(query: TrendingQuery): ScoredItem[] {
    const windowMs = query.windowMs ?? DAY;
    const baselineMs = query.baselineMs ?? 7 * DAY;
    const minRecent = query.minRecent ?? 3;
    const windowStart = query.now - windowMs;
    const baselineStart = windowStart - baselineMs;
    const scored = this.candidates(query, (id) => {
      let recent = 0;
      let baseline = 0;
      for (const [b, n] of this.buckets.get(id) ?? []) {
        const t = b * this.bucketMs;
        if (t >= windowStart && t <= query.now) recent += n;
        else if (t >= baselineStart && t < windowStart) baseline += n;
      }
      if (recent < minRecent) return 0;
      return (recent + 1) / ((baseline * windowMs) / baselineMs + 1);
    });
    return this.best(scored, query.limit ?? 20);
  }

  private candidates(query: PopularQuery, score: (id: ItemId) => number): ScoredItem[] {
    const exclude = query.exclude ? new Set(query.exclude) : undefined;
    const out: ScoredItem[] = [];
    for (const itemId of this.total.keys()) {
      if (exclude?.has(itemId)) continue;
      if (query.category !== undefined && this.categoryOf.get(itemId) !== query.category) continue;
      const s = score(itemId);
      if (s > 0) out.push({ itemId, score: s });
    }
    return out;
  }

  private best(scored: ScoredItem[], limit: number): ScoredItem[] {
    const first = this.firstSeen;
    return topK(scored, limit, (a, b) => b.score - a.score || first.get(a.itemId)! - first.get(b.itemId)!);
  }

  private dropOldBuckets(): void {
    const oldest = Math.floor((this.newest - this.horizonMs) / this.bucketMs);
    for (const byBucket of this.buckets.values()) {
      for (const b of byBucket.keys()) if (b < oldest) byBucket.delete(b);
    }
  }
}
