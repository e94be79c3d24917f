// Builds the session-sequence query of the Pattern Explorer (pure: no I/O): per session the
// ordered actions under a vocabulary (event names, page types or categories) and whether it
// converted, then sessions with the same actions and outcome grouped into one row with a count,
// so a million sessions leave the store as a few thousand distinct sequences.
//
// Choices: the order events themselves (Order Completed, Cancelled, Refunded) are not actions,
// else every pattern with them would "convert" by definition; a session converts when it holds
// an Order Completed whose order was not cancelled (as in the Overview); runs of one action
// collapse by default; actions are ordered by time (at the same millisecond by name). Lists are
// built with the journey dialect's ordered-code constructs, so a ClickHouse adapter reuses this.
import type { SessionSequenceQuery } from '../mining-store';
import type { CompiledQuery } from './dialect';
import type { JourneyDialect } from './journey-dialect';
import { pageTypeSql } from './journey-rules';
import type { MiningDialect } from './mining-dialect';
import { ORDER_CANCELLED, ORDER_COMPLETED } from './overview-query';
import { resolvedEventsSql } from './resolved-events';

/** Separates actions in the aggregated text: a control character no event name holds. */
export const ITEM_SEPARATOR = '\u001f';

const ORDER_EVENTS = [ORDER_COMPLETED, ORDER_CANCELLED, 'Order Refunded'];
/** Bits of an action code: up to 65,536 distinct actions (event names, page types, categories). */
const CODE_BITS = 16;

/**
 * The action of an event (alias e) under a vocabulary; NULL when the event is no action. Page
 * types are the journeys' (journey-rules.ts), so a pattern and a path name a page alike; events
 * on no known page ('other': a coupon applied, an identify) are no step of a pattern.
 */
export function actionSql(q: Pick<SessionSequenceQuery, 'vocabulary' | 'rules'>, d: JourneyDialect): string {
  const order = d.inList(
    'e.event',
    ORDER_EVENTS.map((e) => d.literal(e)),
  );
  switch (q.vocabulary) {
    case 'event':
      return `CASE WHEN ${order} THEN NULL ELSE e.event END`;
    case 'category':
      return `CASE WHEN ${order} THEN NULL ELSE nullif(e.category, '') END`;
    case 'page_type': {
      if (!q.rules) throw new RangeError('the page_type vocabulary needs the page-type rules');
      const pageType = pageTypeSql(d, q.rules.pageTypes, { event: 'e.event', path: 'e.page_path' });
      return `CASE WHEN ${order} THEN NULL ELSE nullif(${pageType}, 'other') END`;
    }
  }
}

/**
 * Rows (items TEXT joined by ITEM_SEPARATOR, converted BOOLEAN, sessions BIGINT), one per
 * distinct sequence and outcome; sessions without any action are left out. Actions at the same
 * millisecond keep the order of their names.
 *
 * @example buildSessionSequencesQuery({ projectId, range, vocabulary: 'page_type', rules }, duckdbMiningDialect)
 */
export function buildSessionSequencesQuery(q: SessionSequenceQuery, d: MiningDialect): CompiledQuery {
  const maxItems = q.maxItems ?? 100;
  if (!Number.isInteger(maxItems) || maxItems < 1)
    throw new RangeError(`maxItems must be >= 1, got ${maxItems}`);
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
  // One pass over the events: each action becomes a small integer code (a dictionary of the
  // distinct actions), each session the list of its codes sorted by time (the journey dialect's
  // orderedCodes: one BIGINT sort inside each small list, about three times faster than an
  // ordered aggregate of text on 10M events); runs collapse and the list is cut on the list
  // itself; sessions are grouped by their codes, and only the distinct sequences are decoded.
  const time = d.diffMs(start, 'ev.ts');
  const codes = d.orderedCodes({ code: 'dict.code', time, bits: CODE_BITS });
  const kept = d.listSlice(collapse ? d.collapseRepeats('codes') : 'codes', '1', String(maxItems));
  const sql = `
WITH ev AS ${source},
dict AS (
  SELECT item, row_number() OVER (ORDER BY item) - 1 AS code
  FROM (SELECT DISTINCT item FROM ev WHERE item IS NOT NULL) distinct_items
),
names AS (SELECT ${d.smallOrderedList('item', 'code')} AS names FROM dict),
cancelled AS (
  SELECT order_id FROM events WHERE project_id = ${p} AND event = '${ORDER_CANCELLED}' AND order_id IS NOT NULL
),
sessions AS (
  SELECT ev.session_id, ${codes} AS codes FROM ev JOIN dict ON dict.item = ev.item GROUP BY ev.session_id
),
converting AS (
  SELECT DISTINCT session_id FROM ev
  WHERE event = '${ORDER_COMPLETED}' AND coalesce(order_id, message_id) NOT IN (SELECT order_id FROM cancelled)
),
sequences AS (
  SELECT ${kept} AS codes, c.session_id IS NOT NULL AS converted, count(*) AS sessions
  FROM sessions s LEFT JOIN converting c ON c.session_id = s.session_id
  GROUP BY 1, 2
)
SELECT ${d.listJoin(d.decodeList('s.codes', 'n.names'), 'chr(31)')} AS items, s.converted, s.sessions
FROM sequences s CROSS JOIN names n`;
  return { sql, params };
}
