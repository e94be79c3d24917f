// The part every journey query shares (pure: no I/O): the parameters of a JourneyScope, the
// condition that picks a project's behaviour events in a range, and the segment filter.
//
// A segment (current members: left_at IS NULL) or a list of profiles filters sessions: a
// session is kept when one of its identities resolves to a wanted profile. Identity pairs are
// resolved once per session rather than once per event (the trick of customer-kpi-query.ts),
// so the filter costs one grouped scan, not a join of every event with identity_links.
import type { JourneyScope } from '../journey-store';
import type { JourneyDialect } from './journey-dialect';
import { resolvedEventsSql } from './resolved-events';

/**
 * Behaviour events: tracks, pages and screens. Identify, alias and group carry no event name,
 * and a name test is much cheaper than a test of the type on millions of rows.
 */
export const BEHAVIOUR = (alias: string) =>
  `(${alias}.event IS NOT NULL OR ${alias}.type IN ('page', 'screen'))`;
/** Profiles a query may list inline; more belong in a segment. */
export const MAX_SCOPE_PROFILES = 10_000;

export interface ScopeSql {
  params: Record<string, string | number>;
  /** Placeholders of the project id and the range bounds (TIMESTAMP expressions). */
  p: string;
  start: string;
  end: string;
  /** Whether a segment or profile list narrows the sessions. */
  filtered: boolean;
  /** SQL condition on a profile id column: in the segment / the listed profiles. */
  profileCondition(column: string): string;
  /** CTE `kept_sessions(session_id)` of the wanted profiles' sessions in [start, end); '' when unfiltered. */
  keptSessionsCte(end?: string): string;
  /** Condition on an events alias: behaviour events of the project in [start, end). */
  eventsIn(alias: string, end?: string): string;
  /** The same for queries that name the events they want: no test of the type needed. */
  namedEventsIn(alias: string, end?: string): string;
  /** Condition on an events alias: its session is kept ('TRUE' when unfiltered). */
  sessionKept(alias: string): string;
}

/**
 * The scope of a journey query.
 *
 * @example const s = journeyScope(query, duckdbJourneyDialect); `SELECT ... FROM events e WHERE ${s.eventsIn('e')}`
 */
export function journeyScope(q: JourneyScope, d: JourneyDialect): ScopeSql {
  if (!(q.range.endMs > q.range.startMs)) throw new RangeError('the range is empty');
  if (q.profileIds !== undefined && q.profileIds.length > MAX_SCOPE_PROFILES)
    throw new RangeError(`at most ${MAX_SCOPE_PROFILES} profiles; use a segment for more`);
  const params: Record<string, string | number> = {
    projectId: q.projectId,
    startMs: q.range.startMs,
    endMs: q.range.endMs,
  };
  const p = d.param('projectId', 'string');
  const start = d.timestampFromMs(d.param('startMs', 'int'));
  const end = d.timestampFromMs(d.param('endMs', 'int'));
  const conditions: string[] = [];
  if (q.segmentId !== undefined) {
    params.segmentId = q.segmentId;
    conditions.push(
      `IN (SELECT profile_id FROM segment_memberships WHERE project_id = ${p} AND segment_id = ${d.param('segmentId', 'string')} AND left_at IS NULL)`,
    );
  }
  if (q.profileIds !== undefined)
    conditions.push(
      q.profileIds.length ? `IN (${q.profileIds.map((id) => d.literal(id)).join(', ')})` : 'IN (NULL)',
    );
  const filtered = conditions.length > 0;
  const namedEventsIn = (a: string, until = end) =>
    `${a}.project_id = ${p} AND ${a}.ts >= ${start} AND ${a}.ts < ${until} AND ${a}.session_id IS NOT NULL`;
  const eventsIn = (a: string, until = end) => `${namedEventsIn(a, until)} AND ${BEHAVIOUR(a)}`;
  return {
    params,
    p,
    start,
    end,
    filtered,
    profileCondition: (column) => conditions.map((c) => `${column} ${c}`).join(' AND ') || 'TRUE',
    keptSessionsCte: (until = end) => {
      if (!filtered) return '';
      const pairs = `(SELECT project_id, user_id, anonymous_id, session_id FROM events x WHERE ${eventsIn('x', until)}
      GROUP BY project_id, user_id, anonymous_id, session_id)`;
      const resolved = resolvedEventsSql(d, { projectParam: p, source: pairs, columns: 'e.session_id' });
      return `kept_sessions AS (
  SELECT DISTINCT r.session_id AS session_id FROM ${resolved} r
  WHERE ${conditions.map((c) => `r.profile_id ${c}`).join(' AND ')}
)`;
    },
    eventsIn,
    namedEventsIn,
    sessionKept: (a) => (filtered ? `${a}.session_id IN (SELECT session_id FROM kept_sessions)` : 'TRUE'),
  };
}

/** `WITH a, b` of the non-empty CTEs, or '' when there are none. */
export function withCtes(ctes: readonly string[]): string {
  const present = ctes.filter((c) => c !== '');
  return present.length ? `WITH ${present.join(',\n')}\n` : '';
}
