// Typed calls for the customer analytics routes (apps/server/src/routes/customer-analytics.routes.ts):
// the retention matrix of cohorts and the customer KPIs per period with their definitions.
import { asRecord, type JsonRecord, list, num, numOrNull, str, stringMap, strOrNull } from './validate';

export type CohortBasis = 'first_order' | 'first_visit' | 'segment_entry';
export type CohortActivity = 'order' | 'visit';
export type CohortPeriod = 'day' | 'week' | 'month';

/** Rates in the dashboard's model are fractions (0..1); the API sends per cent. */
export interface RetentionCohort {
  /** The API's label: 2026-03, 2026-W11 or 2026-03-14. */
  label: string;
  /** First day of the cohort period, YYYY-MM-DD (UTC). */
  start: string;
  size: number;
  /** active[k]: cohort members active k periods later; null for periods not begun yet. */
  active: (number | null)[];
  /** rates[k] = active[k] ÷ size, as a fraction; null where not observed. */
  rates: (number | null)[];
}

export interface RetentionMatrix {
  cohortBy: CohortBasis;
  activity: CohortActivity;
  period: CohortPeriod;
  periods: number;
  /** Every cohort period in the range, oldest first, empty ones with size 0. */
  cohorts: RetentionCohort[];
  /** Size-weighted average rate per offset (fraction). */
  average: (number | null)[];
  definition: string;
}

export interface RetentionComparison {
  segmentId: string;
  /** The compared segment's own matrix. */
  matrix: RetentionMatrix;
  /** Per cohort: compared − base, as a fraction (percentage points ÷ 100). */
  difference: { label: string; start: string; sizeA: number; sizeB: number; difference: (number | null)[] }[];
  averageDifference: (number | null)[];
  definition: string;
}

export interface RetentionReport {
  from: string;
  to: string;
  segmentId: string | null;
  matrix: RetentionMatrix;
  comparison: RetentionComparison | null;
}

export interface RetentionQuery {
  cohort: CohortBasis;
  activity: CohortActivity;
  period: CohortPeriod;
  periods: number;
  /** First day in which cohorts start; null for the last `periods` periods up to `to`. */
  from: string | null;
  to: string;
  segment: string | null;
  compareSegment: string | null;
}

/** The headline customer KPIs, in the order the dashboard shows them. */
export const KPI_NAMES = [
  'retentionRate',
  'churnRate',
  'returningCustomerRevenue',
  'repurchaseRate',
  'newCustomers',
  'returningCustomers',
  'averageOrderValue',
  'conversionRate',
  'cartAbandonmentRate',
] as const;

/** The figures the KPIs are computed from, shown below them. */
export const FIGURE_NAMES = [
  'revenue',
  'newCustomerRevenue',
  'orders',
  'startCustomers',
  'endCustomers',
  'retainedCustomers',
  'churnedCustomers',
  'orderingCustomers',
  'repeatCustomers',
  'sessions',
  'convertingSessions',
  'cartSessions',
  'abandonedCartSessions',
] as const;

export type KpiName = (typeof KPI_NAMES)[number] | (typeof FIGURE_NAMES)[number];

export interface KpiPeriod {
  /** First and last day of the period (inclusive, UTC). */
  from: string;
  to: string;
  /** As the API sends them: rates in per cent, money in the shop's amounts, counts. */
  values: Record<KpiName, number | null>;
}

export interface CustomerKpis {
  activityWindowDays: number;
  periods: KpiPeriod[];
  /** By KPI name, plus `customer` and `activeCustomer` for the words the KPIs use. */
  definitions: Record<string, string>;
}

export interface KpiQuery {
  from: string;
  to: string;
  period: 'week' | 'month' | 'range';
  segment: string | null;
  lifecycleStage: string | null;
}

const BASES: readonly CohortBasis[] = ['first_order', 'first_visit', 'segment_entry'];
const ACTIVITIES: readonly CohortActivity[] = ['order', 'visit'];
const PERIODS: readonly CohortPeriod[] = ['day', 'week', 'month'];

