// Builds the retention (cohort) query (pure: no I/O). A cohort is the customers whose start
// (first order, first visit or first entry into a segment) falls in one day, ISO week or month;
// the query counts each cohort's size and, per offset k, how many of its customers were active
// (ordered, or visited) in the period k periods after the cohort's. Rates are derived in
// packages/analyses/src/cohorts.
//
// Plain GROUP BY and joins only (no window functions), so the ClickHouse adapter can compile the
// same query. Visits (any event of the profile) are grouped per identity pair and period before
// they are resolved to profiles: the profile depends only on (user id, anonymous id), so this
// resolves each pair once instead of joining every event to identity_links.
import type { CohortActivity, CohortBasis, CohortPeriod, RetentionQuery } from '../analytics-store';
import { customerOrdersCtes } from './customer-orders';
import type { CompiledQuery, Dialect } from './dialect';
import { resolvedEventsSql } from './resolved-events';

export const COHORT_BASES: readonly CohortBasis[] = ['first_order', 'first_visit', 'segment_entry'];
export const COHORT_ACTIVITIES: readonly CohortActivity[] = ['order', 'visit'];
export const COHORT_PERIODS: readonly CohortPeriod[] = ['day', 'week', 'month'];
/** Offsets counted at most: a day matrix of more than a year is no heatmap anyone reads. */
export const MAX_RETENTION_PERIODS = 400;

/** Marks the rows that carry a cohort's size rather than an offset's count. */
export const COHORT_SIZE_OFFSET = -1;

/**
 * Rows (cohort_start TIMESTAMP, period_offset, customers): period_offset = -1 gives the cohort
 * size, 0 .. periods - 1 the active customers at that offset.
 *
 * @example buildRetentionQuery({ projectId, cohortBy: 'first_order', activity: 'order', period: 'month', range, periods: 12 }, duckdbDialect)
 */
export function buildRetentionQuery(q: RetentionQuery, d: Dialect): CompiledQuery {
  validate(q);
  const p = d.param('projectId', 'string');
  const start = d.timestampFromMs(d.param('startMs', 'int'));
  const end = d.timestampFromMs(d.param('endMs', 'int'));
  const seg = d.param('segmentId', 'string');
  const needsOrders = q.cohortBy === 'first_order' || q.activity === 'order';
  const needsVisits = q.cohortBy === 'first_visit' || q.activity === 'visit';
  const ctes: string[] = [];
  if (needsOrders) ctes.push(customerOrdersCtes(d, { projectParam: p }));
  if (needsVisits) ctes.push(`visits AS (\n  ${visitsSql(q, d, p)}\n)`);

  const members = `SELECT profile_id FROM segment_memberships WHERE project_id = ${p} AND segment_id = ${seg}`;
  const onlyMembers = q.segmentId !== undefined && q.cohortBy !== 'segment_entry';
  ctes.push(`cohort_starts AS (
  SELECT profile_id, first_ts FROM (${cohortStartSql(q.cohortBy, { p, seg })}) f
  WHERE first_ts >= ${start} AND first_ts < ${end}${onlyMembers ? ` AND profile_id IN (${members})` : ''}
),
cohort AS (
  SELECT profile_id, ${d.truncate(q.period, 'first_ts')} AS cohort_start FROM cohort_starts
),
activity AS (
  ${activitySql(q, d, start)}
),
cells AS (
  SELECT c.cohort_start AS cohort_start, ${d.diff(q.period, 'c.cohort_start', 'a.bucket')} AS period_offset
  FROM cohort c JOIN activity a ON a.profile_id = c.profile_id
  WHERE a.bucket >= c.cohort_start
)`);

  const sql = `
WITH ${ctes.join(',\n')}
SELECT cohort_start, ${COHORT_SIZE_OFFSET} AS period_offset, count(*) AS customers
FROM cohort GROUP BY cohort_start
UNION ALL
SELECT cohort_start, period_offset, count(*) AS customers
FROM cells WHERE period_offset < ${d.param('periods', 'int')}
GROUP BY cohort_start, period_offset`;
  const params: Record<string, string | number> = {
    projectId: q.projectId,
    startMs: q.range.startMs,
    endMs: q.range.endMs,
    periods: q.periods,
  };
  if (q.segmentId !== undefined) params.segmentId = q.segmentId;
  return { sql, params };
}

/** (profile_id, first_ts): when each profile's cohort starts, before the range filter. */
function cohortStartSql(basis: CohortBasis, { p, seg }: { p: string; seg: string }): string {
  switch (basis) {
    case 'first_order':
      return 'SELECT profile_id, min(ts) AS first_ts FROM customer_orders GROUP BY profile_id';
    case 'first_visit':
      return 'SELECT profile_id, min(first_ts) AS first_ts FROM visits GROUP BY profile_id';
    case 'segment_entry':
      return `SELECT profile_id, min(entered_at) AS first_ts FROM segment_memberships
        WHERE project_id = ${p} AND segment_id = ${seg} GROUP BY profile_id`;
  }
}

/** Distinct (profile_id, bucket): the periods in which each profile was active. */
function activitySql(q: RetentionQuery, d: Dialect, start: string): string {
  if (q.activity === 'order') {
    return `SELECT DISTINCT profile_id, ${d.truncate(q.period, 'ts')} AS bucket FROM customer_orders WHERE ts >= ${start}`;
  }
  return `SELECT DISTINCT profile_id, bucket FROM visits WHERE bucket >= ${d.truncate(q.period, start)}`;
}

/**
 * (profile_id, bucket, first_ts): the periods in which each profile visited, and its first
 * event in each. One scan of the events serves both first-visit cohorts and visit activity.
 */
function visitsSql(q: RetentionQuery, d: Dialect, p: string): string {
  const bucket = d.truncate(q.period, 'ts');
  const pairs = `(SELECT project_id, user_id, anonymous_id, ${bucket} AS bucket, min(ts) AS first_ts FROM events
      WHERE project_id = ${p} GROUP BY project_id, user_id, anonymous_id, ${bucket})`;
  return `SELECT * FROM ${resolvedEventsSql(d, { projectParam: p, source: pairs, columns: 'e.bucket, e.first_ts' })} rv`;
}

function validate(q: RetentionQuery): void {
  // Basis, activity and period are spliced into the SQL text: only known words may pass.
  if (!COHORT_BASES.includes(q.cohortBy)) throw new RangeError(`unknown cohort basis "${q.cohortBy}"`);
  if (!COHORT_ACTIVITIES.includes(q.activity)) throw new RangeError(`unknown activity "${q.activity}"`);
  if (!COHORT_PERIODS.includes(q.period)) throw new RangeError(`unknown period "${q.period}"`);
  if (q.cohortBy === 'segment_entry' && q.segmentId === undefined)
    throw new RangeError('cohorts by segment entry need a segment');
  if (!Number.isInteger(q.periods) || q.periods < 1 || q.periods > MAX_RETENTION_PERIODS)
    throw new RangeError(`periods must be an integer 1..${MAX_RETENTION_PERIODS}, got ${q.periods}`);
  if (!(q.range.endMs > q.range.startMs)) throw new RangeError('the cohort range is empty');
}
