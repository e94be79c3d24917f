// Customer lifetime value: historic (revenue so far) and predicted (BG/NBD purchases × Gamma-Gamma value).
// Sources: Fader, Hardie & Lee (2005), "RFM and CLV: using iso-value curves for customer base analysis"
// (JMR 42(4)) for combining the transaction and spend models; the discounted sum per period follows
// `customer_lifetime_value` of the lifetimes library: Σ_k m · (E[Y(t_k)] - E[Y(t_{k-1})]) / (1+d)^k.
// Times are in weeks, as produced by `summarizeCustomers`.

import {
  type BgNbdParams,
  expectedPurchases,
  fitBgNbd,
  probabilityAlive,
  type RecencyFrequency,
} from './bg-nbd';
import { summarizeCustomers, type Transaction } from './customer-summary';
import { expectedAverageValue, fitGammaGamma, type GammaGammaParams } from './gamma-gamma';

export interface ClvModels {
  bgnbd: BgNbdParams;
  /** null when no customer has a repeat purchase (the spend model cannot be fitted). */
  gammaGamma: GammaGammaParams | null;
}

export interface ClvHorizonOptions {
  /** Prediction horizon in weeks (default 52). */
  horizonWeeks?: number;
  /** Length of a discounting period in weeks (default 52/12, a month, as lifetimes' monthly steps). */
  periodWeeks?: number;
  /** Discount rate per period, e.g. 0.01 a month (default 0: undiscounted). */
  discountRate?: number;
}

export interface PredictedClvCustomer extends RecencyFrequency {
  /** Mean value of repeat purchases (m_x), 0 without repeat purchases. */
  monetaryValue: number;
}

const DEFAULT_HORIZON_WEEKS = 52;
const DEFAULT_PERIOD_WEEKS = 52 / 12;

/**
 * Expected purchases over the horizon, discounted per period: Σ_k (E[Y(t_k)] - E[Y(t_{k-1})]) / (1+d)^(t_k/period),
 * with t_k = min(k · period, horizon) so a horizon that is not a whole number of periods still ends on time.
 * Equals `expectedPurchases(params, horizon, customer)` when the discount rate is 0.
 *
 * @example
 * discountedExpectedPurchases(bgnbd, { frequency: 2, recency: 30.43, T: 38.86 }, { horizonWeeks: 52, discountRate: 0.01 });
 */
export function discountedExpectedPurchases(
  params: BgNbdParams,
  customer: RecencyFrequency,
  options: ClvHorizonOptions = {},
): number {
  const horizon = options.horizonWeeks ?? DEFAULT_HORIZON_WEEKS;
  const period = options.periodWeeks ?? DEFAULT_PERIOD_WEEKS;
  const rate = options.discountRate ?? 0;
  if (!(period > 0)) throw new RangeError('discountedExpectedPurchases: periodWeeks must be > 0');
  if (horizon <= 0) return 0;
  if (rate === 0) return expectedPurchases(params, horizon, customer);
  // The 1e-9 keeps floating-point noise (e.g. 52 / (52/12) = 12.000000000000002) from adding an empty period.
  const periods = Math.ceil(horizon / period - 1e-9);
  let total = 0;
  let previous = 0;
  for (let k = 1; k <= periods; k++) {
    const end = Math.min(k * period, horizon);
    const cumulative = expectedPurchases(params, end, customer);
    total += (cumulative - previous) / (1 + rate) ** (end / period);
    previous = cumulative;
  }
  return total;
}

/**
 * Predicted CLV of one customer: expected average purchase value × discounted expected purchases.
 * `averageValue` overrides the Gamma-Gamma estimate (e.g. a margin instead of revenue).
 *
 * @example
 * predictedClv(
 *   { bgnbd: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, gammaGamma: { p: 6.25, q: 3.74, gamma: 15.44 } },
 *   { frequency: 2, recency: 30.43, T: 38.86, monetaryValue: 22.35 },
 * ); // ≈ 38.44: ≈ 24.66 per purchase × ≈ 1.559 purchases in 52 weeks
 */
export function predictedClv(
  models: ClvModels,
  customer: PredictedClvCustomer,
  options: ClvHorizonOptions & { averageValue?: number } = {},
): number {
  const value =
    options.averageValue ??
    (models.gammaGamma ? expectedAverageValue(models.gammaGamma, customer) : Number.NaN);
  return value * discountedExpectedPurchases(models.bgnbd, customer, options);
}

export interface FitClvOptions {
  /** Observation end: orders after this day are ignored; T is measured up to it. */
  until: Date | number;
  /** Shop time zone offset from UTC in minutes, used to cut purchase days (default 0). */
  utcOffsetMinutes?: number;
}

