// Loads the demo into a project: the real UCI Online Retail sample shipped in demo/data
// (products, customers, orders with refunds), its dates moved forward by whole weeks so that
// the data ends in the last days (weekdays and seasons stay as they were), plus the seeded
// simulated browsing around those orders (browsing-simulator.ts). Runs through the same
// importers a shop uses; everything is idempotent.
import { createReadStream, createWriteStream, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';
import {
  type OrderRecord,
  type ProductRecord,
  parseGenericOrdersCsv,
  parseProductsCsv,
} from '@centric/importers';
import type { StoredEvent } from '@centric/storage';
import type { CentricService } from '../services/centric-service';
import { type DemoOrder, type DemoProduct, simulateBrowsing } from './browsing-simulator';

export const DEMO_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../demo/data');
/** The last order of the sample: 2011-12-09 12:50 UTC. */
const LAST_ORDER_MS = Date.parse('2011-12-09T12:50:00Z');
const WEEK_MS = 7 * 86_400_000;
const ISO = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z/g;

export interface DemoReport {
  products: number;
  customers: number;
  orders: number;
  simulatedEvents: number;
  shiftWeeks: number;
  ms: number;
}

/** Unzips a shipped file to a working copy with every ISO time moved forward. */
async function shiftedCopy(name: string, to: string, shiftMs: number): Promise<string> {
  const target = join(to, name.replace(/\.gz$/, ''));
  const lines = createInterface({
    input: createReadStream(join(DEMO_DIR, name)).pipe(createGunzip()),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  const shifted = (async function* () {
    for await (const line of lines)
      yield `${line.replace(ISO, (t) => new Date(Date.parse(t) + shiftMs).toISOString().replace('.000Z', 'Z'))}\n`;
  })();
  await pipeline(shifted, createWriteStream(target));
  return target;
}

export async function loadDemo(
  service: CentricService,
  {
    projectId,
    workDir,
    now = Date.now(),
    log = () => {},
  }: { projectId: string; workDir: string; now?: number; log?: (line: string) => void },
): Promise<DemoReport> {
  const started = performance.now();
  for (const name of ['products.csv.gz', 'customers.csv.gz', 'orders.csv.gz']) {
    if (!existsSync(join(DEMO_DIR, name)))
      throw new Error(
        `demo data ${join(DEMO_DIR, name)} is missing; the demo/ folder of the repository must be complete`,
      );
  }
  const shiftWeeks = Math.floor((now - LAST_ORDER_MS) / WEEK_MS);
  const shiftMs = shiftWeeks * WEEK_MS;
  const dir = join(workDir, `demo-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  try {
    const [productsFile, customersFile, ordersFile] = await Promise.all([
      shiftedCopy('products.csv.gz', dir, shiftMs),
      shiftedCopy('customers.csv.gz', dir, shiftMs),
      shiftedCopy('orders.csv.gz', dir, shiftMs),
    ]);
    const products = await service.importFile(projectId, {
      kind: 'products',
      format: 'csv',
      file: productsFile,
    });
    log(`demo: ${products.imported + products.duplicates} products`);
    const customers = await service.importFile(projectId, {
      kind: 'customers',
      format: 'csv',
      file: customersFile,
    });
    log(`demo: ${customers.imported + customers.duplicates} customers`);
    const orders = await service.importFile(projectId, {
      kind: 'orders',
      format: 'generic',
      file: ordersFile,
    });
    log(`demo: ${orders.imported + orders.duplicates} real orders`);

    const catalogue: DemoProduct[] = [];
    for await (const item of parseProductsCsv(productsFile, { projectId, now })) {
      if ('record' in item) catalogue.push(toDemoProduct(item.record));
    }
    const demoOrders: DemoOrder[] = [];
    for await (const item of parseGenericOrdersCsv(ordersFile, { projectId, now })) {
      if ('record' in item && item.record.customerId) demoOrders.push(toDemoOrder(item.record));
    }
    let simulated = 0;
    let chunk: StoredEvent[] = [];
    for (const event of simulateBrowsing({ projectId, orders: demoOrders, products: catalogue })) {
      chunk.push(event);
      if (chunk.length >= 25_000) {
        simulated += (await service.store.events.appendNew({ events: chunk, orderItems: [] })).inserted;
        chunk = [];
      }
    }
    simulated += (await service.store.events.appendNew({ events: chunk, orderItems: [] })).inserted;
    await service.store.events.assignSessions({ projectId, timeoutMs: 30 * 60_000 });
    log(`demo: ${simulated} simulated browsing events`);
    const settings = await service.store.state.projectSettings(projectId);
    await service.store.state.updateProjectSettings(projectId, {
      demo: {
        loadedAt: new Date(now).toISOString(),
        shiftWeeks,
        orders: demoOrders.length,
        simulatedEvents: settings.demo?.simulatedEvents ?? simulated,
      },
    });
    return {
      products: catalogue.length,
      customers: customers.imported + customers.duplicates,
      orders: demoOrders.length,
      simulatedEvents: simulated,
      shiftWeeks,
      ms: performance.now() - started,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function toDemoProduct(p: ProductRecord): DemoProduct {
  return {
    productId: p.productId,
    title: p.title,
    category: p.categoryPath ?? 'Gifts & other',
    price: p.price,
  };
}

function toDemoOrder(o: OrderRecord): DemoOrder {
  return {
    orderId: o.orderId,
    customerId: o.customerId ?? '',
    at: o.orderedAt,
    lines: o.lines.map((l) => ({
      productId: l.productId,
      name: l.name,
      category: l.category,
      price: l.price,
    })),
  };
}
