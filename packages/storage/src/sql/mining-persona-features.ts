// Builds the persona feature query (pure: no I/O): per customer with an order in the range, the
// raw figures persona discovery clusters on (value, category mix, channels, device, coupons,
// basket size, visit rhythm). Standardising and clustering happen in packages/analyses.
//
// Orders come from the shared customer-orders CTEs (one per order id, cancelled ones left out,
// net of refunds, stitched profiles as one customer). Sessions are grouped per identity pair
// before profiles are resolved, so identity_links is joined once per session, not per event.
// A device is known from Segment's context.device.type or the user agent; a coupon order holds
// a coupon or discount property or its session a Coupon Applied event. Lists of (key, count)
// travel as text: entries split by chr(30), key and count by chr(31).
import type { TimeRange } from '../store';
import { customerOrdersCtes } from './customer-orders';
import type { CompiledQuery, Dialect } from './dialect';
import { resolvedEventsSql } from './resolved-events';

const DAY_MS = 86_400_000;

/** Whether an event row (alias e) was sent from a mobile device; NULL when it does not say. */
const MOBILE_SQL = `CASE
  WHEN json_extract_string(e.context, '$.device.type') IS NOT NULL
    THEN lower(json_extract_string(e.context, '$.device.type')) IN ('mobile', 'phone', 'smartphone', 'ios', 'android')
  WHEN json_extract_string(e.context, '$.userAgent') IS NOT NULL
    THEN regexp_matches(json_extract_string(e.context, '$.userAgent'), 'Mobi|iPhone|Android')
  END`;

/**
 * Rows: profile_id, recency_days, orders, revenue, items, coupon_orders, sessions,
 * mobile_sessions (NULL when no event said its device), visit_interval_days (NULL below two
 * sessions), channels and categories (packed lists). Ordered by profile id.
 *
 * @example buildPersonaFeaturesQuery({ projectId, range }, duckdbDialect)
 */
export function buildPersonaFeaturesQuery(
  q: { projectId: string; range: TimeRange },
  d: Dialect,
): CompiledQuery {
  const p = d.param('projectId', 'string');
  const start = d.timestampFromMs(d.param('startMs', 'int'));
  const end = d.timestampFromMs(d.param('endMs', 'int'));
  const sessionSource = `(
    SELECT e.project_id, e.user_id, e.anonymous_id, e.session_id, min(e.ts) AS started,
           ${d.mode('e.channel')} AS channel,
           max(CASE WHEN ${MOBILE_SQL} THEN 1 WHEN ${MOBILE_SQL} IS NOT NULL THEN 0 END) AS mobile,
           max(CASE WHEN e.event = 'Coupon Applied' THEN 1 ELSE 0 END) AS coupon
    FROM events e
    WHERE e.project_id = ${p} AND e.session_id IS NOT NULL AND e.ts >= ${start} AND e.ts < ${end}
    GROUP BY e.project_id, e.user_id, e.anonymous_id, e.session_id
  )`;
  const sessions = resolvedEventsSql(d, {
    projectParam: p,
    source: sessionSource,
    columns: 'e.session_id, e.started, e.channel, e.mobile, e.coupon',
  });
  const sql = `
WITH ${customerOrdersCtes(d, { projectParam: p, before: end })},
orders_in AS (SELECT * FROM customer_orders WHERE ts >= ${start}),
order_props AS (
  SELECT coalesce(order_id, message_id) AS oid,
         max(CASE WHEN coalesce(json_extract_string(properties, '$.coupon'), '') <> ''
                    OR TRY_CAST(json_extract_string(properties, '$.discount') AS DOUBLE) > 0 THEN 1 ELSE 0 END) AS coupon
  FROM events
  WHERE project_id = ${p} AND event = 'Order Completed' AND ts >= ${start} AND ts < ${end}
  GROUP BY 1
),
profile_sessions AS (
  SELECT profile_id, session_id, min(started) AS started, ${d.mode('channel')} AS channel,
         max(mobile) AS mobile, max(coupon) AS coupon
  FROM ${sessions} s
  WHERE profile_id IN (SELECT profile_id FROM orders_in)
  GROUP BY profile_id, session_id
),
order_figures AS (
  SELECT o.profile_id, count(*) AS orders, sum(o.revenue) AS revenue, max(o.ts) AS last_order,
         sum(CASE WHEN coalesce(op.coupon, 0) = 1 OR coalesce(ps.coupon, 0) = 1 THEN 1 ELSE 0 END) AS coupon_orders
  FROM orders_in o
  LEFT JOIN order_props op ON op.oid = o.oid
  LEFT JOIN profile_sessions ps ON ps.profile_id = o.profile_id AND ps.session_id = o.session_id
  GROUP BY o.profile_id
),
item_rows AS (
  SELECT o.profile_id, coalesce(oi.category, pr.category_path) AS category, sum(oi.quantity) AS quantity
  FROM orders_in o
  JOIN order_items oi ON oi.project_id = ${p} AND oi.order_id = o.oid
  LEFT JOIN products pr ON pr.project_id = oi.project_id AND pr.product_id = oi.product_id
  GROUP BY 1, 2
),
item_figures AS (
  SELECT profile_id, sum(quantity) AS items,
         string_agg(CASE WHEN category IS NOT NULL THEN category || chr(31) || CAST(quantity AS VARCHAR) END, chr(30)) AS categories
  FROM item_rows GROUP BY profile_id
),
session_gaps AS (
  SELECT profile_id, channel, mobile,
         date_diff('second', lag(started) OVER (PARTITION BY profile_id ORDER BY started, session_id), started) / 86400.0 AS gap_days
  FROM profile_sessions
),
session_figures AS (
  SELECT profile_id, count(*) AS sessions, sum(mobile) AS mobile_sessions, median(gap_days) AS visit_interval_days
  FROM session_gaps GROUP BY profile_id
),
channel_figures AS (
  SELECT profile_id, string_agg(channel || chr(31) || CAST(n AS VARCHAR), chr(30)) AS channels
  FROM (SELECT profile_id, channel, count(*) AS n FROM profile_sessions GROUP BY 1, 2) c
  GROUP BY profile_id
)
SELECT f.profile_id,
       date_diff('second', f.last_order, ${end}) / ${DAY_MS / 1000}.0 AS recency_days,
       f.orders, f.revenue, coalesce(i.items, 0) AS items, f.coupon_orders,
       coalesce(s.sessions, 0) AS sessions, s.mobile_sessions, s.visit_interval_days,
       c.channels, i.categories
FROM order_figures f
LEFT JOIN item_figures i ON i.profile_id = f.profile_id
LEFT JOIN session_figures s ON s.profile_id = f.profile_id
LEFT JOIN channel_figures c ON c.profile_id = f.profile_id
ORDER BY f.profile_id`;
  return { sql, params: { projectId: q.projectId, startMs: q.range.startMs, endMs: q.range.endMs } };
}
