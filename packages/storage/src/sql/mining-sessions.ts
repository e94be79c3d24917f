// Builds the session-sequence query of the Pattern Explorer (pure: no I/O): per session the
// ordered actions under a vocabulary (event names, page types or categories) and whether it
// converted, then sessions with the same actions and outcome grouped into one row with a count,
// so a million sessions leave the store as a few thousand distinct sequences.
//
// Choices: the order events themselves (Order Completed, Cancelled, Refunded) are not actions,
// else every pattern with them would "convert" by definition; a session converts when it holds
// an Order Completed whose order was not cancelled (as in the Overview); runs of one action
// collapse by default; actions are ordered by time, then message id for ties.
import type { SessionSequenceQuery } from '../mining-store';
import type { CompiledQuery, Dialect } from './dialect';
import { ORDER_CANCELLED, ORDER_COMPLETED } from './overview-query';
import { resolvedEventsSql } from './resolved-events';

/** Separates actions in the aggregated text: a control character no event name holds. */
export const ITEM_SEPARATOR = '\u001f';

/**
 * Page types of track events that stand for a page view in the Segment e-commerce spec; page
 * and screen events give their name (lower case), else the first segment of their path.
 */
export const PAGE_TYPE_OF_EVENT: Readonly<Record<string, string>> = {
  'Product Viewed': 'product',
  'Product List Viewed': 'category',
  'Product List Filtered': 'category',
  'Products Searched': 'search',
  'Cart Viewed': 'cart',
  'Checkout Started': 'checkout',
  'Checkout Step Viewed': 'checkout',
  'Payment Info Entered': 'checkout',
  'Product Added to Wishlist': 'wishlist',
};

const ORDER_EVENTS = `('${ORDER_COMPLETED}', '${ORDER_CANCELLED}', 'Order Refunded')`;
const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** The action of an event (alias e) under a vocabulary; NULL when the event is no action. */
export function actionSql(vocabulary: SessionSequenceQuery['vocabulary']): string {
  switch (vocabulary) {
    case 'event':
      return `CASE WHEN e.event IN ${ORDER_EVENTS} THEN NULL ELSE e.event END`;
    case 'category':
      return `CASE WHEN e.event IN ${ORDER_EVENTS} THEN NULL ELSE e.category END`;
    case 'page_type': {
      const tracked = Object.entries(PAGE_TYPE_OF_EVENT)
        .map(([event, type]) => `WHEN e.event = ${quote(event)} THEN ${quote(type)}`)
        .join(' ');
      return `CASE
        WHEN e.type IN ('page', 'screen') THEN coalesce(lower(e.event),
          CASE WHEN e.page_path IS NULL OR e.page_path = '/' THEN 'home'
               ELSE lower(split_part(ltrim(e.page_path, '/'), '/', 1)) END)
        WHEN e.type = 'track' THEN CASE ${tracked} ELSE NULL END
        ELSE NULL END`;
    }
  }
}

/**
 * Rows (items TEXT joined by ITEM_SEPARATOR, converted BOOLEAN, sessions BIGINT), one per
 * distinct sequence and outcome; sessions without any action are left out.
 *
 * @example buildSessionSequencesQuery({ projectId, range, vocabulary: 'page_type' }, duckdbDialect)
 */
export function buildSessionSequencesQuery(q: SessionSequenceQuery, d: Dialect): CompiledQuery {
  const maxItems = q.maxItems ?? 100;
  if (!Number.isInteger(maxItems) || maxItems < 1) throw new RangeError(`maxItems must be >= 1, got ${maxItems}`);
  const p = d.param('projectId', 'string');
  const start = d.timestampFromMs(d.param('startMs', 'int'));
  const end = d.timestampFromMs(d.param('endMs', 'int'));
  const params: Record<string, string | number> = {
    projectId: q.projectId,
    startMs: q.range.startMs,
    endMs: q.range.endMs,
  };
  const inRange = `e.session_id IS NOT NULL AND e.ts >= ${start} AND e.ts < ${end}`;
  let source = `(SELECT e.session_id, e.ts, e.message_id, e.event, e.order_id, ${actionSql(q.vocabulary)} AS item
    FROM events e WHERE e.project_id = ${p} AND ${inRange})`;
  if (q.segmentId !== undefined) {
    params.segmentId = q.segmentId;
    const resolved = resolvedEventsSql(d, {
      projectParam: p,
      where: inRange,
      columns: `e.session_id, e.ts, e.message_id, e.event, e.order_id, ${actionSql(q.vocabulary)} AS item`,
    });
    source = `(SELECT * FROM ${resolved} r WHERE r.profile_id IN (
      SELECT profile_id FROM segment_memberships
      WHERE project_id = ${p} AND segment_id = ${d.param('segmentId', 'string')} AND left_at IS NULL))`;
  }
  const collapse = q.collapseRepeats ?? true;
  const sql = `
WITH ev AS ${source},
converted AS (
  SELECT DISTINCT session_id FROM ev
  WHERE event = '${ORDER_COMPLETED}' AND coalesce(order_id, message_id) NOT IN (
    SELECT order_id FROM events WHERE project_id = ${p} AND event = '${ORDER_CANCELLED}' AND order_id IS NOT NULL)
),
steps AS (
  SELECT session_id, ts, message_id, item,
         ${collapse ? 'item IS NOT DISTINCT FROM lag(item) OVER (PARTITION BY session_id ORDER BY ts, message_id)' : 'false'} AS repeated
  FROM ev WHERE item IS NOT NULL
),
sequences AS (
  SELECT session_id,
         string_agg(item, chr(31) ORDER BY ts, message_id) AS items
  FROM (
    SELECT session_id, ts, message_id, item,
           row_number() OVER (PARTITION BY session_id ORDER BY ts, message_id) AS position
    FROM steps WHERE NOT repeated
  ) kept
  WHERE position <= ${maxItems}
  GROUP BY session_id
)
SELECT s.items AS items, (c.session_id IS NOT NULL) AS converted, count(*) AS sessions
FROM sequences s LEFT JOIN converted c ON c.session_id = s.session_id
GROUP BY 1, 2`;
  return { sql, params };
}
