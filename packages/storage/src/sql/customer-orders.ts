// The orders of customers as SQL CTEs, shared by the retention and customer-KPI queries (pure:
// no I/O). One row per order id (a shop that re-sends an Order Completed under a new message id
// does not get two orders), cancelled orders left out whenever they were cancelled (as in the
// Overview), revenue net of refunds, and the profile from the resolved-events rule, so stitched
// identities are one customer. Only Order Completed rows are joined to identity_links: orders
// are a few per cent of the events.
import { REFUND_EVENT } from '@centric/contracts';
import type { Dialect } from './dialect';
import { ORDER_CANCELLED, ORDER_COMPLETED } from './overview-query';
import { resolvedEventsSql } from './resolved-events';

export interface CustomerOrdersOptions {
  /** SQL placeholder of the project id parameter. */
  projectParam: string;
  /**
   * SQL expression (a TIMESTAMP) before which orders are read; all orders when absent.
   * Cancellations and refunds count whenever they happened, as in the Overview.
   */
  before?: string;
}

/**
 * CTEs `order_events`, `cancelled_orders`, `refunded_orders` and `customer_orders(oid,
 * profile_id, ts, session_id, revenue)`, to follow a WITH. Revenue of an order = its revenue
 * minus the amounts of its Order Refunded events; a refund without an amount refunds the whole
 * order. The three order events are read in one scan of the events table.
 */
export function customerOrdersCtes(d: Dialect, { projectParam, before }: CustomerOrdersOptions): string {
  const resolved = resolvedEventsSql(d, {
    projectParam,
    source: 'order_events',
    where: `e.event = '${ORDER_COMPLETED}'${before ? ` AND e.ts < ${before}` : ''}`,
    columns: 'e.order_id, e.message_id, e.ts, e.session_id, e.revenue',
  });
  return `order_events AS (
  SELECT project_id, event, order_id, message_id, ts, session_id, revenue, user_id, anonymous_id
  FROM events
  -- The prefix test is redundant but cheap: DuckDB pushes it into the scan (an IN list it does
  -- not), so only order rows have their other columns read.
  WHERE project_id = ${projectParam} AND event LIKE 'Order %'
    AND event IN ('${ORDER_COMPLETED}', '${ORDER_CANCELLED}', '${REFUND_EVENT}')
),
cancelled_orders AS (
  SELECT DISTINCT order_id FROM order_events WHERE event = '${ORDER_CANCELLED}' AND order_id IS NOT NULL
),
refunded_orders AS (
  SELECT order_id, coalesce(sum(revenue), 0) AS refunded,
         max(CASE WHEN revenue IS NULL THEN 1 ELSE 0 END) AS whole
  FROM order_events
  WHERE event = '${REFUND_EVENT}' AND order_id IS NOT NULL
  GROUP BY order_id
),
customer_orders AS (
  SELECT o.oid AS oid, o.profile_id AS profile_id, o.ts AS ts, o.session_id AS session_id,
         CASE WHEN r.whole = 1 THEN 0 ELSE o.revenue - coalesce(r.refunded, 0) END AS revenue
  FROM (
    SELECT coalesce(order_id, message_id) AS oid, min(profile_id) AS profile_id, min(ts) AS ts,
           ${d.anyValue('session_id')} AS session_id, coalesce(${d.anyValue('revenue')}, 0) AS revenue
    FROM ${resolved} ro
    GROUP BY coalesce(order_id, message_id)
  ) o
  LEFT JOIN refunded_orders r ON r.order_id = o.oid
  WHERE o.oid NOT IN (SELECT order_id FROM cancelled_orders)
)`;
}
