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
import { channelSql, externalHostSql, matchSql, stepsOverlap } from './journey-rules';
import { journeyScope, STEP_TYPES, withCtes } from './journey-scope';
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
 * Rows (is_total, value, r0..r{n-1}, q1..q{n-1} (quantile lists), m1..m{n-1} (means), qc, mc):
 * reached per step, durations since the previous required step, and entry-to-conversion time.
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
  const cols = {
    event: 'e.event',
    path: 'e.page_path',
    category: 'e.category',
    pageTypes: q.rules.pageTypes,
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
  const types = STEP_TYPES.map((t) => `'${t}'`).join(', ');
  // Profiles: only the matching events are resolved through identity_links.
  const source = profiles
    ? `${resolvedEventsSql(d, {
        projectParam: s.p,
        where: `e.ts >= ${s.start} AND e.ts < ${windowEnd} AND e.type IN (${types}) AND (${flags.join(' OR ')})`,
        columns: 'e.ts, e.session_id, e.channel, e.category, e.event, e.page_path',
      })} e WHERE ${s.profileCondition('e.profile_id')}`
    : `events e WHERE ${s.eventsIn('e', windowEnd)} AND ${s.sessionKept('e')} AND (${flags.join(' OR ')})`;
  const ctes: string[] = [
    profiles ? '' : s.keptSessionsCte(windowEnd),
    `m AS (
  SELECT ${entity} AS entity, e.ts AS ts, ${breakdownExpr} AS bd,
         ${flags.map((f, i) => `${f} AS f${i}`).join(',\n         ')}
  FROM ${source}
)`,
    `c0 AS (
  SELECT entity, min(ts) AS t0, min(ts) AS t, ${d.argMin('bd', 'ts')} AS bd
  FROM m WHERE f0 AND ts < ${s.end} GROUP BY entity
)`,
  ];
  for (let k = 1; k < n; k++) {
    const j = previousRequired(steps, k);
    const after = stepsOverlap(steps[j]!.match, steps[k]!.match) ? '>' : '>=';
    ctes.push(`c${k} AS (
  SELECT b.entity AS entity, b.t0 AS t0, min(m.ts) AS t
  FROM c${j} b JOIN m ON m.entity = b.entity
  WHERE m.f${k} AND m.ts ${after} b.t AND m.ts <= ${d.addMs('b.t0', d.param('windowMs', 'int'))}
  GROUP BY b.entity, b.t0
)`);
  }
  let bd = 'c0.bd';
  if (q.breakdown === 'marketing_channel') {
    // The channel of the session the entrant entered in, from that session's landing event.
    const fields = ['source', 'medium', 'campaign', 'referrer'] as const;
    const f = (name: (typeof fields)[number]) => d.rowField('l.landing', fields, name);
    ctes.push(`landing AS (
  SELECT session_id, ${d.firstRow({ source: 'utm_source', medium: 'utm_medium', campaign: 'utm_campaign', referrer: 'referrer' }, 'ts')} AS landing
  FROM events x
  WHERE ${s.eventsIn('x')} AND x.session_id IN (SELECT bd FROM c0)
  GROUP BY session_id
)`);
    bd = `coalesce(${channelSql(d, q.rules.channels, {
      source: f('source'),
      medium: f('medium'),
      campaign: f('campaign'),
      host: externalHostSql(d, f('referrer'), q.rules.channels),
    })}, 'direct')`;
  }
  const joins = steps
    .slice(1)
    .map((_, i) => `LEFT JOIN c${i + 1} ON c${i + 1}.entity = c0.entity`)
    .join('\n  ');
  ctes.push(`joined AS (
  SELECT c0.entity AS entity, c0.t0 AS t0, coalesce(${bd}, '') AS bd${steps
    .slice(1)
    .map((_, i) => `, c${i + 1}.t AS t${i + 1}`)
    .join('')}
  FROM c0${q.breakdown === 'marketing_channel' ? '\n  LEFT JOIN landing l ON l.session_id = c0.bd' : ''}
  ${joins}
)`);
  const tOf = (k: number) => (k === 0 ? 't0' : `t${k}`);
  let last = 0;
  for (let k = n - 1; k >= 0; k--)
    if (!steps[k]!.optional) {
      last = k;
      break;
    }
  const ps = [...DURATION_QUANTILES];
  const aggregates = [
    ...steps.map((_, k) => `count(${tOf(k)}) AS r${k}`),
    ...steps.slice(1).flatMap((_, i) => {
      const k = i + 1;
      const dur = d.diffMs(tOf(previousRequired(steps, k)), tOf(k));
      return [`${d.quantiles(dur, ps)} AS q${k}`, `avg(${dur}) AS m${k}`];
    }),
    `${d.quantiles(d.diffMs('t0', tOf(last)), ps)} AS qc`,
    `avg(${d.diffMs('t0', tOf(last))}) AS mc`,
  ].join(',\n       ');
  const total = `SELECT 1 AS is_total, NULL AS value,\n       ${aggregates}\nFROM joined`;
  const grouped = q.breakdown
    ? `\nUNION ALL\nSELECT 0 AS is_total, bd AS value,\n       ${aggregates}\nFROM joined GROUP BY bd`
    : '';
  return { sql: `${withCtes(ctes)}${total}${grouped}`, params };
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
