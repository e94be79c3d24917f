// session-rec's preparation of a raw click log (preprocessing/preprocess_rsc15.py and siblings): drop
// one-click sessions, rare items and then too short sessions; the sessions that end in the last days are
// the test set, restricted to items known from training and to sessions of two or more events.
import type { SessionEvent } from '../types';

export interface FilterOptions {
  /** Events an item needs. Default 5. */
  minItemSupport?: number;
  /** Events a session needs after the item filter. Default 2. */
  minSessionLength?: number;
}

/**
 * @example
 * const clean = filterSessions(rawEvents, { minItemSupport: 5 });
 */
export function filterSessions(events: readonly SessionEvent[], options: FilterOptions = {}): SessionEvent[] {
  const minItem = options.minItemSupport ?? 5;
  const minLength = options.minSessionLength ?? 2;
  const lengths = countBy(events, (e) => e.sessionId);
  const multi = events.filter((e) => lengths.get(e.sessionId)! > 1);
  const support = countBy(multi, (e) => e.itemId);
  const supported = multi.filter((e) => support.get(e.itemId)! >= minItem);
  const lengths2 = countBy(supported, (e) => e.sessionId);
  return supported.filter((e) => lengths2.get(e.sessionId)! >= minLength);
}

export interface SplitOptions {
  /** Length of the test period, in days. */
  testDays: number;
  /** Time units per day: 86,400 for unix seconds (default), 86,400,000 for milliseconds. */
  unitsPerDay?: number;
}

export interface TrainTest {
  train: SessionEvent[];
  test: SessionEvent[];
}

/**
 * Sessions ending in the last `testDays` (before the latest event) form the test set.
 *
 * @example
 * const { train, test } = splitLastDays(filterSessions(events), { testDays: 1 });
 */
export function splitLastDays(events: readonly SessionEvent[], options: SplitOptions): TrainTest {
  const unitsPerDay = options.unitsPerDay ?? 86_400;
  let tmax = Number.NEGATIVE_INFINITY;
  const sessionEnd = new Map<string, number>();
  for (const e of events) {
    if (e.time > tmax) tmax = e.time;
    const end = sessionEnd.get(e.sessionId);
    if (end === undefined || e.time > end) sessionEnd.set(e.sessionId, e.time);
  }
  const cut = tmax - options.testDays * unitsPerDay;
  const train = events.filter((e) => sessionEnd.get(e.sessionId)! < cut);
  const known = new Set(train.map((e) => e.itemId));
  const testKnown = events.filter((e) => sessionEnd.get(e.sessionId)! >= cut && known.has(e.itemId));
  const lengths = countBy(testKnown, (e) => e.sessionId);
  return { train, test: testKnown.filter((e) => lengths.get(e.sessionId)! >= 2) };
}

function countBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of rows) {
    const k = key(r);
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  return m;
}
