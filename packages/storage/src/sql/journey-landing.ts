// Each session's landing: its first event in the range, whose UTM tags and referrer say where
// the session came from (pure: no I/O). Shared by the journey summary and the funnel breakdown
// by marketing channel.
import type { JourneyDialect } from './journey-dialect';
import type { ScopeSql } from './journey-scope';

/** Columns of the landing CTE besides session_id, '' where the landing event had none. */
export const LANDING_FIELDS = ['source', 'medium', 'campaign', 'referrer', 'event', 'page_path'] as const;

export interface LandingOptions {
  /** Aggregates over each session's events (alias e), by column name. */
  extra?: Readonly<Record<string, string>>;
  /** Read every session of the range, also those a segment filter leaves out (default false). */
  allSessions?: boolean;
}

/**
 * CTEs `landing_rows` and `landing(session_id, source, medium, campaign, referrer, event,
 * page_path, ...extra)` over the scope's sessions.
 *
 * @example landingCtes(d, scope, { extra: { events: 'count(*)' } })
 */
export function landingCtes(
  d: JourneyDialect,
  s: ScopeSql,
  { extra = {}, allSessions = false }: LandingOptions = {},
): string {
  const raw: Record<(typeof LANDING_FIELDS)[number], string> = {
    source: 'e.utm_source',
    medium: 'e.utm_medium',
    campaign: 'e.utm_campaign',
    referrer: 'e.referrer',
    event: 'e.event',
    page_path: 'e.page_path',
  };
  // One struct per session taken at its earliest event: the fields come from the same event.
  const first = d.firstRow(
    Object.fromEntries(LANDING_FIELDS.map((f) => [f, `coalesce(${raw[f]}, '')`])),
    'e.ts',
  );
  const extras = Object.entries(extra);
  return `landing_rows AS (
  SELECT e.session_id AS session_id, ${first} AS l${extras.map(([name, agg]) => `, ${agg} AS ${name}`).join('')}
  FROM events e WHERE ${s.eventsIn('e')}${allSessions ? '' : ` AND ${s.sessionKept('e')}`}
  GROUP BY e.session_id
),
landing AS (
  SELECT session_id, ${LANDING_FIELDS.map((f) => `${d.rowField('l', LANDING_FIELDS, f)} AS ${f}`).join(', ')}${extras
    .map(([name]) => `, ${name}`)
    .join('')}
  FROM landing_rows
)`;
}
