// The two sides of each association kind as SQL CTEs (pure: no I/O): `from_rows(b, v)` and
// `to_rows(b, v)` list the values of each side per basket b (repeats allowed: each consumer
// makes them distinct its own way), `universe_rows(b)` the baskets counted in N. Both the basket
// query and the co-occurrence count start from them, so the two always agree.
//
// | side                | basket                               | from           | to                  |
// | ------------------- | ------------------------------------ | -------------- | ------------------- |
// | bought_together     | order with items                     | product        | product             |
// | viewed_together     | session with a product view          | product        | product             |
// | search_to_product   | session with a search                | search term    | product viewed      |
// | channel_to_category | order with a categorised item        | entry mkt chan | category bought     |
// | segment_to_product  | customer with an order               | segment (name) | product bought      |
//
// Orders later cancelled are left out, as in the Overview; search terms are trimmed and lower
// case; the entry channel is the marketing channel of the order's session under the journeys'
// rules (journey-rules.ts), so it reads as in the funnel breakdowns; a category is the order item's, else the catalogue's category path. Search and view
// are counted together within a session, not in time order: observed and expected counts then
// read the same baskets.
import type { AssociationSide, BasketQuery } from '../mining-store';
import type { CompiledQuery } from './dialect';
import type { JourneyDialect } from './journey-dialect';
import { landingChannelsSql } from './journey-rules';
import { ORDER_CANCELLED, ORDER_COMPLETED } from './overview-query';
import { resolvedEventsSql } from './resolved-events';

export const ASSOCIATION_SIDES: readonly AssociationSide[] = [
  'bought_together',
  'viewed_together',
  'search_to_product',
  'channel_to_category',
  'segment_to_product',
];

/** Sides whose two ends are the same values (products): pairs are unordered. */
export const isSymmetricSide = (side: AssociationSide) =>
  side === 'bought_together' || side === 'viewed_together';

export interface SideSql {
  /** CTEs defining from_rows, to_rows and universe_rows, to follow a WITH. */
  ctes: string;
  params: Record<string, string | number>;
}

/**
 * The CTEs of one side over the range.
 *
 * @example sideCtes({ projectId, side: 'bought_together', range }, duckdbDialect).ctes
 */
