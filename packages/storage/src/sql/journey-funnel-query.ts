// Builds the ordered-funnel query (pure: no I/O) for sessions or profiles, with optional steps,
// a conversion window, time-to-convert quantiles and a breakdown. Shaping into the report
// (conversion between steps, drop-off, comparison) is in packages/analyses/src/journeys.
//
// Semantics: an entity enters at its first step-1 event in the range. Required step k is
// reached at the first matching event at or after the time the last required step before it
// was reached (strictly after when both steps name the same event, so a repeat order is a
// second order), and no later than the window after the entry. Optional steps are counted the
// same way against the last required step before them, but the chain never waits for them.
//
// Shape, for speed and for ClickHouse 18.16 (no window functions): one scan keeps the events
// that match any step, with one flag per step; then one grouped join per step walks the chain
// (entity = entity, time after the previous step), each over that step's events only.
import type { FunnelStep } from '@centric/contracts';
import type { FunnelQuery } from '../journey-store';
import type { CompiledQuery } from './dialect';
import type { JourneyDialect } from './journey-dialect';
import { landingCtes } from './journey-landing';
import { landingChannelsSql, matchSql, pageTypeSql, stepsOverlap } from './journey-rules';
import { BEHAVIOUR, journeyScope, withCtes } from './journey-scope';
import { resolvedEventsSql } from './resolved-events';

export const MAX_FUNNEL_STEPS = 12;
/** Windows longer than a year are a cohort question, not a funnel. */
export const MAX_FUNNEL_WINDOW_MS = 366 * 86_400_000;
/** The quantiles every duration is summarised by (p25, median, p75, p90). */
export const DURATION_QUANTILES = [0.25, 0.5, 0.75, 0.9] as const;

function previousRequired(steps: readonly FunnelStep[], k: number): number {
  for (let i = k - 1; i >= 0; i--) if (!steps[i]!.optional) return i;
  return 0;
}

/**
 * Rows (is_total, value, step, reached, q_prev, m_prev, q_entry, m_entry), one per step (and
 * breakdown value): entities that reached the step, and quantiles (a list in the order of
 * DURATION_QUANTILES) and mean of the time since the last required step before it and since
 * the entry. The total rows (is_total 1) are always there, also when nobody entered.
 *
 * @example buildFunnelQuery({ projectId, range, rules, steps, windowMs: 86_400_000, entity: 'session' }, duckdbJourneyDialect)
 */
