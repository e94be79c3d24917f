// Weighted item -> item rules updated one event at a time, with session-rec's pruning (keep the `pruning`
// strongest rules per antecedent, as collections.Counter.most_common: ties keep first insertion) applied
// lazily at query time and cached until the antecedent changes.
import type { ItemId, ScoredItem } from '../types';

export interface RuleTableOptions {
  /** Rules kept per antecedent: >= 1 an absolute count, in (0, 1) a share to drop, 0 keeps all. Default 20. */
  pruning?: number;
}

export class RuleTable {
  private readonly rules = new Map<ItemId, Map<ItemId, number>>();
  private readonly popularity = new Map<ItemId, number>();
  private readonly pruned = new Map<ItemId, ScoredItem[]>();
  private readonly pruning: number;

  constructor(options: RuleTableOptions = {}) {
    this.pruning = options.pruning ?? 20;
  }

  /** Counts one event of an item: the tie-breaker between equally strong rules. */
  countEvent(itemId: ItemId): void {
    this.popularity.set(itemId, (this.popularity.get(itemId) ?? 0) + 1);
  }

  /** Strengthens the rule from -> to by `weight`. */
  add(from: ItemId, to: ItemId, weight: number): void {
    let row = this.rules.get(from);
    if (row === undefined) {
      row = new Map();
      this.rules.set(from, row);
    }
    row.set(to, (row.get(to) ?? 0) + weight);
    this.pruned.delete(from);
  }

  /**
   * Consequents of `from`, strongest first, after pruning. Equal weights go to the less popular consequent,
   * whose rule has the higher confidence-to-base-rate ratio (lift), then to the rule created first;
   * session-rec leaves this order to pandas' unstable sort.
   */
  consequents(from: ItemId): readonly ScoredItem[] {
    const cached = this.pruned.get(from);
    if (cached) return cached;
    const row = this.rules.get(from);
    if (row === undefined) return [];
    const all = [...row].map(([itemId, score]) => ({ itemId, score }));
    // Stable sort: equal weights stay in insertion order, exactly like Counter.most_common.
    all.sort((a, b) => b.score - a.score);
    const keep =
      this.pruning <= 0
        ? all.length
        : this.pruning < 1
          ? all.length - Math.trunc(all.length * this.pruning)
          : this.pruning;
    const order = new Map(all.map((r, i) => [r.itemId, i]));
    const pop = (id: ItemId): number => this.popularity.get(id) ?? 0;
    const kept = all
      .slice(0, keep)
      .sort(
        (a, b) =>
          b.score - a.score || pop(a.itemId) - pop(b.itemId) || order.get(a.itemId)! - order.get(b.itemId)!,
      );
    this.pruned.set(from, kept);
    return kept;
  }
}
