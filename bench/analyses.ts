// bench/analyses: path and funnel queries of the journey analyses on a large generated shop.
//   npm run bench -- analyses [--events 10000000] [--file PATH] [--threads 2] [--repeat 3]
// Events are made straight in DuckDB with SQL (see generateJourneyEventsSql), with the shape of
// a small shop's traffic: ~N/5.4 sessions of a skewed number of visitors over 90 days, a third
// of them bounces, entry channels from UTM tags and referrers, searches, category and product
// views over 40 categories and 5,000 products, a cart in 37 % of the sessions and an order in
// 8 %, a fifth of the sessions on the app. Then it times, over all of them:
//   paths_ms   the first 5 steps by event name (Sankey data)
//   funnel_ms  a 4-step session funnel with an optional step, time-to-convert, 1 h window
// and as extra figures the page-type, category, collapsed and anchored paths, the funnel with a
// breakdown by entry marketing channel, per profile, the journey-phase funnel and the journey
// summary. *_cpu_ms figures give the CPU time of the same runs (both DuckDB threads).
// Target: paths and funnel under 2 s each on 10M events, 2 cores.
// --file keeps the generated store and reuses it when it holds the same number of sessions.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { journeys } from '@centric/analyses';
import { DuckDbStore, type JourneyScope } from '@centric/storage';
import { argValue, printFigure } from './figures';

const PROJECT = 'prj_bench';
const DAY_MS = 86_400_000;
/** Mean events per generated session: a third are bounces (1), the others 2..13. */
const EVENTS_PER_SESSION = 5.36;

/**
 * Landing draws (0..99) below each bound: direct 30 %, organic search 25 % (Google referrer),
 * paid search 15 % (google/cpc), e-mail 12 %, social 8 %, affiliate 5 %, referral 5 %.
 */
const ENTRY_SOURCES: [number, string][] = [
  [30, 'NULL'],
  [55, 'NULL'],
  [70, "'google'"],
  [82, "'newsletter'"],
  [90, "'facebook'"],
  [95, "'awin'"],
];
const ENTRY_MEDIUMS: [number, string][] = [
  [30, 'NULL'],
  [55, 'NULL'],
  [70, "'cpc'"],
  [82, "'email'"],
  [90, "'social'"],
  [95, "'affiliate'"],
];
const ENTRY_REFERRERS: [number, string][] = [
  [30, 'NULL'],
  [55, "'https://www.google.com/'"],
  [70, "'https://www.google.com/'"],
  [82, 'NULL'],
  [90, "'https://www.facebook.com/'"],
  [95, "'https://www.awin1.com/'"],
];

/**
 * SQL that fills the events table of a store with about `events` journey events of `project`
 * (one statement list for one connection: it uses a temporary table).
 */
