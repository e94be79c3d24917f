// Item-to-item co-occurrence for "also viewed" (baskets = sessions) and "also bought" (baskets = orders),
// after Linden, Smith and York, "Amazon.com recommendations: item-to-item collaborative filtering" (2003).
// Raw co-counts favour best-sellers; cosine (c_ab / sqrt(c_a c_b)) and lift (c_ab N / (c_a c_b)) correct
// for popularity. Counts are updated one basket item at a time, so the model refreshes while the server runs.
import { topK } from './top-k';
import type { ItemId, ScoredItem } from './types';

export type SimilarityMeasure = 'cosine' | 'lift';

export interface CoOccurrenceOptions {
  /** Distinct items counted per basket; more is usually a bot and would cost quadratic time. Default 100. */
  maxBasketItems?: number;
  /** Open baskets remembered; the least recently active one is dropped beyond this. Default 100,000. */
  openBaskets?: number;
}

export interface SimilarQuery {
  /** Default 'cosine'. */
  measure?: SimilarityMeasure;
  /** Default 20. */
  limit?: number;
  /** Baskets two items must share before they count as related (lift over-rates rare pairs). Default 1. */
  minCoCount?: number;
  exclude?: Iterable<ItemId>;
}

/**
 * @example
 * const views = new CoOccurrence();
 * views.addBasket(['phone', 'case']);
 * views.addBasket(['phone', 'charger']);
 * views.similar('phone', { measure: 'cosine' }); // case and charger, 0.707 each
 */
export class CoOccurrence {
  private readonly itemBaskets = new Map<ItemId, number>();
  private readonly pairs = new Map<ItemId, Map<ItemId, number>>();
  private readonly open = new Map<string, Set<ItemId>>();
  private readonly maxBasketItems: number;
  private readonly openBaskets: number;
  private baskets = 0;
  private anonymous = 0;

  constructor(options: CoOccurrenceOptions = {}) {
    this.maxBasketItems = options.maxBasketItems ?? 100;
    this.openBaskets = options.openBaskets ?? 100_000;
  }

  get basketCount(): number {
    return this.baskets;
  }

  /** Baskets (sessions, orders) containing the item. */
  count(itemId: ItemId): number {
    return this.itemBaskets.get(itemId) ?? 0;
  }

  /** Co-occurrence count of two items. */
  coCount(a: ItemId, b: ItemId): number {
    return this.pairs.get(a)?.get(b) ?? 0;
  }

  /** Adds an item to a growing basket (a live session); repeats within the basket are ignored. */
  addToBasket(basketId: string, itemId: ItemId): void {
    let items = this.open.get(basketId);
    if (items === undefined) {
      items = new Set();
      this.baskets += 1;
    } else {
      this.open.delete(basketId);
    }
    this.open.set(basketId, items);
    if (!items.has(itemId) && items.size < this.maxBasketItems) {
      for (const other of items) {
        this.bump(itemId, other);
        this.bump(other, itemId);
      }
      items.add(itemId);
      this.itemBaskets.set(itemId, this.count(itemId) + 1);
    }
    while (this.open.size > this.openBaskets) {
      const oldest = this.open.keys().next().value;
      if (oldest === undefined) break;
      this.open.delete(oldest);
    }
  }

  /** Adds a complete basket (an order). */
  addBasket(items: Iterable<ItemId>): void {
    const id = `\u0000basket-${this.anonymous++}`;
    for (const item of items) this.addToBasket(id, item);
    this.open.delete(id);
  }

  /** Forgets a finished basket's open state (its counts stay). */
  endBasket(basketId: string): void {
    this.open.delete(basketId);
  }

  /**
   * Similarity of two items.
   *
   * @example
   * model.similarity('phone', 'case', 'lift');
   */
  similarity(a: ItemId, b: ItemId, measure: SimilarityMeasure = 'cosine'): number {
    return this.score(this.coCount(a, b), this.count(a), this.count(b), measure);
  }

  /** Most similar items, best first; ties go to the more popular item, then by id. */
  similar(itemId: ItemId, query: SimilarQuery = {}): ScoredItem[] {
    const row = this.pairs.get(itemId);
    if (row === undefined) return [];
    const measure = query.measure ?? 'cosine';
    const minCo = query.minCoCount ?? 1;
    const exclude = query.exclude ? new Set(query.exclude) : undefined;
    const ca = this.count(itemId);
    const scored: (ScoredItem & { pop: number })[] = [];
    for (const [other, co] of row) {
      if (co < minCo || other === itemId || exclude?.has(other)) continue;
      const pop = this.count(other);
      scored.push({ itemId: other, score: this.score(co, ca, pop, measure), pop });
    }
    return topK(
      scored,
      query.limit ?? 20,
      (a, b) =>
        b.score - a.score || b.pop - a.pop || (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0),
    ).map(({ itemId: id, score }) => ({ itemId: id, score }));
  }

  private score(co: number, ca: number, cb: number, measure: SimilarityMeasure): number {
    if (co === 0 || ca === 0 || cb === 0) return 0;
    return measure === 'cosine' ? co / Math.sqrt(ca * cb) : (co * this.baskets) / (ca * cb);
  }

  private bump(a: ItemId, b: ItemId): void {
    let row = this.pairs.get(a);
    if (row === undefined) {
      row = new Map();
      this.pairs.set(a, row);
    }
    row.set(b, (row.get(b) ?? 0) + 1);
  }
}
