// Ordering of the stream: freshness, the mix of kinds (never more than two of a kind in a row while
// another kind has cards), the soft penalty, and determinism.
import type { StreamCardKind } from '@centric/contracts';
import { describe, expect, it } from 'vitest';
import type { StreamCandidate } from './candidates';
import { freshness, interleave } from './interleave';
import { DAY, NOW } from './test-support/stream-fixture';

function candidate(
  kind: StreamCardKind,
  id: string,
  relevance: number,
  at: number | null = null,
): StreamCandidate {
  return { card: { id: `${kind}:${id}`, kind, title: id, reason: '', at: null }, key: id, relevance, at };
}

describe('freshness', () => {
  it('is 1 now, 0.75 after one half-life and tends to 0.5', () => {
    const week = 7 * DAY;
    expect(freshness(NOW, { now: NOW, halfLifeMs: week })).toBe(1);
    expect(freshness(NOW - week, { now: NOW, halfLifeMs: week })).toBe(0.75);
    expect(freshness(NOW - 100 * week, { now: NOW, halfLifeMs: week })).toBeCloseTo(0.5);
    expect(freshness(null, { now: NOW, halfLifeMs: week })).toBe(0.75);
  });
});

describe('interleave', () => {
  it('puts the fresher of two equally relevant cards first', () => {
    const order = interleave(
      [candidate('price_drop', 'old', 0.8, NOW - 30 * DAY), candidate('price_drop', 'new', 0.8, NOW - DAY)],
      { now: NOW },
    );
    expect(order.map((c) => c.id)).toEqual(['price_drop:new', 'price_drop:old']);
  });

  it('never shows more than two cards of a kind in a row while another kind has cards left', () => {
    const recs = Array.from({ length: 20 }, (_, i) => candidate('recommendation', `r${i}`, 0.9 - i * 0.001));
    const others = [
      candidate('new_arrival', 'n1', 0.1, NOW),
      candidate('new_arrival', 'n2', 0.1, NOW),
      candidate('price_drop', 'p1', 0.1, NOW),
    ];
    const kinds = interleave([...recs, ...others], { now: NOW }).map((c) => c.kind);
    // Hand-checked: recommendations score 0.675 (x 0.75 timeless), the others 0.1 - the hard
    // rule inserts one of them after every second recommendation until they run out.
    expect(kinds.slice(0, 9)).toEqual([
      'recommendation',
      'recommendation',
      'new_arrival',
      'recommendation',
      'recommendation',
      'price_drop',
      'recommendation',
      'recommendation',
      'new_arrival',
    ]);
    expect(kinds.slice(9).every((k) => k === 'recommendation')).toBe(true);
    expect(kinds).toHaveLength(23);
  });

  it('spreads kinds with the soft penalty before the hard rule is needed', () => {
    const order = interleave(
      [
        candidate('recommendation', 'r1', 1),
        candidate('recommendation', 'r2', 0.99),
        candidate('new_arrival', 'n1', 0.7, NOW),
      ],
      { now: NOW },
    );
    // r1 0.75; then r2 0.7425 x 0.8 = 0.594 < n1 0.7.
    expect(order.map((c) => c.id)).toEqual(['recommendation:r1', 'new_arrival:n1', 'recommendation:r2']);
  });

  it('is deterministic and caps the length', () => {
    const many = Array.from({ length: 30 }, (_, i) => candidate('recommendation', `r${i}`, 0.5));
    const a = interleave(many, { now: NOW, maxCards: 10 });
    const b = interleave([...many].reverse(), { now: NOW, maxCards: 10 });
    expect(a).toHaveLength(10);
    expect(a.map((c) => c.id)).toEqual(b.map((c) => c.id));
    expect(a[0]!.id).toBe('recommendation:r0');
  });
});
