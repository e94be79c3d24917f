// Accumulates item scores over neighbour sessions and ranks them; shared by SKNN and V-SKNN.
import { topK } from '../top-k';
import type { ItemId, ScoredItem } from '../types';
import type { SessionIndex } from './session-index';

export interface RankOptions {
  limit: number;
  exclude?: ReadonlySet<ItemId>;
}

/** Dense score accumulator over item slots; `rank` also clears it, so one instance serves many queries. */
export class ItemScores {
  private scores = new Float64Array(1024);
  /** Marks touched slots: a score can sum back to 0 (negative idf), so 0 cannot mean "untouched". */
  private marked = new Uint8Array(1024);
  private readonly touched: number[] = [];

  constructor(private readonly index: SessionIndex) {}

  add(item: number, score: number): void {
    if (item >= this.scores.length) {
      const grown = new Float64Array(Math.max(item + 1, this.scores.length * 2));
      grown.set(this.scores);
      this.scores = grown;
      const marks = new Uint8Array(grown.length);
      marks.set(this.marked);
      this.marked = marks;
    }
    if (this.marked[item] === 0) {
      this.marked[item] = 1;
      this.touched.push(item);
    }
    this.scores[item]! += score;
  }

  /**
   * The best items, best first, and clears the accumulator. Equal scores go to the more popular item
   * (more events), then to the item seen first: a deterministic order where session-rec's is arbitrary.
   */
  rank(options: RankOptions): ScoredItem[] {
    const { scores, index } = this;
    const pop = index.itemEvents;
    const kept = options.exclude
      ? this.touched.filter((i) => !options.exclude!.has(index.itemIds[i]!))
      : this.touched;
    const best = topK(kept, options.limit, (a, b) => scores[b]! - scores[a]! || pop[b]! - pop[a]! || a - b);
    const result = best.map((i) => ({ itemId: index.itemIds[i]!, score: scores[i]! }));
    for (const i of this.touched) {
      scores[i] = 0;
      this.marked[i] = 0;
    }
    this.touched.length = 0;
    return result;
  }
}
