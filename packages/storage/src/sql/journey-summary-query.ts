// Builds the journey-summary queries (pure: no I/O): sessions by entry marketing channel,
// landing page type and outcome; top search terms; top viewed products; top viewed categories.
// Shares and rates are derived in packages/analyses/src/journeys/journey-summary.ts.
//
// A session's entry is its first event in the range (its landing event carries the UTM tags
// and the referrer). Its outcome, first match wins: order (an Order Completed that was not
// cancelled), cart_abandoned (a Product Added), bounce (a single event), browse. Sessions are
// first grouped by their raw landing and outcome, and only those groups are classified, so
// the channel and page-type rules run a few thousand times, not once per session or event.
import type { JourneySummaryQuery } from '../journey-store';
import { CART_EVENT } from './customer-kpi-query';
import type { CompiledQuery } from './dialect';
import type { JourneyDialect } from './journey-dialect';
import { landingCtes } from './journey-landing';
import { landingChannelsSql, pageTypeSql } from './journey-rules';
import { journeyScope, type ScopeSql, withCtes } from './journey-scope';
import { ORDER_CANCELLED, ORDER_COMPLETED } from './overview-query';

/** Views of these events (and any page) count as viewing their category. */
export const CATEGORY_VIEW_EVENTS = ['Product Viewed', 'Product List Viewed', 'Product List Filtered'];

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
export function buildSessionOutcomesQuery(q: JourneySummaryQuery, d: JourneyDialect): CompiledQuery {
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
export function buildSearchTermsQuery(q: JourneySummaryQuery, d: JourneyDialect): CompiledQuery {
  const s = journeyScope(q, d);
  const sql = `${withCtes([s.keptSessionsCte(), convertingCte(s)])}
SELECT lower(trim(e.query)) AS term, count(*) AS searches, ${d.countDistinct('e.session_id')} AS sessions,
       ${d.countDistinct('c.session_id')} AS converting_sessions
FROM ${withConverting(s, "e.query IS NOT NULL AND trim(e.query) <> ''")}
GROUP BY 1 ORDER BY searches DESC, term LIMIT ${limitOf(q)}`;
  return { sql, params: s.params };
}

/** Rows (product_id, title, views, sessions, cart_sessions, converting_sessions), most viewed first. */
export function buildViewedProductsQuery(q: JourneySummaryQuery, d: JourneyDialect): CompiledQuery {
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
export function buildViewedCategoriesQuery(q: JourneySummaryQuery, d: JourneyDialect): CompiledQuery {
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
