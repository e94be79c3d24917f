// Builds the journey-summary query (pure: no I/O): sessions by entry marketing channel, landing
// page type and outcome; top search terms; top viewed products; top viewed categories. Shares
// and rates are derived in packages/analyses/src/journeys/journey-summary.ts.
//
// A session's entry is its first event in the range (its landing event carries the UTM tags
// and the referrer; of events at the same first instant a tagged one). Its outcome, first
// match wins: order (an Order Completed that was not cancelled), cart_abandoned (a Product
// Added), bounce (a single event), browse. A term, product or category counts its events
// (searches, views) and its distinct sessions, of which those that added the product to the
// cart and those that converted.
//
// Shape, for speed on 10M events: one statement, in which the events are grouped by session
// once, with integer aggregates only (string-valued ones cost several times more per event):
// the event count, whether it added to the cart, which of the top categories it viewed (bits of
// 64-bit words, top category i is bit i % 64 of word i / 64) and the row of its landing event,
// whose text columns are read afterwards for those rows alone. The top terms, products and
// categories are picked first from plain counts (cheap groupings over a few thousand values);
// distinct sessions per term and product are then counted over the events of the top values
// only, and per category from the few distinct bit patterns of the sessions. Sessions are
// grouped by their raw landing and outcome before the channel and page-type rules run, so
// those run a few thousand times, not once per session.
import type { JourneySummaryQuery } from '../journey-store';
import { CART_EVENT } from './customer-kpi-query';
import type { CompiledQuery } from './dialect';
import type { JourneyDialect } from './journey-dialect';
import { landingCtes } from './journey-landing';
import { landingChannelsSql, pageTypeSql } from './journey-rules';
import { journeyScope, withCtes } from './journey-scope';
import { ORDER_CANCELLED, ORDER_COMPLETED } from './overview-query';

/** Views of these events (and any page) count as viewing their category. */
export const CATEGORY_VIEW_EVENTS = ['Product Viewed', 'Product List Viewed', 'Product List Filtered'];
export const VIEW_EVENT = 'Product Viewed';

/** The kinds of rows the summary query answers. */
export type SummaryRowKind = 'session' | 'term' | 'product' | 'category';

/**
 * One statement whose rows are (kind, idx, a, b, c, n1, n2, n3, n4):
 * - session: a channel, b entry page type, c outcome, n1 sessions
 * - term: a term, n1 searches, n2 sessions, n3 converting sessions
 * - product: a product id, b catalogue title, n1 views, n2 sessions, n3 cart sessions, n4 converting sessions
 * - category: a category, n1 views, n2 sessions, n3 converting sessions
 * idx orders terms, products and categories (most frequent first, ties by value).
 *
 * @example buildJourneySummaryQuery({ projectId, range, rules, limit: 10 }, duckdbJourneyDialect)
 */
