// `centric import` as a shop's team runs it, on real-shaped exports: each format, re-runs that
// import nothing twice, strict mode, a kill -9 mid-import that a re-run completes, and the
// same import over HTTP.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startTestServer } from '@centric/server/test-support';
import { DuckDbStore } from '@centric/storage';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const bin = resolve(here, '../bin/centric.js');
const fixtures = resolve(here, '../../../packages/importers/fixtures');
const run = promisify(execFile);
const tmp = mkdtempSync(join(tmpdir(), 'centric-import-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Report {
  read: number;
  imported: number;
  duplicates: number;
  rejected: { line: number; reason: string }[];
  aborted: boolean;
}

async function centric(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; report: Report; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args, '--json'], {
      env: { ...process.env, CENTRIC_LOG_LEVEL: 'silent', ...env },
    });
    return { code: 0, report: JSON.parse(stdout) as Report, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return {
      code: e.code,
      report: e.stdout ? (JSON.parse(e.stdout) as Report) : ({} as Report),
      stderr: e.stderr,
    };
  }
}

describe('centric import', () => {
  const data = join(tmp, 'store');

  it('imports Shopify orders, lists bad rows, and imports nothing new on a re-run', async () => {
    const first = await centric([
      '--data',
      data,
      'import',
      'orders',
      join(fixtures, 'orders/shopify-orders.csv'),
      '--format',
      'shopify',
    ]);
    expect(first.code).toBe(0);
    expect(first.report.imported).toBeGreaterThanOrEqual(4);
    expect(first.report.rejected.map((r) => r.reason)).toEqual(
      expect.arrayContaining([expect.stringContaining('zwei'), expect.stringContaining('not consecutive')]),
    );
    const again = await centric([
      '--data',
      data,
      'import',
      'orders',
      join(fixtures, 'orders/shopify-orders.csv'),
      '--format',
      'shopify',
    ]);
    expect(again.report).toMatchObject({
      imported: 0,
      duplicates: first.report.imported,
      read: first.report.read,
    });
  });

  it('imports WooCommerce orders, generic orders in both encodings, products, feeds, customers and events', async () => {
    const cases: [string, string, string | null][] = [
      ['orders', 'orders/woocommerce-orders.csv', 'woocommerce'],
      ['orders', 'orders/generic-orders-de-cp1252.csv', null],
      ['products', 'products/products-utf8-bom.csv', null],
      ['products', 'products/merchant-feed-rss.xml', 'merchant'],
      ['products', 'products/merchant-feed.tsv', 'merchant'],
      ['customers', 'customers/kunden-windows1252.csv', null],
      ['events', 'events/events.ndjson', null],
      ['events', 'events/retailrocket-events.csv', 'retailrocket'],
    ];
    for (const [kind, file, format] of cases) {
      const r = await centric([
        '--data',
        data,
        'import',
        kind,
        join(fixtures, file),
        ...(format ? ['--format', format] : []),
      ]);
      expect(r.code, `${kind} ${file}: ${r.stderr}`).toBe(0);
      expect(r.report.imported, `${kind} ${file}`).toBeGreaterThan(0);
    }
    // The UTF-8 twin of the Windows-1252 orders holds the same orders: all duplicates.
    const twin = await centric([
      '--data',
      data,
      'import',
      'orders',
      join(fixtures, 'orders/generic-orders-utf8-bom.csv'),
    ]);
    expect(twin.report.imported).toBe(0);
    expect(twin.report.duplicates).toBeGreaterThan(0);
  });

  it('with --strict imports nothing when a row is bad', async () => {
    const strictData = join(tmp, 'strict');
    const r = await centric([
      '--data',
      strictData,
      'import',
      'orders',
      join(fixtures, 'orders/shopify-orders.csv'),
      '--format',
      'shopify',
      '--strict',
    ]);
    expect(r.code).not.toBe(0);
    expect(r.report.aborted).toBe(true);
    expect(r.report.imported).toBe(0);
    expect(r.report.rejected.length).toBeGreaterThan(0);
    const store = await DuckDbStore.open({ file: join(strictData, 'centric.duckdb') });
    const [project] = await store.state.listProjects();
    expect(await store.events.countEvents(project!.id)).toBe(0);
    await store.close();
  });
});

