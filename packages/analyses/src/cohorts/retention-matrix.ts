// The retention matrix (cohort heatmap) from the store's raw counts (AnalyticsStore.retention):
// one row per cohort, one column per offset, each cell the share of the cohort active in that
// period, plus the size-weighted average curve. Cells of periods that have not begun yet are
// null, not 0, so a young cohort does not look like one that churned.
import { percentOf } from '../kpis/customer-kpis';
import { addPeriods, type CohortPeriod, periodLabel, periodStarts } from './cohort-periods';

export type CohortBasis = 'first_order' | 'first_visit' | 'segment_entry';
export type CohortActivity = 'order' | 'visit';

/** Raw figures as the store answers them (see @centric/storage RetentionFigures). */
export interface RetentionInput {
  period: CohortPeriod;
  periods: number;
  cohorts: readonly { startMs: number; size: number; active: readonly number[] }[];
}

export interface RetentionRow {
  /** '2026-03', '2026-W11' or '2026-03-14'. */
  cohort: string;
  /** First day of the cohort's period, YYYY-MM-DD (UTC). */
  start: string;
  size: number;
  /** Customers of the cohort active k periods after its own; null before that period began. */
  active: (number | null)[];
  /** active / size x 100, in % (0.01); null when not observed yet or the cohort is empty. */
  rates: (number | null)[];
}

export interface RetentionMatrix {
  cohortBy: CohortBasis;
  activity: CohortActivity;
  period: CohortPeriod;
  periods: number;
  cohorts: RetentionRow[];
  /** Per offset: active / size over the cohorts observed at that offset, in %. */
  average: (number | null)[];
  definition: string;
}

export interface RetentionMatrixOptions {
  cohortBy: CohortBasis;
  activity: CohortActivity;
  /** Cohort range: every cohort period starting in it gets a row, empty ones with size 0. */
  range: { startMs: number; endMs: number };
  /** Periods that begin after this instant are not observed yet. */
  asOfMs: number;
}

const BASIS_WORDS: Record<CohortBasis, string> = {
  first_order: 'their first order (not cancelled)',
  first_visit: 'their first visit (first event)',
  segment_entry: 'their first entry into the segment',
};
const ACTIVITY_WORDS: Record<CohortActivity, string> = {
  order: 'placed an order that was not cancelled',
  visit: 'visited (had any event)',
};

/** The words shown next to the heatmap. */
export function retentionDefinition(
  cohortBy: CohortBasis,
  activity: CohortActivity,
  period: CohortPeriod,
): string {
  return (
    `Customers are grouped into cohorts by the ${period} of ${BASIS_WORDS[cohortBy]}. ` +
    `Cell k of a cohort = the share of the cohort that ${ACTIVITY_WORDS[activity]} in the ${period} k ${period}s later ` +
    `(k = 0 is the cohort's own ${period}), in %. Linked identities count as one customer. ` +
    'Periods that have not begun yet are empty; the current one counts so far. ' +
    'The average is weighted by cohort size over the cohorts observed at that offset.'
  );
}

/**
 * @example retentionMatrix(figures, { cohortBy: 'first_order', activity: 'order', range, asOfMs: Date.now() })
 */
export function retentionMatrix(input: RetentionInput, options: RetentionMatrixOptions): RetentionMatrix {
  const { period, periods } = input;
  const byStart = new Map(input.cohorts.map((c) => [c.startMs, c]));
  const starts = new Set([...periodStarts(options.range, period), ...byStart.keys()]);
  const activeSum = new Array<number>(periods).fill(0);
  const sizeSum = new Array<number>(periods).fill(0);
  const rows = [...starts]
    .sort((a, b) => a - b)
    .map((startMs): RetentionRow => {
      const c = byStart.get(startMs);
      const size = c?.size ?? 0;
      const active = Array.from({ length: periods }, (_, k) => {
        if (addPeriods(startMs, period, k) > options.asOfMs) return null;
        const n = c?.active[k] ?? 0;
        activeSum[k]! += n;
        sizeSum[k]! += size;
        return n;
      });
      return {
        cohort: periodLabel(startMs, period),
        start: new Date(startMs).toISOString().slice(0, 10),
        size,
        active,
        rates: active.map((n) => (n === null ? null : percentOf(n, size))),
      };
    });
  return {
    cohortBy: options.cohortBy,
    activity: options.activity,
    period,
    periods,
    cohorts: rows,
    average: activeSum.map((n, k) => percentOf(n, sizeSum[k]!)),
    definition: retentionDefinition(options.cohortBy, options.activity, period),
  };
}
