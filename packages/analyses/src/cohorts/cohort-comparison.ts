// Cohort comparison: two retention matrices side by side (two segments, or a segment against
// all customers), matched by cohort period and offset, with the difference B - A in percentage
// points. Both must use the same period and cohort basis to be comparable.
import type { CohortPeriod } from './cohort-periods';
import type { RetentionMatrix } from './retention-matrix';

export interface ComparedCohort {
  cohort: string;
  start: string;
  sizeA: number;
  sizeB: number;
  ratesA: (number | null)[];
  ratesB: (number | null)[];
  /** ratesB - ratesA in percentage points; null where either side is null. */
  difference: (number | null)[];
}

export interface RetentionComparison {
  labels: { a: string; b: string };
  period: CohortPeriod;
  periods: number;
  average: { a: (number | null)[]; b: (number | null)[]; difference: (number | null)[] };
  cohorts: ComparedCohort[];
  definition: string;
}

/**
 * @example compareRetention(allCustomers, vipCustomers, { a: 'all', b: 'segment vip' })
 */
export function compareRetention(
  a: RetentionMatrix,
  b: RetentionMatrix,
  labels: { a: string; b: string },
): RetentionComparison {
  if (
    a.period !== b.period ||
    a.periods !== b.periods ||
    a.cohortBy !== b.cohortBy ||
    a.activity !== b.activity
  )
    throw new RangeError('compare matrices of the same period, length, cohort basis and activity');
  const rowsA = new Map(a.cohorts.map((r) => [r.start, r]));
  const rowsB = new Map(b.cohorts.map((r) => [r.start, r]));
  const empty = new Array<number | null>(a.periods).fill(null);
  const cohorts = [...new Set([...rowsA.keys(), ...rowsB.keys()])].sort().map((start): ComparedCohort => {
    const ra = rowsA.get(start);
    const rb = rowsB.get(start);
    const ratesA = ra?.rates ?? empty;
    const ratesB = rb?.rates ?? empty;
    return {
      cohort: (ra ?? rb)!.cohort,
      start,
      sizeA: ra?.size ?? 0,
      sizeB: rb?.size ?? 0,
      ratesA,
      ratesB,
      difference: differences(ratesA, ratesB),
    };
  });
  return {
    labels,
    period: a.period,
    periods: a.periods,
    average: { a: a.average, b: b.average, difference: differences(a.average, b.average) },
    cohorts,
    definition: `${labels.b} against ${labels.a}: retention rates side by side per cohort and offset, and the difference (${labels.b} − ${labels.a}) in percentage points. ${a.definition}`,
  };
}

function differences(a: readonly (number | null)[], b: readonly (number | null)[]): (number | null)[] {
  return a.map((x, k) => {
    const y = b[k];
    return x === null || y === null || y === undefined ? null : Math.round((y - x) * 100) / 100;
  });
}
