// The journey queries as they were first written, kept as the reference the fast builders of
// src/sql are tested against (duckdb-journey-equivalence.test.ts): the summary as four plain
// groupings (sessions by landing, then terms, products and categories each with its distinct
// sessions), the funnel as one grouped join per step over the matching events. Slow on 10M
// events, straightforward to read: the fast queries must give exactly their answers.
import type { FunnelStep } from '@centric/contracts';
import type { DuckDbDatabase } from '../duckdb/duckdb-database';
import type { FunnelQuery, JourneySummaryFigures, JourneySummaryQuery } from '../journey-store';
import { CART_EVENT } from '../sql/customer-kpi-query';
import type { CompiledQuery } from '../sql/dialect';
import { duckdbJourneyDialect, type JourneyDialect } from '../sql/journey-dialect';
import { landingChannelsSql, matchSql, pageTypeSql, stepsOverlap } from '../sql/journey-rules';
import { BEHAVIOUR, journeyScope, type ScopeSql, withCtes } from '../sql/journey-scope';
import { ORDER_CANCELLED, ORDER_COMPLETED } from '../sql/overview-query';
import { resolvedEventsSql } from '../sql/resolved-events';

// The landing CTEs as first written: one grouping per session with string arg_mins.
interface LandingOptions {
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
function landingCtes(
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

/** Views of these events (and any page) count as viewing their category. */
const CATEGORY_VIEW_EVENTS = ['Product Viewed', 'Product List Viewed', 'Product List Filtered'];

/** CTE `converting(session_id)`: the scope's sessions with an order that was not cancelled. */
function convertingCte(s: ScopeSql): string {
  return `converting AS (
  SELECT DISTINCT o.session_id AS session_id FROM events o
  WHERE ${s.eventsIn('o')} AND ${s.sessionKept('o')} AND o.event LIKE 'Order %' AND o.event = '${ORDER_COMPLETED}'
    AND coalesce(o.order_id, o.message_id) NOT IN (
      -- A cancelled order is no sale, whenever it was cancelled (as in the Overview).
      SELECT order_id FROM events
      WHERE project_id = ${s.p} AND event LIKE 'Order %' AND event = '${ORDER_CANCELLED}' AND order_id IS NOT NULL)
)`;
}

/** The scope's events (alias e) with a condition, as a FROM clause. */
const scoped = (s: ScopeSql, where: string) =>
  `events e WHERE ${s.eventsIn('e')} AND ${s.sessionKept('e')} AND ${where}`;
/** The same, each event with its session's order (alias c, NULL when none). */
const withConverting = (s: ScopeSql, where: string) =>
  `events e LEFT JOIN converting c ON c.session_id = e.session_id
WHERE ${s.eventsIn('e')} AND ${s.sessionKept('e')} AND ${where}`;

/**
 * Rows (channel, entry_page_type, outcome, sessions).
 *
 * @example buildSessionOutcomesQuery({ projectId, range, rules, limit: 10 }, duckdbJourneyDialect)
 */
function buildSessionOutcomesQuery(q: JourneySummaryQuery, d: JourneyDialect): CompiledQuery {
  const s = journeyScope(q, d);
  const landing = landingCtes(d, s, {
    extra: { events: 'count(*)', added: `max(CASE WHEN e.event = '${CART_EVENT}' THEN 1 ELSE 0 END)` },
  });
  const pageType = pageTypeSql(d, q.rules.pageTypes, {
    event: "nullif(g.event, '')",
    path: "nullif(g.page_path, '')",
  });
  const sql = `${withCtes([s.keptSessionsCte(), convertingCte(s), landing])},
landing_groups AS (
  SELECT l.source AS source, l.medium AS medium, l.campaign AS campaign, l.referrer AS referrer,
         l.event AS event, l.page_path AS page_path,
         CASE WHEN c.session_id IS NOT NULL THEN 'order' WHEN l.added = 1 THEN 'cart_abandoned'
              WHEN l.events = 1 THEN 'bounce' ELSE 'browse' END AS outcome,
         count(*) AS sessions
  FROM landing l LEFT JOIN converting c ON c.session_id = l.session_id
  GROUP BY 1, 2, 3, 4, 5, 6, 7
),
channels AS (
  ${landingChannelsSql(d, q.rules.channels, 'landing_groups')}
)
SELECT ch.channel AS channel, ${pageType} AS entry_page_type, g.outcome AS outcome, sum(g.sessions) AS sessions
FROM landing_groups g
JOIN channels ch ON ch.source = g.source AND ch.medium = g.medium AND ch.campaign = g.campaign AND ch.referrer = g.referrer
GROUP BY 1, 2, 3`;
  return { sql, params: s.params };
}

/** Rows (term, searches, sessions, converting_sessions), most searched first. */
function buildSearchTermsQuery(q: JourneySummaryQuery, d: JourneyDialect): CompiledQuery {
  const s = journeyScope(q, d);
  const sql = `${withCtes([s.keptSessionsCte(), convertingCte(s)])}
SELECT lower(trim(e.query)) AS term, count(*) AS searches, ${d.countDistinct('e.session_id')} AS sessions,
       ${d.countDistinct('c.session_id')} AS converting_sessions
FROM ${withConverting(s, "e.query IS NOT NULL AND trim(e.query) <> ''")}
GROUP BY 1 ORDER BY searches DESC, term LIMIT ${limitOf(q)}`;
  return { sql, params: s.params };
}

/** Rows (product_id, title, views, sessions, cart_sessions, converting_sessions), most viewed first. */
function buildViewedProductsQuery(q: JourneySummaryQuery, d: JourneyDialect): CompiledQuery {
  const s = journeyScope(q, d);
  const sql = `${withCtes([s.keptSessionsCte(), convertingCte(s)])},
viewed AS (
  SELECT e.product_id AS product_id, e.session_id AS session_id, count(*) AS views
  FROM ${scoped(s, "e.event = 'Product Viewed' AND e.product_id IS NOT NULL")}
  GROUP BY 1, 2
),
added AS (
  SELECT DISTINCT e.product_id AS product_id, e.session_id AS session_id
  FROM ${scoped(s, `e.event = '${CART_EVENT}' AND e.product_id IS NOT NULL`)}
),
top AS (
  SELECT v.product_id AS product_id, sum(v.views) AS views, count(*) AS sessions,
         count(a.session_id) AS cart_sessions, count(c.session_id) AS converting_sessions
  FROM viewed v
  LEFT JOIN added a ON a.product_id = v.product_id AND a.session_id = v.session_id
  LEFT JOIN converting c ON c.session_id = v.session_id
  GROUP BY v.product_id ORDER BY views DESC, product_id LIMIT ${limitOf(q)}
)
SELECT top.*, pr.title AS title
FROM top LEFT JOIN products pr ON pr.project_id = ${s.p} AND pr.product_id = top.product_id
ORDER BY views DESC, product_id`;
  return { sql, params: s.params };
}

/** Rows (category, views, sessions, converting_sessions), most viewed first. */
function buildViewedCategoriesQuery(q: JourneySummaryQuery, d: JourneyDialect): CompiledQuery {
  const s = journeyScope(q, d);
  const views = CATEGORY_VIEW_EVENTS.map((e) => d.literal(e)).join(', ');
  const where = `e.category IS NOT NULL AND e.category <> '' AND (e.type = 'page' OR e.event IN (${views}))`;
  const sql = `${withCtes([s.keptSessionsCte(), convertingCte(s)])}
SELECT e.category AS category, count(*) AS views, ${d.countDistinct('e.session_id')} AS sessions,
       ${d.countDistinct('c.session_id')} AS converting_sessions
FROM ${withConverting(s, where)}
GROUP BY 1 ORDER BY views DESC, category LIMIT ${limitOf(q)}`;
  return { sql, params: s.params };
}

function limitOf(q: JourneySummaryQuery): number {
  if (!Number.isInteger(q.limit) || q.limit < 1 || q.limit > 1000)
    throw new RangeError(`the limit is an integer 1..1000, got ${q.limit}`);
  return q.limit;
}

/** Windows longer than a year are a cohort question, not a funnel. */
const MAX_FUNNEL_WINDOW_MS = 366 * 86_400_000;
/** The quantiles every duration is summarised by (p25, median, p75, p90). */
const DURATION_QUANTILES = [0.25, 0.5, 0.75, 0.9] as const;

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
export function buildReferenceFunnelQuery(q: FunnelQuery, d: JourneyDialect): CompiledQuery {
  validateFunnel(q);
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

function validateFunnel(q: FunnelQuery): void {
  if (q.steps.length < 1 || q.steps.length > 12)
    throw new RangeError(`a funnel has 1..12 steps, got ${q.steps.length}`);
  if (q.steps[0]!.optional) throw new RangeError('the first step of a funnel cannot be optional');
  if (!Number.isInteger(q.windowMs) || q.windowMs < 1 || q.windowMs > MAX_FUNNEL_WINDOW_MS)
    throw new RangeError(`the window is 1 ms .. 366 days, got ${q.windowMs} ms`);
  // Spliced into the SQL text: only known words may pass.
  if (q.breakdown !== undefined && !['marketing_channel', 'channel', 'category'].includes(q.breakdown))
    throw new RangeError(`unknown breakdown "${q.breakdown}"`);
  if (q.entity !== 'session' && q.entity !== 'profile') throw new RangeError(`unknown entity "${q.entity}"`);
}

/** The journey summary by the reference queries, shaped as the store shapes its own. */
export async function referenceSummary(
  db: DuckDbDatabase,
  query: JourneySummaryQuery,
): Promise<JourneySummaryFigures> {
  const run = (build: typeof buildSessionOutcomesQuery) => {
    const { sql, params } = build(query, duckdbJourneyDialect);
    return db.query(sql, params);
  };
  const [sessions, terms, products, categories] = await Promise.all([
    run(buildSessionOutcomesQuery),
    run(buildSearchTermsQuery),
    run(buildViewedProductsQuery),
    run(buildViewedCategoriesQuery),
  ]);
  return {
    sessions: sessions
      .map((r) => ({
        channel: String(r.channel),
        entryPageType: String(r.entry_page_type),
        outcome: String(r.outcome),
        sessions: Number(r.sessions),
      }))
      .sort(
        (a, b) =>
          a.channel.localeCompare(b.channel) ||
          a.entryPageType.localeCompare(b.entryPageType) ||
          a.outcome.localeCompare(b.outcome),
      ),
    searchTerms: terms.map((r) => ({
      term: String(r.term),
      searches: Number(r.searches),
      sessions: Number(r.sessions),
      convertingSessions: Number(r.converting_sessions),
    })),
    products: products.map((r) => ({
      productId: String(r.product_id),
      title: r.title === null || r.title === undefined ? null : String(r.title),
      views: Number(r.views),
      sessions: Number(r.sessions),
      cartSessions: Number(r.cart_sessions),
      convertingSessions: Number(r.converting_sessions),
    })),
    categories: categories.map((r) => ({
      category: String(r.category),
      views: Number(r.views),
      sessions: Number(r.sessions),
      convertingSessions: Number(r.converting_sessions),
    })),
  };
}
