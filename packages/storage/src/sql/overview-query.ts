// Builds the Overview query (pure: no I/O). Orders are counted once per order id, so a shop
// that re-sends an Order Completed under a new messageId does not double its revenue, and
// cancelled orders do not count at all.
import { SYSTEM_EVENTS } from '@centric/contracts';
import type { TimeRange } from '../store';
import type { CompiledQuery, Dialect } from './dialect';

export const ORDER_COMPLETED = 'Order Completed';
export const ORDER_CANCELLED = 'Order Cancelled';

/**
 * Events Centric records about itself (e.g. recommendation impressions) are facts for
 * attribution, not customer behaviour: they never count as events, visitors or sessions.
 */
const notSystem = `coalesce(event, '') NOT IN (${SYSTEM_EVENTS.map((e) => `'${e}'`).join(', ')})`;

export function buildOverviewQuery(
  input: { projectId: string; range: TimeRange },
  d: Dialect,
): CompiledQuery {
  const p = d.param('projectId', 'string');
  const start = d.timestampFromMs(d.param('startMs', 'int'));
  const end = d.timestampFromMs(d.param('endMs', 'int'));
  const sql = `
WITH e AS (
  SELECT * FROM events WHERE project_id = ${p} AND ts >= ${start} AND ts < ${end} AND ${notSystem}
),
o AS (
  SELECT coalesce(order_id, message_id) AS oid, ${d.anyValue('revenue')} AS revenue,
         ${d.anyValue('currency')} AS currency, ${d.anyValue('session_id')} AS session_id
  FROM e WHERE event = '${ORDER_COMPLETED}'
    -- A cancelled order is no sale, whenever it was cancelled.
    AND coalesce(order_id, message_id) NOT IN (
      SELECT order_id FROM events WHERE project_id = ${p} AND event = '${ORDER_CANCELLED}' AND order_id IS NOT NULL)
  GROUP BY 1
)
SELECT
  (SELECT count(*) FROM e) AS events,
  (SELECT ${d.countDistinct('coalesce(anonymous_id, user_id)')} FROM e) AS visitors,
  (SELECT ${d.countDistinct('session_id')} FROM e) AS sessions,
  (SELECT count(*) FROM o) AS orders,
  (SELECT coalesce(sum(revenue), 0) FROM o) AS revenue,
  (SELECT ${d.mode('currency')} FROM o) AS currency,
  (SELECT ${d.countDistinct('session_id')} FROM o) AS converting_sessions`;
  return {
    sql,
    params: { projectId: input.projectId, startMs: input.range.startMs, endMs: input.range.endMs },
  };
}

export function buildEventsPerDayQuery(
  input: { projectId: string; range: TimeRange },
  d: Dialect,
): CompiledQuery {
  const sql = `
SELECT ${d.dayOf('ts')} AS day, count(*) AS events
FROM events
WHERE project_id = ${d.param('projectId', 'string')}
  AND ts >= ${d.timestampFromMs(d.param('startMs', 'int'))} AND ts < ${d.timestampFromMs(d.param('endMs', 'int'))}
  AND ${notSystem}
GROUP BY 1 ORDER BY 1`;
  return {
    sql,
    params: { projectId: input.projectId, startMs: input.range.startMs, endMs: input.range.endMs },
  };
}