export interface ClvModelFit {
  bgnbd: BgNbdParams & { logLikelihood: number };
  gammaGamma: GammaGammaParams | null;
  /** Customers with at least one order up to `until`. */
  customers: number;
  diagnostics: {
    repeatCustomers: number;
    bgnbd: { iterations: number; converged: boolean };
    gammaGamma: { logLikelihood: number; iterations: number; converged: boolean } | null;
  };
}

/**
 * Fits BG/NBD on every customer and Gamma-Gamma on the repeat customers, from raw orders up to `until`
 * (the output of `centric model clv --json`, plus diagnostics). Throws if there is no order up to `until`.
 *
 * @example
 * const { bgnbd, gammaGamma } = fitClvModels(orders, { until: Date.UTC(1997, 8, 30) });
 * // CDNOW: bgnbd ≈ { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426, logLikelihood: -9582.43 }
 */
export function fitClvModels(transactions: Iterable<Transaction>, options: FitClvOptions): ClvModelFit {
  const summaries = summarizeCustomers(transactions, options);
  if (summaries.length === 0) throw new RangeError('fitClvModels: no orders up to the observation end');
  const bg = fitBgNbd(summaries);
  const repeatCustomers = summaries.filter((s) => s.frequency > 0 && s.monetaryValue > 0).length;
  const gg = repeatCustomers > 0 ? fitGammaGamma(summaries) : null;
  return {
    bgnbd: { r: bg.r, alpha: bg.alpha, a: bg.a, b: bg.b, logLikelihood: bg.logLikelihood },
    gammaGamma: gg ? { p: gg.p, q: gg.q, gamma: gg.gamma } : null,
    customers: summaries.length,
    diagnostics: {
      repeatCustomers,
      bgnbd: { iterations: bg.iterations, converged: bg.converged },
      gammaGamma: gg
        ? { logLikelihood: gg.logLikelihood, iterations: gg.iterations, converged: gg.converged }
        : null,
    },
  };
}

export interface CustomerScore {
  customerId: string;
  frequency: number;
  recency: number;
  T: number;
  monetaryValue: number;
  /** Revenue up to `until`, first purchase included. */
  historicClv: number;
  probabilityAlive: number;
  churnProbability: number;
  /** Conditional expected purchases in the next 52 weeks (undiscounted, whatever the horizon). */
  expectedPurchases52w: number;
  /** Gamma-Gamma expected value of a future purchase (see `scoreCustomers` for the fallback). */
  expectedAverageValue: number;
  /** Discounted expected revenue over the horizon. */
  predictedClv: number;
}

export interface ScoreOptions extends FitClvOptions, ClvHorizonOptions {
  /** Fitted models; fitted on the same orders when omitted. */
  models?: ClvModels;
}

/**
 * Scores every customer with at least one order up to `until`: P(alive), churn probability, expected
 * purchases and predicted CLV. When the Gamma-Gamma estimate does not exist (no spend model, or q <= 1 for
 * customers without repeat purchases) the expected purchase value falls back to the shop-wide mean value of
 * a purchase day, so every score stays a finite number.
 *
 * @example
 * const [first] = scoreCustomers(cdnowOrders, { until: Date.UTC(1997, 8, 30) });
 * // { customerId: '1', probabilityAlive: 0.727, churnProbability: 0.273,
 * //   expectedPurchases52w: 1.559, predictedClv: 38.43, ... }
 */
export function scoreCustomers(transactions: Iterable<Transaction>, options: ScoreOptions): CustomerScore[] {
  const orders = [...transactions];
  const summaries = summarizeCustomers(orders, options);
  if (summaries.length === 0) return [];
  const models = options.models ?? fitClvModels(orders, options);
  let revenue = 0;
  let purchaseDays = 0;
  for (const s of summaries) {
    revenue += s.revenue;
    purchaseDays += s.frequency + 1;
  }
  const fallbackValue = revenue / purchaseDays;
  return summaries.map((s) => {
    const alive = probabilityAlive(models.bgnbd, s);
    const modelValue = models.gammaGamma ? expectedAverageValue(models.gammaGamma, s) : Number.NaN;
    const averageValue = Number.isFinite(modelValue) ? modelValue : fallbackValue;
    return {
      customerId: s.customerId,
      frequency: s.frequency,
      recency: s.recency,
      T: s.T,
      monetaryValue: s.monetaryValue,
      historicClv: s.revenue,
      probabilityAlive: alive,
      churnProbability: 1 - alive,
      expectedPurchases52w: expectedPurchases(models.bgnbd, 52, s),
      expectedAverageValue: averageValue,
      predictedClv: averageValue * discountedExpectedPurchases(models.bgnbd, s, options),
    };
  });
}
