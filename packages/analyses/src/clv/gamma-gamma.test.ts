import { describe, expect, it } from 'vitest';
import { summarizeCustomers } from './customer-summary';
import {
  expectedAverageValue,
  fitGammaGamma,
  gammaGammaLogLikelihood,
  populationAverageValue,
} from './gamma-gamma';
import { CDNOW_CALIBRATION_END, loadCdnowTransactions } from './test-support/cdnow';

describe('fitGammaGamma on the CDNOW sample', () => {
  const summaries = summarizeCustomers(loadCdnowTransactions(), { until: CDNOW_CALIBRATION_END });

  it('reproduces Fader & Hardie (2013): p = 6.25, q = 3.74, gamma = 15.44 on 946 repeat customers', () => {
    const fit = fitGammaGamma(summaries);
    expect(fit.converged).toBe(true);
    expect(fit.customers).toBe(946);
    expect(fit.p).toBeCloseTo(6.25, 2);
    expect(fit.q).toBeCloseTo(3.74, 2);
    expect(fit.gamma).toBeCloseTo(15.44, 2);
    // CLVTools' correctness test for the same data states LL = -4055.9177.
    expect(fit.logLikelihood).toBeCloseTo(-4055.9177, 3);
    expect(fit.logLikelihood).toBeCloseTo(gammaGammaLogLikelihood(fit, summaries), 8);
  });

  it('matches lifetimes (p=6.2490, q=3.7448, v=15.4472) on monetary values rounded to cents, as lifetimes ships them', () => {
    const rounded = summaries.map((s) => ({ ...s, monetaryValue: Math.round(s.monetaryValue * 100) / 100 }));
    const fit = fitGammaGamma(rounded);
    expect(fit.p).toBeCloseTo(6.249, 2);
    expect(fit.q).toBeCloseTo(3.7448, 2);
    expect(fit.gamma).toBeCloseTo(15.4472, 2);
    // The likelihood is flat along a ridge: our optimum is at least as good as lifetimes' point.
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(
      gammaGammaLogLikelihood({ p: 6.249, q: 3.7448, gamma: 15.4472 }, rounded),
    );
  });

  it('throws without repeat customers', () => {
    expect(() => fitGammaGamma([{ frequency: 0, monetaryValue: 0 }])).toThrow(RangeError);
  });
});

describe('expectedAverageValue', () => {
  // lifetimes Quickstart: conditional_expected_average_profit for customers 1, 2 and 3 (one-time buyer).
  const lifetimes = { p: 6.249, q: 3.7448, gamma: 15.4472 };
  const rel = (a: number, b: number) => Math.abs(a / b - 1);

  it('matches the lifetimes documentation (parameters printed to 4 decimals, so to 1e-4 relative)', () => {
    expect(
      rel(expectedAverageValue(lifetimes, { frequency: 2, monetaryValue: 22.35 }), 24.658619),
    ).toBeLessThan(1e-4);
    expect(
      rel(expectedAverageValue(lifetimes, { frequency: 1, monetaryValue: 11.77 }), 18.911489),
    ).toBeLessThan(1e-4);
    expect(rel(expectedAverageValue(lifetimes, { frequency: 0, monetaryValue: 0 }), 35.170981)).toBeLessThan(
      1e-4,
    );
  });

  it('is the weighted mean of the population mean and the observed mean (eq. 5)', () => {
    const params = { p: 6.25, q: 3.74, gamma: 15.44 };
    const population = (6.25 * 15.44) / 2.74;
    expect(populationAverageValue(params)).toBeCloseTo(population, 12);
    const w = (6.25 * 3) / (6.25 * 3 + 2.74);
    expect(expectedAverageValue(params, { frequency: 3, monetaryValue: 50 })).toBeCloseTo(
      (1 - w) * population + w * 50,
      10,
    );
    expect(populationAverageValue({ p: 1, q: 0.9, gamma: 1 })).toBeNaN();
  });
});
