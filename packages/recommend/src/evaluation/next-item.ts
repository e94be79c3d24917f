// The next-item protocol of Ludewig and Jannach, "Evaluation of session-based recommendation algorithms"
// (UMUAI 2018), as session-rec's evaluation/evaluation.py runs it: train once, then for every test session
// (events in time order) and every position after the first, give the recommender the session so far and
// rank the true next item.
import type { ItemId, SessionEvent } from '../types';
import { type CutoffMetrics, metricsAt, rankOf } from './metrics';

/** What the protocol needs from an algorithm. */
export interface NextItemRecommender {
  fit(train: readonly SessionEvent[]): void;
  /** Ranked item ids, best first, at most `limit` of them. */
  predictNext(sessionPrefix: readonly ItemId[], sessionId: string, limit: number): readonly ItemId[];
}

export interface NextItemOptions {
  /** Default [5, 10, 20]. */
  cutoffs?: readonly number[];
}

export interface NextItemResult {
  predictions: number;
  /** Rank of the true next item per prediction (0 = not in the list). */
  ranks: Int32Array;
  metrics: CutoffMetrics[];
}

export interface TestSession {
  sessionId: string;
  items: ItemId[];
}

/**
 * Groups events into sessions (in order of first appearance), each sorted by time; equal times keep the
 * input order. Sessions shorter than two events give no prediction and are dropped, as in session-rec.
 *
 * @example
 * groupSessions(events).map((s) => s.items.length);
 */
export function groupSessions(events: readonly SessionEvent[]): TestSession[] {
  const bySession = new Map<string, { time: number; order: number; itemId: ItemId }[]>();
  events.forEach((e, order) => {
    const list = bySession.get(e.sessionId);
    const row = { time: e.time, order, itemId: e.itemId };
    if (list) list.push(row);
    else bySession.set(e.sessionId, [row]);
  });
  const out: TestSession[] = [];
  for (const [sessionId, rows] of bySession) {
    if (rows.length < 2) continue;
    rows.sort((a, b) => a.time - b.time || a.order - b.order);
    out.push({ sessionId, items: rows.map((r) => r.itemId) });
  }
  return out;
}

/**
 * Fits the recommender on `train`, then predicts every next item of every test session.
 *
 * @example
 * const { metrics } = evaluateNextItem(recommender, train, test, { cutoffs: [20] });
 * metrics[0].hitRate; // HR@20
 */
export function evaluateNextItem(
  recommender: NextItemRecommender,
  train: readonly SessionEvent[],
  test: readonly SessionEvent[],
  options: NextItemOptions = {},
): NextItemResult {
  recommender.fit(train);
  return evaluateFitted(recommender, groupSessions(test), options);
}

/** The protocol on an already fitted recommender and grouped test sessions. */
export function evaluateFitted(
  recommender: NextItemRecommender,
  sessions: readonly TestSession[],
  options: NextItemOptions = {},
): NextItemResult {
  const cutoffs = options.cutoffs ?? [5, 10, 20];
  const limit = Math.max(...cutoffs);
  const ranks: number[] = [];
  for (const { sessionId, items } of sessions) {
    for (let i = 1; i < items.length; i++) {
      const ranked = recommender.predictNext(items.slice(0, i), sessionId, limit);
      ranks.push(rankOf(ranked.slice(0, limit), items[i]!));
    }
  }
  const r = Int32Array.from(ranks);
  return { predictions: r.length, ranks: r, metrics: metricsAt(r, cutoffs) };
}
