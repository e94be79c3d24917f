import { describe, expect, it } from 'vitest';
import { expectedPurchases } from './bg-nbd';
import { discountedExpectedPurchases, fitClvModels, predictedClv, scoreCustomers } from './clv';
import { expectedAverageValue } from './gamma-gamma';
import { CDNOW_CALIBRATION_END, loadCdnowTransactions } from './test-support/cdnow';

const BGNBD = { r: 0.242593, alpha: 4.413532, a: 0.792886, b: 2.425752 };
const GAMMA_GAMMA = { p: 6.249, q: 3.7448, gamma: 15.4472 };
const customer1 = { frequency: 2, recency: 30.43, T: 38.86, monetaryValue: 22.35 };

describe('discountedExpectedPurchases', () => {
  it('is the conditional expectation over the horizon when undiscounted', () => {
    expect(discountedExpectedPurchases(BGNBD, customer1, { horizonWeeks: 52 })).toBeCloseTo(
      expectedPurchases(BGNBD, 52, customer1),
      12,
    );
  });

  it('discounts each period’s increment by (1 + d)^k', () => {
    const e1 = expectedPurchases(BGNBD, 4, customer1);
    const e2 = expectedPurchases(BGNBD, 8, customer1);
    const e3 = expectedPurchases(BGNBD, 10, customer1); // last, partial period: exponent 10/4
    const expected = e1 / 1.05 + (e2 - e1) / 1.05 ** 2 + (e3 - e2) / 1.05 ** 2.5;
    expect(
      discountedExpectedPurchases(BGNBD, customer1, { horizonWeeks: 10, periodWeeks: 4, discountRate: 0.05 }),
    ).toBeCloseTo(expected, 12);
  });
});

describe('predictedClv', () => {
  it('matches the lifetimes Quickstart CLV (12 periods of 30 weeks, 1% per period)', () => {
    // lifetimes' docs call customer_lifetime_value(time=12, discount_rate=0.01) with its default freq "D"
    // (30 time units per month) on weekly data, i.e. 12 periods of 30 weeks. Its Gamma-Gamma parameters are
    // printed to 4 decimals only, hence the 1e-4 relative tolerance.
    const options = { horizonWeeks: 360, periodWeeks: 30, discountRate: 0.01 };
    const models = { bgnbd: BGNBD, gammaGamma: GAMMA_GAMMA };
    const cases: [typeof customer1, number][] = [
      [customer1, 140.096211],
      [{ frequency: 1, recency: 1.71, T: 38.86, monetaryValue: 11.77 }, 18.943467],
      [{ frequency: 0, recency: 0, T: 38.86, monetaryValue: 0 }, 38.180574],
      [{ frequency: 7, recency: 29.43, T: 38.86, monetaryValue: 73.74 }, 1003.868107],
    ];
    for (const [c, value] of cases) {
      expect(Math.abs(predictedClv(models, c, options) / value - 1)).toBeLessThan(1e-4);
    }
  });

  it('uses an explicit average value when given', () => {
    const models = { bgnbd: BGNBD, gammaGamma: null };
    expect(predictedClv(models, customer1, { averageValue: 10 })).toBeCloseTo(
      10 * expectedPurchases(BGNBD, 52, customer1),
      12,
    );
    expect(predictedClv(models, customer1)).toBeNaN();
  });
});

describe('fitClvModels and scoreCustomers on CDNOW', () => {
  const orders = loadCdnowTransactions();

  it('fits both models in the CLI shape', () => {
    const fit = fitClvModels(orders, { until: CDNOW_CALIBRATION_END });
    expect(Object.keys(fit.bgnbd).sort()).toEqual(['a', 'alpha', 'b', 'logLikelihood', 'r']);
    expect(Object.keys(fit.gammaGamma ?? {}).sort()).toEqual(['gamma', 'p', 'q']);
    expect(fit.customers).toBe(2357);
    expect(fit.diagnostics.repeatCustomers).toBe(946);
    expect(fit.bgnbd.r).toBeCloseTo(0.243, 3);
    expect(fit.bgnbd.logLikelihood).toBeCloseTo(-9582.4, 1);
    expect(fit.gammaGamma!.p).toBeCloseTo(6.25, 2);
    expect(fit.diagnostics.bgnbd.converged && fit.diagnostics.gammaGamma!.converged).toBe(true);

    const scores = scoreCustomers(orders, { until: CDNOW_CALIBRATION_END, models: fit });
    expect(scores).toHaveLength(2357);
    const first = scores.find((s) => s.customerId === '1')!;
    expect(first.expectedPurchases52w).toBeCloseTo(expectedPurchases(fit.bgnbd, 52, first), 12);
    expect(first.churnProbability).toBeCloseTo(1 - first.probabilityAlive, 12);
    expect(first.historicClv).toBeCloseTo(29.33 + 29.73 + 14.96, 10); // the 1997-12-12 order is after until
    expect(first.predictedClv).toBeCloseTo(
      expectedAverageValue(fit.gammaGamma!, first) * expectedPurchases(fit.bgnbd, 52, first),
      10,
    );
    for (const s of scores) {
      expect(Number.isFinite(s.predictedClv) && s.predictedClv >= 0).toBe(true);
      expect(s.probabilityAlive).toBeGreaterThan(0);
      expect(s.probabilityAlive).toBeLessThanOrEqual(1);
    }
  });

  it('handles shops without repeat customers and empty periods', () => {
    const oneTime = [
      { customerId: 'a', at: Date.UTC(2024, 0, 1), value: 10 },
      { customerId: 'b', at: Date.UTC(2024, 0, 5), value: 30 },
    ];
    const fit = fitClvModels(oneTime, { until: Date.UTC(2024, 1, 1) });
    expect(fit.gammaGamma).toBeNull();
    const scores = scoreCustomers(oneTime, { until: Date.UTC(2024, 1, 1), models: fit });
    // No spend model: the value of a future purchase falls back to the mean purchase-day value (20).
    expect(scores.map((s) => s.expectedAverageValue)).toEqual([20, 20]);
    expect(() => fitClvModels(oneTime, { until: Date.UTC(2023, 0, 1) })).toThrow(RangeError);
    expect(scoreCustomers(oneTime, { until: Date.UTC(2023, 0, 1) })).toEqual([]);
  });
});
