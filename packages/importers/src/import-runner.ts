// Runs one import: parse the file (streamed, constant memory), write records in chunks, each
// chunk one transaction, and report rows read, imported, skipped as duplicates and rejected
// with line and reason. Strict mode parses the whole file first and imports nothing if any
// row is bad. A crash leaves whole chunks only; ids derived from the source make a re-run add
// exactly what is missing.
import { statSync } from 'node:fs';
import type { CatalogueProduct, CustomerRow, OrderItem, Store, StoredEvent } from '@centric/storage';
import { hashEmail, normaliseEmail } from './email-hash';
import { parserFor } from './format-registry';
import { orderFacts } from './order-events';
import type {
  CustomerRecord,
  ImportFormat,
  ImportKind,
  OrderRecord,
  ParsedItem,
  ProductRecord,
} from './records';

export interface ImportSummary {
  kind: ImportKind;
  format: ImportFormat;
  read: number;
  imported: number;
  duplicates: number;
  rejected: { line: number; reason: string }[];
  /** True when --strict found bad rows and imported nothing. */
  aborted: boolean;
  ms: number;
}

export interface ImportProgress {
  bytesRead: number;
  totalBytes: number;
  rows: number;
}

export interface ImportOptions {
  store: Store;
  projectId: string;
  kind: ImportKind;
  format?: ImportFormat;
  file: string;
  strict?: boolean;
  /** Records per transaction. */
  chunkSize?: number;
  sessionTimeoutMs?: number;
  onProgress?: (progress: ImportProgress) => void;
  /** Called after each committed chunk (tests use it to crash mid-import). */
  onChunk?: (committed: { chunks: number; imported: number }) => void;
  now?: number;
}

type AnyParsed = ParsedItem<ProductRecord | CustomerRecord | OrderRecord | StoredEvent>;

export async function runImport(options: ImportOptions): Promise<ImportSummary> {
  const {
    store,
    projectId,
    kind,
    file,
    strict = false,
    chunkSize = 5000,
    sessionTimeoutMs = 30 * 60_000,
    now = Date.now(),
  } = options;
  const started = performance.now();
  const { format, parse } = parserFor(kind, options.format, file);
  const totalBytes = statSync(file).size;
  const summary: ImportSummary = {
    kind,
    format,
    read: 0,
    imported: 0,
    duplicates: 0,
    rejected: [],
    aborted: false,
    ms: 0,
  };
  const items = () =>
    (parse as (f: string, o: object) => AsyncGenerator<AnyParsed>)(file, {
      projectId,
      now,
      onProgress: (bytesRead: number) => options.onProgress?.({ bytesRead, totalBytes, rows: summary.read }),
    });

  if (strict) {
    let rows = 0;
    const rejected: ImportSummary['rejected'] = [];
    for await (const item of items()) {
      rows += 1;
      if ('error' in item) rejected.push({ line: item.line, reason: item.error });
    }
    if (rejected.length > 0) {
      return { ...summary, read: rows, rejected, aborted: true, ms: performance.now() - started };
    }
  }

  const writer = await chunkWriter({ store, projectId, kind, now });
  let chunk: unknown[] = [];
  let chunks = 0;
  const flush = async () => {
    if (chunk.length === 0) return;
    const result = await writer(chunk);
    summary.imported += result.imported;
    summary.duplicates += result.duplicates;
    chunk = [];
    chunks += 1;
    options.onChunk?.({ chunks, imported: summary.imported });
  };
  for await (const item of items()) {
    summary.read += 1;
    if ('error' in item) {
      summary.rejected.push({ line: item.line, reason: item.error });
      continue;
    }
    chunk.push(item.record);
    if (chunk.length >= chunkSize) await flush();
  }
  await flush();
  if (kind === 'events' || kind === 'orders')
    await store.events.assignSessions({ projectId, timeoutMs: sessionTimeoutMs });
  options.onProgress?.({ bytesRead: totalBytes, totalBytes, rows: summary.read });
  summary.ms = performance.now() - started;
  return summary;
}

type ChunkWriter = (records: unknown[]) => Promise<{ imported: number; duplicates: number }>;

async function chunkWriter({
  store,
  projectId,
  kind,
  now,
}: {
  store: Store;
  projectId: string;
  kind: ImportKind;
  now: number;
}): Promise<ChunkWriter> {
  if (kind === 'products') {
    return async (records) => {
      const r = await store.state.upsertProducts(
        projectId,
        (records as ProductRecord[]).map(toCatalogueProduct),
      );
      return { imported: r.inserted + r.updated, duplicates: r.unchanged };
    };
  }
  if (kind === 'customers') {
    const settings = await store.state.projectSettings(projectId);
    return async (records) => {
      const rows = (records as CustomerRecord[]).map(
        (c): CustomerRow => ({
          customerId: c.customerId,
          emailHash: c.email ? hashEmail(c.email, settings.emailHashKey) : null,
          email: c.email && settings.keepEmails ? normaliseEmail(c.email) : null,
          firstName: c.firstName,
          lastName: c.lastName,
          createdAt: c.createdAt,
          attributes: Object.keys(c.attributes).length > 0 ? JSON.stringify(c.attributes) : null,
        }),
      );
      const r = await store.state.upsertCustomers(projectId, rows);
      // The shop's customer id and the keyed e-mail hash are one customer (orders may carry either).
      await store.profiles.linkAll(
        projectId,
        rows
          .filter((row) => row.emailHash !== null)
          .map((row) => ({
            identities: [`u:${row.customerId}`, `u:email:${row.emailHash}`],
            reason: 'import: customer e-mail',
            at: now,
          })),
      );
      return { imported: r.inserted + r.updated, duplicates: r.unchanged };
    };
  }
  if (kind === 'orders') {
    const settings = await store.state.projectSettings(projectId);
    return async (records) => {
      const events: StoredEvent[] = [];
      const orderItems: OrderItem[] = [];
      const orders = records as OrderRecord[];
      const links = new Map<string, string[]>();
      for (const order of orders) {
        // Orders are tied to the customer: the shop's customer id, else the hashed e-mail.
        const emailId = order.email ? `email:${hashEmail(order.email, settings.emailHashKey)}` : null;
        const userId = order.customerId ?? emailId;
        if (order.customerId && emailId)
          links.set(`${order.customerId} ${emailId}`, [`u:${order.customerId}`, `u:${emailId}`]);
        const facts = orderFacts(order, { projectId, userId, receivedAt: now });
        events.push(...facts.events);
        orderItems.push(...facts.orderItems);
      }
      const r = await store.events.appendNew({ events, orderItems });
      await store.profiles.linkAll(
        projectId,
        [...links.values()].map((identities) => ({ identities, reason: 'import: order e-mail', at: now })),
      );
      const existing = new Set(r.duplicateIds);
      const duplicates = orders.filter((o) => existing.has(`imp:order:${o.orderId}`)).length;
      return { imported: orders.length - duplicates, duplicates };
    };
  }
  return async (records) => {
    const r = await store.events.appendNew({ events: records as StoredEvent[], orderItems: [] });
    return { imported: r.inserted, duplicates: r.duplicates };
  };
}

function toCatalogueProduct(p: ProductRecord): CatalogueProduct {
  return {
    productId: p.productId,
    title: p.title,
    description: p.description,
    categoryPath: p.categoryPath,
    brand: p.brand,
    price: p.price,
    salePrice: p.salePrice,
    currency: p.currency,
    availability: p.availability,
    imageLink: p.imageLink,
    link: p.link,
    attributes: Object.keys(p.attributes).length > 0 ? JSON.stringify(p.attributes) : null,
  };
}
