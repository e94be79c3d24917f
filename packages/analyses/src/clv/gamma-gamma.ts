// Gamma-Gamma model of the average transaction value.
// Sources: Fader, Hardie & Lee (2005), "RFM and CLV: using iso-value curves for customer base analysis",
// Journal of Marketing Research 42(4), 415-430, section "Spend model"; and Fader & Hardie (2013),
// "The Gamma-Gamma model of monetary value" (brucehardie.com note 025): likelihood eq. (3), conditional
// expectation eq. (5). A customer's transaction values are gamma(p, ν) with ν ~ gamma(q, γ) across customers;
// m_x is the mean of the x repeat transactions.

import { minimize } from './optimize';
import { logGamma } from './special-functions';

export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

export interface GammaGammaFit extends GammaGammaParams {
  logLikelihood: number;
  /** Customers used in the fit (frequency > 0 and monetaryValue > 0). */
  customers: number;
  iterations: number;
  converged: boolean;
}

/** Repeat purchases and their mean value, as in `CustomerSummary`. */
export interface FrequencyMonetary {
  frequency: number;
  monetaryValue: number;
}

export interface GammaGammaFitOptions {
  /** Starting point (default p = q = gamma = 1). */
  initial?: GammaGammaParams;
  maxIterations?: number;
}

/** The model only describes customers with at least one repeat purchase of positive value. */
function usable(c: FrequencyMonetary): boolean {
  return c.frequency > 0 && c.monetaryValue > 0 && Number.isFinite(c.monetaryValue);
}

/**
 * ln f(m_x | p, q, γ; x) = ln Γ(px+q) - ln Γ(px) - ln Γ(q) + q ln γ + (px-1) ln m_x + px ln x - (px+q) ln(γ + m_x x).
 * The density of the mean (not of the individual values), so it is comparable with lifetimes and CLVTools.
 */
function customerLogLikelihood(params: GammaGammaParams, x: number, m: number): number {
  const { p, q, gamma } = params;
  const px = p * x;
  return (
    logGamma(px + q) -
    logGamma(px) -
    logGamma(q) +
    q * Math.log(gamma) +
    (px - 1) * Math.log(m) +
    px * Math.log(x) -
    (px + q) * Math.log(gamma + m * x)
  );
}

/**
 * Log-likelihood of the customers with frequency > 0 (others are skipped, as in the fit).
 *
 * @example
 * gammaGammaLogLikelihood({ p: 6.25, q: 3.74, gamma: 15.44 }, summaries); // ≈ -4055.9 on CDNOW
 */
export function gammaGammaLogLikelihood(
  params: GammaGammaParams,
  customers: readonly FrequencyMonetary[],
): number {
  let total = 0;
  for (const c of customers)
    if (usable(c)) total += customerLogLikelihood(params, c.frequency, c.monetaryValue);
  return total;
}

/**
 * Maximum-likelihood fit of p, q, gamma on the customers with at least one repeat purchase,
 * over log-parameters with Nelder–Mead and restarts. Throws if no customer qualifies.
 *
 * @example
 * const fit = fitGammaGamma(summaries); // CDNOW sample: { p: 6.2496, q: 3.7442, gamma: 15.4435, logLikelihood: -4055.92, ... }
 */
export function fitGammaGamma(
  customers: readonly FrequencyMonetary[],
  options: GammaGammaFitOptions = {},
): GammaGammaFit {
  const data = customers.filter(usable);
  if (data.length === 0)
    throw new RangeError('fitGammaGamma: no customer with a repeat purchase of positive value');
  const start = options.initial ?? { p: 1, q: 1, gamma: 1 };
  const fromLog = (z: number[]): GammaGammaParams => ({
    p: Math.exp(z[0]!),
    q: Math.exp(z[1]!),
    gamma: Math.exp(z[2]!),
  });
  const negLogLikelihood = (z: number[]): number => -gammaGammaLogLikelihood(fromLog(z), data);
  const x0 = [Math.log(start.p), Math.log(start.q), Math.log(start.gamma)];
  const result = minimize(negLogLikelihood, x0, { maxIterations: options.maxIterations ?? 5000 });
  return {
    ...fromLog(result.x),
    logLikelihood: -result.value,
    customers: data.length,
    iterations: result.iterations,
    converged: result.converged,
  };
}

/**
 * Population mean transaction value E[Z] = pγ/(q-1); infinite (NaN here) when q <= 1.
 *
 * @example
 * populationAverageValue({ p: 6.25, q: 3.74, gamma: 15.44 }); // ≈ 35.2
 */
export function populationAverageValue(params: GammaGammaParams): number {
  const { p, q, gamma } = params;
  return q > 1 ? (p * gamma) / (q - 1) : Number.NaN;
}

/**
 * Expected average transaction value of a customer given x repeat purchases of mean m_x (eq. 5):
 * a weighted mean of the population mean pγ/(q-1) and m_x, with weight px/(px+q-1) on m_x.
 * Customers without repeat purchases get the population mean (NaN if q <= 1, where it does not exist).
 *
 * @example
 * expectedAverageValue({ p: 6.25, q: 3.74, gamma: 15.44 }, { frequency: 2, monetaryValue: 22.35 }); // ≈ 24.66
 */
export function expectedAverageValue(params: GammaGammaParams, customer: FrequencyMonetary): number {
  const { p, q, gamma } = params;
  const x = customer.frequency;
  if (x === 0) return populationAverageValue(params);
  const denominator = p * x + q - 1;
  if (denominator <= 0) return Number.NaN;
  return (p * (gamma + customer.monetaryValue * x)) / denominator;
}
