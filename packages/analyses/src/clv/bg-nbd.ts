// BG/NBD ("beta-geometric / negative binomial distribution") model of repeat purchasing.
// Source: Fader, Hardie & Lee (2005), "'Counting your customers' the easy way: an alternative to the
// Pareto/NBD model", Marketing Science 24(2), 275-284: likelihood eq. (6), P(X(t) = x) eq. (8),
// E[X(t)] eq. (9), E[Y(t) | x, t_x, T] eq. (10); P(alive) from Fader, Hardie & Lee (2008),
// "Computing P(alive) using the BG/NBD model" (brucehardie.com note 021).
// Time is in the unit of the summary (weeks for `summarizeCustomers`).

import { minimize } from './optimize';
import { hypergeometric2F1, logAddExp, logBeta, logGamma } from './special-functions';

export interface BgNbdParams {
  /** Shape of the gamma heterogeneity of purchase rates. */
  r: number;
  /** Scale of the gamma heterogeneity of purchase rates (time units). */
  alpha: number;
  /** Beta heterogeneity of the dropout probability after each purchase. */
  a: number;
  b: number;
}

export interface BgNbdFit extends BgNbdParams {
  /** Maximised log-likelihood (sum over customers, paper's eq. 6). */
  logLikelihood: number;
  iterations: number;
  converged: boolean;
}

/** Frequency (repeat purchases), recency and age of one customer, as in `CustomerSummary`. */
export interface RecencyFrequency {
  frequency: number;
  recency: number;
  T: number;
}

export interface BgNbdFitOptions {
  /** Starting point (default r = alpha = a = b = 1). */
  initial?: BgNbdParams;
  maxIterations?: number;
}

/** The part of eq. (6) that depends on x only: ln[Γ(r+x)α^r/Γ(r) · B(a,b+x)/B(a,b)]. */
function frequencyTerm(p: BgNbdParams, x: number): number {
  const { r, alpha, a, b } = p;
  return logGamma(r + x) - logGamma(r) + r * Math.log(alpha) + logBeta(a, b + x) - logBeta(a, b);
}

/**
 * Log-likelihood of one customer (eq. 6) given its frequency term, written with logs so large x and T
 * do not overflow:
 * L = B(a,b+x)/B(a,b) Γ(r+x)α^r / (Γ(r)(α+T)^(r+x)) + [x>0] B(a+1,b+x-1)/B(a,b) Γ(r+x)α^r / (Γ(r)(α+t_x)^(r+x)).
 */
function customerLogLikelihood(p: BgNbdParams, common: number, customer: Pattern): number {
  const { r, alpha, a, b } = p;
  const { x, tx, T } = customer;
  const stillAlive = -(r + x) * Math.log(alpha + T);
  if (x === 0) return common + stillAlive;
  // B(a+1, b+x-1) / B(a, b+x) = a / (b+x-1)
  const diedAfterLast = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx);
  return common + logAddExp(stillAlive, diedAfterLast);
}

/**
 * Total BG/NBD log-likelihood of a set of customers.
 *
 * @example
 * bgNbdLogLikelihood({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, summaries); // ≈ -9582.4 on CDNOW
 */
export function bgNbdLogLikelihood(params: BgNbdParams, customers: readonly RecencyFrequency[]): number {
  return patternLogLikelihood(params, groupPatterns(customers));
}

interface Pattern {
  x: number;
  tx: number;
  T: number;
  count: number;
}

/**
 * Customers with the same (x, t_x, T) contribute the same term: group them once (Fader & Hardie do too),
 * and by x, because the gamma-function part of the likelihood depends on x only.
 */
function groupPatterns(customers: readonly RecencyFrequency[]): Map<number, Pattern[]> {
  const patterns = new Map<string, Pattern>();
  for (const c of customers) {
    const key = `${c.frequency}|${c.recency}|${c.T}`;
    const p = patterns.get(key);
    if (p) p.count += 1;
    else patterns.set(key, { x: c.frequency, tx: c.recency, T: c.T, count: 1 });
  }
  const byFrequency = new Map<number, Pattern[]>();
  for (const p of patterns.values()) {
    const group = byFrequency.get(p.x);
    if (group) group.push(p);
    else byFrequency.set(p.x, [p]);
  }
  return byFrequency;
}

function patternLogLikelihood(params: BgNbdParams, byFrequency: Map<number, Pattern[]>): number {
  let total = 0;
  for (const [x, group] of byFrequency) {
    const common = frequencyTerm(params, x);
    for (const pt of group) total += pt.count * customerLogLikelihood(params, common, pt);
  }
  return total;
}

function validate(customers: readonly RecencyFrequency[]): void {
  if (customers.length === 0) throw new RangeError('fitBgNbd: no customers');
  for (const c of customers) {
    const ok =
      Number.isInteger(c.frequency) &&
      c.frequency >= 0 &&
      c.recency >= 0 &&
      c.recency <= c.T &&
      (c.frequency > 0 || c.recency === 0);
    if (!ok) throw new RangeError(`fitBgNbd: invalid customer summary ${JSON.stringify(c)}`);
  }
}

/**
 * Maximum-likelihood fit of r, alpha, a, b. Optimises over log-parameters (keeping all four positive)
 * with Nelder–Mead and restarts.
 *
 * @example
 * const fit = fitBgNbd(summarizeCustomers(orders, { until }));
 * // CDNOW sample: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426, logLikelihood: -9582.43, ... }
 */
