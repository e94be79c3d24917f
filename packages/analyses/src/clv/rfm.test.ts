import { describe, expect, it } from 'vitest';
import { quintileScores, rfmInputsFromTransactions, rfmScores, rfmSegment } from './rfm';

describe('quintileScores', () => {
  it('spreads distinct values evenly over 1..5', () => {
    expect(quintileScores([10, 20, 30, 40, 50])).toEqual([1, 2, 3, 4, 5]);
    expect(quintileScores([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(quintileScores([50, 10, 40, 20, 30])).toEqual([5, 1, 4, 2, 3]);
  });

  it('gives ties one score by mid-rank', () => {
    expect(quintileScores([7, 7, 7])).toEqual([3, 3, 3]);
    // Six 1s (mid-rank 0.3 -> 2), then 2..5 at 0.65, 0.75, 0.85, 0.95.
    expect(quintileScores([1, 1, 1, 1, 1, 1, 2, 3, 4, 5])).toEqual([2, 2, 2, 2, 2, 2, 4, 4, 5, 5]);
    expect(quintileScores([])).toEqual([]);
    expect(() => quintileScores([1, Number.NaN])).toThrow(RangeError);
  });
});

describe('rfmSegment', () => {
  it('maps the corners and the middle of the grid', () => {
    expect(rfmSegment(5, 5, 5)).toBe('Champions');
    expect(rfmSegment(5, 1, 1)).toBe('New');
    expect(rfmSegment(4, 1, 1)).toBe('Promising');
    expect(rfmSegment(4, 5, 4)).toBe('Loyal');
    expect(rfmSegment(5, 3, 2)).toBe('Potential loyalist'); // FM = round(2.5) = 3
    expect(rfmSegment(3, 3, 3)).toBe('Needs attention');
    expect(rfmSegment(3, 1, 2)).toBe('About to sleep');
    expect(rfmSegment(2, 4, 3)).toBe('At risk');
    expect(rfmSegment(1, 5, 5)).toBe("Can't lose them");
    expect(rfmSegment(2, 2, 1)).toBe('Hibernating');
    expect(rfmSegment(1, 1, 1)).toBe('Lost');
  });
});

describe('rfmScores from transactions', () => {
  it('scores recency inversely and combines F and M', () => {
    const asOf = Date.UTC(2024, 5, 30);
    const at = (month: number, day: number) => Date.UTC(2024, month - 1, day);
    const orders = [
      // c1: recent, frequent, big spender
      ...[1, 2, 3, 4, 5, 6].map((m) => ({ customerId: 'c1', at: at(m, 28), value: 100 })),
      // c2: one small order yesterday
      { customerId: 'c2', at: at(6, 29), value: 10 },
      // c3: used to buy a lot, nothing since January
      ...[1, 2, 3, 4, 5].map((d) => ({ customerId: 'c3', at: at(1, d), value: 80 })),
      // c4: one order long ago
      { customerId: 'c4', at: at(1, 2), value: 15 },
      // c5: middling
      { customerId: 'c5', at: at(4, 1), value: 40 },
      { customerId: 'c5', at: at(4, 20), value: 40 },
      // after asOf: ignored
      { customerId: 'c4', at: at(7, 2), value: 1000 },
    ];
    const inputs = rfmInputsFromTransactions(orders, { asOf });
    expect(inputs.find((i) => i.customerId === 'c4')).toEqual({
      customerId: 'c4',
      recencyDays: 180,
      frequency: 1,
      monetary: 15,
    });
    const scores = new Map(rfmScores(inputs).map((s) => [s.customerId, s]));
    expect(scores.get('c1')).toMatchObject({
      recency: 4,
      frequency: 5,
      monetary: 5,
      code: '455',
      segment: 'Loyal',
    });
    expect(scores.get('c2')).toMatchObject({
      recency: 5,
      frequency: 2,
      monetary: 1,
      segment: 'Potential loyalist',
    });
    expect(scores.get('c3')).toMatchObject({ recency: 2, frequency: 4, monetary: 4, segment: 'At risk' });
    expect(scores.get('c4')).toMatchObject({ recency: 1, frequency: 2, monetary: 2, segment: 'Hibernating' });
    expect(scores.get('c5')).toMatchObject({
      recency: 3,
      frequency: 3,
      monetary: 3,
      segment: 'Needs attention',
    });
  });
});
