// bench/customers: the retention matrix and the customer-KPI query on a large generated shop.
//   npm run bench -- customers [--events 10000000] [--file PATH] [--threads 2] [--repeat 3]
// Events are made straight in DuckDB with SQL (INSERT ... FROM range(N)), with a realistic shape:
// ~N/100 visitors with a skewed number of visits over two years, 5-event sessions, 30 % of the
// sessions adding to the cart, 15 % ordering (3 % of the events are orders), a few cancelled and
// refunded orders, signed-in orders for a third of the visitors and identity links for half of
// those. Then it times the monthly retention matrix (12 cohorts x 12 periods, first order, order
// activity) and the monthly KPI query over a year. Target: under 1 s each on 10M events, 2 cores.
// --file keeps the generated store and reuses it when it holds the same number of events.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDbStore } from '@centric/storage';
import { argValue, printFigure } from './figures';

const PROJECT = 'prj_bench';
const DAY_MS = 86_400_000;

/** SQL that fills the events and identity_links tables of an empty store. */
function generateSql(events: number): string[] {
  const sessions = Math.ceil(events / 5);
  const visitors = Math.max(1000, Math.round(events / 100));
  const start = Date.parse('2025-01-01T00:00:00Z');
  const span = 2 * 365 * DAY_MS;
  // Per session k: a skewed visitor (a few visit often), a start time spread over two years,
  // and independent draws from hash(k, salt) for cart and order.
  return [
    `CREATE TEMP TABLE s AS
     SELECT k,
            CAST(floor(${visitors} * pow((hash(k, 1) % 1000003) / 1000003.0, 1.6)) AS BIGINT) AS v,
            make_timestamp((${start} + CAST(k AS DOUBLE) / ${sessions} * ${span})::BIGINT * 1000
              + (hash(k, 2) % 3600000)::BIGINT * 1000) AS started,
            hash(k, 3) % 100 AS draw
     FROM range(${sessions}) t(k)`,
    `INSERT INTO events (project_id, message_id, type, event, anonymous_id, user_id, session_id, channel, ts,
                         received_at, product_id, order_id, revenue, currency)
     SELECT '${PROJECT}', 'm' || i, CASE WHEN pos = 0 THEN 'page' ELSE 'track' END,
            CASE
              WHEN pos = 0 THEN 'Home'
              WHEN pos = 1 AND k % 97 = 0 THEN 'Order Refunded'
              WHEN pos = 2 AND k % 50 = 0 THEN 'Order Cancelled'
              WHEN pos = 3 AND draw < 30 THEN 'Product Added'
              WHEN pos = 4 AND draw < 15 THEN 'Order Completed'
              ELSE 'Product Viewed' END,
            'a' || v,
            CASE WHEN pos = 4 AND draw < 15 AND v % 3 = 0 THEN 'u' || v END,
            's' || k, 'web', started + to_milliseconds(pos * 60000), started + to_milliseconds(pos * 60000),
            'p' || (hash(k, pos) % 2000),
            CASE WHEN pos = 4 AND draw < 15 THEN 'o' || k
                 WHEN pos = 1 AND k % 97 = 0 THEN 'o' || (k - 3)
                 WHEN pos = 2 AND k % 50 = 0 THEN 'o' || (k - 1) END,
            CASE WHEN pos = 4 AND draw < 15 THEN 20 + hash(k, 4) % 200
                 WHEN pos = 1 AND k % 97 = 0 THEN 10 END,
            'EUR'
     FROM (SELECT i, i // 5 AS k, i % 5 AS pos FROM range(${events}) t(i)) e JOIN s USING (k)`,
    `INSERT INTO identity_links
     SELECT '${PROJECT}', kind || ':' || kind || v, 'p' || v, TIMESTAMP '2025-01-01', 'identify'
     FROM (SELECT DISTINCT v FROM s WHERE v % 6 = 0) x CROSS JOIN (VALUES ('a'), ('u')) y(kind)`,
    'DROP TABLE s',
    'CHECKPOINT',
  ];
}

async function timed<T>(
  repeat: number,
  run: () => Promise<T>,
): Promise<{ first: number; best: number; result: T }> {
  let first = 0;
  let best = Number.POSITIVE_INFINITY;
  let result: T | undefined;
  for (let i = 0; i < repeat; i++) {
    const t = performance.now();
    result = await run();
    const ms = performance.now() - t;
    if (i === 0) first = ms;
    best = Math.min(best, ms);
  }
  return { first, best, result: result as T };
}

export default async function customers(args: string[]): Promise<void> {
  const events = Number(argValue(args, '--events') ?? 10_000_000);
  const threads = Number(argValue(args, '--threads') ?? 2);
  const repeat = Math.max(1, Number(argValue(args, '--repeat') ?? 3));
  const keep = argValue(args, '--file');
  if (!Number.isInteger(events) || events < 1000) {
    process.stderr.write('bench customers: --events is an integer >= 1000\n');
    process.exitCode = 2;
    return;
  }
  const dir = keep ? null : mkdtempSync(join(tmpdir(), 'centric-bench-customers-'));
  const file = keep ?? join(dir!, 'customers.duckdb');
  const reuse = keep !== undefined && existsSync(file);
  let store = await DuckDbStore.open({ file, threads });
  const figure = (metric: string, value: number, unit: string) =>
    printFigure({ bench: 'customers', metric, value: Math.round(value), unit, events, threads });
  try {
    if (!reuse || (await store.events.countEvents(PROJECT)) !== events) {
      await store.analytics.db.execute(`DELETE FROM events; DELETE FROM identity_links;`);
      const t = performance.now();
      // One connection for all statements: the session table is a temporary one.
      await store.analytics.db.execute(generateSql(events).join(';\n'));
      figure('generate_ms', performance.now() - t, 'ms');
      // Time the queries as a server sees a store it opens, not one still warm from the writes.
      await store.close();
      store = await DuckDbStore.open({ file, threads });
    }
    figure('events', await store.events.countEvents(PROJECT), 'count');
    const year = { startMs: Date.parse('2026-01-01T00:00:00Z'), endMs: Date.parse('2027-01-01T00:00:00Z') };
    const retention = await timed(repeat, () =>
      store.analytics.retention({
        projectId: PROJECT,
        cohortBy: 'first_order',
        activity: 'order',
        period: 'month',
        range: year,
        periods: 12,
      }),
    );
    figure('retention_ms', retention.first, 'ms');
    figure('retention_best_ms', retention.best, 'ms');
    figure(
      'cohort_customers',
      retention.result.cohorts.reduce((n, c) => n + c.size, 0),
      'count',
    );
    const kpis = await timed(repeat, () =>
      store.analytics.customerKpis({
        projectId: PROJECT,
        range: year,
        period: 'month',
        activityWindowDays: 365,
      }),
    );
    figure('kpis_ms', kpis.first, 'ms');
    figure('kpis_best_ms', kpis.best, 'ms');
    figure(
      'kpi_orders',
      kpis.result.periods.reduce((n, p) => n + p.orders, 0),
      'count',
    );
  } finally {
    await store.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}
