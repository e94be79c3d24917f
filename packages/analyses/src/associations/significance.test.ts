import { describe, expect, it } from 'vitest';
import { chiSquareTest, chiSquareUpperTail, fisherExactTest, logFactorial } from './significance';

describe('fisherExactTest (two-sided, as R fisher.test and scipy.stats.fisher_exact)', () => {
  it('gives 34/70 on the lady-tasting-tea table', () => {
    // Hypergeometric with margins 4/4 of 8: P(k) = C(4,k) C(4,4-k) / 70 = 1, 16, 36, 16, 1 (/70).
    // Observed k = 3 (16/70): tables at most as likely are k = 0, 1, 3, 4, so p = 34/70.
    expect(fisherExactTest({ both: 3, firstOnly: 1, secondOnly: 1, neither: 3 })).toBeCloseTo(34 / 70, 14);
  });

  it('sums both tails of a lopsided table', () => {
    // Margins 10 / 14 and 12 / 12 of 24; scipy: fisher_exact([[1, 9], [11, 3]]).pvalue
    const p = fisherExactTest({ both: 1, firstOnly: 9, secondOnly: 11, neither: 3 });
    expect(p).toBeCloseTo(0.0027594561852200836, 14);
  });

  it('is 1 for a table exactly at independence and when a margin is empty', () => {
    expect(fisherExactTest({ both: 5, firstOnly: 5, secondOnly: 5, neither: 5 })).toBe(1);
    expect(fisherExactTest({ both: 0, firstOnly: 0, secondOnly: 7, neither: 3 })).toBe(1);
  });

  it('stays accurate on basket-sized tables with tiny p-values', () => {
    // Counts of an item pair among 88,162 baskets; scipy gives 4.444526909333408e-31.
    const p = fisherExactTest({ both: 120, firstOnly: 880, secondOnly: 3000, neither: 84_162 });
    expect(Math.abs(p / 4.444526909333408e-31 - 1)).toBeLessThan(1e-8);
  });

  it('rejects tables that are not counts', () => {
    expect(() => fisherExactTest({ both: -1, firstOnly: 0, secondOnly: 0, neither: 0 })).toThrow(RangeError);
    expect(() => fisherExactTest({ both: 1.5, firstOnly: 0, secondOnly: 0, neither: 0 })).toThrow(RangeError);
  });
});

describe('chiSquareTest', () => {
  it('applies Yates correction on a hand-computed table', () => {
    // N = 33, rows 17 / 16, columns 19 / 14; expected both = 17 x 19 / 33 = 9.7879, so
    // |O - E| = 2.2121 in every cell, corrected 1.7121, squared 2.9313; the sum of 1/E over the
    // four cells is 0.49670, hence X2 = 1.45600 and p = P(chi2(1) >= 1.456) = 0.22757
    // (scipy chi2_contingency with correction=True: 1.455996378814684, 0.22756821457580642).
    const result = chiSquareTest({ both: 12, firstOnly: 5, secondOnly: 7, neither: 9 });
    expect(result.statistic).toBeCloseTo(1.455996378814684, 12);
    expect(result.pValue).toBeCloseTo(0.22756821457580642, 12);
  });

  it('omits the correction on request and caps it at |O - E|', () => {
    const plain = chiSquareTest(
      { both: 12, firstOnly: 5, secondOnly: 7, neither: 9 },
      { continuityCorrection: false },
    );
    // Exactly: |O - E| = 12 - 323/33 = 73/33 and the sum of 1/E is 33^3 / (17 x 16 x 19 x 14),
    // so X2 = 73^2 x 33 / 72352.
    expect(plain.statistic).toBeCloseTo((73 * 73 * 33) / 72352, 12);
    // E(both) = 5 x 4 / 11 = 1.818, |O - E| = 0.18 < 0.5: R corrects by 0.18, statistic 0.
    expect(chiSquareTest({ both: 2, firstOnly: 3, secondOnly: 2, neither: 4 }).statistic).toBeCloseTo(0, 14);
    expect(chiSquareTest({ both: 0, firstOnly: 0, secondOnly: 2, neither: 3 })).toEqual({
      statistic: 0,
      pValue: 1,
    });
  });

  it('has the chi-square(1) upper tail of scipy', () => {
    expect(chiSquareUpperTail(3.841458820694124)).toBeCloseTo(0.05, 14);
    expect(chiSquareUpperTail(0.3)).toBeCloseTo(0.583882420770365, 14);
    expect(chiSquareUpperTail(30) / 4.3204630578274955e-8).toBeCloseTo(1, 12);
    expect(chiSquareUpperTail(0)).toBe(1);
  });
});

describe('logFactorial', () => {
  it('matches the exact sums of logs on both sides of the table limit', () => {
    let exact = 0;
    for (let n = 1; n <= 3000; n++) {
      exact += Math.log(n);
      if (n === 5) expect(logFactorial(n)).toBeCloseTo(Math.log(120), 14);
      if (n === 1023 || n === 1024 || n === 3000) expect(logFactorial(n) / exact).toBeCloseTo(1, 14);
    }
    expect(logFactorial(0)).toBe(0);
  });
});
