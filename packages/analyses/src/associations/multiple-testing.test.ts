import { describe, expect, it } from 'vitest';
import { benjaminiHochberg } from './multiple-testing';

describe('benjaminiHochberg', () => {
  it('adjusts a small family by hand', () => {
    // Sorted: 0.005, 0.01, 0.03, 0.04; p x m / rank = 0.02, 0.02, 0.04, 0.04; running minimum
    // from the largest keeps them. Results go back to the input order.
    const adjusted = benjaminiHochberg([0.01, 0.04, 0.03, 0.005]);
    expect(adjusted.map((p) => Number(p.toFixed(12)))).toEqual([0.02, 0.04, 0.04, 0.02]);
  });

  it('takes the running minimum from the largest p-value down', () => {
    // p x 8 / rank = 0.008, 0.032, 0.104, 0.082, 0.0672, 0.08, 0.08457, 0.205; ranks 3 and 4
    // take 0.0672 from rank 5 (R: p.adjust(p, "BH")).
    const p = [0.001, 0.008, 0.039, 0.041, 0.042, 0.06, 0.074, 0.205];
    const expected = [0.008, 0.032, 0.0672, 0.0672, 0.0672, 0.08, 0.074 * (8 / 7), 0.205];
    benjaminiHochberg(p).forEach((q, i) => {
      expect(q).toBeCloseTo(expected[i]!, 12);
    });
  });

  it('widens the family with hypothesisCount and caps at 1', () => {
    expect(benjaminiHochberg([0.01], { hypothesisCount: 10 })[0]).toBeCloseTo(0.1, 14);
    expect(benjaminiHochberg([0.5, 0.9], { hypothesisCount: 4 })).toEqual([1, 1]);
    expect(() => benjaminiHochberg([0.1, 0.2], { hypothesisCount: 1 })).toThrow(RangeError);
    expect(benjaminiHochberg([])).toEqual([]);
  });
});
