// Neighbour search shared by SKNN and V-SKNN (Ludewig and Jannach 2018, section 3.3): candidate sessions
// are those sharing an item with the current session, capped to the `sampleSize` most recent ones
// (session-rec's sampling='recent'), scored by a weighted overlap, and the best `k` are kept.
import { topK } from '../top-k';
import type { SessionIndex } from './session-index';

export interface Neighbour {
  session: number;
  similarity: number;
}

export interface NeighbourQuery {
  /** Distinct item slots of the current session with their weight in the overlap (1 for a plain count). */
  weights: ReadonlyMap<number, number>;
  sampleSize: number;
  k: number;
  /** Turns the weighted overlap with a session into its similarity (normalisation). */
  similarity: (overlap: number, session: number) => number;
  /** A session slot never to use as a neighbour (the visitor's own session when it is indexed). */
  skipSession?: number;
}

/**
 * Scratch buffers reused across queries: the hot path allocates nothing per candidate session.
 */
export class NeighbourFinder {
  private overlap = new Float64Array(1024);
  private inSample = new Uint8Array(1024);

  constructor(private readonly index: SessionIndex) {}

  /**
   * The k most similar sessions, best first. Ties keep the more recent session, then the higher slot,
   * so the result is deterministic (session-rec inherits the iteration order of a Python set instead).
   */
  find(query: NeighbourQuery): Neighbour[] {
    const { index } = this;
    this.ensureCapacity(index.sessionItems.length);
    const candidates: number[] = [];
    for (const item of query.weights.keys()) {
      for (const s of index.itemSessions[item]!) {
        if (this.inSample[s] === 0 && s !== query.skipSession) {
          this.inSample[s] = 1;
          candidates.push(s);
        }
      }
    }
    const times = index.sessionTime;
    const byRecency = (a: number, b: number): number => times[b]! - times[a]! || b - a;
    const sample =
      candidates.length > query.sampleSize ? topK(candidates, query.sampleSize, byRecency) : candidates;
    if (sample !== candidates) {
      for (const s of candidates) this.inSample[s] = 0;
      for (const s of sample) this.inSample[s] = 1;
    }
    for (const [item, weight] of query.weights) {
      for (const s of index.itemSessions[item]!) if (this.inSample[s] === 1) this.overlap[s]! += weight;
    }
    const scored: Neighbour[] = [];
    for (const s of sample) {
      const similarity = query.similarity(this.overlap[s]!, s);
      if (similarity > 0) scored.push({ session: s, similarity });
      this.overlap[s] = 0;
    }
    for (const s of candidates) this.inSample[s] = 0;
    return topK(
      scored,
      query.k,
      (a, b) => b.similarity - a.similarity || times[b.session]! - times[a.session]! || b.session - a.session,
    );
  }

  private ensureCapacity(n: number): void {
    if (n <= this.overlap.length) return;
    const size = Math.max(n, this.overlap.length * 2);
    this.overlap = new Float64Array(size);
    this.inSample = new Uint8Array(size);
  }
}
