// Each session's landing: its first event in the range, whose UTM tags and referrer say where
// the session came from (pure: no I/O). Shared by the journey summary and the funnel breakdown
// by marketing channel.
//
// Of events at the same first instant a tagged one is the landing (the tags then count, as they
// would if it had come a moment earlier). The grouping per session keeps the landing as one
// integer, the row id of that event, and the landing's text columns are read back for those
// rows only: grouping millions of events with string-valued aggregates (a first row's tags,
// event and path) costs several times more than with integer ones.
import type { JourneyDialect } from './journey-dialect';
import type { ScopeSql } from './journey-scope';

/** Columns of the landing CTE besides session_id, '' where the landing event had none. */
export const LANDING_FIELDS = ['source', 'medium', 'campaign', 'referrer', 'event', 'page_path'] as const;

export interface LandingOptions {
  /** Aggregates over each session's events (alias e), by column name; carried into `landing`. */
  extra?: Readonly<Record<string, string>>;
  /** Read every session of the range, also those a segment filter leaves out (default false). */
  allSessions?: boolean;
  /** A query of the session ids whose landing is wanted (default all): spares grouping the others. */
  sessionsIn?: string;
  /** Keep landing_rows once for several readers (default false). */
  materialized?: boolean;
  /** Columns worked out once per event (alias e) for the extra aggregates to read as e.<name>. */
  columns?: Readonly<Record<string, string>>;
}

/**
 * CTEs `landing_rows(session_id, landing_row, ...extra)` and `landing(session_id, source,
 * medium, campaign, referrer, event, page_path, ...extra)` over the scope's sessions.
 *
 * @example landingCtes(d, scope, { extra: { events: 'count(*)' } })
 */
export function landingCtes(
  d: JourneyDialect,
  s: ScopeSql,
  { extra = {}, allSessions = false, sessionsIn, materialized = false, columns = {} }: LandingOptions = {},
): string {
  const tagged =
    '(e.utm_source IS NOT NULL OR e.utm_medium IS NOT NULL OR e.utm_campaign IS NOT NULL OR e.referrer IS NOT NULL)';
  const key = `${d.epochUs('e.ts')} * 2 + CASE WHEN ${tagged} THEN 0 ELSE 1 END`;
  const extras = Object.entries(extra);
  const where = `${s.eventsIn('e')}${allSessions ? '' : ` AND ${s.sessionKept('e')}`}${
    sessionsIn === undefined ? '' : ` AND e.session_id IN (${sessionsIn})`
  }`;
  const inner = Object.keys(columns).length > 0;
  const text = (column: string, as: string) => `coalesce(l.${column}, '') AS ${as}`;
  return `landing_rows AS ${materialized ? d.materialized : ''}(
  SELECT e.session_id AS session_id, ${d.argMin(inner ? 'e.row_id' : d.rowId('e'), key)} AS landing_row${extras
    .map(([name, agg]) => `, ${agg} AS ${name}`)
    .join('')}
  FROM ${
    inner
      ? `(SELECT e.*, ${d.rowId('e')} AS row_id, ${Object.entries(columns)
          .map(([name, expr]) => `${expr} AS ${name}`)
          .join(', ')} FROM events e WHERE ${where}) e`
      : `events e WHERE ${where}`
  }
  GROUP BY e.session_id
),
landing AS (
  SELECT r.session_id AS session_id, ${text('utm_source', 'source')}, ${text('utm_medium', 'medium')},
         ${text('utm_campaign', 'campaign')}, ${text('referrer', 'referrer')}, ${text('event', 'event')},
         ${text('page_path', 'page_path')}${extras.map(([name]) => `, r.${name} AS ${name}`).join('')}
  FROM landing_rows r JOIN events l ON ${d.rowId('l')} = r.landing_row
)`;
}
