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

/**
 * One row per period, in order: idx, start_customers, end_customers, retained_customers,
 * new_customers, ordering_customers, returning_customers, repeat_customers, orders, revenue,
 * returning_revenue, sessions, converting_sessions, cart_sessions, abandoned_cart_sessions.
 *
 * @example buildCustomerKpiQuery({ projectId, range, period: 'month', activityWindowDays: 365 }, duckdbDialect)
 */
export function buildCustomerKpiQuery(q: CustomerKpiQuery, d: Dialect): CompiledQuery {
  if (!Number.isInteger(q.activityWindowDays) || q.activityWindowDays < 1)
    throw new RangeError(`the activity window is a whole number of days >= 1, got ${q.activityWindowDays}`);
  const periods = kpiPeriods(q.range, q.period);
  const windowMs = q.activityWindowDays * DAY_MS;
  const p = d.param('projectId', 'string');
  const start = d.timestampFromMs(d.param('startMs', 'int'));
  const end = d.timestampFromMs(d.param('endMs', 'int'));
  const params: Record<string, string | number> = {
    projectId: q.projectId,
    startMs: q.range.startMs,
    endMs: q.range.endMs,
  };
  const ts = (name: string, ms: number) => {
    params[name] = ms;
    return d.timestampFromMs(d.param(name, 'int'));
  };
  // sw / ew: where the activity window before the period's start / end begins.
  const periodRows = periods.map(
    (r, i) =>
      `SELECT ${i} AS idx, ${ts(`ps${i}`, r.startMs)} AS ps, ${ts(`pe${i}`, r.endMs)} AS pe, ` +
      `${ts(`sw${i}`, r.startMs - windowMs)} AS sw, ${ts(`ew${i}`, r.endMs - windowMs)} AS ew`,
  );
  const filtered = q.segmentId !== undefined || q.lifecycleStage !== undefined;
  if (q.segmentId !== undefined) params.segmentId = q.segmentId;
  if (q.lifecycleStage !== undefined) params.lifecycleStage = q.lifecycleStage;

  const ctes = [
    `periods AS (\n  ${periodRows.join('\n  UNION ALL ')}\n)`,
    customerOrdersCtes(d, { projectParam: p, before: end }),
    `first_orders AS (SELECT profile_id, min(ts) AS first_ts FROM customer_orders GROUP BY profile_id)`,
    `period_customers AS (
  SELECT pr.idx AS idx, o.profile_id AS profile_id,
         max(CASE WHEN o.ts < pr.ps THEN 1 ELSE 0 END) AS active_start,
         max(CASE WHEN o.ts >= pr.ew THEN 1 ELSE 0 END) AS active_end,
         sum(CASE WHEN o.ts >= pr.ps THEN 1 ELSE 0 END) AS orders,
         sum(CASE WHEN o.ts >= pr.ps THEN o.revenue ELSE 0 END) AS revenue
  FROM customer_orders o JOIN periods pr ON o.ts >= pr.sw AND o.ts < pr.pe
  GROUP BY pr.idx, o.profile_id
)`,
  ];
  if (filtered) ctes.push(`population AS (\n  ${populationSql(q, d, p)}\n)`);
  ctes.push(`customer_figures AS (
  SELECT pc.idx AS idx,
         sum(pc.active_start) AS start_customers,
         sum(pc.active_end) AS end_customers,
         sum(pc.active_start * pc.active_end) AS retained_customers,
         sum(CASE WHEN f.first_ts >= pr.ps THEN 1 ELSE 0 END) AS new_customers,
         sum(CASE WHEN pc.orders > 0 THEN 1 ELSE 0 END) AS ordering_customers,
         sum(CASE WHEN pc.orders > 0 AND f.first_ts < pr.ps THEN 1 ELSE 0 END) AS returning_customers,
         sum(CASE WHEN pc.orders >= 2 OR (pc.orders >= 1 AND f.first_ts < pr.ps) THEN 1 ELSE 0 END) AS repeat_customers,
         sum(pc.orders) AS orders,
         sum(pc.revenue) AS revenue,
         sum(CASE WHEN f.first_ts < pr.ps THEN pc.revenue ELSE 0 END) AS returning_revenue
  FROM period_customers pc
  JOIN first_orders f ON f.profile_id = pc.profile_id
  JOIN periods pr ON pr.idx = pc.idx${
    filtered ? '\n  JOIN population pop ON pop.idx = pc.idx AND pop.profile_id = pc.profile_id' : ''
  }
  GROUP BY pc.idx
)`);
  ctes.push(...sessionCtes(d, { p, start, end, filtered }));

  const figure = (name: string, from: string) => `coalesce(${from}.${name}, 0) AS ${name}`;
  const customerCols = [
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
  ].map((c) => figure(c, 'cf'));
  const sessionCols = ['sessions', 'converting_sessions', 'cart_sessions', 'abandoned_cart_sessions'].map(
    (c) => figure(c, 'sf'),
  );
  const sql = `
WITH ${ctes.join(',\n')}
SELECT pr.idx AS idx, ${[...customerCols, ...sessionCols].join(', ')}
FROM periods pr
LEFT JOIN customer_figures cf ON cf.idx = pr.idx
LEFT JOIN session_figures sf ON sf.idx = pr.idx
ORDER BY pr.idx`;
  return { sql, params };
}

/** (idx, profile_id): who counts in each period under the segment and lifecycle filters. */
function populationSql(q: CustomerKpiQuery, d: Dialect, p: string): string {
  const stage = d.param('lifecycleStage', 'string');
  const staged = `SELECT profile_id FROM profile_traits WHERE project_id = ${p} AND lifecycle_stage = ${stage}`;
  if (q.segmentId === undefined) {
    return `SELECT pr.idx AS idx, t.profile_id AS profile_id FROM (${staged}) t CROSS JOIN periods pr`;
  }
  // A member during the period: entered before it ended and did not leave before it started.
  return `SELECT DISTINCT pr.idx AS idx, m.profile_id AS profile_id
  FROM segment_memberships m
  JOIN periods pr ON m.entered_at < pr.pe AND (m.left_at IS NULL OR m.left_at > pr.ps)
  WHERE m.project_id = ${p} AND m.segment_id = ${d.param('segmentId', 'string')}${
    q.lifecycleStage === undefined ? '' : ` AND m.profile_id IN (${staged})`
  }`;
}

/** CTEs ending in session_figures(idx, sessions, converting_sessions, cart_sessions, abandoned_cart_sessions). */
function sessionCtes(
  d: Dialect,
  { p, start, end, filtered }: { p: string; start: string; end: string; filtered: boolean },
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
    `period_sessions AS (
  SELECT pr.idx AS idx, s.session_id AS session_id, s.added AS added, s.checked_out AS checked_out,
         CASE WHEN c.session_id IS NULL THEN 0 ELSE 1 END AS converted
  FROM sessions s
  JOIN periods pr ON s.started >= pr.ps AND s.started < pr.pe
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
  SELECT DISTINCT sp.session_id AS session_id, pop.idx AS idx
  FROM ${resolved} sp JOIN population pop ON pop.profile_id = sp.profile_id
)`);
    kept = '\n  JOIN kept_sessions k ON k.session_id = ps.session_id AND k.idx = ps.idx';
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