export function buildJourneySummaryQuery(q: JourneySummaryQuery, d: JourneyDialect): CompiledQuery {
  const limit = limitOf(q);
  const s = journeyScope(q, d);
  const inScope = `${s.eventsIn('e')} AND ${s.sessionKept('e')}`;
  // Events picked by name are behaviour events anyway: no type test, so the scan filters on the
  // name column alone.
  const namedInScope = `${s.namedEventsIn('e')} AND ${s.sessionKept('e')}`;
  const views = CATEGORY_VIEW_EVENTS.map((v) => d.literal(v)).join(', ');
  const term = 'lower(trim(e.query))';
  const isSearch = "e.query IS NOT NULL AND trim(e.query) <> ''";
  const isCategoryView = `e.category IS NOT NULL AND e.category <> '' AND (e.type = 'page' OR ${d.inList(
    'e.event',
    CATEGORY_VIEW_EVENTS.map((v) => d.literal(v)),
  )})`;
  const words = Math.ceil(limit / 64);
  // Rank by count, ties by value: the rows ORDER BY count DESC, value LIMIT n would give.
  const top = (name: string, value: string, where: string, scope = inScope) => `${name} AS ${d.materialized}(
  SELECT v, n, idx FROM (
    SELECT v, n, row_number() OVER (ORDER BY n DESC, v) - 1 AS idx FROM (
      SELECT ${value} AS v, count(*) AS n FROM events e WHERE ${scope} AND ${where} GROUP BY 1
    ) counted
  ) ranked WHERE idx < ${limit}
)`;
  // Position (1-based) of a viewed category among the top categories, 0 for other events. The
  // lookups read one column each (worked out per distinct value); no IN list runs per event.
  const viewed = `(e.type = 'page' OR ${d.listPosition(`[${views}]`, 'e.event')} > 0)`;
  const categoryAtSql = `(CASE WHEN ${viewed} THEN ${d.listPosition('(SELECT list(v ORDER BY idx) FROM top_categories)', 'e.category')} ELSE 0 END)`;
  const categoryAt = 'e.category_at';
  const categoryWords = Object.fromEntries(
    Array.from({ length: words }, (_, w) => [
      `category${w}`,
      d.bitOr(
        `CASE WHEN ${categoryAt} > ${64 * w} AND ${categoryAt} <= ${64 * (w + 1)} THEN ${d.bit(`${categoryAt} - ${64 * w + 1}`)} END`,
      ),
    ]),
  );
  // One grouping per session: its landing, size, cart, and the top categories it viewed.
  const sessions = landingCtes(d, s, {
    materialized: true,
    columns: { category_at: categoryAtSql },
    extra: {
      events: 'count(*)',
      added: `max(CASE WHEN e.event = '${CART_EVENT}' THEN 1 ELSE 0 END)`,
      ...categoryWords,
    },
  });
  const converting = `converting AS ${d.materialized}(
  SELECT DISTINCT e.session_id AS session_id FROM events e
  WHERE ${namedInScope} AND e.event = '${ORDER_COMPLETED}'
    AND coalesce(e.order_id, e.message_id) NOT IN (
      -- A cancelled order is no sale, whenever it was cancelled (as in the Overview).
      SELECT order_id FROM events
      WHERE project_id = ${s.p} AND event = '${ORDER_CANCELLED}' AND order_id IS NOT NULL)
)`;
  const landingGroups = `landing_groups AS (
  SELECT l.source AS source, l.medium AS medium, l.campaign AS campaign, l.referrer AS referrer,
         l.event AS event, l.page_path AS page_path,
         CASE WHEN c.session_id IS NOT NULL THEN 'order' WHEN l.added = 1 THEN 'cart_abandoned'
              WHEN l.events = 1 THEN 'bounce' ELSE 'browse' END AS outcome,
         count(*) AS sessions
  FROM landing l LEFT JOIN converting c ON c.session_id = l.session_id
  GROUP BY 1, 2, 3, 4, 5, 6, 7
)`;
  // Distinct (value, session) pairs over the events of the top values only.
  const termPairs = `term_pairs AS (
  SELECT ${term} AS v, e.session_id AS session_id FROM events e
  WHERE ${inScope} AND ${isSearch} AND ${term} IN (SELECT v FROM top_terms)
  GROUP BY 1, 2
)`;
  const productPairs = `product_pairs AS (
  SELECT e.product_id AS v, e.session_id AS session_id,
         max(CASE WHEN e.event = '${VIEW_EVENT}' THEN 1 ELSE 0 END) AS viewed,
         max(CASE WHEN e.event = '${CART_EVENT}' THEN 1 ELSE 0 END) AS carted
  FROM events e
  WHERE ${namedInScope} AND ${d.inList('e.event', [d.literal(VIEW_EVENT), d.literal(CART_EVENT)])}
    AND e.product_id IN (SELECT v FROM top_products)
  GROUP BY 1, 2
)`;
  const categoryColumns = Array.from({ length: words }, (_, w) => `category${w}`);
  const categoryMasks = `category_masks AS (
  SELECT ${categoryColumns.map((c) => `r.${c} AS ${c}`).join(', ')}, c.session_id IS NOT NULL AS converted, count(*) AS n
  FROM landing_rows r LEFT JOIN converting c ON c.session_id = r.session_id
  WHERE ${categoryColumns.map((c) => `r.${c} IS NOT NULL`).join(' OR ')}
  GROUP BY ${categoryColumns.map((c) => `r.${c}`).join(', ')}, c.session_id IS NOT NULL
)`;
  const categoryWord =
    words === 1
      ? 'm.category0'
      : `CASE t.idx // 64 ${categoryColumns.map((c, w) => `WHEN ${w} THEN m.${c}`).join(' ')} END`;
  const hasCategory = d.hasBit(categoryWord, d.bit('t.idx % 64'));
  const pageType = pageTypeSql(d, q.rules.pageTypes, {
    event: "nullif(g.event, '')",
    path: "nullif(g.page_path, '')",
  });
  const row = (
    kind: SummaryRowKind,
    cols: { idx?: string; a: string; b?: string; c?: string; n: string[] },
  ) =>
    `SELECT '${kind}' AS kind, ${cols.idx ?? 'NULL'} AS idx, ${cols.a} AS a, ${cols.b ?? 'NULL'} AS b, ${cols.c ?? 'NULL'} AS c, ${[
      0, 1, 2, 3,
    ]
      .map((i) => `${cols.n[i] ?? 'NULL'} AS n${i + 1}`)
      .join(', ')}`;
  const ctes = [
    s.keptSessionsCte(),
    converting,
    top('top_terms', term, isSearch),
    top(
      'top_products',
      'e.product_id',
      `e.event = '${VIEW_EVENT}' AND e.product_id IS NOT NULL`,
      namedInScope,
    ),
    top('top_categories', 'e.category', isCategoryView),
    sessions,
    landingGroups,
    `channels AS (\n  ${landingChannelsSql(d, q.rules.channels, 'landing_groups')}\n)`,
    termPairs,
    productPairs,
    categoryMasks,
  ];
  const selects = [
    `${row('session', { a: 'ch.channel', b: pageType, c: 'g.outcome', n: ['sum(g.sessions)'] })}
FROM landing_groups g
JOIN channels ch ON ch.source = g.source AND ch.medium = g.medium AND ch.campaign = g.campaign AND ch.referrer = g.referrer
GROUP BY 3, 4, 5`,
    `${row('term', { idx: 't.idx', a: 't.v', n: ['t.n', 'count(p.session_id)', 'count(c.session_id)'] })}
FROM top_terms t
LEFT JOIN term_pairs p ON p.v = t.v LEFT JOIN converting c ON c.session_id = p.session_id
GROUP BY t.idx, t.v, t.n`,
    `${row('product', {
      idx: 't.idx',
      a: 't.v',
      b: 'any_value(pr.title)',
      n: [
        't.n',
        'count(*) FILTER (WHERE p.viewed = 1)',
        'count(*) FILTER (WHERE p.viewed = 1 AND p.carted = 1)',
        'count(c.session_id) FILTER (WHERE p.viewed = 1)',
      ],
    })}
FROM top_products t
LEFT JOIN product_pairs p ON p.v = t.v LEFT JOIN converting c ON c.session_id = p.session_id
LEFT JOIN products pr ON pr.project_id = ${s.p} AND pr.product_id = t.v
GROUP BY t.idx, t.v, t.n`,
    `${row('category', {
      idx: 't.idx',
      a: 't.v',
      n: ['t.n', 'coalesce(sum(m.n), 0)', 'coalesce(sum(m.n) FILTER (WHERE m.converted), 0)'],
    })}
FROM top_categories t LEFT JOIN category_masks m ON ${hasCategory}
GROUP BY t.idx, t.v, t.n`,
  ];
  const sql = `${withCtes(ctes)}${selects.join('\nUNION ALL\n')}`;
  return { sql, params: s.params };
}

function limitOf(q: JourneySummaryQuery): number {
  if (!Number.isInteger(q.limit) || q.limit < 1 || q.limit > 1000)
    throw new RangeError(`the limit is an integer 1..1000, got ${q.limit}`);
  return q.limit;
}
