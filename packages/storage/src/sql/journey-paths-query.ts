// Builds the paths query (pure: no I/O): the first steps of each session, optionally cut to
// start at (or end at) a chosen step, counted as step-to-step transitions per position, which
// is all a Sankey needs. The shaping (nodes, links, percentages, "Other") is in
// packages/analyses/src/journeys/sankey.ts.
//
// Shape, for speed on 10M events and for ClickHouse (no window functions): every event gets an
// integer step code (a page type's index, else a hash of its name or category), each session
// one list of codes ordered by time (dialect.orderedCodes), identical paths are counted once
// (GROUP BY the list) and only then unrolled into positions; codes become names again at the
// end through a small vocabulary. Hash codes are short, so two names may share one: the query
// reports such collisions (depth -1) and the caller runs it again with another salt.
import { PAGE_TYPES } from '@centric/contracts';
import type { PathQuery } from '../journey-store';
import type { CompiledQuery } from './dialect';
import type { JourneyDialect } from './journey-dialect';
import { pageTypeCode, pageTypeCodeSql } from './journey-rules';
import { journeyScope, withCtes } from './journey-scope';

export const MAX_PATH_DEPTH = 10;
/** Page types of events without a category, when paths are grouped by category. */
export const PAGE_STEP_PREFIX = 'page:';
/** Codes below this are page types; hashed names and categories are above. */
const PAGE_CODES = 16;
/** The depth of the row that counts code collisions. */
export const COLLISION_ROW = -1;

export interface PathsBuildOptions {
  /** Varies the name hashes: another salt after a collision. */
  salt?: number;
}

/**
 * Rows (depth, step, next, sessions); one row with depth 0 whose sessions are the sessions
 * counted, and one with depth -1 giving the number of colliding codes (0: the answer stands).
 * With endAt the lists are reversed: depth 1 is the chosen step, next the step before it.
 *
 * @example buildPathsQuery({ projectId, range, rules, groupBy: 'page_type', depth: 5, collapseRepeats: false }, duckdbJourneyDialect)
 */