function oneOf<T extends string>(record: JsonRecord, key: string, values: readonly T[]): T {
  const value = str(record, key);
  if (!(values as readonly string[]).includes(value))
    throw new Error(`"${key}" is not one of ${values.join(', ')}`);
  return value as T;
}

/** Numbers or nulls; `scale` turns per cent into fractions. */
function cells(record: JsonRecord, key: string, scale = 1): (number | null)[] {
  return list(record, key, (v: unknown) => {
    if (v === null) return null;
    if (typeof v === 'number' && Number.isFinite(v)) return v * scale;
    throw new Error(`"${key}" holds a value that is neither a number nor null`);
  });
}

const PER_CENT = 0.01;

function parseCohort(value: unknown): RetentionCohort {
  const r = asRecord(value, 'cohort');
  return {
    label: str(r, 'cohort'),
    start: str(r, 'start'),
    size: num(r, 'size'),
    active: cells(r, 'active'),
    rates: cells(r, 'rates', PER_CENT),
  };
}

function parseMatrix(value: unknown): RetentionMatrix {
  const r = asRecord(value, 'matrix');
  return {
    cohortBy: oneOf(r, 'cohortBy', BASES),
    activity: oneOf(r, 'activity', ACTIVITIES),
    period: oneOf(r, 'period', PERIODS),
    periods: num(r, 'periods'),
    cohorts: list(r, 'cohorts', parseCohort),
    average: cells(r, 'average', PER_CENT),
    definition: str(r, 'definition'),
  };
}

function parseComparison(value: unknown): RetentionComparison {
  const r = asRecord(value, 'comparison');
  return {
    segmentId: str(r, 'segmentId'),
    matrix: parseMatrix(r.matrix),
    difference: list(r, 'cohorts', (entry: unknown) => {
      const c = asRecord(entry, 'compared cohort');
      return {
        label: str(c, 'cohort'),
        start: str(c, 'start'),
        sizeA: num(c, 'sizeA'),
        sizeB: num(c, 'sizeB'),
        difference: cells(c, 'difference', PER_CENT),
      };
    }),
    averageDifference: cells(asRecord(r.average, '"average"'), 'difference', PER_CENT),
    definition: str(r, 'definition'),
  };
}

export function parseRetention(body: unknown): RetentionReport {
  const r = asRecord(body, 'body');
  return {
    from: str(r, 'from'),
    to: str(r, 'to'),
    segmentId: strOrNull(r, 'segmentId'),
    matrix: parseMatrix(r.matrix),
    comparison: r.comparison === null || r.comparison === undefined ? null : parseComparison(r.comparison),
  };
}

export function retentionPath(q: RetentionQuery): string {
  const params = new URLSearchParams({
    cohort: q.cohort,
    activity: q.activity,
    period: q.period,
    periods: String(q.periods),
    to: q.to,
  });
  if (q.from !== null) params.set('from', q.from);
  if (q.segment !== null) params.set('segment', q.segment);
  if (q.compareSegment !== null) params.set('compareSegment', q.compareSegment);
  return `/v1/query/retention?${params.toString()}`;
}

function parseKpiPeriod(value: unknown): KpiPeriod {
  const r = asRecord(value, 'period');
  const values = {} as Record<KpiName, number | null>;
  for (const name of [...KPI_NAMES, ...FIGURE_NAMES]) values[name] = numOrNull(r, name);
  return { from: str(r, 'from'), to: str(r, 'to'), values };
}

export function parseCustomerKpis(body: unknown): CustomerKpis {
  const r = asRecord(body, 'body');
  return {
    activityWindowDays: num(r, 'activityWindowDays'),
    periods: list(r, 'periods', parseKpiPeriod),
    definitions: stringMap(r, 'definitions'),
  };
}

export function customerKpisPath(q: KpiQuery): string {
  const params = new URLSearchParams({ from: q.from, to: q.to });
  if (q.period !== 'range') params.set('period', q.period);
  if (q.segment !== null) params.set('segment', q.segment);
  if (q.lifecycleStage !== null) params.set('lifecycleStage', q.lifecycleStage);
  return `/v1/query/kpis?${params.toString()}`;
}
