// V-SKNN, "vector multiplication session-based kNN" (Ludewig and Jannach, "Evaluation of session-based
// recommendation algorithms", UMUAI 2018), following session-rec's algorithms/knn/vsknn.py (VMContextKNN):
// the current session is a vector whose recent clicks weigh more, neighbours are the most similar of the
// most recent sessions sharing an item, and a neighbour's items are boosted by their idf and damped when the
// neighbour matches only an older click.
import type { ItemId, ScoredItem, SessionEvent } from '../types';
import { ItemScores } from './item-scores';
import { type KnnRecommendOptions, toExcludeSet } from './knn-options';
import { NeighbourFinder } from './neighbours';
import { SessionIndex } from './session-index';
import { matchWeight, type PositionWeighting, positionWeight } from './weighting';

export interface VsknnOptions {
  /** Neighbours. Default 500 (session-rec's example configuration). */
  k?: number;
  /** Most recent candidate sessions considered. Default 5000. */
  sampleSize?: number;
  /** Weight of a current-session item by its position. Default 'quadratic'. */
  weighting?: PositionWeighting;
  /** Damping of a neighbour by how far back its latest shared item is. Default 'div'. */
  weightingScore?: PositionWeighting;
  /** Idf boost factor: a vote counts sim x (1 + idf x factor); 0 turns it off. Default 5. */
  idfWeighting?: number;
  /** An index to share with other models (e.g. SKNN); default: a new unbounded one. */
  index?: SessionIndex;
}

/**
 * @example
 * const model = new VSKNN();
 * model.addAll([
 *   { sessionId: 'a', itemId: 'p1', time: 1 },
 *   { sessionId: 'a', itemId: 'p2', time: 2 },
 * ]);
 * model.recommend(['p1'], { limit: 5 }); // [{ itemId: 'p1', ... }, { itemId: 'p2', ... }]
 */
export class VSKNN {
  readonly index: SessionIndex;
  private readonly k: number;
  private readonly sampleSize: number;
  private readonly weighting: PositionWeighting;
  private readonly weightingScore: PositionWeighting;
  private readonly idfWeighting: number;
  private readonly finder: NeighbourFinder;
  private readonly scores: ItemScores;

  constructor(options: VsknnOptions = {}) {
    this.index = options.index ?? new SessionIndex();
    this.k = options.k ?? 500;
    this.sampleSize = options.sampleSize ?? 5000;
    this.weighting = options.weighting ?? 'quadratic';
    this.weightingScore = options.weightingScore ?? 'div';
    this.idfWeighting = options.idfWeighting ?? 5;
    this.finder = new NeighbourFinder(this.index);
    this.scores = new ItemScores(this.index);
  }

  /** Adds an event as it arrives (incremental refresh). */
  add(event: SessionEvent): void {
    this.index.add(event);
  }

  addAll(events: Iterable<SessionEvent>): void {
    this.index.addAll(events);
  }

  /** Scores items for a session given its clicks in order (oldest first, repeats included). */
  recommend(currentSessionItems: readonly ItemId[], options: KnnRecommendOptions = {}): ScoredItem[] {
    const { index } = this;
    const length = currentSessionItems.length;
    if (length === 0) return [];
    // As in session-rec, a repeated item takes the weight of its latest position, and the overlap is
    // divided by the number of distinct items.
    const weightById = new Map<ItemId, number>();
    currentSessionItems.forEach((id, i) => {
      weightById.set(id, positionWeight(this.weighting, i + 1, length));
    });
    const distinct = weightById.size;
    const weights = new Map<number, number>();
    for (const [id, w] of weightById) {
      const slot = index.itemSlot(id);
      if (slot !== undefined) weights.set(slot, w);
    }
    const skip = options.sessionId === undefined ? undefined : index.sessionSlot(options.sessionId);
    const neighbours = this.finder.find({
      weights,
      sampleSize: this.sampleSize,
      k: options.k ?? this.k,
      similarity: (overlap) => overlap / distinct,
      ...(skip === undefined ? {} : { skipSession: skip }),
    });
    const latestFirst = currentSessionItems.map((id) => index.itemSlot(id) ?? -1).reverse();
    const logSessions = Math.log(index.sessionCount);
    for (const { session, similarity } of neighbours) {
      const items = index.sessionItems[session]!;
      let step = 1;
      while (step <= length && !items.has(latestFirst[step - 1]!)) step++;
      const vote = similarity * matchWeight(this.weightingScore, step);
      for (const item of items) {
        // session-rec's idf: log(sessions / events of the item).
        const idf = this.idfWeighting ? logSessions - Math.log(index.itemEvents[item]!) : 0;
        this.scores.add(item, vote * (1 + idf * this.idfWeighting));
      }
    }
    const exclude = toExcludeSet(options.exclude);
    return this.scores.rank({ limit: options.limit ?? 20, ...(exclude ? { exclude } : {}) });
  }
}
