// Significance tests on a 2x2 table of basket counts: does "has A" go with "has B" more (or
// less) often than independence predicts? Fisher's exact test is the one the miners use: basket
// data is sparse, expected counts below 5 are the rule, and there the chi-square approximation
// is unreliable (Agresti, Categorical Data Analysis, 3rd ed., chapter 3). The
// chi-square test with Yates' correction is kept for callers who want the classic figure.

/** Counts of a 2x2 table: how many baskets have both sides, only one of them, or neither. */
export interface ContingencyTable {
  /** Baskets with the first side (antecedent) and the second side (consequent). */
  readonly both: number;
  /** Baskets with the first side but not the second. */
  readonly firstOnly: number;
  /** Baskets with the second side but not the first. */
  readonly secondOnly: number;
  /** Baskets with neither side. */
  readonly neither: number;
}

const TABLE_SIZE = 1024;
const LOG_FACTORIALS = (() => {
  const table = new Float64Array(TABLE_SIZE);
  for (let i = 2; i < TABLE_SIZE; i++) table[i] = table[i - 1]! + Math.log(i);
  return table;
})();

/**
 * ln(n!) for a whole n >= 0: a table below 1024, Stirling's series above (its truncation error
 * is below 1e-30 there, far under double precision).
 *
 * @example
 * logFactorial(5) // Math.log(120)
 */
export function logFactorial(n: number): number {
  if (n < TABLE_SIZE) return LOG_FACTORIALS[n]!;
  const inv = 1 / n;
  const inv2 = inv * inv;
  const series = inv * (1 / 12 - inv2 * (1 / 360 - inv2 * (1 / 1260 - inv2 / 1680)));
  return n * Math.log(n) - n + 0.5 * Math.log(2 * Math.PI * n) + series;
}

function checkTable(table: ContingencyTable): void {
  for (const value of [table.both, table.firstOnly, table.secondOnly, table.neither]) {
    if (!Number.isInteger(value) || value < 0) {
      throw new RangeError(`a contingency table holds whole counts >= 0, got ${value}`);
    }
  }
}

/**
 * Two-sided p-value of Fisher's exact test on a 2x2 table: the probability, under independence
 * with the margins fixed (hypergeometric), of a table at most as likely as the observed one.
 * Tables within a relative 1e-7 of the observed probability count as equally likely, as in R's
 * `fisher.test`, so results agree with R and SciPy (to about 1e-9 relative: log-factorials of
 * basket counts near 1e5 carry that much rounding).
 *
 * Cost: two binary searches and a walk over the tails until their terms vanish (about ten
 * standard deviations), so large basket counts stay cheap.
 *
 * @example
 * // "Lady tasting tea": 3 of 4 cups right each way
 * fisherExactTest({ both: 3, firstOnly: 1, secondOnly: 1, neither: 3 }) // 0.4857 (= 34/70)
 */
