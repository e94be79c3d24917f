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
  const tagged =
    '(e.utm_source IS NOT NULL OR e.utm_medium IS NOT NULL OR e.utm_campaign IS NOT NULL OR e.referrer IS NOT NULL)';
  // The tags are read from tagged events only (most events carry none) and count when the
  // earliest tagged event is the session's earliest event; the landing page's event and path
  // are two plain arg_mins. Both far cheaper on millions of events than one wide arg_min.
  const tags = d.filtered(
    d.firstRow(
      { source: 'e.utm_source', medium: 'e.utm_medium', campaign: 'e.utm_campaign', referrer: 'e.referrer' },
      'e.ts',
    ),
    tagged,
  );
  const extras = Object.entries(extra);
  const tag = (f: string) =>
    `CASE WHEN tagged_ts = first_ts THEN coalesce(${d.rowField('tags', ['source', 'medium', 'campaign', 'referrer'], f)}, '') ELSE '' END AS ${f}`;
  return `landing_rows AS (
  SELECT e.session_id AS session_id, min(e.ts) AS first_ts, ${d.filtered('min(e.ts)', tagged)} AS tagged_ts, ${tags} AS tags,
         ${d.argMin("coalesce(e.event, '')", 'e.ts')} AS event, ${d.argMin("coalesce(e.page_path, '')", 'e.ts')} AS page_path${extras
           .map(([name, agg]) => `, ${agg} AS ${name}`)
           .join('')}
  FROM events e WHERE ${s.eventsIn('e')}${allSessions ? '' : ` AND ${s.sessionKept('e')}`}
  GROUP BY e.session_id
),
landing AS (
  SELECT session_id, ${['source', 'medium', 'campaign', 'referrer'].map(tag).join(', ')}, event, page_path${extras
    .map(([name]) => `, ${name}`)
    .join('')}
  FROM landing_rows
)`;
}