export function sideCtes(
  q: BasketQuery,
  d: JourneyDialect,
  { inline = false }: { inline?: boolean } = {},
): SideSql {
  // DuckDB keeps a CTE read more than once in memory; inline reads the events again instead.
  const keep = inline ? d.notMaterialized : '';
  const p = d.param('projectId', 'string');
  const start = d.timestampFromMs(d.param('startMs', 'int'));
  const end = d.timestampFromMs(d.param('endMs', 'int'));
  const params = { projectId: q.projectId, startMs: q.range.startMs, endMs: q.range.endMs };
  const inRange = (alias: string) => `${alias}.ts >= ${start} AND ${alias}.ts < ${end}`;
  const cancelled = `SELECT order_id FROM events WHERE project_id = ${p} AND event = '${ORDER_CANCELLED}' AND order_id IS NOT NULL`;
  const views = `SELECT e.session_id AS b, e.product_id AS v FROM events e
    WHERE e.project_id = ${p} AND e.event = 'Product Viewed' AND e.product_id IS NOT NULL
      AND e.session_id IS NOT NULL AND ${inRange('e')}`;
  const orderEvents = `SELECT coalesce(e.order_id, e.message_id) AS oid, ${d.anyValue('e.session_id')} AS session_id
    FROM events e WHERE e.project_id = ${p} AND e.event = '${ORDER_COMPLETED}' AND ${inRange('e')}
      AND coalesce(e.order_id, e.message_id) NOT IN (${cancelled})
    GROUP BY 1`;
  switch (q.side) {
    case 'bought_together':
      return {
        params,
        ctes: `from_rows AS ${keep}(
  SELECT oi.order_id AS b, oi.product_id AS v FROM order_items oi
  WHERE oi.project_id = ${p} AND ${inRange('oi')} AND oi.order_id NOT IN (${cancelled})
),
to_rows AS (SELECT b, v FROM from_rows),
universe_rows AS (SELECT b FROM from_rows)`,
      };
    case 'viewed_together':
      return {
        params,
        ctes: `from_rows AS ${keep}(${views}),
to_rows AS (SELECT b, v FROM from_rows),
universe_rows AS (SELECT b FROM from_rows)`,
      };
    case 'search_to_product':
      return {
        params,
        ctes: `from_rows AS (
  SELECT e.session_id AS b, lower(trim(e.query)) AS v FROM events e
  WHERE e.project_id = ${p} AND e.event = 'Products Searched' AND e.query IS NOT NULL AND trim(e.query) <> ''
    AND e.session_id IS NOT NULL AND ${inRange('e')}
),
universe_rows AS (SELECT b FROM from_rows),
to_rows AS (SELECT w.b, w.v FROM (${views}) w WHERE w.b IN (SELECT b FROM from_rows))`,
      };
    case 'channel_to_category': {
      if (!q.rules) throw new RangeError('channel_to_category needs the marketing-channel rules');
      const text = (column: string) => `coalesce(e.${column}, '')`;
      return {
        params,
        ctes: `orders_in AS (${orderEvents}),
to_rows AS (
  SELECT oi.order_id AS b, coalesce(oi.category, pr.category_path) AS v
  FROM order_items oi
  LEFT JOIN products pr ON pr.project_id = oi.project_id AND pr.product_id = oi.product_id
  WHERE oi.project_id = ${p} AND oi.order_id IN (SELECT oid FROM orders_in)
    AND coalesce(oi.category, pr.category_path) IS NOT NULL
),
universe_rows AS (SELECT b FROM to_rows),
landings AS (
  SELECT session_id, source, medium, campaign, referrer FROM (
    SELECT e.session_id, ${text('utm_source')} AS source, ${text('utm_medium')} AS medium,
           ${text('utm_campaign')} AS campaign, ${text('referrer')} AS referrer,
           row_number() OVER (PARTITION BY e.session_id ORDER BY e.ts, e.message_id) AS position
    FROM events e
    WHERE e.project_id = ${p} AND e.session_id IN (SELECT session_id FROM orders_in)
  ) first_events WHERE position = 1
),
landing_channels AS (${landingChannelsSql(d, q.rules.channels, 'landings')}),
entries AS (
  SELECT l.session_id, c.channel FROM landings l
  JOIN landing_channels c ON c.source = l.source AND c.medium = l.medium AND c.campaign = l.campaign AND c.referrer = l.referrer
),
from_rows AS (
  SELECT o.oid AS b, coalesce(en.channel, 'unknown') AS v
  FROM orders_in o LEFT JOIN entries en ON en.session_id = o.session_id
  WHERE o.oid IN (SELECT b FROM to_rows)
)`,
      };
    }
    case 'segment_to_product': {
      const orders = resolvedEventsSql(d, {
        projectParam: p,
        where: `e.event = '${ORDER_COMPLETED}' AND ${inRange('e')} AND coalesce(e.order_id, e.message_id) NOT IN (${cancelled})`,
        columns: 'coalesce(e.order_id, e.message_id) AS oid',
      });
      return {
        params,
        ctes: `customer_orders AS (SELECT DISTINCT oid, profile_id FROM ${orders} r),
to_rows AS (
  SELECT co.profile_id AS b, oi.product_id AS v
  FROM customer_orders co JOIN order_items oi ON oi.project_id = ${p} AND oi.order_id = co.oid
),
universe_rows AS (SELECT b FROM to_rows),
from_rows AS (
  SELECT m.profile_id AS b, s.name AS v
  FROM segment_memberships m
  JOIN segments s ON s.project_id = m.project_id AND s.segment_id = m.segment_id
  WHERE m.project_id = ${p} AND m.left_at IS NULL AND m.profile_id IN (SELECT b FROM to_rows)
)`,
      };
    }
  }
}

/**
 * Every basket of a side: rows (basket, from_values, to_values), values joined by chr(31) and
 * sorted; NULL for a side without values in that basket. Ordered by basket id.
 *
 * @example buildBasketsQuery({ projectId, side: 'search_to_product', range }, duckdbDialect)
 */
export function buildBasketsQuery(q: BasketQuery, d: JourneyDialect): CompiledQuery {
  const { ctes, params } = sideCtes(q, d);
  const sql = `
WITH ${ctes}
SELECT u.b AS basket, f.vs AS from_values, t.vs AS to_values
FROM (SELECT DISTINCT b FROM universe_rows) u
LEFT JOIN (SELECT b, string_agg(v, chr(31) ORDER BY v) AS vs FROM (SELECT DISTINCT b, v FROM from_rows) x GROUP BY b) f
  ON f.b = u.b
LEFT JOIN (SELECT b, string_agg(v, chr(31) ORDER BY v) AS vs FROM (SELECT DISTINCT b, v FROM to_rows) x GROUP BY b) t
  ON t.b = u.b
ORDER BY u.b`;
  return { sql, params };
}