export function fisherExactTest(table: ContingencyTable): number {
  checkTable(table);
  const observed = table.both;
  const firstTotal = table.both + table.firstOnly;
  const secondTotal = table.both + table.secondOnly;
  const total = firstTotal + table.secondOnly + table.neither;
  const low = Math.max(0, firstTotal + secondTotal - total);
  const high = Math.min(firstTotal, secondTotal);
  if (low === high) return 1;
  const rest = total - firstTotal - secondTotal;
  const base =
    logFactorial(firstTotal) +
    logFactorial(total - firstTotal) +
    logFactorial(secondTotal) +
    logFactorial(total - secondTotal) -
    logFactorial(total);
  const logProbability = (k: number): number =>
    base -
    logFactorial(k) -
    logFactorial(firstTotal - k) -
    logFactorial(secondTotal - k) -
    logFactorial(rest + k);
  const mode = Math.min(
    high,
    Math.max(low, Math.floor(((firstTotal + 1) * (secondTotal + 1)) / (total + 2))),
  );
  const logObserved = logProbability(observed);
  const threshold = logObserved + Math.log1p(1e-7);
  if (logProbability(mode) <= threshold) return 1;

  // Tables more likely than the observed one form one run [left, right] around the mode
  // (the hypergeometric distribution is unimodal); the p-value is the mass outside it.
  let a = low;
  let b = mode;
  while (a < b) {
    const mid = Math.floor((a + b) / 2);
    if (logProbability(mid) > threshold) b = mid;
    else a = mid + 1;
  }
  const left = a;
  a = mode;
  b = high;
  while (a < b) {
    const mid = Math.ceil((a + b) / 2);
    if (logProbability(mid) > threshold) a = mid;
    else b = mid - 1;
  }
  const right = a;

  // Tail sums relative to the observed probability, by the ratio of neighbouring terms.
  let sum = 0;
  if (left > low) {
    let k = left - 1;
    let term = Math.exp(logProbability(k) - logObserved);
    while (true) {
      sum += term;
      if (k === low || term < sum * 1e-17) break;
      term *= (k * (rest + k)) / ((firstTotal - k + 1) * (secondTotal - k + 1));
      k--;
    }
  }
  if (right < high) {
    let k = right + 1;
    let term = Math.exp(logProbability(k) - logObserved);
    let tail = 0;
    while (true) {
      tail += term;
      if (k === high || term < tail * 1e-17) break;
      term *= ((firstTotal - k) * (secondTotal - k)) / ((k + 1) * (rest + k + 1));
      k++;
    }
    sum += tail;
  }
  return Math.min(1, Math.exp(logObserved) * sum);
}

/** Result of a chi-square test of independence on a 2x2 table (one degree of freedom). */
export interface ChiSquareResult {
  statistic: number;
  pValue: number;
}

/**
 * Pearson's chi-square test of independence on a 2x2 table, with Yates' continuity correction
 * by default (capped at |observed - expected| as R's `chisq.test` does). A table with an empty
 * row or column carries no evidence: statistic 0, p-value 1.
 *
 * @example
 * chiSquareTest({ both: 12, firstOnly: 5, secondOnly: 7, neither: 9 }).pValue // 0.2276
 */
export function chiSquareTest(
  table: ContingencyTable,
  { continuityCorrection = true }: { continuityCorrection?: boolean } = {},
): ChiSquareResult {
  checkTable(table);
  const { both, firstOnly, secondOnly, neither } = table;
  const total = both + firstOnly + secondOnly + neither;
  const rows = [both + firstOnly, secondOnly + neither];
  const columns = [both + secondOnly, firstOnly + neither];
  if (rows[0] === 0 || rows[1] === 0 || columns[0] === 0 || columns[1] === 0) {
    return { statistic: 0, pValue: 1 };
  }
  // |observed - expected| is the same in all four cells of a 2x2 table.
  const deviation = Math.abs(both - (rows[0]! * columns[0]!) / total);
  const correction = continuityCorrection ? Math.min(0.5, deviation) : 0;
  let statistic = 0;
  for (let i = 0; i < 4; i++) {
    const expected = (rows[i >> 1]! * columns[i & 1]!) / total;
    statistic += (deviation - correction) ** 2 / expected;
  }
  return { statistic, pValue: chiSquareUpperTail(statistic) };
}

/**
 * P(X >= x) for a chi-square variable with one degree of freedom: the regularised upper
 * incomplete gamma function Q(1/2, x/2), by its series or its continued fraction (Press et al.,
 * Numerical Recipes, 3rd ed., section 6.2), accurate to about 1e-15.
 *
 * @example
 * chiSquareUpperTail(3.841458820694124) // 0.05
 */
export function chiSquareUpperTail(x: number): number {
  if (!(x > 0)) return 1;
  const a = 0.5;
  const z = x / 2;
  const logGammaA = 0.5 * Math.log(Math.PI);
  const prefactor = Math.exp(-z + a * Math.log(z) - logGammaA);
  if (z < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 500; n++) {
      term *= z / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-16) break;
    }
    return Math.max(0, 1 - sum * prefactor);
  }
  // Modified Lentz evaluation of the continued fraction for Q(a, z).
  const tiny = 1e-300;
  let b = z + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 500; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return prefactor * h;
}