describe('a kill -9 during an import', () => {
  it('leaves whole orders only, and a re-run completes the import', async () => {
    const data = join(tmp, 'crash');
    const file = join(tmp, 'many-orders.csv');
    const orders = 40_000;
    const lines = [
      'order_id,ordered_at,customer_id,currency,status,product_id,product_name,unit_price,quantity',
    ];
    for (let i = 0; i < orders; i++) {
      const at = new Date(Date.parse('2025-01-01T00:00:00Z') + i * 60_000).toISOString();
      lines.push(
        `K${i},${at},C${i % 997},EUR,completed,P${i % 50},Mug,9.5,1`,
        `K${i},${at},C${i % 997},EUR,completed,P${(i + 7) % 50},Plate,4.25,2`,
      );
    }
    writeFileSync(file, `${lines.join('\n')}\n`);

    const child: ChildProcess = spawn(
      process.execPath,
      [bin, '--data', data, 'import', 'orders', file, '--json'],
      {
        env: { ...process.env, CENTRIC_LOG_LEVEL: 'silent', CENTRIC_IMPORT_TRACE: '1' },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    const exited = new Promise((r) => child.once('exit', r));
    await new Promise<void>((ready) => {
      createInterface({ input: child.stderr! }).on('line', (line) => {
        if (line.startsWith('chunk 2 committed')) {
          child.kill('SIGKILL');
          ready();
        }
      });
    });
    await exited;

    const store = await DuckDbStore.open({ file: join(data, 'centric.duckdb') });
    const [project] = await store.state.listProjects();
    const projectId = project!.id;
    const partial = await store.events.countEvents(projectId);
    expect(partial).toBeGreaterThanOrEqual(10_000);
    expect(partial).toBeLessThan(orders);
    expect(partial % 5000).toBe(0); // whole chunks only
    await store.close();
    // Every stored order has both of its lines, and no line is without its order.
    const db = await DuckDBInstance.create(join(data, 'centric.duckdb'));
    const connection = await db.connect();
    const counts = (
      await connection.runAndReadAll(`SELECT
        (SELECT count(*) FROM order_items) AS items,
        (SELECT count(*) FROM order_items i WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.message_id = i.message_id)) AS orphans`)
    ).getRowObjectsJS()[0];
    expect({ items: Number(counts?.items), orphans: Number(counts?.orphans) }).toEqual({
      items: 2 * partial,
      orphans: 0,
    });
    connection.closeSync();
    db.closeSync();

    const rerun = await centric(['--data', data, 'import', 'orders', file]);
    expect(rerun.report).toMatchObject({
      read: orders,
      imported: orders - partial,
      duplicates: partial,
      rejected: [],
    });
    const after = await DuckDbStore.open({ file: join(data, 'centric.duckdb') });
    expect(await after.events.countEvents(projectId)).toBe(orders);
    const overview = await after.events.overview({
      projectId,
      range: { startMs: 0, endMs: Date.parse('2030-01-01T00:00:00Z') },
    });
    expect(overview).toMatchObject({ orders, revenue: orders * 18 });
    await after.close();
  }, 120_000);
});

describe('POST /v1/import/:kind', () => {
  it('imports an uploaded file and answers the report', async () => {
    const server = await startTestServer();
    try {
      const { readFileSync } = await import('node:fs');
      const res = await fetch(`${server.url}/v1/import/orders?format=shopify&filename=orders.csv`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.keys.secretKey}`, 'content-type': 'text/csv' },
        body: readFileSync(join(fixtures, 'orders/shopify-orders.csv')),
      });
      const report = (await res.json()) as Report;
      expect(res.status).toBe(200);
      expect(report.imported).toBeGreaterThanOrEqual(4);
      const refused = await fetch(`${server.url}/v1/import/orders`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.keys.writeKey}`, 'content-type': 'text/csv' },
        body: 'x',
      });
      expect(refused.status).toBe(403);
      const badKind = await fetch(`${server.url}/v1/import/invoices`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.keys.secretKey}`, 'content-type': 'text/csv' },
        body: 'x',
      });
      expect(badKind.status).toBe(400);
    } finally {
      await server.stop();
    }
  });
});