export function buildFunnelQuery(q: FunnelQuery, d: JourneyDialect): CompiledQuery {
  validate(q);
  const s = journeyScope(q, d);
  const params: Record<string, string | number> = { ...s.params, windowMs: q.windowMs };
  const steps = q.steps;
  const windowEnd = d.addMs(s.end, d.param('windowMs', 'int'));
  const profiles = q.entity === 'profile';
  // A page type is one CASE over many rules: worked out once per event, and only when a step asks.
  const needsPageType = steps.some((st) => st.match.some((m) => m.kind === 'page_type'));
  const cols = {
    event: 'e.event',
    path: 'e.page_path',
    category: 'e.category',
    pageTypes: q.rules.pageTypes,
    ...(needsPageType ? { pageType: 'e.page_type' } : {}),
  };
  const flags = steps.map((st) => matchSql(d, st.match, cols));
  const breakdownExpr =
    q.breakdown === 'channel'
      ? 'e.channel'
      : q.breakdown === 'category'
        ? "coalesce(e.category, '')"
        : q.breakdown === 'marketing_channel'
          ? 'e.session_id'
          : "''";
  const entity = profiles ? 'e.profile_id' : 'e.session_id';
  // The columns m reads, from the events (alias a), with the page type when a step needs it.
  const columns = (a: string) =>
    `${a}.ts AS ts, ${a}.session_id AS session_id, ${a}.channel AS channel, ${a}.category AS category, ${a}.event AS event${
      needsPageType
        ? `, ${pageTypeSql(d, q.rules.pageTypes, { event: `${a}.event`, path: `${a}.page_path` })} AS page_type`
        : ''
    }`;
  // Without page types the step tests run on the raw events, so fewer are resolved or kept;
  // when every step names its events, one IN list picks them and no type test is needed.
  const named = steps.every((st) => st.match.every((m) => m.kind === 'event'));
  const names = [...new Set(steps.flatMap((st) => st.match.map((m) => (m.kind === 'event' ? m.value : ''))))];
  const rawFlags = named
    ? `e.event IN (${names.map((n) => d.literal(n)).join(', ')})`
    : needsPageType
      ? 'TRUE'
      : `(${flags.join(' OR ')})`;
  const eventsIn = named ? s.namedEventsIn : s.eventsIn;
  // Profiles: the identity pairs (user id, anonymous id) of the range are resolved through
  // identity_links once each, and the events join their pair: far fewer lookups than events.
  const profileWhere = `e.project_id = ${s.p} AND e.ts >= ${s.start} AND e.ts < ${windowEnd}${named ? '' : ` AND ${BEHAVIOUR('e')}`} AND ${rawFlags}`;
  const profilePairs = `profile_pairs AS (
  SELECT r.user_id AS user_id, r.anonymous_id AS anonymous_id, r.profile_id AS profile_id
  FROM ${resolvedEventsSql(d, {
    projectParam: s.p,
    source: `(SELECT DISTINCT e.project_id, e.user_id, e.anonymous_id FROM events e WHERE ${profileWhere})`,
    columns: 'e.user_id, e.anonymous_id',
  })} r
  WHERE ${s.profileCondition('r.profile_id')}
)`;
  const source = profiles
    ? `(SELECT r.profile_id AS profile_id, ${columns('e')}
    FROM events e JOIN profile_pairs r
      ON ${d.nullSafeEquals('r.user_id', 'e.user_id')} AND ${d.nullSafeEquals('r.anonymous_id', 'e.anonymous_id')}
    WHERE ${profileWhere}) e`
    : `(SELECT ${columns('e')} FROM events e WHERE ${eventsIn('e', windowEnd)} AND ${s.sessionKept('e')} AND ${rawFlags}) e`;
  const ctes: string[] = [
    profiles ? profilePairs : s.keptSessionsCte(windowEnd),
    `m AS (
  SELECT ${entity} AS entity, e.ts AS ts, ${breakdownExpr} AS bd,
         ${flags.map((f, i) => `${f} AS f${i}`).join(',\n         ')}
  FROM ${source}${
    // A step that takes any event keeps every event: no test to run.
    steps.some((st) => st.match.some((m) => m.kind === 'any')) ? '' : `\n  WHERE ${flags.join(' OR ')}`
  }
)`,
    `entry AS (
  SELECT entity, min(ts) AS t0, ${d.argMin('bd', 'ts')} AS bd
  FROM m WHERE f0 AND ts < ${s.end} GROUP BY entity
)`,
  ];
  if (q.breakdown === 'marketing_channel') {
    // The channel of the session the entrant entered in, from that session's landing event.
    ctes.push(
      landingCtes(d, s, { allSessions: true }),
      `landing_channels AS (
  ${landingChannelsSql(d, q.rules.channels, 'landing')}
)`,
      `c0 AS (
  SELECT en.entity AS entity, en.t0 AS t0, en.t0 AS tp, en.t0 AS t, coalesce(lc.channel, 'direct') AS bd
  FROM entry en
  LEFT JOIN landing l ON l.session_id = en.bd
  LEFT JOIN landing_channels lc ON lc.source = l.source AND lc.medium = l.medium AND lc.campaign = l.campaign
    AND lc.referrer = l.referrer
)`,
    );
  } else {
    ctes.push(`c0 AS (SELECT entity, t0, t0 AS tp, t0 AS t, coalesce(bd, '') AS bd FROM entry)`);
  }
  // Each step joins the entities of the last required step before it with its own events;
  // the entry time, the breakdown value and the time of the step before travel along.
  for (let k = 1; k < steps.length; k++) {
    const j = previousRequired(steps, k);
    const after = stepsOverlap(steps[j]!.match, steps[k]!.match) ? '>' : '>=';
    ctes.push(`c${k} AS (
  SELECT b.entity AS entity, min(b.t0) AS t0, ${d.anyValue('b.bd')} AS bd, min(b.t) AS tp, min(m.ts) AS t
  FROM c${j} b JOIN m ON m.entity = b.entity
  WHERE m.f${k} AND m.ts ${after} b.t AND m.ts <= ${d.addMs('b.t0', d.param('windowMs', 'int'))}
  GROUP BY b.entity
)`);
  }
  const ps = [...DURATION_QUANTILES];
  const figures = (k: number) =>
    [
      `${k} AS step`,
      'count(*) AS reached',
      `${d.quantiles(d.diffMs('tp', 't'), ps)} AS q_prev`,
      `avg(${d.diffMs('tp', 't')}) AS m_prev`,
      `${d.quantiles(d.diffMs('t0', 't'), ps)} AS q_entry`,
      `avg(${d.diffMs('t0', 't')}) AS m_entry`,
    ].join(', ');
  const selects = steps.flatMap((_, k) => [
    `SELECT 1 AS is_total, NULL AS value, ${figures(k)} FROM c${k}`,
    ...(q.breakdown ? [`SELECT 0 AS is_total, bd AS value, ${figures(k)} FROM c${k} GROUP BY bd`] : []),
  ]);
  return { sql: `${withCtes(ctes)}${selects.join('\nUNION ALL\n')}`, params };
}

function validate(q: FunnelQuery): void {
  if (q.steps.length < 1 || q.steps.length > MAX_FUNNEL_STEPS)
    throw new RangeError(`a funnel has 1..${MAX_FUNNEL_STEPS} steps, got ${q.steps.length}`);
  if (q.steps[0]!.optional) throw new RangeError('the first step of a funnel cannot be optional');
  if (!Number.isInteger(q.windowMs) || q.windowMs < 1 || q.windowMs > MAX_FUNNEL_WINDOW_MS)
    throw new RangeError(`the window is 1 ms .. 366 days, got ${q.windowMs} ms`);
  // Spliced into the SQL text: only known words may pass.
  if (q.breakdown !== undefined && !['marketing_channel', 'channel', 'category'].includes(q.breakdown))
    throw new RangeError(`unknown breakdown "${q.breakdown}"`);
  if (q.entity !== 'session' && q.entity !== 'profile') throw new RangeError(`unknown entity "${q.entity}"`);
}
