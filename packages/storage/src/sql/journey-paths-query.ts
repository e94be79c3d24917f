// Builds the paths query (pure: no I/O): the first steps of each session as an ordered list,
// optionally cut to start at (or end at) a chosen step, then counted as step-to-step
// transitions per position, which is all a Sankey needs. The shaping (nodes, links,
// percentages, "Other") is in packages/analyses/src/journeys/sankey.ts.
//
// Shape, for speed and for ClickHouse (no window functions): one scan that gives every event
// its step key, one GROUP BY session into an ordered list, then identical paths are counted
// once (GROUP BY the list) before they are unrolled into positions, so the unrolling touches
// distinct paths, not sessions.
import type { PathQuery } from '../journey-store';
import type { CompiledQuery } from './dialect';
import type { JourneyDialect } from './journey-dialect';
import { stepKeySql } from './journey-rules';
import { journeyScope, withCtes } from './journey-scope';

export const MAX_PATH_DEPTH = 10;

/**
 * Rows (depth, step, next, sessions), plus one row with depth 0 whose sessions are the
 * sessions counted. With endAt the lists are reversed: depth 1 is the chosen step, next the
 * step before it.
 *
 * @example buildPathsQuery({ projectId, range, rules, groupBy: 'page_type', depth: 5, collapseRepeats: true }, duckdbJourneyDialect)
 */
export function buildPathsQuery(q: PathQuery, d: JourneyDialect): CompiledQuery {
  if (!Number.isInteger(q.depth) || q.depth < 1 || q.depth > MAX_PATH_DEPTH)
    throw new RangeError(`the depth is an integer 1..${MAX_PATH_DEPTH}, got ${q.depth}`);
  if (q.startAt !== undefined && q.endAt !== undefined)
    throw new RangeError('paths start at a step or end at one, not both');
  const s = journeyScope(q, d);
  const params = { ...s.params };
  const step = stepKeySql(d, q.groupBy, q.rules.pageTypes, {
    event: 'e.event',
    type: 'e.type',
    path: 'e.page_path',
    category: 'e.category',
  });
  const n = q.depth;
  // One step more than shown: it tells a path that went on from one that ended.
  let anchored: string;
  if (q.startAt !== undefined || q.endAt !== undefined) {
    params.anchor = (q.startAt ?? q.endAt)!;
    const pos = `(SELECT steps, ${d.listPosition('steps', d.param('anchor', 'string'))} AS pos FROM shaped) a`;
    anchored =
      q.startAt !== undefined
        ? `SELECT ${d.listSlice('steps', 'pos', `pos + ${n}`)} AS steps FROM ${pos} WHERE pos > 0`
        : `SELECT ${d.listReverse(d.listSlice('steps', `greatest(1, pos - ${n})`, 'pos'))} AS steps FROM ${pos} WHERE pos > 0`;
  } else {
    anchored = `SELECT ${d.listSlice('steps', '1', String(n + 1))} AS steps FROM shaped`;
  }
  const sql = `${withCtes([
    s.keptSessionsCte(),
    `ev AS (
  SELECT e.session_id AS session_id, e.ts AS ts, e.message_id AS message_id, ${step} AS step
  FROM events e WHERE ${s.eventsIn('e')} AND ${s.sessionKept('e')}
)`,
    `seqs AS (
  SELECT ${d.orderedList('step', 'ts, message_id')} AS steps FROM ev GROUP BY session_id
)`,
    `shaped AS (
  SELECT ${q.collapseRepeats ? d.collapseRepeats('steps') : 'steps'} AS steps FROM seqs
)`,
    `anchored AS (
  ${anchored}
)`,
    `paths AS (
  SELECT steps, count(*) AS sessions FROM anchored GROUP BY steps
)`,
  ])}SELECT pos AS depth, ${d.listElement('steps', 'pos')} AS step, ${d.listElement('steps', 'pos + 1')} AS next,
       sum(sessions) AS sessions
FROM paths ${d.positions('pos', n)}
WHERE pos <= ${d.listLength('steps')}
GROUP BY 1, 2, 3
UNION ALL
SELECT 0 AS depth, NULL AS step, NULL AS next, coalesce(sum(sessions), 0) AS sessions FROM paths`;
  return { sql, params };
}
