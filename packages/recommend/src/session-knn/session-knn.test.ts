import { describe, expect, it } from 'vitest';
import type { SessionEvent } from '../types';
import { SessionIndex } from './session-index';
import { SKNN } from './sknn';
import { VSKNN } from './vsknn';

// Training sessions (items, time of the last event):
//   A: x y (10)   B: y z (20)   C: x z w (30)   D: v (40)
const sessions: Record<string, [string[], number]> = {
  A: [['x', 'y'], 10],
  B: [['y', 'z'], 20],
  C: [['x', 'z', 'w'], 30],
  D: [['v'], 40],
};
const events: SessionEvent[] = Object.entries(sessions).flatMap(([sessionId, [items, time]]) =>
  items.map((itemId, i) => ({ sessionId, itemId, time: time - items.length + 1 + i })),
);
const scoreOf = (list: { itemId: string; score: number }[]) =>
  Object.fromEntries(list.map((s) => [s.itemId, s.score]));

describe('V-SKNN on a hand-computed example', () => {
  // Current session x then y: quadratic position weights x = (1/2)^2 = 0.25, y = (2/2)^2 = 1; 2 distinct items.
  // Similarities: A (x, y) = 1.25 / 2 = 0.625, B (y) = 1 / 2 = 0.5, C (x) = 0.25 / 2 = 0.125.
  // Match decay (div): A and B contain the last click y (1); C only the earlier x (1/2).
  it('scores items without idf', () => {
    const model = new VSKNN({ idfWeighting: 0 });
    model.addAll(events);
    const s = scoreOf(model.recommend(['x', 'y']));
    expect(s.y).toBeCloseTo(0.625 + 0.5, 12);
    expect(s.x).toBeCloseTo(0.625 + 0.125 * 0.5, 12);
    expect(s.z).toBeCloseTo(0.5 + 0.125 * 0.5, 12);
    expect(s.w).toBeCloseTo(0.125 * 0.5, 12);
    expect(s.v).toBeUndefined();
  });

  it('applies the idf boost of session-rec: vote x (1 + idf x 5), idf = ln(sessions / events)', () => {
    const model = new VSKNN({ idfWeighting: 5 });
    model.addAll(events);
    const list = model.recommend(['x', 'y']);
    const boost2 = 1 + 5 * Math.log(4 / 2);
    const boost1 = 1 + 5 * Math.log(4 / 1);
    expect(list.map((s) => s.itemId)).toEqual(['y', 'x', 'z', 'w']);
    const s = scoreOf(list);
    expect(s.y).toBeCloseTo(1.125 * boost2, 12);
    expect(s.x).toBeCloseTo(0.6875 * boost2, 12);
    expect(s.z).toBeCloseTo(0.5625 * boost2, 12);
    expect(s.w).toBeCloseTo(0.0625 * boost1, 12);
  });

  it('keeps the k best neighbours and samples the most recent sessions', () => {
    const model = new VSKNN({ idfWeighting: 0, k: 2 });
    model.addAll(events);
    expect(scoreOf(model.recommend(['x', 'y']))).toEqual({ x: 0.625, y: 1.125, z: 0.5 });
    // Sample of 2: only B (20) and C (30) are candidates.
    const sampled = new VSKNN({ idfWeighting: 0, sampleSize: 2 });
    sampled.addAll(events);
    const list = sampled.recommend(['x', 'y']);
    // x and w tie at 0.0625: the more popular x (2 events) goes first.
    expect(list.map((r) => r.itemId)).toEqual(['z', 'y', 'x', 'w']);
    expect(list[0]!.score).toBeCloseTo(0.5625, 12);
  });

  it('honours limit and exclude, and never uses the visitor own indexed session', () => {
    const model = new VSKNN({ idfWeighting: 0 });
    model.addAll(events);
    expect(model.recommend(['x', 'y'], { exclude: ['x', 'y'], limit: 1 }).map((r) => r.itemId)).toEqual([
      'z',
    ]);
    const before = model.recommend(['x', 'y']);
    model.add({ sessionId: 'live', itemId: 'x', time: 50 });
    model.add({ sessionId: 'live', itemId: 'y', time: 51 });
    expect(model.recommend(['x', 'y'], { sessionId: 'live' })).toEqual(before);
    expect(model.recommend([])).toEqual([]);
    expect(model.recommend(['unknown'])).toEqual([]);
  });
});

describe('SKNN on a hand-computed example', () => {
  // Cosine with {x, y}: A = 2 / sqrt(2 x 2) = 1, B = 1 / sqrt(2 x 2) = 0.5, C = 1 / sqrt(2 x 3).
  it('sums the cosine similarities of the neighbours containing an item', () => {
    const model = new SKNN();
    model.addAll(events);
    const c = 1 / Math.sqrt(6);
    const list = model.recommend(['x', 'y']);
    expect(list.map((r) => r.itemId)).toEqual(['y', 'x', 'z', 'w']);
    const s = scoreOf(list);
    expect(s.y).toBeCloseTo(1.5, 12);
    expect(s.x).toBeCloseTo(1 + c, 12);
    expect(s.z).toBeCloseTo(0.5 + c, 12);
    expect(s.w).toBeCloseTo(c, 12);
  });

  it('shares an incremental index with V-SKNN', () => {
    const index = new SessionIndex();
    const sknn = new SKNN({ index });
    const vsknn = new VSKNN({ index });
    index.addAll(events);
    expect(sknn.recommend(['v'])).toEqual([{ itemId: 'v', score: 1 }]);
    expect(vsknn.recommend(['v'], { exclude: ['v'] })).toEqual([]);
  });
});

describe('SessionIndex', () => {
  it('evicts the least recently active session beyond capacity and undoes its counts', () => {
    const index = new SessionIndex({ capacity: 2 });
    index.addAll(events.filter((e) => e.sessionId !== 'D'));
    expect(index.sessionCount).toBe(2);
    expect(index.sessionSlot('A')).toBeUndefined();
    const x = index.itemSlot('x')!;
    expect(index.itemEvents[x]).toBe(1);
    expect([...index.itemSessions[x]!]).toEqual([index.sessionSlot('C')]);
    // B becomes the most recent by a new event, so C is the one to go when D arrives.
    index.add({ sessionId: 'B', itemId: 'x', time: 35 });
    index.add({ sessionId: 'D', itemId: 'v', time: 40 });
    expect(index.sessionSlot('C')).toBeUndefined();
    expect(index.sessionSlot('B')).toBeDefined();
    expect(index.itemEvents[index.itemSlot('w')!]).toBe(0);
  });

  it('keeps the latest event time of a session for the recency sampling', () => {
    const index = new SessionIndex();
    index.add({ sessionId: 's', itemId: 'a', time: 5 });
    index.add({ sessionId: 's', itemId: 'b', time: 9 });
    expect(index.sessionTime[index.sessionSlot('s')!]).toBe(9);
    expect(index.remove('s')).toBe(true);
    expect(index.remove('s')).toBe(false);
    expect(index.sessionCount).toBe(0);
  });
});