export function buildPathsQuery(
  q: PathQuery,
  d: JourneyDialect,
  { salt = 0 }: PathsBuildOptions = {},
): CompiledQuery {
  if (!Number.isInteger(q.depth) || q.depth < 1 || q.depth > MAX_PATH_DEPTH)
    throw new RangeError(`the depth is an integer 1..${MAX_PATH_DEPTH}, got ${q.depth}`);
  if (q.startAt !== undefined && q.endAt !== undefined)
    throw new RangeError('paths start at a step or end at one, not both');
  if (!['event', 'page_type', 'category'].includes(q.groupBy))
    throw new RangeError(`unknown grouping "${q.groupBy}"`);
  const s = journeyScope(q, d);
  const params: Record<string, string | number> = { ...s.params };
  // Time in the high bits of a BIGINT, the code in the low ones: as many code bits as the
  // range leaves (27 for a year, more for shorter ranges).
  const rangeBits = Math.ceil(Math.log2(q.range.endMs - q.range.startMs + 1));
  const bits = Math.min(30, 62 - rangeBits);
  if (bits < 20) throw new RangeError('paths cover at most 64 years');
  const hashed = (expr: string) =>
    `CAST(${PAGE_CODES} + ${d.hash(expr, salt)} % ${2 ** bits - PAGE_CODES} AS BIGINT)`;
  const pageCode = pageTypeCodeSql(d, q.rules.pageTypes, { event: 'e.event', path: 'e.page_path' });
  const eventKey = `coalesce(e.event, CASE WHEN e.type = 'page' THEN 'Page Viewed' ELSE 'Screen Viewed' END)`;
  const hasCategory = "e.category IS NOT NULL AND e.category <> ''";
  const code =
    q.groupBy === 'event'
      ? hashed(eventKey)
      : q.groupBy === 'page_type'
        ? pageCode
        : `CASE WHEN ${hasCategory} THEN ${hashed('e.category')} ELSE ${pageCode} END`;
  const pageVocabulary = (prefix: string) =>
    PAGE_TYPES.map((t, i) => `SELECT ${d.literal(prefix + t)} AS step, ${i} AS code`).join(' UNION ALL ');
  const scoped = `events e WHERE ${s.eventsIn('e')} AND ${s.sessionKept('e')}`;
  const vocabulary =
    q.groupBy === 'event'
      ? // Distinct raw names first: the key and its hash are then worked out a few times only.
        `SELECT DISTINCT step, ${hashed('step')} AS code FROM (
    SELECT ${eventKey} AS step FROM (SELECT DISTINCT e.event AS event, e.type AS type FROM ${scoped}) e
  ) keys`
      : q.groupBy === 'page_type'
        ? pageVocabulary('')
        : `SELECT step, ${hashed('step')} AS code FROM (SELECT DISTINCT e.category AS step FROM ${scoped} AND ${hasCategory}) c
  UNION ALL ${pageVocabulary(PAGE_STEP_PREFIX)}`;

  const n = q.depth;
  const anchor = q.startAt ?? q.endAt;
  let anchored = `SELECT ${d.listSlice('steps', '1', String(n + 1))} AS steps FROM shaped`;
  if (anchor !== undefined) {
    params.anchor = anchor;
    const a = d.param('anchor', 'string');
    const pageAnchor = q.groupBy === 'category' ? anchor.slice(PAGE_STEP_PREFIX.length) : anchor;
    const isPage =
      (q.groupBy === 'page_type' || anchor.startsWith(PAGE_STEP_PREFIX)) &&
      (PAGE_TYPES as readonly string[]).includes(pageAnchor);
    const anchorCode =
      q.groupBy === 'page_type' && !isPage ? '-1' : isPage ? String(pageTypeCode(pageAnchor)) : hashed(a);
    const pos = `(SELECT steps, ${d.listPosition('steps', anchorCode)} AS pos FROM shaped) a`;
    // One step more than shown: it tells a path that went on from one that ended.
    anchored =
      q.startAt !== undefined
        ? `SELECT ${d.listSlice('steps', 'pos', `pos + ${n}`)} AS steps FROM ${pos} WHERE pos > 0`
        : `SELECT ${d.listReverse(d.listSlice('steps', `greatest(1, pos - ${n})`, 'pos'))} AS steps FROM ${pos} WHERE pos > 0`;
  }
  const time = `${d.diffMs(d.timestampFromMs(d.param('startMs', 'int')), 'e.ts')}`;
  const sql = `${withCtes([
    s.keptSessionsCte(),
    `seqs AS (
  SELECT ${d.orderedCodes({ code, time, bits, first: anchor === undefined && !q.collapseRepeats ? n + 1 : undefined })} AS steps
  FROM ${scoped} GROUP BY e.session_id
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
    `transitions AS (
  SELECT pos AS depth, ${d.listElement('steps', 'pos')} AS step, ${d.listElement('steps', 'pos + 1')} AS next,
         sum(sessions) AS sessions
  FROM paths ${d.positions('pos', n)}
  WHERE pos <= ${d.listLength('steps')}
  GROUP BY 1, 2, 3
)`,
    `vocabulary AS (
  ${vocabulary}
)`,
  ])}SELECT t.depth AS depth, a.step AS step, b.step AS next, t.sessions AS sessions
FROM transitions t
JOIN vocabulary a ON a.code = t.step
LEFT JOIN vocabulary b ON b.code = t.next
UNION ALL
SELECT 0 AS depth, NULL AS step, NULL AS next, coalesce(sum(sessions), 0) AS sessions FROM paths
UNION ALL
SELECT ${COLLISION_ROW} AS depth, NULL AS step, NULL AS next, count(*) - ${d.countDistinct('code')} AS sessions FROM vocabulary`;
  return { sql, params };
}
