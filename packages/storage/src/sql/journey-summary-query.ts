// Builds the journey-summary queries (pure: no I/O): sessions by entry marketing channel,
// landing page type and outcome; top search terms; top viewed products; top viewed categories.
// Shares and rates are derived in packages/analyses/src/journeys/journey-summary.ts.
//
// A session's entry is its first event in the range (its landing event carries the UTM tags
// and the referrer). Its outcome, first match wins: order (an Order Completed that was not
// cancelled), cart_abandoned (a Product Added), bounce (a single event), browse. Sessions are
// first grouped by their raw landing tags and only then classified, so the channel rules run
// once per distinct landing, not once per session.
import type { JourneySummaryQuery } from '../journey-store';
import { CART_EVENT } from './customer-kpi-query';
import type { CompiledQuery } from './dialect';
import type { JourneyDialect } from './journey-dialect';
import { channelSql, externalHostSql, pageTypeSql } from './journey-rules';
import { journeyScope, type ScopeSql, withCtes } from './journey-scope';
import { ORDER_CANCELLED, ORDER_COMPLETED } from './overview-query';

/** Views of these events (and any page) count as viewing their category. */
export const CATEGORY_VIEW_EVENTS = ['Product Viewed', 'Product List Viewed', 'Product List Filtered'];
const LANDING_FIELDS = ['source', 'medium', 'campaign', 'referrer', 'page_type'] as const;

/** CTEs: kept_sessions (when filtered), ev (the scope's events), converting (sessions with an order). */
function baseCtes(s: ScopeSql): string[] {
  return [
    s.keptSessionsCte(),
    `ev AS (
  SELECT e.session_id, e.ts, e.message_id, e.type, e.event, e.order_id, e.product_id, e.category, e.query,
         e.page_path, e.referrer, e.utm_source, e.utm_medium, e.utm_campaign
  FROM events e WHERE ${s.eventsIn('e')} AND ${s.sessionKept('e')}
)`,
    `converting AS (
  SELECT DISTINCT session_id FROM ev
  WHERE event = '${ORDER_COMPLETED}' AND coalesce(order_id, message_id) NOT IN (
    -- A cancelled order is no sale, whenever it was cancelled (as in the Overview).
    SELECT order_id FROM events
    WHERE project_id = ${s.p} AND event LIKE 'Order %' AND event = '${ORDER_CANCELLED}' AND order_id IS NOT NULL)
)`,
  ];
}

/**
 * Rows (channel, entry_page_type, outcome, sessions).
 *
 * @example buildSessionOutcomesQuery({ projectId, range, rules, limit: 10 }, duckdbJourneyDialect)
 */
export function buildSessionOutcomesQuery(q: JourneySummaryQuery, d: JourneyDialect): CompiledQuery {
  const s = journeyScope(q, d);
  const landing = d.firstRow(
    {
      source: 'utm_source',
      medium: 'utm_medium',
      campaign: 'utm_campaign',
      referrer: 'referrer',
      page_type: pageTypeSql(d, q.rules.pageTypes, { event: 'event', path: 'page_path' }),
    },
    'ts',
  );
  const field = (name: (typeof LANDING_FIELDS)[number]) => d.rowField('landing', LANDING_FIELDS, name);
  const channel = channelSql(d, q.rules.channels, {
    source: 'source',
    medium: 'medium',
    campaign: 'campaign',
    host: 'host',
  });
  const sql = `${withCtes(baseCtes(s))},
session_rows AS (
  SELECT session_id, ${landing} AS landing, count(*) AS events,
         max(CASE WHEN event = '${CART_EVENT}' THEN 1 ELSE 0 END) AS added
  FROM ev GROUP BY session_id
),
landings AS (
  SELECT ${field('source')} AS source, ${field('medium')} AS medium, ${field('campaign')} AS campaign,
         ${externalHostSql(d, field('referrer'), q.rules.channels)} AS host, ${field('page_type')} AS entry_page_type,
         CASE WHEN c.session_id IS NOT NULL THEN 'order' WHEN sr.added = 1 THEN 'cart_abandoned'
              WHEN sr.events = 1 THEN 'bounce' ELSE 'browse' END AS outcome,
         count(*) AS sessions
  FROM session_rows sr LEFT JOIN converting c ON c.session_id = sr.session_id
  GROUP BY 1, 2, 3, 4, 5, 6
)
SELECT ${channel} AS channel, entry_page_type, outcome, sum(sessions) AS sessions
FROM landings GROUP BY 1, 2, 3`;
  return { sql, params: s.params };
}

/** Rows (term, searches, sessions, converting_sessions), most searched first. */
export function buildSearchTermsQuery(q: JourneySummaryQuery, d: JourneyDialect): CompiledQuery {
  const s = journeyScope(q, d);
  const sql = `${withCtes(baseCtes(s))}
SELECT lower(trim(ev.query)) AS term, count(*) AS searches, ${d.countDistinct('ev.session_id')} AS sessions,
       ${d.countDistinct('c.session_id')} AS converting_sessions
FROM ev LEFT JOIN converting c ON c.session_id = ev.session_id
WHERE ev.query IS NOT NULL AND trim(ev.query) <> ''
GROUP BY 1 ORDER BY searches DESC, term LIMIT ${limitOf(q)}`;
  return { sql, params: s.params };
}

/** Rows (product_id, title, views, sessions, cart_sessions, converting_sessions), most viewed first. */
export function buildViewedProductsQuery(q: JourneySummaryQuery, d: JourneyDialect): CompiledQuery {
  const s = journeyScope(q, d);
  const sql = `${withCtes(baseCtes(s))},
viewed AS (
  SELECT product_id, session_id, count(*) AS views FROM ev
  WHERE event = 'Product Viewed' AND product_id IS NOT NULL GROUP BY product_id, session_id
),
added AS (
  SELECT DISTINCT product_id, session_id FROM ev WHERE event = '${CART_EVENT}' AND product_id IS NOT NULL
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
  const sql = `${withCtes(baseCtes(s))}
SELECT ev.category AS category, count(*) AS views, ${d.countDistinct('ev.session_id')} AS sessions,
       ${d.countDistinct('c.session_id')} AS converting_sessions
FROM ev LEFT JOIN converting c ON c.session_id = ev.session_id
WHERE ev.category IS NOT NULL AND ev.category <> '' AND (ev.type = 'page' OR ev.event IN (${views}))
GROUP BY 1 ORDER BY views DESC, category LIMIT ${limitOf(q)}`;
  return { sql, params: s.params };
}

function limitOf(q: JourneySummaryQuery): number {
  if (!Number.isInteger(q.limit) || q.limit < 1 || q.limit > 1000)
    throw new RangeError(`the limit is an integer 1..1000, got ${q.limit}`);
  return q.limit;
}
