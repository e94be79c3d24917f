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
// Shape, for speed on 10M events: one scan gives each event that matches a step a bit mask of
// the steps it matches (bit k for step k, from lookups of its name and category and, when a
// step asks for a page type, one CASE over its path); one grouping per entity keeps its entry
// time (the first step-1 event in the range) and, per later step, the list of its matching
// events' times in microseconds since the range start (steps with the same matchers share a
// list). The chain is then walked on those short lists, one step after the other: step k's time
// is the smallest element of its list at or after the time of the step before it and within
// the window. No event is joined to another (the former shape joined each step's events to the
// entities of the step before), and a profile's events are grouped by identity pair first (a
// few hundred thousand pairs, each resolved to its profile once), their lists joined per
// profile afterwards.
import type { FunnelStep } from '@centric/contracts';
import type { FunnelQuery } from '../journey-store';
import type { CompiledQuery } from './dialect';
import type { JourneyDialect } from './journey-dialect';
import { landingCtes } from './journey-landing';
import { landingChannelsSql, matchPrefilterSql, stepMaskSql, stepsOverlap } from './journey-rules';
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
  const n = steps.length;
  const windowEnd = d.addMs(s.end, d.param('windowMs', 'int'));
  const profiles = q.entity === 'profile';
  // Each event's steps as bits, step k bit k (the page type read from the path only when a step
  // asks for one).
  const mask = stepMaskSql(
    d,
    steps.map((st) => st.match),
    { event: 'e.event', path: 'e.page_path', category: 'e.category', pageTypes: q.rules.pageTypes },
  );
  // After a first step that takes any event, every event of the entity is at or after its
  // entry: a step measured against the entry is then simply its earliest event, a minimum, not
  // a list (the journey phases' discovery). The other steps after the first read their times
  // from lists; steps with the same matchers share one.
  const anyFirst = steps[0]!.match.some((m) => m.kind === 'any');
  const byMin = new Set(
    steps
      .map((_, k) => k)
      .filter(
        (k) =>
          k > 0 &&
          anyFirst &&
          previousRequired(steps, k) === 0 &&
          !stepsOverlap(steps[0]!.match, steps[k]!.match),
      ),
  );
  const listOf = steps.map((st, k) => (k === 0 || byMin.has(k) ? null : JSON.stringify(st.match)));
  const lists = [...new Set(listOf.filter((key) => key !== null))].map((key) => listOf.indexOf(key));
  const listName = (k: number) => `l${listOf.indexOf(listOf[k]!)}`;
  /** Per entity: its lists and minima, each an aggregate over the events (alias e) named after it. */
  const stepColumns = [
    ...[...byMin].map((k) => [`m${k}`, d.filtered('min(e.t)', `(e.mask & ${2 ** k}) <> 0`), 'min'] as const),
    ...lists.map((k) => [`l${k}`, d.filtered(d.listOf('e.t'), `(e.mask & ${2 ** k}) <> 0`), 'list'] as const),
  ];
  const breakdownExpr =
    q.breakdown === 'channel'
      ? 'e.channel'
      : q.breakdown === 'category'
        ? "coalesce(e.category, '')"
        : q.breakdown === 'marketing_channel'
          ? 'e.session_id'
          : "''";
  // Only events that can match a step are read on: when every step names its events, one list
  // of names picks them and no type test is needed; otherwise a cheap superset of each step's
  // events (a page type narrowed by event names only: see matchPrefilterSql).
  const named = steps.every((st) => st.match.every((m) => m.kind === 'event'));
  const names = [...new Set(steps.flatMap((st) => st.match.map((m) => (m.kind === 'event' ? m.value : ''))))];
  const anyStep = steps.some((st) => st.match.some((m) => m.kind === 'any'));
  const rawFlags = named
    ? d.inList(
        'e.event',
        names.map((v) => d.literal(v)),
      )
    : anyStep
      ? 'TRUE'
      : `(${steps
          .map((st) =>
            matchPrefilterSql(d, st.match, {
              event: 'e.event',
              category: 'e.category',
              pageTypes: q.rules.pageTypes,
            }),
          )
          .join(' OR ')})`;
  const eventsIn = named ? s.namedEventsIn : s.eventsIn;
  const where = profiles
    ? `e.project_id = ${s.p} AND e.ts >= ${s.start} AND e.ts < ${windowEnd}${named ? '' : ` AND ${BEHAVIOUR('e')}`} AND ${rawFlags}`
    : `${eventsIn('e', windowEnd)} AND ${s.sessionKept('e')} AND ${rawFlags}`;
  const keys = profiles ? 'e.user_id AS user_id, e.anonymous_id AS anonymous_id' : 'e.session_id AS entity';
  const source = `(SELECT e.* FROM events e WHERE ${where}) e`;
  // Microseconds since the range start: exact to the stored precision, so "at or after" and
  // "strictly after" compare as the timestamps do.
  const time = `(${d.epochUs('e.ts')} - CAST(${d.param('startMs', 'int')} AS BIGINT) * 1000)`;
  // Entries are step-1 events before the range end (later events only complete steps); the
  // range end as microseconds since its start.
  const entered = `(e.mask & 1) <> 0 AND e.t < (CAST(${d.param('endMs', 'int')} AS BIGINT) - CAST(${d.param('startMs', 'int')} AS BIGINT)) * 1000`;
  // The breakdown value of the entry event; a session entering by marketing channel is its own.
  const byLanding = q.breakdown === 'marketing_channel';
  const entryBreakdown =
    q.breakdown === undefined
      ? "''"
      : byLanding && !profiles
        ? 'e.entity'
        : d.filtered(d.argMin('e.bd', 'e.t'), entered);
  const ctes: string[] = [
    profiles ? '' : s.keptSessionsCte(windowEnd),
    `steps AS (
  SELECT ${keys}, ${time} AS t, ${entryBreakdown.includes('e.bd') ? `${breakdownExpr} AS bd, ` : ''}${mask} AS mask
  FROM ${source}
)`,
    `${profiles ? 'pairs' : 'entities'} AS ${byLanding && !profiles ? d.materialized : ''}(
  SELECT ${profiles ? 'e.user_id AS user_id, e.anonymous_id AS anonymous_id' : 'e.entity AS entity'},
         ${[
           `${d.filtered('min(e.t)', entered)} AS t0`,
           `${entryBreakdown} AS bd`,
           ...stepColumns.map(([name, agg]) => `${agg} AS ${name}`),
         ].join(',\n         ')}
  FROM steps e GROUP BY ${profiles ? 'e.user_id, e.anonymous_id' : 'e.entity'}
)`,
  ];
  if (profiles) {
    // Each identity pair resolved through identity_links once; a profile's pairs joined after.
    const resolved = resolvedEventsSql(d, {
      projectParam: s.p,
      source: `(SELECT ${s.p} AS project_id, * FROM pairs)`,
      columns: ['e.t0', 'e.bd', ...stepColumns.map(([name]) => `e.${name}`)].join(', '),
    });
    ctes.push(`entities AS ${byLanding ? d.materialized : ''}(
  SELECT ${[
    'r.profile_id AS entity',
    'min(r.t0) AS t0',
    `${q.breakdown === undefined ? "''" : d.argMin('r.bd', 'r.t0')} AS bd`,
    ...stepColumns.map(([name, , kind]) =>
      kind === 'min' ? `min(r.${name}) AS ${name}` : `${d.listFlatten(d.listOf(`r.${name}`))} AS ${name}`,
    ),
  ].join(',\n         ')}
  FROM ${resolved} r
  WHERE ${s.profileCondition('r.profile_id')}
  GROUP BY r.profile_id
)`);
  }
  if (byLanding) {
    // The channel of the session the entrant entered in, from that session's landing event.
    ctes.push(
      landingCtes(d, s, {
        allSessions: true,
        sessionsIn: 'SELECT bd FROM entities WHERE t0 IS NOT NULL',
      }),
      `landing_channels AS (
  ${landingChannelsSql(d, q.rules.channels, 'landing')}
)`,
      `chain0 AS (
  SELECT en.entity AS entity, en.t0 AS t0, ${stepColumns.map(([name]) => `en.${name} AS ${name}, `).join('')}coalesce(lc.channel, 'direct') AS bd
  FROM entities en
  LEFT JOIN landing l ON l.session_id = en.bd
  LEFT JOIN landing_channels lc ON lc.source = l.source AND lc.medium = l.medium AND lc.campaign = l.campaign
    AND lc.referrer = l.referrer
  WHERE en.t0 IS NOT NULL
)`,
    );
  } else {
    ctes.push(
      `chain0 AS (SELECT entity, t0, ${stepColumns.map(([name]) => `${name}, `).join('')}coalesce(bd, '') AS bd FROM entities WHERE t0 IS NOT NULL)`,
    );
  }
  // Step k after the last required step j before it, within the window after the entry.
  const window = `CAST(${d.param('windowMs', 'int')} AS BIGINT) * 1000`;
  const at = (k: number) => (k === 0 ? 't0' : `t${k}`);
  for (let k = 1; k < n; k++) {
    const j = previousRequired(steps, k);
    const from = stepsOverlap(steps[j]!.match, steps[k]!.match) ? `${at(j)} + 1` : at(j);
    const first = byMin.has(k)
      ? `CASE WHEN m${k} <= t0 + ${window} THEN m${k} END`
      : d.listMinWhere(listName(k), 'x', `x >= ${from} AND x <= t0 + ${window}`);
    ctes.push(`chain${k} AS (
  SELECT *, CASE WHEN ${at(j)} IS NOT NULL THEN ${first} END AS ${at(k)} FROM chain${k - 1}
)`);
  }
  ctes.push(
    `chain AS ${d.materialized}(SELECT bd, ${steps.map((_, k) => at(k)).join(', ')} FROM chain${n - 1})`,
  );
  const ps = [...DURATION_QUANTILES];
  // Durations in milliseconds as the timestamps' epoch_ms would give them (both truncated).
  const ms = (t: string) => `(${t} // 1000)`;
  const figures = (k: number) => {
    const t = at(k);
    const tp = at(previousRequired(steps, k));
    const prev = k === 0 ? '0' : `${ms(t)} - ${ms(tp)}`;
    const entry = `${ms(t)} - ${ms('t0')}`;
    const only = (expr: string) => `CASE WHEN ${t} IS NOT NULL THEN ${expr} END`;
    return [
      `${k} AS step`,
      `count(${t}) AS reached`,
      `${d.quantiles(only(prev), ps)} AS q_prev`,
      `avg(${only(prev)}) AS m_prev`,
      `${d.quantiles(only(entry), ps)} AS q_entry`,
      `avg(${only(entry)}) AS m_entry`,
    ].join(', ');
  };
  const selects = steps.flatMap((_, k) => [
    `SELECT 1 AS is_total, NULL AS value, ${figures(k)} FROM chain`,
    ...(q.breakdown ? [`SELECT 0 AS is_total, bd AS value, ${figures(k)} FROM chain GROUP BY bd`] : []),
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