export function generateJourneyEventsSql({
  events,
  project = PROJECT,
  startMs = Date.parse('2026-01-01T00:00:00Z'),
  days = 90,
}: {
  events: number;
  project?: string;
  startMs?: number;
  days?: number;
}): string[] {
  const sessions = Math.max(100, Math.round(events / EVENTS_PER_SESSION));
  const visitors = Math.max(1000, Math.round(sessions / 8));
  const span = days * DAY_MS;
  // Per session k: a skewed visitor, a start time, a landing draw, a length and an order draw,
  // all from hash(k, salt), so the same size gives the same data.
  const pick = (expr: string, cases: [number, string][], otherwise: string) =>
    `CASE ${cases.map(([below, v]) => `WHEN ${expr} < ${below} THEN ${v}`).join(' ')} ELSE ${otherwise} END`;
  return [
    `CREATE TEMP TABLE s AS
     SELECT k,
            CAST(floor(${visitors} * pow((hash(k, 1) % 1000003) / 1000003.0, 1.6)) AS BIGINT) AS v,
            make_timestamp((${startMs} + CAST(k AS DOUBLE) / ${sessions} * ${span})::BIGINT * 1000) AS started,
            hash(k, 3) % 100 AS entry,
            CAST(CASE WHEN hash(k, 4) % 100 < 33 THEN 1 ELSE 2 + hash(k, 5) % 12 END AS BIGINT) AS len,
            hash(k, 6) % 100 < 12 AS ordered,
            hash(k, 7) % 100 < 20 AS app
     FROM range(${sessions}) t(k)`,
    `CREATE TEMP TABLE x AS
     SELECT s.*, pos, hash(k, pos, 8) % 100 AS draw, hash(k, pos, 9) % 5000 AS product
     FROM (SELECT *, unnest(range(len)) AS pos FROM s) s`,
    `INSERT INTO events (project_id, message_id, type, event, anonymous_id, user_id, session_id, channel, ts,
                         received_at, product_id, order_id, revenue, currency, query, category, utm_source,
                         utm_medium, utm_campaign, page_path, referrer)
     SELECT '${project}', 'm' || k || '-' || pos, CASE WHEN pos = 0 THEN 'page' ELSE 'track' END, name,
            'a' || v, CASE WHEN ordered AND v % 3 = 0 THEN 'u' || v END, 's' || k,
            CASE WHEN app THEN 'app' ELSE 'web' END, started + to_milliseconds(pos * 45000),
            started + to_milliseconds(pos * 45000),
            CASE WHEN name IN ('Product Viewed', 'Product Added') THEN 'p' || product END,
            CASE WHEN name = 'Order Completed' THEN 'o' || k END,
            CASE WHEN name = 'Order Completed' THEN 20 + hash(k, 10) % 200 END,
            CASE WHEN name = 'Order Completed' THEN 'EUR' END,
            CASE WHEN name = 'Products Searched' THEN 'term ' || (hash(k, pos, 11) % 300) END,
            CASE WHEN name IN ('Product Viewed', 'Product Added', 'Product List Viewed') THEN 'cat-' || (product % 40) END,
            CASE WHEN pos = 0 THEN ${pick('entry', ENTRY_SOURCES, 'NULL')} END,
            CASE WHEN pos = 0 THEN ${pick('entry', ENTRY_MEDIUMS, 'NULL')} END,
            CASE WHEN pos = 0 AND entry >= 55 AND entry < 95 THEN 'campaign-' || (hash(k, 12) % 20) END,
            CASE name WHEN 'Home' THEN '/' WHEN 'Products Searched' THEN '/search'
                      WHEN 'Product List Viewed' THEN '/c/cat-' || (product % 40)
                      WHEN 'Cart Viewed' THEN '/cart' WHEN 'Checkout Started' THEN '/checkout'
                      WHEN 'Payment Info Entered' THEN '/checkout/payment' WHEN 'Order Completed' THEN '/checkout/thank-you'
                      ELSE '/products/p' || product END,
            CASE WHEN pos = 0 THEN ${pick('entry', ENTRY_REFERRERS, "'https://blog.example.org/gifts'")} END
     FROM (SELECT *,
             CASE
               WHEN pos = 0 THEN CASE WHEN draw < 70 THEN 'Home' ELSE 'Product Viewed' END
               WHEN ordered AND pos = len - 1 THEN 'Order Completed'
               WHEN ordered AND pos = len - 2 THEN 'Payment Info Entered'
               WHEN ordered AND pos = len - 3 THEN 'Checkout Started'
               ELSE ${pick(
                 'draw',
                 [
                   [12, "'Products Searched'"],
                   [32, "'Product List Viewed'"],
                   [78, "'Product Viewed'"],
                   [92, "'Product Added'"],
                   [97, "'Cart Viewed'"],
                 ],
                 "'Checkout Started'",
               )}
             END AS name
           FROM x) e`,
    'DROP TABLE x',
    'DROP TABLE s',
    'CHECKPOINT',
  ];
}

/**
 * Wall time of the first and the best of `repeat` runs, and the CPU time (all DuckDB threads)
 * of the best: on a machine shared with other work the CPU time still tells what a run costs.
 */
async function timed<T>(
  repeat: number,
  run: () => Promise<T>,
): Promise<{ first: number; best: number; cpu: number; result: T }> {
  let first = 0;
  let best = Number.POSITIVE_INFINITY;
  let cpu = 0;
  let result: T | undefined;
  for (let i = 0; i < repeat; i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    result = await run();
    const ms = performance.now() - t;
    const used = process.cpuUsage(c);
    if (i === 0) first = ms;
    if (ms < best) {
      best = ms;
      cpu = (used.user + used.system) / 1000;
    }
  }
  return { first, best, cpu, result: result as T };
}

