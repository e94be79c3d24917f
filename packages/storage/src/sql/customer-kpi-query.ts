// Builds the customer-KPI query (pure: no I/O): raw figures per period for CRR = (E - N) / S
// x 100 (DESIGN.md), churn, new vs returning customers, returning-customer revenue, repurchase,
// AOV, conversion and cart abandonment. Rates are derived in packages/analyses/src/kpis.
//
// Shape, chosen for speed on large event tables and for ClickHouse (no window functions, no
// joins on inequalities): orders are filtered and resolved to profiles first (a few per cent of
// the events); activity at the period boundaries is one column per boundary and profile
// ("wide"), summed; what happens inside a period is grouped per (period, profile), the period
// found arithmetically. Sessions are aggregated once; profiles are resolved for them only when
// a segment or lifecycle filter needs them.
import type { CustomerKpiQuery } from '../analytics-store';
import type { TimeRange } from '../store';
import { customerOrdersCtes } from './customer-orders';
import type { CompiledQuery, Dialect } from './dialect';
import { ORDER_COMPLETED } from './overview-query';
import { resolvedEventsSql } from './resolved-events';

export const CART_EVENT = 'Product Added';
/** Five years of weeks: the boundary columns of the query grow with the periods. */
export const MAX_KPI_PERIODS = 260;
const DAY_MS = 86_400_000;

/**
 * The periods of a KPI query: ISO weeks (Monday, UTC) or calendar months (UTC) clipped to the
 * range, or the whole range as one.
 */
export function kpiPeriods(range: TimeRange, period: 'week' | 'month' | null): TimeRange[] {
  if (!(range.endMs > range.startMs)) throw new RangeError('the range is empty');
  if (period === null) return [{ ...range }];
  const out: TimeRange[] = [];
  let at = periodStart(range.startMs, period);
  while (at < range.endMs) {
    const next = nextPeriodStart(at, period);
    out.push({ startMs: Math.max(at, range.startMs), endMs: Math.min(next, range.endMs) });
    if (out.length > MAX_KPI_PERIODS) throw new RangeError(`more than ${MAX_KPI_PERIODS} periods`);
    at = next;
  }
  return out;
}

