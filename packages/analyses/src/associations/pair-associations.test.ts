import { describe, expect, it } from 'vitest';
import { pairAssociations } from './pair-associations';

// Entry channel -> category bought, 10 sessions.
const BASKETS = [
  ...Array.from({ length: 4 }, () => ({ from: ['newsletter'], to: ['shoes'] })),
  { from: ['newsletter'], to: ['bags'] },
  ...Array.from({ length: 4 }, () => ({ from: ['search'], to: ['bags'] })),
  { from: ['search', 'search'], to: ['shoes', 'bags'] },
];

describe('pairAssociations', () => {
  it('gives observed, expected, surprise and the test for every pair seen', () => {
    const { associations, basketCount, hypothesisCount } = pairAssociations(BASKETS);
    expect(basketCount).toBe(10);
    expect(hypothesisCount).toBe(4);
    const pair = associations.find((a) => a.from === 'newsletter' && a.to === 'shoes')!;
    // newsletter in 5 sessions, shoes in 5, together 4: expected 5 x 5 / 10 = 2.5.
    expect(pair).toMatchObject({
      observedCount: 4,
      antecedentCount: 5,
      consequentCount: 5,
      direction: 'more',
    });
    expect(pair.expectedCount).toBeCloseTo(2.5, 14);
    expect(pair.surprise).toBeCloseTo(1.6, 14);
    expect(pair.lift).toBeCloseTo(1.6, 14);
    expect(pair.confidence).toBeCloseTo(0.8, 14);
    expect(pair.supportRatio).toBeCloseTo(0.4, 14);
    // Margins 5 / 5 of 10: P(k) = C(5,k)^2 / 252 = 1, 25, 100, 100, 25, 1; k = 4 has 25/252,
    // so p = (1 + 25 + 25 + 1) / 252.
    expect(pair.pValue).toBeCloseTo(52 / 252, 12);
    const rarer = associations.find((a) => a.from === 'newsletter' && a.to === 'bags')!;
    expect(rarer.direction).toBe('less');
    expect(rarer.observedCount).toBe(1);
    // Duplicates in a side count once: search is in 5 sessions.
    expect(associations.find((a) => a.from === 'search')!.antecedentCount).toBe(5);
  });

  it('orders by adjusted p-value and corrects over all candidate pairs', () => {
    const { associations } = pairAssociations(BASKETS, { minSupport: { count: 2 } });
    expect(associations.map((a) => `${a.from}->${a.to}`)).toEqual(['search->bags', 'newsletter->shoes']);
    // search -> bags: margins 5 / 6 of 10, P(k) = C(5,k) C(5,6-k) / 210 = 5, 50, 100, 50, 5
    // for k = 1..5; observed 5, so p = 10/210.
    expect(associations[0]!.pValue).toBeCloseTo(10 / 210, 12);
    // Four candidate pairs although only two are reported: BH over m = 4, p x 4 / rank.
    expect(associations[0]!.adjustedPValue).toBeCloseTo((10 / 210) * 4, 12);
    expect(associations[1]!.adjustedPValue).toBeCloseTo((52 / 252) * 2, 12);
  });

  it('reports pairs never seen together on request, and drops rare side values', () => {
    const baskets = [
      { from: ['ads'], to: ['toys'] },
      { from: ['ads'], to: ['toys'] },
      { from: ['mail'], to: ['garden'] },
      { from: ['mail'], to: ['garden'] },
      { from: ['rare'], to: ['toys'] },
    ];
    const all = pairAssociations(baskets, { includeRarePairs: true, minSideCount: 2 });
    expect(all.hypothesisCount).toBe(4);
    const never = all.associations.find((a) => a.from === 'ads' && a.to === 'garden')!;
    expect(never).toMatchObject({ observedCount: 0, direction: 'less' });
    expect(never.expectedCount).toBeCloseTo((2 * 2) / 5, 14);
    expect(all.associations.some((a) => a.from === 'rare')).toBe(false);
    expect(() => pairAssociations(baskets, { includeRarePairs: true, maxCandidatePairs: 3 })).toThrow(
      RangeError,
    );
  });
});
