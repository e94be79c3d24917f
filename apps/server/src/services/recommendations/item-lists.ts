// Per-item lists (also viewed, also bought, bundled, the neighbours "products you will love" uses)
// computed once and kept until the item's counts change: an item's co-occurrence row can hold
// thousands of pairs, too many to score on every request. Changed items are only marked; the
// background refresh recomputes them, so the request path computes a list only for an item it has
// never seen. Bounded: the least recently used items are forgotten beyond the capacity.
import type { ScoredItem } from '@centric/recommend';
import { LruMap } from './lru-map';

export interface ItemLists {
  viewed: ScoredItem[];
  bought: ScoredItem[];
  bundled: ScoredItem[];
  neighbours: ScoredItem[];
}

export class ItemListCache {
  private readonly lists: LruMap<string, ItemLists>;
  private readonly dirty = new Set<string>();

  constructor(
    private readonly compute: (itemId: string) => ItemLists,
    capacity = 20_000,
  ) {
    this.lists = new LruMap(capacity);
  }

  get size(): number {
    return this.lists.size;
  }

  get capacity(): number {
    return this.lists.capacity;
  }

  get(itemId: string): ItemLists {
    let lists = this.lists.get(itemId);
    if (lists === undefined) {
      lists = this.compute(itemId);
      this.lists.set(itemId, lists);
    }
    return lists;
  }

  /** The item's counts changed: recompute at the next refresh (until then the old lists serve). */
  touch(itemId: string): void {
    if (this.lists.peek(itemId) !== undefined) this.dirty.add(itemId);
  }

  /**
   * Recomputes the changed items, yielding through `pace` between items.
   *
   * @example await cache.refresh(pacer());
   */
  async refresh(pace: () => Promise<void> | undefined): Promise<number> {
    const ids = [...this.dirty];
    this.dirty.clear();
    for (const id of ids) {
      const slice = pace();
      if (slice) await slice;
      if (this.lists.peek(id) !== undefined) this.lists.set(id, this.compute(id));
    }
    return ids.length;
  }

  /** Computes the lists of the given items ahead of the first requests (after a build). */
  async warm(itemIds: Iterable<string>, pace: () => Promise<void> | undefined): Promise<void> {
    for (const id of itemIds) {
      if (this.lists.size >= this.lists.capacity) return;
      const slice = pace();
      if (slice) await slice;
      this.get(id);
    }
  }
}