export default async function analyses(args: string[]): Promise<void> {
  const events = Number(argValue(args, '--events') ?? 10_000_000);
  const threads = Number(argValue(args, '--threads') ?? 2);
  const repeat = Math.max(1, Number(argValue(args, '--repeat') ?? 3));
  const keep = argValue(args, '--file');
  if (!Number.isInteger(events) || events < 1000) {
    process.stderr.write('bench analyses: --events is an integer >= 1000\n');
    process.exitCode = 2;
    return;
  }
  const dir = keep ? null : mkdtempSync(join(tmpdir(), 'centric-bench-analyses-'));
  const file = keep ?? join(dir!, 'analyses.duckdb');
  let store = await DuckDbStore.open({ file, threads });
  const figure = (metric: string, value: number, unit: string) =>
    printFigure({ bench: 'analyses', metric, value: Math.round(value), unit, events, threads });
  try {
    const sessions = Math.max(100, Math.round(events / EVENTS_PER_SESSION));
    const stored = await store.journeys.db.query(
      `SELECT count(DISTINCT session_id) AS n FROM events WHERE project_id = '${PROJECT}'`,
    );
    if (!keep || !existsSync(file) || Number(stored[0]?.n) !== sessions) {
      await store.journeys.db.execute(`DELETE FROM events WHERE project_id = '${PROJECT}'`);
      const t = performance.now();
      // One connection for all statements: the session tables are temporary ones.
      await store.journeys.db.execute(generateJourneyEventsSql({ events }).join(';\n'));
      figure('generate_ms', performance.now() - t, 'ms');
      // Time the queries as a server sees a store it opens, not one still warm from the writes.
      await store.close();
      store = await DuckDbStore.open({ file, threads });
    }
    figure('stored_events', await store.events.countEvents(PROJECT), 'count');
    const scope: JourneyScope = {
      projectId: PROJECT,
      range: { startMs: Date.parse('2026-01-01T00:00:00Z'), endMs: Date.parse('2026-04-01T00:00:00Z') },
    };
    const rules = { channels: journeys.DEFAULT_CHANNEL_RULES, pageTypes: journeys.DEFAULT_PAGE_TYPE_RULES };
    const path = { ...scope, rules, depth: 5, collapseRepeats: false };
    const paths = await timed(repeat, () => store.journeys.paths({ ...path, groupBy: 'event' }));
    figure('paths_ms', paths.first, 'ms');
    figure('paths_best_ms', paths.best, 'ms');
    figure('paths_cpu_ms', paths.cpu, 'ms');
    figure('path_sessions', paths.result.sessions, 'count');
    const steps = journeys.parseSteps('Product Viewed,Product Added?,Checkout Started,Order Completed');
    const funnelQuery = { ...scope, rules, steps, windowMs: 3_600_000, entity: 'session' as const };
    const funnel = await timed(repeat, () => store.journeys.funnel(funnelQuery));
    figure('funnel_ms', funnel.first, 'ms');
    figure('funnel_best_ms', funnel.best, 'ms');
    figure('funnel_cpu_ms', funnel.cpu, 'ms');
    figure('funnel_entrants', funnel.result.groups[0]?.reached[0] ?? 0, 'count');
    figure('funnel_converted', funnel.result.groups[0]?.reached[3] ?? 0, 'count');
    const extras: [string, () => Promise<unknown>][] = [
      ['paths_page_type_ms', () => store.journeys.paths({ ...path, groupBy: 'page_type' })],
      [
        'paths_collapsed_ms',
        () => store.journeys.paths({ ...path, groupBy: 'event', collapseRepeats: true }),
      ],
      ['paths_category_ms', () => store.journeys.paths({ ...path, groupBy: 'category' })],
      [
        'paths_from_step_ms',
        () => store.journeys.paths({ ...path, groupBy: 'event', startAt: 'Product Added' }),
      ],
      [
        'paths_to_step_ms',
        () => store.journeys.paths({ ...path, groupBy: 'event', endAt: 'Order Completed' }),
      ],
      [
        'funnel_breakdown_ms',
        () => store.journeys.funnel({ ...funnelQuery, breakdown: 'marketing_channel' }),
      ],
      [
        'funnel_profile_ms',
        () => store.journeys.funnel({ ...funnelQuery, entity: 'profile', windowMs: 7 * DAY_MS }),
      ],
      [
        'phase_funnel_ms',
        () =>
          store.journeys.funnel({
            ...scope,
            rules,
            steps: journeys.phaseSteps(journeys.DEFAULT_PHASE_MAPPING),
            windowMs: 90 * DAY_MS,
            entity: 'profile',
          }),
      ],
      ['summary_ms', () => store.journeys.summary({ ...scope, rules, limit: 20 })],
    ];
    for (const [metric, run] of extras) {
      const t = await timed(1, run);
      figure(metric, t.first, 'ms');
      figure(metric.replace(/_ms$/, '_cpu_ms'), t.cpu, 'ms');
    }
  } finally {
    await store.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}
