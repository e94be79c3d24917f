// Events with the profile they belong to, as a SQL subquery every customer analysis starts
// from. The profile of an event is the linked profile of its user id, else of its anonymous id,
// else the identity itself ('u:<userId>' or 'a:<anonymousId>'), so a visitor's anonymous
// history joins the customer as soon as the ids are linked, without rewriting events.
import type { Dialect } from './dialect';

export interface ResolvedEventsOptions {
  /** SQL placeholder of the project id parameter. */
  projectParam: string;
  /** Extra condition on the events table (alias e), e.g. "e.event = 'Order Completed'". */
  where?: string;
  /** Columns of e to carry (default all). */
  columns?: string;
  /**
   * Relation read as e instead of the events table: a subquery already grouped by project_id,
   * user_id and anonymous_id resolves each identity pair once instead of every event.
   */
  source?: string;
}

export function resolvedEventsSql(
  d: Dialect,
  { projectParam, where, columns = 'e.*', source = 'events' }: ResolvedEventsOptions,
): string {
  const userKey = d.concat(["'u:'", 'e.user_id']);
  const anonKey = d.concat(["'a:'", 'e.anonymous_id']);
  return `(
  SELECT ${columns},
         coalesce(lu.profile_id, la.profile_id, CASE WHEN e.user_id IS NOT NULL THEN ${userKey} ELSE ${anonKey} END) AS profile_id
  FROM ${source} e
  LEFT JOIN identity_links lu ON lu.project_id = e.project_id AND lu.identity = ${userKey}
  LEFT JOIN identity_links la ON la.project_id = e.project_id AND la.identity = ${anonKey}
  WHERE e.project_id = ${projectParam}${where ? ` AND (${where})` : ''}
)`;
}
