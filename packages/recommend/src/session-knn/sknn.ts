// SKNN, session-based kNN (Jannach and Ludewig, "When recurrent neural networks meet the neighborhood for
// session-based recommendation", RecSys 2017), following session-rec's algorithms/knn/sknn.py (ContextKNN):
// the current session is a set, neighbours are the most similar (cosine) of the most recent sessions sharing
// an item, and an item's score is the summed similarity of the neighbours containing it.
import type { ItemId, ScoredItem, SessionEvent } from '../types';
import { ItemScores } from './item-scores';
import { type KnnRecommendOptions, toExcludeSet } from './knn-options';
import { NeighbourFinder } from './neighbours';
import { SessionIndex } from './session-index';

export interface SknnOptions {
  /** Neighbours. Default 100 (session-rec's example configuration). */
  k?: number;
  /** Most recent candidate sessions considered. Default 500. */
  sampleSize?: number;
  /** An index to share with other models (e.g. V-SKNN); default: a new unbounded one. */
  index?: SessionIndex;
}

/**
 * @example
 * const model = new SKNN({ k: 50 });
 * model.add({ sessionId: 'a', itemId: 'p1', time: 1 });
 * model.add({ sessionId: 'a', itemId: 'p2', time: 2 });
 * model.recommend(['p1'], { exclude: ['p1'] }); // [{ itemId: 'p2', score: 0.707... }]
 */
export class SKNN {
  readonly index: SessionIndex;
  private readonly k: number;
  private readonly sampleSize: number;
  private readonly finder: NeighbourFinder;
  private readonly scores: ItemScores;

  constructor(options: SknnOptions = {}) {
    this.index = options.index ?? new SessionIndex();
    this.k = options.k ?? 100;
    this.sampleSize = options.sampleSize ?? 500;
    this.finder = new NeighbourFinder(this.index);
    this.scores = new ItemScores(this.index);
  }

  add(event: SessionEvent): void {
    this.index.add(event);
  }

  addAll(events: Iterable<SessionEvent>): void {
    this.index.addAll(events);
  }

  /** Scores items for a session given its clicks (order does not matter to SKNN). */
  recommend(currentSessionItems: readonly ItemId[], options: KnnRecommendOptions = {}): ScoredItem[] {
    const { index } = this;
    const distinctIds = new Set(currentSessionItems);
    if (distinctIds.size === 0) return [];
    const weights = new Map<number, number>();
    for (const id of distinctIds) {
      const slot = index.itemSlot(id);
      if (slot !== undefined) weights.set(slot, 1);
    }
    const size = distinctIds.size;
    const skip = options.sessionId === undefined ? undefined : index.sessionSlot(options.sessionId);
    const neighbours = this.finder.find({
      weights,
      sampleSize: this.sampleSize,
      k: options.k ?? this.k,
      // Cosine of two binary vectors. session-rec computes li / sqrt(la) * sqrt(lb), i.e. the cosine times
      // the current session's size: a constant per request, so the ranking is the same.
      similarity: (overlap, s) => overlap / Math.sqrt(size * index.sessionItems[s]!.size),
      ...(skip === undefined ? {} : { skipSession: skip }),
    });
    for (const { session, similarity } of neighbours) {
      for (const item of index.sessionItems[session]!) this.scores.add(item, similarity);
    }
    const exclude = toExcludeSet(options.exclude);
    return this.scores.rank({ limit: options.limit ?? 20, ...(exclude ? { exclude } : {}) });
  }
}
