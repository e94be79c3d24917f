import { describe, expect, it } from 'vitest';
import type { ItemId, SessionEvent } from '../types';
import { hitRate, meanReciprocalRank, metricsAt, rankOf } from './metrics';
import { evaluateNextItem, groupSessions, type NextItemRecommender } from './next-item';
import { parseSessionTsv } from './session-tsv';
import { filterSessions, splitLastDays } from './time-split';

const ev = (sessionId: string, itemId: ItemId, time: number): SessionEvent => ({ sessionId, itemId, time });

describe('HR@k and MRR@k', () => {
  // Five predictions whose true item ranked 1, 3, absent, 25 and 2.
  const ranks = [1, 3, 0, 25, 2];

  it('counts hits within the cutoff only', () => {
    expect(hitRate(ranks, 20)).toBeCloseTo(3 / 5, 12);
    expect(hitRate(ranks, 2)).toBeCloseTo(2 / 5, 12);
    expect(hitRate(ranks, 25)).toBeCloseTo(4 / 5, 12);
  });

  it('averages 1/rank with 0 beyond the cutoff', () => {
    expect(meanReciprocalRank(ranks, 20)).toBeCloseTo((1 + 1 / 3 + 1 / 2) / 5, 12);
    expect(meanReciprocalRank(ranks, 2)).toBeCloseTo((1 + 1 / 2) / 5, 12);
    expect(metricsAt(ranks, [2])).toEqual([{ k: 2, hitRate: 0.4, mrr: 0.3 }]);
  });

  it('ranks from 1, 0 when absent', () => {
    expect(rankOf(['a', 'b', 'c'], 'a')).toBe(1);
    expect(rankOf(['a', 'b', 'c'], 'c')).toBe(3);
    expect(rankOf(['a', 'b', 'c'], 'z')).toBe(0);
  });
});

describe('next-item protocol', () => {
  // s1 is given out of time order on purpose; s3 has one event and yields no prediction.
  const test = [
    ev('s1', 'b', 2),
    ev('s1', 'a', 1),
    ev('s2', 'b', 5),
    ev('s1', 'c', 3),
    ev('s2', 'a', 6),
    ev('s3', 'c', 9),
  ];

  it('predicts every position after the first, in time order, and scores the hand-checked ranks', () => {
    const seen: string[] = [];
    const fixed: NextItemRecommender = {
      fit: () => {},
      predictNext(prefix, sessionId, limit) {
        seen.push(`${sessionId}:${prefix.join('')}`);
        return ['a', 'b', 'c', 'd'].slice(0, limit);
      },
    };
    const result = evaluateNextItem(fixed, [], test, { cutoffs: [1, 2, 3] });
    expect(seen).toEqual(['s1:a', 's1:ab', 's2:b']);
    // s1: after a the truth is b (rank 2), after ab it is c (rank 3); s2: after b it is a (rank 1).
    expect([...result.ranks]).toEqual([2, 3, 1]);
    expect(result.predictions).toBe(3);
    const [at1, at2, at3] = result.metrics;
    expect(at1).toEqual({ k: 1, hitRate: 1 / 3, mrr: 1 / 3 });
    expect(at2!.hitRate).toBeCloseTo(2 / 3, 12);
    expect(at2!.mrr).toBeCloseTo((1 / 2 + 1) / 3, 12);
    expect(at3!.hitRate).toBe(1);
    expect(at3!.mrr).toBeCloseTo((1 / 2 + 1 / 3 + 1) / 3, 12);
  });

  it('groups sessions by first appearance and drops single-event sessions', () => {
    expect(groupSessions(test)).toEqual([
      { sessionId: 's1', items: ['a', 'b', 'c'] },
      { sessionId: 's2', items: ['b', 'a'] },
    ]);
  });
});

describe('session-rec TSV', () => {
  it('parses columns by name', () => {
    const text = 'Time\tSessionId\tItemId\n1396860669.277\t1\t214536502\n\n1396860886.998\t1\t214536506\n';
    expect(parseSessionTsv(text)).toEqual([
      { sessionId: '1', itemId: '214536502', time: 1396860669.277 },
      { sessionId: '1', itemId: '214536506', time: 1396860886.998 },
    ]);
  });

  it('names the malformed line', () => {
    expect(() => parseSessionTsv('SessionId\tItemId\tTime\n1\t2\t3\n1\t2\tnope\n')).toThrow(/line 3/);
    expect(() => parseSessionTsv('Session\tItem\n')).toThrow(/SessionId/);
  });
});

describe('session-rec preparation', () => {
  it('drops rare items and short sessions, then splits on the sessions ending in the last days', () => {
    const day = 86_400;
    const events: SessionEvent[] = [];
    // Items a and b appear in 5 sessions each; rare appears once; session "one" has a single click.
    for (let s = 0; s < 5; s++) events.push(ev(`t${s}`, 'a', s * day), ev(`t${s}`, 'b', s * day + 1));
    events.push(ev('t0', 'rare', 2), ev('one', 'a', 3 * day));
    events.push(ev('late', 'a', 10 * day), ev('late', 'b', 10 * day + 5), ev('late2', 'zz', 10 * day));
    const clean = filterSessions(events, { minItemSupport: 5 });
    expect(clean.some((e) => e.itemId === 'rare' || e.sessionId === 'one' || e.itemId === 'zz')).toBe(false);
    const { train, test } = splitLastDays(clean, { testDays: 2 });
    expect(new Set(train.map((e) => e.sessionId))).toEqual(new Set(['t0', 't1', 't2', 't3', 't4']));
    expect(test).toEqual([ev('late', 'a', 10 * day), ev('late', 'b', 10 * day + 5)]);
  });
});
