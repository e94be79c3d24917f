// Builds the customer-KPI query (pure: no I/O): raw figures per period for CRR = (E - N) / S
// x 100 (DESIGN.md), churn, new vs returning customers, returning-customer revenue, repurchase,
// AOV, conversion and cart abandonment. Rates are derived in packages/analyses/src/kpis.
//
// Shape, chosen for speed on large event tables and for ClickHouse (no window functions):
// orders are filtered and resolved to profiles first (a few per cent of the events), then
// joined to the periods they matter for (the activity window before a period, and the period),
// then aggregated per (period, profile) and per period. Sessions are aggregated once, without
// resolving profiles unless a segment or lifecycle filter needs them.
import type { CustomerKpiQuery } from '../analytics-store';
import type { TimeRange } from '../store';
import { customerOrdersCtes } from './customer-orders';
import type { CompiledQuery, Dialect } from './dialect';
import { ORDER_COMPLETED } from './overview-query';
import { resolvedEventsSql } from './resolved-events';

export const CART_EVENT = 'Product Added';
export const MAX_KPI_PERIODS = 520;
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
 * The customer figures are computed "wide": one pass over the orders gives each profile a
 * column per period boundary (active at that date?) and per period (orders, revenue), and one
 * pass over those profiles sums them, so no order is joined to every period it matters for.
 * Periods are contiguous, so the start of period i is the end of period i - 1 (S of a month is
 * E of the month before).
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
  // before b[j] begins.
  const bounds = [...periods.map((r) => r.startMs), periods[n - 1]!.endMs];
  const b = bounds.map((ms, j) => ts(`b${j}`, ms));
  const w = bounds.map((ms, j) => ts(`w${j}`, ms - windowMs));
  const idx = [...Array(n).keys()];
  const filtered = q.segmentId !== undefined || q.lifecycleStage !== undefined;
  if (q.segmentId !== undefined) params.segmentId = q.segmentId;
  if (q.lifecycleStage !== undefined) params.lifecycleStage = q.lifecycleStage;
  const inPeriod = (expr: string, i: number) => `${expr} >= ${b[i]} AND ${expr} < ${b[i + 1]}`;

  const profilePeriods = [
    'profile_id',
    'min(ts) AS first_ts',
    ...bounds.map((_, j) => `max(CASE WHEN ts >= ${w[j]} AND ts < ${b[j]} THEN 1 ELSE 0 END) AS a${j}`),
    ...idx.map((i) => `sum(CASE WHEN ${inPeriod('ts', i)} THEN 1 ELSE 0 END) AS o${i}`),
    ...idx.map((i) => `sum(CASE WHEN ${inPeriod('ts', i)} THEN revenue ELSE 0 END) AS r${i}`),
  ];
  // m_i: 1 when the profile belongs to the population of period i (always, unfiltered).
  const m = (i: number) => (filtered ? `pop.m${i}` : '1');
  const counted = (cond: string, i: number) => `sum(CASE WHEN ${cond} THEN ${m(i)} ELSE 0 END)`;
  const totals = idx.flatMap((i) => [
    `${counted(`pp.a${i} = 1`, i)} AS start_customers${i}`,
    `${counted(`pp.a${i + 1} = 1`, i)} AS end_customers${i}`,
    `${counted(`pp.a${i} = 1 AND pp.a${i + 1} = 1`, i)} AS retained_customers${i}`,
    `${counted(inPeriod('pp.first_ts', i), i)} AS new_customers${i}`,
    `${counted(`pp.o${i} > 0`, i)} AS ordering_customers${i}`,
    `${counted(`pp.o${i} > 0 AND pp.first_ts < ${b[i]}`, i)} AS returning_customers${i}`,
    `${counted(`pp.o${i} >= 2 OR (pp.o${i} >= 1 AND pp.first_ts < ${b[i]})`, i)} AS repeat_customers${i}`,
    `sum(${m(i)} * pp.o${i}) AS orders${i}`,
    `sum(${m(i)} * pp.r${i}) AS revenue${i}`,
    `sum(CASE WHEN pp.first_ts < ${b[i]} THEN ${m(i)} * pp.r${i} ELSE 0 END) AS returning_revenue${i}`,
  ]);
  const end = b[n]!;
  const ctes = [
    customerOrdersCtes(d, { projectParam: p, before: end }),
    `profile_periods AS (
  SELECT ${profilePeriods.join(',\n         ')}
  FROM customer_orders GROUP BY profile_id
)`,
  ];
  if (filtered) ctes.push(`population AS (\n  ${populationSql(q, d, { p, b, idx })}\n)`);
  ctes.push(`customer_totals AS (
  SELECT ${totals.join(',\n         ')}
  FROM profile_periods pp${filtered ? '\n  JOIN population pop ON pop.profile_id = pp.profile_id' : ''}
)`);
  ctes.push(...sessionCtes(q, d, { p, start: b[0]!, end, filtered, n }));

  const customerColumns = KPI_COLUMNS.slice(0, 10);
  // Back from one wide row to one row per period.
  const perPeriod = idx.map(
    (i) =>
      `SELECT ${i} AS idx, ${customerColumns.map((c) => `coalesce(${c}${i}, 0) AS ${c}`).join(', ')} FROM customer_totals`,
  );
  const sessionColumns = KPI_COLUMNS.slice(10).map((c) => `coalesce(sf.${c}, 0) AS ${c}`);
  const sql = `
WITH ${ctes.join(',\n')},
customer_figures AS (
  ${perPeriod.join('\n  UNION ALL ')}
)
SELECT cf.*, ${sessionColumns.join(', ')}
FROM customer_figures cf
LEFT JOIN session_figures sf ON sf.idx = cf.idx
ORDER BY cf.idx`;
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
  q: CustomerKpiQuery,
  d: Dialect,
  { p, start, end, filtered, n }: { p: string; start: string; end: string; filtered: boolean; n: number },
): string[] {
  const inRange = `project_id = ${p} AND ts >= ${start} AND ts < ${end} AND session_id IS NOT NULL`;
  // The period of a session is where it started: a whole number of weeks or months after the
  // (truncated) range start, which also holds for the clipped first and last period.
  const periodOf = q.period === null ? '0' : d.diff(q.period, d.truncate(q.period, start), 's.started');
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
    `period_sessions AS (
  SELECT ${periodOf} AS idx, s.session_id AS session_id, s.added AS added, s.checked_out AS checked_out,
         CASE WHEN c.session_id IS NULL THEN 0 ELSE 1 END AS converted
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
    const memberInPeriod = `CASE ps.idx ${[...Array(n).keys()].map((i) => `WHEN ${i} THEN pop.m${i}`).join(' ')} ELSE 0 END`;
    ctes.push(`kept_sessions AS (
  SELECT DISTINCT ps.session_id AS session_id
  FROM period_sessions ps
  JOIN ${resolved} sp ON sp.session_id = ps.session_id
  JOIN population pop ON pop.profile_id = sp.profile_id
  WHERE ${memberInPeriod} = 1
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
