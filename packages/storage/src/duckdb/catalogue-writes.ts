// Upserts of catalogue products and imported customers: staged, then inserted or updated in
// one statement each; rows whose content hash is unchanged are counted, not rewritten. A product
// whose price or availability changes also gets a product_changes row (the shopping stream's
// price drops and back-in-stock notices), written in the same transaction.

import { fnv1a64 } from '@centric/core';
import { type DuckDBAppender, DuckDBTimestampValue } from '@duckdb/node-api';
import type { CatalogueProduct, CustomerRow, UpsertReport } from '../store';
import type { DuckDbDatabase } from './duckdb-database';
import { inTransaction, stageRows } from './staging';

const ts = (ms: number) => new DuckDBTimestampValue(BigInt(Math.round(ms)) * 1000n);

function text(ap: DuckDBAppender, v: string | null): void {
  if (v === null) ap.appendNull();
  else ap.appendVarchar(v);
}
function num(ap: DuckDBAppender, v: number | null): void {
  if (v === null) ap.appendNull();
  else ap.appendDouble(v);
}

/** Later rows win within one chunk: the file's last word about a product counts. */
function lastById<T>(rows: readonly T[], id: (row: T) => string): { unique: T[]; repeated: number } {
  const byId = new Map<string, T>();
  for (const row of rows) byId.set(id(row), row);
  return { unique: [...byId.values()], repeated: rows.length - byId.size };
}

async function upsert(
  db: DuckDbDatabase,
  {
    table,
    key,
    count,
    append,
    columns,
    beforeWrite,
  }: {
    table: string;
    key: string;
    count: number;
    append: (ap: DuckDBAppender) => void;
    columns: string[];
    /** SQL run after staging, before the rows are written: it still sees the old rows. */
    beforeWrite?: string;
  },
): Promise<Omit<UpsertReport, 'unchanged'> & { total: number }> {
  return db.withWriter((writer) =>
    inTransaction(writer, async () => {
      await stageRows(writer, { name: `stage_${table}`, like: table, append });
      if (beforeWrite) await writer.run(beforeWrite);
      const reader = await writer.runAndReadAll(
        `SELECT count(*) FILTER (WHERE t.${key} IS NULL) AS inserted,
                count(*) FILTER (WHERE t.${key} IS NOT NULL AND t.content_hash <> s.content_hash) AS updated
         FROM stage_${table} s LEFT JOIN ${table} t ON t.project_id = s.project_id AND t.${key} = s.${key}`,
      );
      const row = reader.getRowObjectsJS()[0] ?? {};
      const set = columns.map((c) => `${c} = excluded.${c}`).join(', ');
      await writer.run(
        `INSERT INTO ${table} SELECT * FROM stage_${table}
         ON CONFLICT (project_id, ${key}) DO UPDATE SET ${set}, content_hash = excluded.content_hash, updated_at = excluded.updated_at
         WHERE ${table}.content_hash <> excluded.content_hash`,
      );
      await writer.run(`DROP TABLE stage_${table}`);
      return { inserted: Number(row.inserted ?? 0), updated: Number(row.updated ?? 0), total: count };
    }),
  );
}

/** The price a buyer pays: the sale price when it is lower (as the recommendation catalogue reads it). */
const effectivePrice = (row: string) =>
  `CASE WHEN ${row}.sale_price IS NOT NULL AND (${row}.price IS NULL OR ${row}.sale_price < ${row}.price) THEN ${row}.sale_price ELSE ${row}.price END`;

/** Appends a product_changes row for every staged product whose effective price or availability changes. */
const RECORD_PRODUCT_CHANGES = `
  INSERT INTO product_changes
  SELECT s.project_id, s.product_id, s.updated_at, ${effectivePrice('t')}, ${effectivePrice('s')},
         t.availability, s.availability
  FROM stage_products s JOIN products t ON t.project_id = s.project_id AND t.product_id = s.product_id
  WHERE t.content_hash <> s.content_hash
    AND (${effectivePrice('t')} IS DISTINCT FROM ${effectivePrice('s')}
         OR t.availability IS DISTINCT FROM s.availability)`;

export async function upsertProducts(
  db: DuckDbDatabase,
  projectId: string,
  products: readonly CatalogueProduct[],
): Promise<UpsertReport> {
  if (products.length === 0) return { inserted: 0, updated: 0, unchanged: 0 };
  const { unique, repeated } = lastById(products, (p) => p.productId);
  const now = Date.now();
  const r = await upsert(db, {
    table: 'products',
    key: 'product_id',
    count: unique.length,
    beforeWrite: RECORD_PRODUCT_CHANGES,
    columns: [
      'title',
      'description',
      'category_path',
      'brand',
      'price',
      'sale_price',
      'currency',
      'availability',
      'image_link',
      'link',
      'attributes',
    ],
    append: (ap) => {
      for (const p of unique) {
        ap.appendVarchar(projectId);
        ap.appendVarchar(p.productId);
        ap.appendVarchar(p.title);
        text(ap, p.description);
        text(ap, p.categoryPath);
        text(ap, p.brand);
        num(ap, p.price);
        num(ap, p.salePrice);
        text(ap, p.currency);
        text(ap, p.availability);
        text(ap, p.imageLink);
        text(ap, p.link);
        text(ap, p.attributes);
        ap.appendVarchar(fnv1a64(JSON.stringify(p)));
        ap.appendTimestamp(ts(now));
        ap.appendTimestamp(ts(now));
        ap.endRow();
      }
    },
  });
  return { inserted: r.inserted, updated: r.updated, unchanged: r.total - r.inserted - r.updated + repeated };
}

export async function upsertCustomers(
  db: DuckDbDatabase,
  projectId: string,
  customers: readonly CustomerRow[],
): Promise<UpsertReport> {
  if (customers.length === 0) return { inserted: 0, updated: 0, unchanged: 0 };
  const { unique, repeated } = lastById(customers, (c) => c.customerId);
  const now = Date.now();
  const r = await upsert(db, {
    table: 'customers',
    key: 'customer_id',
    count: unique.length,
    columns: ['email_hash', 'email', 'first_name', 'last_name', 'created_at', 'attributes'],
    append: (ap) => {
      for (const c of unique) {
        ap.appendVarchar(projectId);
        ap.appendVarchar(c.customerId);
        text(ap, c.emailHash);
        text(ap, c.email);
        text(ap, c.firstName);
        text(ap, c.lastName);
        if (c.createdAt === null) ap.appendNull();
        else ap.appendTimestamp(ts(c.createdAt));
        text(ap, c.attributes);
        ap.appendVarchar(fnv1a64(JSON.stringify(c)));
        ap.appendTimestamp(ts(now));
        ap.appendTimestamp(ts(now));
        ap.endRow();
      }
    },
  });
  return { inserted: r.inserted, updated: r.updated, unchanged: r.total - r.inserted - r.updated + repeated };
}
