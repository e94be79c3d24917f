// "Frequently bought together": association rules anchor -> {b} and anchor -> {b, c} over orders (Agrawal,
// Imielinski and Swami 1993), ranked by confidence, kept only when lift > 1 so that best-sellers that go
// with everything do not crowd out true complements. Pair and triple counts are updated per order.
import type { ItemId } from './types';

export interface Bundle {
  /** The anchor first, then the items to add. */
  items: ItemId[];
  /** Orders containing all the items. */
  count: number;
  /** count / orders. */
  support: number;
  /** count / orders containing the anchor. */
  confidence: number;
  /** confidence / share of orders containing the added items. */
  lift: number;
}

export interface BundleModelOptions {
  /** Orders with more distinct items than this do not feed triples (their number grows cubically). Default 20. */
  maxItemsForTriples?: number;
}

export interface BundleQuery {
  /** Orders that must contain the whole bundle. Default 2. */
  minCount?: number;
  /** Default 0.05. */
  minConfidence?: number;
  /** Default 1 (strictly above). */
  minLift?: number;
  /** 2 for pairs only, 3 for pairs and triples. Default 3. */
  maxSize?: 2 | 3;
  /** Default 5. */
  limit?: number;
}

const SEP = '\u0001';

/**
 * @example
 * const fbt = new BundleModel();
 * fbt.addOrder(['camera', 'sd-card', 'bag']);
 * fbt.addOrder(['camera', 'sd-card']);
 * fbt.bundles('camera', { minCount: 2, minLift: 0 }); // [{ items: ['camera', 'sd-card'], confidence: 1, ... }]
 */
export class BundleModel {
  private orders = 0;
  private readonly single = new Map<ItemId, number>();
  private readonly pairs = new Map<ItemId, Map<ItemId, number>>();
  /** anchor -> "b SEP c" (b < c) -> count. */
  private readonly triples = new Map<ItemId, Map<string, number>>();
  private readonly maxItemsForTriples: number;

  constructor(options: BundleModelOptions = {}) {
    this.maxItemsForTriples = options.maxItemsForTriples ?? 20;
  }

  addOrder(items: Iterable<ItemId>): void {
    const distinct = [...new Set(items)].sort();
    if (distinct.length === 0) return;
    this.orders += 1;
    for (const a of distinct) this.single.set(a, (this.single.get(a) ?? 0) + 1);
    for (const a of distinct) {
      for (const b of distinct) if (a !== b) bump(this.pairs, a, b);
    }
    if (distinct.length > this.maxItemsForTriples) return;
    for (const a of distinct) {
      for (let i = 0; i < distinct.length; i++) {
        const b = distinct[i]!;
        if (b === a) continue;
        for (let j = i + 1; j < distinct.length; j++) {
          const c = distinct[j]!;
          if (c !== a) bump(this.triples, a, b + SEP + c);
        }
      }
    }
  }

  /** Bundles for a product page, best first (confidence, then lift, then count). */
  bundles(anchor: ItemId, query: BundleQuery = {}): Bundle[] {
    const minCount = query.minCount ?? 2;
    const minConfidence = query.minConfidence ?? 0.05;
    const minLift = query.minLift ?? 1;
    const anchorCount = this.single.get(anchor) ?? 0;
    if (anchorCount === 0) return [];
    const n = this.orders;
    const out: Bundle[] = [];
    const consider = (items: ItemId[], count: number, restCount: number): void => {
      if (count < minCount || restCount === 0) return;
      const confidence = count / anchorCount;
      const lift = confidence / (restCount / n);
      if (confidence >= minConfidence && lift > minLift) {
        out.push({ items, count, support: count / n, confidence, lift });
      }
    };
    for (const [b, count] of this.pairs.get(anchor) ?? []) {
      consider([anchor, b], count, this.single.get(b) ?? 0);
    }
    if ((query.maxSize ?? 3) >= 3) {
      for (const [key, count] of this.triples.get(anchor) ?? []) {
        const [b, c] = key.split(SEP) as [ItemId, ItemId];
        consider([anchor, b, c], count, this.pairs.get(b)?.get(c) ?? 0);
      }
    }
    return out
      .sort((x, y) => y.confidence - x.confidence || y.lift - x.lift || y.count - x.count)
      .slice(0, query.limit ?? 5);
  }
}

function bump<K>(table: Map<ItemId, Map<K, number>>, a: ItemId, b: K): void {
  let row = table.get(a);
  if (row === undefined) {
    row = new Map();
    table.set(a, row);
  }
  row.set(b, (row.get(b) ?? 0) + 1);
}
