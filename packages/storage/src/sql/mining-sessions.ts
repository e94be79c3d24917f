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
import type { CompiledQuery } from './dialect';
import type { JourneyDialect } from './journey-dialect';
import { pageTypeSql } from './journey-rules';
import { ORDER_CANCELLED, ORDER_COMPLETED } from './overview-query';
import { resolvedEventsSql } from './resolved-events';

/** Separates actions in the aggregated text: a control character no event name holds. */
export const ITEM_SEPARATOR = '\u001f';

const ORDER_EVENTS = `('${ORDER_COMPLETED}', '${ORDER_CANCELLED}', 'Order Refunded')`;

/**
 * The action of an event (alias e) under a vocabulary; NULL when the event is no action. Page
 * types are the journeys' (journey-rules.ts), so a pattern and a path name a page alike; events
 * on no known page ('other': a coupon applied, an identify) are no step of a pattern.
 */
export function actionSql(q: Pick<SessionSequenceQuery, 'vocabulary' | 'rules'>, d: JourneyDialect): string {
  switch (q.vocabulary) {
    case 'event':
      return `CASE WHEN e.event IN ${ORDER_EVENTS} THEN NULL ELSE e.event END`;
    case 'category':
      return `CASE WHEN e.event IN ${ORDER_EVENTS} THEN NULL ELSE nullif(e.category, '') END`;
    case 'page_type': {
      if (!q.rules) throw new RangeError('the page_type vocabulary needs the page-type rules');
      const pageType = pageTypeSql(d, q.rules.pageTypes, { event: 'e.event', path: 'e.page_path' });
      return `CASE WHEN e.event IN ${ORDER_EVENTS} THEN NULL ELSE nullif(${pageType}, 'other') END`;
    }
  }
}

/**
 * Rows (items TEXT joined by ITEM_SEPARATOR, converted BOOLEAN, sessions BIGINT), one per
 * distinct sequence and outcome; sessions without any action are left out.
 *
 * @example buildSessionSequencesQuery({ projectId, range, vocabulary: 'page_type', rules }, duckdbJourneyDialect)
 */
export function buildSessionSequencesQuery(q: SessionSequenceQuery, d: JourneyDialect): CompiledQuery {
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
  const action = actionSql(q, d);
  let source = `(SELECT e.session_id, e.ts, e.message_id, e.event, e.order_id, ${action} AS item
    FROM events e WHERE e.project_id = ${p} AND ${inRange})`;
  if (q.segmentId !== undefined) {
    params.segmentId = q.segmentId;
    const resolved = resolvedEventsSql(d, {
      projectParam: p,
      where: inRange,
      columns: `e.session_id, e.ts, e.message_id, e.event, e.order_id, ${action} AS item`,
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
