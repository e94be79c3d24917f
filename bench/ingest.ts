// bench/ingest: HTTP ingest throughput with durable acknowledgements against the raw DuckDB
// appender rate for the same rows, measured in the same run.
//   npm run bench -- ingest [--seconds 20] [--connections 32]
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { DEFAULT_LIMITS, normaliseMessage, validateMessage } from '@centric/ingest';
import { DuckDbStore, type StoredEvent } from '@centric/storage';
import { argValue, printFigure } from './figures';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..');

function startServer(dataDir: string): Promise<{ child: ChildProcess; url: string; writeKey: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(repo, 'apps/server/src/main.ts')], {
    env: {
      ...process.env,
      CENTRIC_DATA_DIR: dataDir,
      CENTRIC_PORT: '0',
      CENTRIC_HOST: '127.0.0.1',
      // The demo would take half a minute to load and is not what this measures.
      CENTRIC_DEMO: 'false',
      CENTRIC_LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((ok, fail) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.startsWith('{"ready":true')) {
        const r = JSON.parse(line) as { url: string; writeKey: string };
        ok({ child, url: r.url, writeKey: r.writeKey });
      }
    });
    child.once('exit', (code) => fail(new Error(`server exited with ${code}`)));
  });
}

function runLoad(args: string[]): Promise<Record<string, number>> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'ingest-load.ts'), ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d) => {
    out += d;
  });
  return new Promise((ok, fail) =>
    child.once('exit', (code) => (code === 0 ? ok(JSON.parse(out)) : fail(new Error(`load exited ${code}`)))),
  );
}

/** The same rows the HTTP run stores, normalised outside the timed part. */
function sampleRows(total: number): StoredEvent[] {
  const names = [
    'Product Viewed',
    'view_item',
    'Product List Viewed',
    'add_to_cart',
    'Products Searched',
    'Cart Viewed',
  ];
  const rows: StoredEvent[] = [];
  const now = Date.now();
  for (let n = 0; n < total; n++) {
    const i = n % 100;
    const message = {
      type: i % 10 === 0 ? 'page' : 'track',
      ...(i % 10 === 0 ? { name: 'Category' } : { event: names[i % names.length] }),
      anonymousId: `anon-${Math.floor(n / 100)}-${i % 5}`,
      messageId: `raw-${n}`,
      timestamp: new Date(now).toISOString(),
      context: {
        page: { path: `/products/${i}`, referrer: 'https://www.google.com/' },
        userAgent: 'Mozilla/5.0 (bench)',
      },
      properties: {
        product_id: `SKU-${i}`,
        price: 19.99 + i,
        currency: 'EUR',
        category: 'Shoes/Running',
        position: i,
      },
    };
    const v = validateMessage(message, {
      index: 0,
      receivedAt: now,
      batchSentAt: null,
      limits: DEFAULT_LIMITS,
    });
    if (!('ok' in v)) throw new Error('bench message invalid');
    const { event } = normaliseMessage(v.ok, {
      projectId: 'prj_bench',
      receivedAt: now,
      messageId: message.messageId,
    });
    event.sessionId = `s-${Math.floor(n / 100)}`;
    rows.push(event);
  }
  return rows;
}

export default async function ingestBench(args: string[]): Promise<void> {
  const seconds = argValue(args, '--seconds') ?? '20';
  const connections = argValue(args, '--connections') ?? '32';
  const dir = mkdtempSync(join(tmpdir(), 'centric-bench-ingest-'));
  try {
    const server = await startServer(join(dir, 'http'));
    let load: Record<string, number>;
    try {
      load = await runLoad([server.url, server.writeKey, seconds, connections, '100']);
    } finally {
      server.child.kill('SIGTERM');
      await new Promise((r) => server.child.once('exit', r));
    }
    const httpEventsPerS =
      ((load.ok ?? 0) * (load.eventsPerBatch ?? 100)) / (load.seconds ?? Number(seconds));

    // Raw appender: the same rows, straight into a fresh store, committed in 10,000-row groups.
    const rows = sampleRows(1_000_000);
    const store = await DuckDbStore.open({ file: join(dir, 'raw.duckdb') });
    const started = performance.now();
    for (let i = 0; i < rows.length; i += 10_000) {
      await store.events.append({ events: rows.slice(i, i + 10_000), orderItems: [] });
    }
    const rawRowsPerS = rows.length / ((performance.now() - started) / 1000);
    await store.close();

    const bench = 'ingest';
    printFigure({
      bench,
      metric: 'http_events_per_s',
      value: Math.round(httpEventsPerS),
      unit: '1/s',
      connections: Number(connections),
      batch: 100,
    });
    printFigure({ bench, metric: 'http_p50_ms', value: load.p50 ?? 0, unit: 'ms' });
    printFigure({ bench, metric: 'http_p99_ms', value: load.p99 ?? 0, unit: 'ms' });
    printFigure({
      bench,
      metric: 'http_non_2xx',
      value: (load.non2xx ?? 0) + (load.errors ?? 0) + (load.timeouts ?? 0),
      unit: 'count',
    });
    printFigure({ bench, metric: 'raw_appender_rows_per_s', value: Math.round(rawRowsPerS), unit: '1/s' });
    printFigure({
      bench,
      metric: 'http_to_raw_ratio',
      value: Math.round((httpEventsPerS / rawRowsPerS) * 1000) / 1000,
      unit: 'ratio',
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
