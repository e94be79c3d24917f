// Builds the queries over stored `Products Searched` events (pure: no I/O): the no-results report
// (totals, and the queries that found nothing with their searches, distinct profiles and last
// time) and the popular queries autosuggest offers. A search's results count is
// properties.results_count (Segment's spec and Centric's own search), else properties.results;
// without either the search is not counted as finding nothing. The JSON and regex functions are
// DuckDB's (PostgreSQL spells them alike); a backend that differs overrides these builders.
import { PRODUCTS_SEARCHED_EVENT } from '@centric/contracts';
import type { TimeRange } from '../store';
import type { CompiledQuery, Dialect } from './dialect';
import { resolvedEventsSql } from './resolved-events';

/** The query as the report groups it: lower-case, trimmed, inner whitespace collapsed. */
const NORMALISED = "lower(trim(regexp_replace(e.query, '\\s+', ' ', 'g')))";
const RESULTS_COUNT = `coalesce(
    TRY_CAST(json_extract_string(e.properties, '$.results_count') AS DOUBLE),
    TRY_CAST(json_extract_string(e.properties, '$.results') AS DOUBLE))`;
const SEARCHED = `e.event = '${PRODUCTS_SEARCHED_EVENT}' AND e.query IS NOT NULL`;

function searchesInRange(d: Dialect): string {
  const inRange = `e.ts >= ${d.timestampFromMs(d.param('startMs', 'int'))} AND e.ts < ${d.timestampFromMs(d.param('endMs', 'int'))}`;
  const resolved = resolvedEventsSql(d, {
    projectParam: d.param('projectId', 'string'),
    where: `${SEARCHED} AND ${inRange}`,
    columns: `${NORMALISED} AS q, ${RESULTS_COUNT} AS results, e.ts`,
  });
  return `searches AS (SELECT * FROM ${resolved} s WHERE s.q <> '')`;
}

/** One row: `searches` and `no_result_searches` in the range. */
export function buildSearchTotalsQuery(
  input: { projectId: string; range: TimeRange },
  d: Dialect,
): CompiledQuery {
  const sql = `
WITH ${searchesInRange(d)}
SELECT count(*) AS searches, ${d.filtered('count(*)', 'results = 0')} AS no_result_searches
FROM searches`;
  return {
    sql,
    params: { projectId: input.projectId, startMs: input.range.startMs, endMs: input.range.endMs },
  };
}

/** The queries that found nothing: `q`, `searches`, `visitors`, `last_ms`; most searched first. */
export function buildNoResultQueriesQuery(
  input: { projectId: string; range: TimeRange; limit: number },
  d: Dialect,
): CompiledQuery {
  const sql = `
WITH ${searchesInRange(d)}
SELECT q, count(*) AS searches, ${d.countDistinct('profile_id')} AS visitors, epoch_ms(max(ts)) AS last_ms
FROM searches
WHERE results = 0
GROUP BY q
ORDER BY searches DESC, visitors DESC, q
LIMIT CAST(${d.param('limit', 'int')} AS BIGINT)`;
  return {
    sql,
    params: {
      projectId: input.projectId,
      startMs: input.range.startMs,
      endMs: input.range.endMs,
      limit: input.limit,
    },
  };
}

/** `q`, `searches` of the queries since a time that did not find nothing; most searched first. */
export function buildPopularQueriesQuery(
  input: { projectId: string; sinceMs: number; limit: number },
  d: Dialect,
): CompiledQuery {
  const sql = `
SELECT q, count(*) AS searches
FROM (
  SELECT ${NORMALISED} AS q, ${RESULTS_COUNT} AS results
  FROM events e
  WHERE e.project_id = ${d.param('projectId', 'string')} AND ${SEARCHED}
    AND e.ts >= ${d.timestampFromMs(d.param('sinceMs', 'int'))}
) s
WHERE q <> '' AND coalesce(results, 1) > 0
GROUP BY q
ORDER BY searches DESC, q
LIMIT CAST(${d.param('limit', 'int')} AS BIGINT)`;
  return { sql, params: { projectId: input.projectId, sinceMs: input.sinceMs, limit: input.limit } };
}
