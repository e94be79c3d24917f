// bench/import: import throughput on public data, through the same runner as `centric import`.
//   npm run bench -- import [DATA_DIR]   (default ../shared/data)
// Orders: UCI Online Retail's first 240k rows, turned into the generic orders CSV. Events: the
// public clickstreams (YooChoose sample, DIGINETICA views and purchases) in RetailRocket's
// events.csv shape. Conversion is not timed; the import is.
import { createReadStream, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { runImport } from '@centric/importers';
import { DuckDbStore } from '@centric/storage';
import { printFigure } from './figures';

async function* lines(file: string): AsyncGenerator<string> {
  const input = file.endsWith('.gz') ? createReadStream(file).pipe(createGunzip()) : createReadStream(file);
  yield* createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
}

/** Splits one CSV line with quotes (the UCI file quotes descriptions with commas). */
function splitCsv(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === '"') {
      if (quoted && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else quoted = !quoted;
    } else if (ch === ',' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

const q = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

async function ordersCsv(data: string, target: string): Promise<number> {
  const rows = [
    'order_id,ordered_at,customer_id,currency,status,product_id,product_name,unit_price,quantity',
  ];
  let header = true;
  for await (const line of lines(join(data, 'online-retail/online_retail_first_240k.csv.gz'))) {
    if (header) {
      header = false;
      continue;
    }
    const [invoice, stock, description, quantity, date, price, customer] = splitCsv(line);
    if (!invoice || invoice.startsWith('C') || Number(quantity) <= 0 || Number(price) <= 0) continue;
    const m = /^(\d+)\/(\d+)\/(\d+) (\d+):(\d+)$/.exec(date ?? '');
    if (!m) continue;
    const at = `20${m[3]}-${m[1]!.padStart(2, '0')}-${m[2]!.padStart(2, '0')}T${m[4]!.padStart(2, '0')}:${m[5]}:00Z`;
    rows.push(
      [
        invoice,
        at,
        (customer ?? '').replace(/\.0$/, ''),
        'GBP',
        'completed',
        stock ?? '',
        q(description ?? ''),
        price ?? '',
        quantity ?? '',
      ].join(','),
    );
  }
  writeFileSync(target, `${rows.join('\n')}\n`);
  return rows.length - 1;
}

async function eventsCsv(data: string, target: string): Promise<number> {
  const rows = ['timestamp,visitorid,event,itemid,transactionid'];
  for (const name of ['yoochoose-clicks-100k_train_full.txt', 'yoochoose-clicks-100k_test.txt']) {
    let header = true;
    for await (const line of lines(join(data, 'yoochoose-100k', name))) {
      if (header) {
        header = false;
        continue;
      }
      const [session, item, time] = line.split('\t');
      rows.push(`${Math.round(Number(time) * 1000)},${9_000_000 + Number(session)},view,${item},`);
    }
  }
  const day = (d: string, frame: string) => Date.parse(`${d}T00:00:00Z`) + Number(frame);
  let header = true;
  for await (const line of lines(join(data, 'diginetica/sample_train-item-views.csv'))) {
    if (header) {
      header = false;
      continue;
    }
    const [session, , item, frame, date] = line.split(';');
    rows.push(`${day(date!, frame!)},${session},view,${item},`);
  }
  header = true;
  for await (const line of lines(join(data, 'diginetica/train-purchases.csv'))) {
    if (header) {
      header = false;
      continue;
    }
    const [session, , frame, date, order, item] = line.split(';');
    rows.push(`${day(date!, frame!)},${session},transaction,${item},${order}`);
  }
  writeFileSync(target, `${rows.join('\n')}\n`);
  return rows.length - 1;
}

export default async function importBench(args: string[]): Promise<void> {
  const data = resolve(args[0] ?? '../shared/data');
  for (const needed of [
    'online-retail/online_retail_first_240k.csv.gz',
    'yoochoose-100k/yoochoose-clicks-100k_train_full.txt',
    'diginetica/train-purchases.csv',
  ]) {
    if (!existsSync(join(data, needed))) {
      process.stderr.write(
        `bench import: ${join(data, needed)} is missing; pass the public data folder (e.g. ../shared/data)\n`,
      );
      process.exit(1);
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'centric-bench-import-'));
  try {
    const ordersFile = join(dir, 'orders.csv');
    const eventsFile = join(dir, 'events.csv');
    const orderRows = await ordersCsv(data, ordersFile);
    const eventRows = await eventsCsv(data, eventsFile);
    const store = await DuckDbStore.open({ file: join(dir, 'bench.duckdb') });
    const { project } = await store.state.createProject({ name: 'bench' });
    try {
      const orders = await runImport({
        store,
        projectId: project.id,
        kind: 'orders',
        format: 'generic',
        file: ordersFile,
      });
      const events = await runImport({
        store,
        projectId: project.id,
        kind: 'events',
        format: 'retailrocket',
        file: eventsFile,
      });
      const rerun = await runImport({
        store,
        projectId: project.id,
        kind: 'orders',
        format: 'generic',
        file: ordersFile,
      });
      const bench = 'import';
      printFigure({
        bench,
        metric: 'orders_rows_per_s',
        value: Math.round(orderRows / (orders.ms / 1000)),
        unit: '1/s',
        rows: orderRows,
        orders: orders.imported,
        rejected: orders.rejected.length,
      });
      printFigure({
        bench,
        metric: 'events_rows_per_s',
        value: Math.round(eventRows / (events.ms / 1000)),
        unit: '1/s',
        rows: eventRows,
        imported: events.imported,
        duplicates: events.duplicates,
        rejected: events.rejected.length,
      });
      printFigure({
        bench,
        metric: 'orders_rerun_rows_per_s',
        value: Math.round(orderRows / (rerun.ms / 1000)),
        unit: '1/s',
        imported: rerun.imported,
        duplicates: rerun.duplicates,
      });
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
