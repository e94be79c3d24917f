import { describe, expect, it } from 'vitest';
import {
  bgNbdLogLikelihood,
  expectedPurchases,
  expectedPurchasesUnconditional,
  fitBgNbd,
  probabilityAlive,
  probabilityOfPurchases,
} from './bg-nbd';
import { summarizeCustomers } from './customer-summary';
import { hypergeometric2F1 } from './special-functions';
import {
  CDNOW_CALIBRATION_END,
  loadCdnowPublishedSummary,
  loadCdnowTransactions,
} from './test-support/cdnow';

/** Fader, Hardie & Lee (2005), table/section 4: the published CDNOW estimates. */
const PUBLISHED = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
/** lifetimes Quickstart (`bgf.summary` on cdnow_customers_summary.csv, times rounded to 2 decimals). */
const LIFETIMES = { r: 0.242593, alpha: 4.413532, a: 0.792886, b: 2.425752 };

describe('fitBgNbd on the CDNOW sample', () => {
  const summaries = summarizeCustomers(loadCdnowTransactions(), { until: CDNOW_CALIBRATION_END });

  it('reproduces the published parameters and log-likelihood', () => {
    const fit = fitBgNbd(summaries);
    expect(fit.converged).toBe(true);
    expect(fit.r).toBeCloseTo(PUBLISHED.r, 3);
    expect(fit.alpha).toBeCloseTo(PUBLISHED.alpha, 3);
    expect(fit.a).toBeCloseTo(PUBLISHED.a, 3);
    expect(fit.b).toBeCloseTo(PUBLISHED.b, 3);
    expect(fit.logLikelihood).toBeCloseTo(-9582.4, 1);
    expect(fit.logLikelihood).toBeCloseTo(bgNbdLogLikelihood(fit, summaries), 8);
  });

  it('reproduces lifetimes on the rounded published summary, from any reasonable start', () => {
    const published = loadCdnowPublishedSummary();
    for (const initial of [undefined, { r: 5, alpha: 50, a: 0.1, b: 20 }]) {
      const fit = fitBgNbd(published, initial ? { initial } : {});
      expect(fit.r).toBeCloseTo(LIFETIMES.r, 5);
      expect(fit.alpha).toBeCloseTo(LIFETIMES.alpha, 3);
      expect(fit.a).toBeCloseTo(LIFETIMES.a, 4);
      expect(fit.b).toBeCloseTo(LIFETIMES.b, 3);
    }
  });

  it('rejects inconsistent summaries', () => {
    expect(() => fitBgNbd([])).toThrow(RangeError);
    expect(() => fitBgNbd([{ frequency: 1, recency: 5, T: 4 }])).toThrow(RangeError);
    expect(() => fitBgNbd([{ frequency: 0, recency: 1, T: 4 }])).toThrow(RangeError);
  });
});

describe('BG/NBD predictions', () => {
  const customer = { frequency: 2, recency: 30.43, T: 38.86 };

  it('gives the paper’s conditional expectation for x = 2, t_x = 30.43, T = 38.86 over 39 weeks (1.226)', () => {
    expect(expectedPurchases(PUBLISHED, 39, customer)).toBeCloseTo(1.226, 3);
  });

  it('matches the lifetimes Quickstart ranking of next-week purchases', () => {
    expect(expectedPurchases(LIFETIMES, 1, { frequency: 26, recency: 30.86, T: 31 })).toBeCloseTo(
      0.710623,
      6,
    );
    expect(expectedPurchases(LIFETIMES, 1, { frequency: 18, recency: 35.14, T: 35.86 })).toBeCloseTo(
      0.424877,
      6,
    );
  });

  it('equals the paper’s untransformed eq. (10)', () => {
    const { r, alpha, a, b } = PUBLISHED;
    for (const [x, tx, T, t] of [
      [2, 30.43, 38.86, 39],
      [0, 0, 20, 52],
      [10, 34.14, 38.86, 10],
    ] as const) {
      const z = t / (alpha + T + t);
      const bracket =
        1 - ((alpha + T) / (alpha + T + t)) ** (r + x) * hypergeometric2F1(r + x, b + x, a + b + x - 1, z);
      const denominator = 1 + (x > 0 ? (a / (b + x - 1)) * ((alpha + T) / (alpha + tx)) ** (r + x) : 0);
      const direct = (((a + b + x - 1) / (a - 1)) * bracket) / denominator;
      expect(expectedPurchases(PUBLISHED, t, { frequency: x, recency: tx, T })).toBeCloseTo(direct, 10);
    }
  });

  it('P(alive) by hand: 1 / (1 + a/(b+x-1) · ((α+T)/(α+t_x))^(r+x))', () => {
    // 0.793/3.426 = 0.231465; (43.274/34.844)^2.243 = 1.625797; 1/(1 + 0.376318) = 0.726576
    expect(probabilityAlive(PUBLISHED, customer)).toBeCloseTo(0.726576, 5);
    expect(probabilityAlive(PUBLISHED, { frequency: 0, recency: 0, T: 38.86 })).toBe(1);
    // Frequent and recent: likely alive, though never above 1/(1 + a/(b+x-1)) = 0.935 in BG/NBD (the customer
    // may have dropped out right after the last purchase); same count long ago: probably gone.
    expect(probabilityAlive(PUBLISHED, { frequency: 10, recency: 38, T: 38.86 })).toBeGreaterThan(0.9);
    expect(probabilityAlive(PUBLISHED, { frequency: 10, recency: 38.86, T: 38.86 })).toBeCloseTo(
      1 / (1 + 0.793 / 11.426),
      10,
    );
    expect(probabilityAlive(PUBLISHED, { frequency: 10, recency: 10, T: 38.86 })).toBeLessThan(0.01);
  });

  it('unconditional expectation eq. (9) equals Σ x·P(X(t) = x) from eq. (8)', () => {
    for (const t of [1, 39, 78]) {
      let mean = 0;
      let mass = 0;
      for (let x = 0; x < 600; x++) {
        const p = probabilityOfPurchases(PUBLISHED, t, x);
        mean += x * p;
        mass += p;
      }
      expect(mass).toBeCloseTo(1, 10);
      expect(expectedPurchasesUnconditional(PUBLISHED, t)).toBeCloseTo(mean, 8);
    }
  });

  it('is continuous at a = 1 and zero for t <= 0', () => {
    const near = (a: number) => expectedPurchases({ ...PUBLISHED, a }, 39, customer);
    expect(near(1)).toBeCloseTo(near(1 + 1e-4), 3);
    expect(near(1)).toBeCloseTo(near(1 - 1e-4), 3);
    expect(expectedPurchases(PUBLISHED, 0, customer)).toBe(0);
    expect(expectedPurchasesUnconditional(PUBLISHED, 0)).toBe(0);
  });
});