function periodStart(ms: number, period: 'week' | 'month'): number {
  const day = Math.floor(ms / DAY_MS) * DAY_MS;
  if (period === 'week') return day - ((new Date(day).getUTCDay() + 6) % 7) * DAY_MS;
  const d = new Date(day);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

function nextPeriodStart(ms: number, period: 'week' | 'month'): number {
  if (period === 'week') return ms + 7 * DAY_MS;
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}

/** The figures of one period, in the order of the result columns after idx. */
export const KPI_COLUMNS = [
  'start_customers',
  'end_customers',
  'retained_customers',
  'new_customers',
  'ordering_customers',
  'returning_customers',
  'repeat_customers',
  'orders',
  'revenue',
  'returning_revenue',
  'sessions',
  'converting_sessions',
  'cart_sessions',
  'abandoned_cart_sessions',
] as const;

/**
 * One row per period, in order: idx and the KPI_COLUMNS.
 *
 * Activity at the period boundaries (S, E, retained) is computed "wide": one pass over the
 * orders gives each profile a column per boundary (ordered in the window before it?), and one
 * pass over the profiles sums them, so no order is joined to every period whose window it falls
 * in. Everything that happens inside a period (orders, new and returning customers, revenue) is
 * grouped per period and profile, with the period of an order found arithmetically.
 *
 * @example buildCustomerKpiQuery({ projectId, range, period: 'month', activityWindowDays: 365 }, duckdbDialect)
 */
export function buildCustomerKpiQuery(q: CustomerKpiQuery, d: Dialect): CompiledQuery {
  if (!Number.isInteger(q.activityWindowDays) || q.activityWindowDays < 1)
    throw new RangeError(`the activity window is a whole number of days >= 1, got ${q.activityWindowDays}`);
  const periods = kpiPeriods(q.range, q.period);
  const n = periods.length;
  const windowMs = q.activityWindowDays * DAY_MS;
  const p = d.param('projectId', 'string');
  const params: Record<string, string | number> = { projectId: q.projectId };
  const ts = (name: string, ms: number) => {
    params[name] = ms;
    return d.timestampFromMs(d.param(name, 'int'));
  };
  // b[j]: the boundaries (start of each period, then the end); w[j]: where the activity window
  // before b[j] begins. Periods are contiguous: the end of period i is the start of i + 1.
  const bounds = [...periods.map((r) => r.startMs), periods[n - 1]!.endMs];
  const b = bounds.map((ms, j) => ts(`b${j}`, ms));
  const w = bounds.map((ms, j) => ts(`w${j}`, ms - windowMs));
  const idx = [...Array(n).keys()];
  const filtered = q.segmentId !== undefined || q.lifecycleStage !== undefined;
  if (q.segmentId !== undefined) params.segmentId = q.segmentId;
  if (q.lifecycleStage !== undefined) params.lifecycleStage = q.lifecycleStage;
  const start = b[0]!;
  const end = b[n]!;
  // The period of an instant in the range: whole weeks or months after the truncated range
  // start, which also holds for a clipped first or last period.
  const periodOf = (expr: string) =>
    q.period === null ? '0' : d.diff(q.period, d.truncate(q.period, start), expr);
  // 1 when the profile (pop) belongs to the population of the period; always 1 unfiltered.
  const m = (i: number) => (filtered ? `pop.m${i}` : '1');
  const memberIn = (idxExpr: string) =>
    filtered ? `CASE ${idxExpr} ${idx.map((i) => `WHEN ${i} THEN pop.m${i}`).join(' ')} ELSE 0 END` : '1';
  const joinPopulation = (alias: string) =>
    filtered ? `\n  JOIN population pop ON pop.profile_id = ${alias}.profile_id` : '';

  const activity = bounds.map(
    (_, j) => `max(CASE WHEN ts >= ${w[j]} AND ts < ${b[j]} THEN 1 ELSE 0 END) AS a${j}`,
  );
  const activityTotals = idx.flatMap((i) => [
    `sum(${m(i)} * pa.a${i}) AS s${i}`,
    `sum(${m(i)} * pa.a${i + 1}) AS e${i}`,
    `sum(${m(i)} * pa.a${i} * pa.a${i + 1}) AS r${i}`,
  ]);
  const M = memberIn('pp.idx');
  const returning = 'pa.first_ts < pr.ps';
  const ctes = [
    `periods AS (\n  ${idx.map((i) => `SELECT ${i} AS idx, ${b[i]} AS ps`).join('\n  UNION ALL ')}\n)`,
    customerOrdersCtes(d, { projectParam: p, before: end }),
    `profile_activity AS (
  SELECT profile_id, min(ts) AS first_ts,
         ${activity.join(',\n         ')}
  FROM customer_orders GROUP BY profile_id
)`,
  ];
  if (filtered) ctes.push(`population AS (\n  ${populationSql(q, d, { p, b, idx })}\n)`);
  ctes.push(
    `activity_totals AS (
  SELECT ${activityTotals.join(', ')}
  FROM profile_activity pa${joinPopulation('pa')}
)`,
    // Back from one wide row to one row per period.
    `activity_figures AS (
  ${idx
    .map(
      (i) =>
        `SELECT ${i} AS idx, s${i} AS start_customers, e${i} AS end_customers, r${i} AS retained_customers FROM activity_totals`,
    )
    .join('\n  UNION ALL ')}
)`,
    `period_profiles AS (
  SELECT idx, profile_id, count(*) AS orders, sum(revenue) AS revenue
  FROM (SELECT ${periodOf('ts')} AS idx, profile_id, revenue FROM customer_orders WHERE ts >= ${start}) o
  GROUP BY idx, profile_id
)`,
    `order_figures AS (
  SELECT pp.idx AS idx,
         sum(CASE WHEN pa.first_ts >= pr.ps THEN ${M} ELSE 0 END) AS new_customers,
         sum(${M}) AS ordering_customers,
         sum(CASE WHEN ${returning} THEN ${M} ELSE 0 END) AS returning_customers,
         sum(CASE WHEN pp.orders >= 2 OR ${returning} THEN ${M} ELSE 0 END) AS repeat_customers,
         sum(${M} * pp.orders) AS orders,
         sum(${M} * pp.revenue) AS revenue,
         sum(CASE WHEN ${returning} THEN ${M} * pp.revenue ELSE 0 END) AS returning_revenue
  FROM period_profiles pp
  JOIN profile_activity pa ON pa.profile_id = pp.profile_id
  JOIN periods pr ON pr.idx = pp.idx${joinPopulation('pp')}
  GROUP BY pp.idx
)`,
    ...sessionCtes(d, { p, start, end, filtered, periodOf, memberIn }),
  );

  const from = (alias: string, columns: readonly string[]) =>
    columns.map((c) => `coalesce(${alias}.${c}, 0) AS ${c}`);
  const sql = `
WITH ${ctes.join(',\n')}
SELECT pr.idx AS idx, ${[
    ...from('af', KPI_COLUMNS.slice(0, 3)),
    ...from('ofg', KPI_COLUMNS.slice(3, 10)),
    ...from('sf', KPI_COLUMNS.slice(10)),
  ].join(', ')}
FROM periods pr
LEFT JOIN activity_figures af ON af.idx = pr.idx
LEFT JOIN order_figures ofg ON ofg.idx = pr.idx
LEFT JOIN session_figures sf ON sf.idx = pr.idx
ORDER BY pr.idx`;
  return { sql, params };
}

/** (profile_id, m0 .. m{n-1}): who counts in each period under the segment and lifecycle filters. */
function populationSql(
  q: CustomerKpiQuery,
  d: Dialect,
  { p, b, idx }: { p: string; b: string[]; idx: number[] },
): string {
  const stage = d.param('lifecycleStage', 'string');
  const staged = `SELECT profile_id FROM profile_traits WHERE project_id = ${p} AND lifecycle_stage = ${stage}`;
  if (q.segmentId === undefined) {
    return `SELECT profile_id, ${idx.map((i) => `1 AS m${i}`).join(', ')} FROM (${staged}) t`;
  }
  // A member during the period: entered before it ended and did not leave before it started.
  const member = idx.map(
    (i) =>
      `max(CASE WHEN entered_at < ${b[i + 1]} AND (left_at IS NULL OR left_at > ${b[i]}) THEN 1 ELSE 0 END) AS m${i}`,
  );
  return `SELECT profile_id, ${member.join(', ')}
  FROM segment_memberships
  WHERE project_id = ${p} AND segment_id = ${d.param('segmentId', 'string')}${
    q.lifecycleStage === undefined ? '' : ` AND profile_id IN (${staged})`
  }
  GROUP BY profile_id`;
}

/** CTEs ending in session_figures(idx, sessions, converting_sessions, cart_sessions, abandoned_cart_sessions). */
function sessionCtes(
  d: Dialect,
  {
    p,
    start,
    end,
    filtered,
    periodOf,
    memberIn,
  }: {
    p: string;
    start: string;
    end: string;
    filtered: boolean;
    periodOf: (expr: string) => string;
    memberIn: (idxExpr: string) => string;
  },
): string[] {
  const inRange = `project_id = ${p} AND ts >= ${start} AND ts < ${end} AND session_id IS NOT NULL`;
  const ctes = [
    `sessions AS (
  SELECT session_id, min(ts) AS started,
         max(CASE WHEN event = '${CART_EVENT}' THEN 1 ELSE 0 END) AS added,
         max(CASE WHEN event = '${ORDER_COMPLETED}' THEN 1 ELSE 0 END) AS checked_out
  FROM events WHERE ${inRange}
  GROUP BY session_id
)`,
    `converted AS (
  SELECT DISTINCT session_id FROM customer_orders
  WHERE session_id IS NOT NULL AND ts >= ${start}
)`,
    // A session counts in the period in which it started.
    `period_sessions AS (
  SELECT ${periodOf('s.started')} AS idx, s.session_id AS session_id, s.added AS added,
         s.checked_out AS checked_out, CASE WHEN c.session_id IS NULL THEN 0 ELSE 1 END AS converted
  FROM sessions s
  LEFT JOIN converted c ON c.session_id = s.session_id
)`,
  ];
  let kept = '';
  if (filtered) {
    // Identity pairs per session are resolved once; a session counts when one of its profiles
    // belongs to the population of the session's period.
    const pairs = `(SELECT project_id, user_id, anonymous_id, session_id FROM events WHERE ${inRange}
      GROUP BY project_id, user_id, anonymous_id, session_id)`;
    const resolved = resolvedEventsSql(d, { projectParam: p, source: pairs, columns: 'e.session_id' });
    ctes.push(`kept_sessions AS (
  SELECT DISTINCT ps.session_id AS session_id
  FROM period_sessions ps
  JOIN ${resolved} sp ON sp.session_id = ps.session_id
  JOIN population pop ON pop.profile_id = sp.profile_id
  WHERE ${memberIn('ps.idx')} = 1
)`);
    kept = '\n  JOIN kept_sessions k ON k.session_id = ps.session_id';
  }
  ctes.push(`session_figures AS (
  SELECT ps.idx AS idx, count(*) AS sessions, sum(ps.converted) AS converting_sessions,
         sum(ps.added) AS cart_sessions,
         sum(CASE WHEN ps.added = 1 AND ps.checked_out = 0 THEN 1 ELSE 0 END) AS abandoned_cart_sessions
  FROM period_sessions ps${kept}
  GROUP BY ps.idx
)`);
  return ctes;
}