export function fitBgNbd(customers: readonly RecencyFrequency[], options: BgNbdFitOptions = {}): BgNbdFit {
  validate(customers);
  const patterns = groupPatterns(customers);
  const start = options.initial ?? { r: 1, alpha: 1, a: 1, b: 1 };
  const fromLog = (z: number[]): BgNbdParams => ({
    r: Math.exp(z[0]!),
    alpha: Math.exp(z[1]!),
    a: Math.exp(z[2]!),
    b: Math.exp(z[3]!),
  });
  const negLogLikelihood = (z: number[]): number => -patternLogLikelihood(fromLog(z), patterns);
  const x0 = [Math.log(start.r), Math.log(start.alpha), Math.log(start.a), Math.log(start.b)];
  const result = minimize(negLogLikelihood, x0, { maxIterations: options.maxIterations ?? 5000 });
  return {
    ...fromLog(result.x),
    logLikelihood: -result.value,
    iterations: result.iterations,
    converged: result.converged,
  };
}

/**
 * Probability that a customer with this history is still alive at T (Fader, Hardie & Lee 2008):
 * 1 / (1 + [x>0] a/(b+x-1) ((α+T)/(α+t_x))^(r+x)). Churn probability is 1 minus this.
 * A customer without repeat purchases is alive by assumption (in BG/NBD dropout only happens right after a purchase).
 *
 * @example
 * probabilityAlive({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, { frequency: 2, recency: 30.43, T: 38.86 }); // ≈ 0.727
 */
export function probabilityAlive(params: BgNbdParams, customer: RecencyFrequency): number {
  const { r, alpha, a, b } = params;
  const { frequency: x, recency: tx, T } = customer;
  if (x === 0) return 1;
  const logRatio = Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
  return 1 / (1 + Math.exp(logRatio));
}

/**
 * 1 - (1-z)^(a-1) 2F1(a+b-1-r, a-1; c; z): the bracket shared by eqs. (9) and (10) after Euler's
 * transformation 2F1(A,B;C;z) = (1-z)^(C-A-B) 2F1(C-A,C-B;C;z). The paper's form multiplies a large
 * 2F1(r+x, b+x; ...) by a tiny ((α+T)/(α+T+t))^(r+x); the transformed one has small parameters whatever x is.
 */
function hypergeometricBracket(params: BgNbdParams, c: number, z: number): number {
  const { r, a, b } = params;
  return 1 - (1 - z) ** (a - 1) * hypergeometric2F1(a + b - 1 - r, a - 1, c, z);
}

/** a = 1 makes eqs. (9)/(10) 0/0; nudging a keeps the (continuous) limit without a separate formula. */
function awayFromOne(a: number): number {
  return Math.abs(a - 1) < 1e-7 ? 1 + 1e-7 : a;
}

/**
 * Conditional expected number of purchases in the next t time units for a customer with history
 * (x, t_x, T), eq. (10) of the paper.
 *
 * @example
 * expectedPurchases({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 39, { frequency: 2, recency: 30.43, T: 38.86 }); // ≈ 1.226
 */
export function expectedPurchases(params: BgNbdParams, t: number, customer: RecencyFrequency): number {
  if (t <= 0) return 0;
  const p = { ...params, a: awayFromOne(params.a) };
  const { r, alpha, a, b } = p;
  const { frequency: x, recency: tx, T } = customer;
  const c = a + b + x - 1;
  const bracket = hypergeometricBracket(p, c, t / (alpha + T + t));
  const numerator = (c / (a - 1)) * bracket;
  if (x === 0) return numerator;
  const denominator =
    1 + (a / (b + x - 1)) * Math.exp((r + x) * (Math.log(alpha + T) - Math.log(alpha + tx)));
  return numerator / denominator;
}

/**
 * Expected number of repeat purchases in (0, t] of a customer who just made a first purchase, eq. (9).
 *
 * @example
 * expectedPurchasesUnconditional({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 39); // ≈ 1.197
 */
export function expectedPurchasesUnconditional(params: BgNbdParams, t: number): number {
  if (t <= 0) return 0;
  const p = { ...params, a: awayFromOne(params.a) };
  const c = p.a + p.b - 1;
  return (c / (p.a - 1)) * hypergeometricBracket(p, c, t / (p.alpha + t));
}

/**
 * P(X(t) = x): probability of exactly x repeat purchases in (0, t] for a new customer, eq. (8).
 * Useful to check the fit against the observed histogram of frequencies.
 *
 * @example
 * probabilityOfPurchases({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 38.86, 0); // ≈ 0.574
 */
export function probabilityOfPurchases(params: BgNbdParams, t: number, x: number): number {
  const { r, alpha, a, b } = params;
  const logShare = r * Math.log(alpha / (alpha + t)) + x * Math.log(t / (alpha + t));
  const negBin = Math.exp(logGamma(r + x) - logGamma(r) - logGamma(x + 1) + logShare);
  const alive = Math.exp(logBeta(a, b + x) - logBeta(a, b)) * negBin;
  if (x === 0) return alive;
  // 1 - (α/(α+t))^r Σ_{j<x} Γ(r+j)/(Γ(r) j!) (t/(α+t))^j: the NBD probability of at least x purchases.
  let partial = 0;
  for (let j = 0; j < x; j++) {
    partial += Math.exp(
      logGamma(r + j) -
        logGamma(r) -
        logGamma(j + 1) +
        r * Math.log(alpha / (alpha + t)) +
        j * Math.log(t / (alpha + t)),
    );
  }
  return alive + Math.exp(logBeta(a + 1, b + x - 1) - logBeta(a, b)) * (1 - partial);
}
