// bench/cooccurrence: product pairs bought together and viewed together, counted in the store,
// on a large generated shop; then the whole association query as the API answers it (counts,
// figures, Fisher tests, Benjamini-Hochberg). Target: under 2 s each on 10M events, 2 cores.
//   npm run bench -- cooccurrence [--events 10000000] [--file PATH] [--threads 2] [--repeat 3]
//                                 [--min-count 20]
// Events are made straight in DuckDB with SQL (INSERT ... FROM range(N)): 8-event sessions
// (home, a category list, product views, an add to cart, 15 % ending in an order of 1-5
// items), 5,000 products in families of 5 with skewed popularity, so that pairs inside a family
// occur far more often than chance. --file keeps the generated store and reuses it.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MiningService } from '@centric/server';
import { type AssociationSide, DuckDbStore } from '@centric/storage';
import { argValue, printFigure } from './figures';

const PROJECT = 'prj_bench';
const DAY_MS = 86_400_000;
const FAMILIES = 1000;

/** SQL that fills the events and order_items tables of an empty store. */
function generateSql(events: number): string[] {
  const sessions = Math.ceil(events / 8);
  const visitors = Math.max(1000, Math.round(events / 40));
  const start = Date.parse('2026-01-01T00:00:00Z');
  const span = 365 * DAY_MS;
  // Per session k: a visitor, a start time over the year, a skewed product family, a draw.
  return [
    `CREATE TEMP TABLE s AS
     SELECT k, hash(k, 1) % ${visitors} AS v,
            make_timestamp((${start} + CAST(k AS DOUBLE) / ${sessions} * ${span})::BIGINT * 1000) AS started,
            CAST(floor(${FAMILIES} * pow((hash(k, 2) % 1000003) / 1000003.0, 2.0)) AS BIGINT) AS family,
            hash(k, 3) % 100 AS draw
     FROM range(${sessions}) t(k)`,
    `INSERT INTO events (project_id, message_id, type, event, anonymous_id, session_id, channel, ts,
                         received_at, product_id, order_id, revenue, currency, category)
     SELECT '${PROJECT}', 'm' || i, CASE WHEN pos = 0 THEN 'page' ELSE 'track' END,
            CASE WHEN pos = 0 THEN 'Home'
                 WHEN pos = 1 THEN 'Product List Viewed'
                 WHEN pos = 6 THEN 'Product Added'
                 WHEN pos = 7 AND draw < 15 THEN 'Order Completed'
                 ELSE 'Product Viewed' END,
            'a' || v, 's' || k, 'web', started + to_milliseconds(pos * 60000), started + to_milliseconds(pos * 60000),
            CASE WHEN pos >= 2 AND NOT (pos = 7 AND draw < 15) THEN
              -- 80 % inside the session's family, else any product.
              CASE WHEN hash(k, pos, 5) % 10 < 8 THEN 'p' || (family * 5 + hash(k, pos, 6) % 5)
                   ELSE 'p' || (hash(k, pos, 7) % ${FAMILIES * 5}) END END,
            CASE WHEN pos = 7 AND draw < 15 THEN 'o' || k END,
            CASE WHEN pos = 7 AND draw < 15 THEN 20 + hash(k, 4) % 200 END,
            'EUR', 'c' || (family % 40)
     FROM (SELECT i, i // 8 AS k, i % 8 AS pos FROM range(${events}) t(i)) e JOIN s USING (k)`,
    `INSERT INTO order_items (project_id, order_id, message_id, position, product_id, category, price, quantity, ts)
     SELECT '${PROJECT}', 'o' || k, 'm' || (k * 8 + 7), j,
            CASE WHEN hash(k, j, 8) % 10 < 8 THEN 'p' || (family * 5 + hash(k, j, 9) % 5)
                 ELSE 'p' || (hash(k, j, 10) % ${FAMILIES * 5}) END,
            'c' || (family % 40), 10, 1, started + to_milliseconds(7 * 60000)
     FROM s, range(5) r(j)
     WHERE draw < 15 AND j < 1 + hash(k, 11) % 5`,
    'DROP TABLE s',
    'CHECKPOINT',
  ];
}

async function timed<T>(repeat: number, run: () => Promise<T>): Promise<{ first: number; best: number; result: T }> {
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

export default async function cooccurrence(args: string[]): Promise<void> {
  const events = Number(argValue(args, '--events') ?? 10_000_000);
  const threads = Number(argValue(args, '--threads') ?? 2);
  const repeat = Math.max(1, Number(argValue(args, '--repeat') ?? 3));
  const minCount = Number(argValue(args, '--min-count') ?? 20);
  const keep = argValue(args, '--file');
  if (!Number.isInteger(events) || events < 1000 || !Number.isInteger(minCount) || minCount < 1) {
    process.stderr.write('bench cooccurrence: --events is an integer >= 1000, --min-count >= 1\n');
    process.exitCode = 2;
    return;
  }
  const dir = keep ? null : mkdtempSync(join(tmpdir(), 'centric-bench-cooccurrence-'));
  const file = keep ?? join(dir!, 'cooccurrence.duckdb');
  const reuse = keep !== undefined && existsSync(file);
  let store = await DuckDbStore.open({ file, threads });
  const figure = (metric: string, value: number, unit: string, extra: Record<string, string | number> = {}) =>
    printFigure({ bench: 'cooccurrence', metric, value: Math.round(value), unit, events, threads, ...extra });
  try {
    if (!reuse || (await store.events.countEvents(PROJECT)) !== events) {
      await store.analytics.db.execute('DELETE FROM events; DELETE FROM order_items;');
      const t = performance.now();
      await store.analytics.db.execute(generateSql(events).join(';\n'));
      figure('generate_ms', performance.now() - t, 'ms');
      // Time the queries as a server sees a store it opens, not one still warm from the writes.
      await store.close();
      store = await DuckDbStore.open({ file, threads });
    }
    figure('events', await store.events.countEvents(PROJECT), 'count');
    const range = { startMs: Date.parse('2026-01-01T00:00:00Z'), endMs: Date.parse('2027-01-01T00:00:00Z') };
    const service = new MiningService(store);
    for (const side of ['bought_together', 'viewed_together'] as AssociationSide[]) {
      const counted = await timed(repeat, () =>
        store.mining.cooccurrence({ projectId: PROJECT, side, range, minSupport: { count: minCount } }),
      );
      figure('cooccurrence_ms', counted.first, 'ms', { side, minCount });
      figure('cooccurrence_best_ms', counted.best, 'ms', { side, minCount });
      figure('baskets', counted.result.basketCount, 'count', { side });
      figure('pairs', counted.result.pairs.length, 'count', { side, minCount });
      const answered = await timed(repeat, () =>
        service.associations(PROJECT, {
          side,
          from: '2026-01-01',
          to: '2026-12-31',
          minSupport: minCount / counted.result.basketCount,
        }),
      );
      figure('associations_ms', answered.first, 'ms', { side, minCount });
      figure('associations_best_ms', answered.best, 'ms', { side, minCount });
    }
  } finally {
    await store.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}
