// The stream store on a real DuckDB file: a visitor's product events with the prices they carried
// (number, numeric string, single product), across the identities of a profile; catalogue upserts
// recording price and availability changes (and nothing for unchanged or new products); catalogue
// rows with their created dates; and arrivals that leave the first import out.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogueProduct } from '../store';
import { storedEvent } from '../test-support/event-factory';
import { DuckDbStore } from './duckdb-store';

const DAY = 86_400_000;
const NOW = Date.now();
const P = 'prj_stream';
const dir = mkdtempSync(join(tmpdir(), 'centric-streamstore-'));
let store: DuckDbStore;

function product(productId: string, over: Partial<CatalogueProduct> = {}): CatalogueProduct {
  return {
    productId,
    title: `Product ${productId}`,
    description: null,
    categoryPath: 'Home > Candles',
    brand: 'Acme',
    price: 20,
    salePrice: null,
    currency: 'EUR',
    availability: 'in stock',
    imageLink: null,
    link: null,
    attributes: null,
    ...over,
  };
}

beforeAll(async () => {
  store = await DuckDbStore.open({ file: join(dir, 'stream.duckdb') });
  const event = (over: Parameters<typeof storedEvent>[0]) => storedEvent({ sessionId: 's-1', ...over });
  await store.events.append({
    events: [
      event({
        projectId: P,
        anonymousId: 'dev-1',
        productId: 'p1',
        timestamp: NOW - 3 * DAY,
        properties: '{"price":20}',
      }),
      event({
        projectId: P,
        event: 'Product Added to Wishlist',
        anonymousId: null,
        userId: 'kim',
        productId: 'p2',
        timestamp: NOW - 2 * DAY,
        properties: '{"price":"12.50"}',
      }),
      event({
        projectId: P,
        event: 'Product Added',
        anonymousId: 'dev-1',
        productId: 'p3',
        currency: 'EUR',
        timestamp: NOW - DAY,
        properties: '{"products":[{"product_id":"p3","price":7}]}',
      }),
      // No price property: the value per unit.
      event({
        projectId: P,
        event: 'Product Clicked',
        anonymousId: 'dev-1',
        productId: 'p4',
        value: 9,
        quantity: 3,
        timestamp: NOW - DAY / 2,
      }),
      // Not a product interaction, another visitor, too old, another project.
      event({
        projectId: P,
        event: 'Order Completed',
        anonymousId: 'dev-1',
        productId: 'p1',
        timestamp: NOW - DAY,
      }),
      event({ projectId: P, anonymousId: 'dev-2', productId: 'p1', timestamp: NOW - DAY }),
      event({ projectId: P, anonymousId: 'dev-1', productId: 'p9', timestamp: NOW - 400 * DAY }),
      event({ projectId: 'prj_other', anonymousId: 'dev-1', productId: 'p1', timestamp: NOW - DAY }),
    ],
    orderItems: [],
  });
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('productInteractions', () => {
  it('reads the product events of all given identities, newest first, with the price seen', async () => {
    const rows = await store.stream.productInteractions(P, {
      identities: ['a:dev-1', 'u:kim'],
      sinceMs: NOW - 30 * DAY,
      limit: 10,
    });
    expect(rows.map((r) => [r.productId, r.event, r.price])).toEqual([
      ['p4', 'Product Clicked', 3],
      ['p3', 'Product Added', 7],
      ['p2', 'Product Added to Wishlist', 12.5],
      ['p1', 'Product Viewed', 20],
    ]);
    expect(rows[1]!.at).toBe(NOW - DAY);
    expect(
      await store.stream.productInteractions(P, { identities: ['u:kim'], sinceMs: 0, limit: 10 }),
    ).toHaveLength(1);
    expect(await store.stream.productInteractions(P, { identities: [], sinceMs: 0, limit: 10 })).toEqual([]);
  });
});

describe('catalogue history', () => {
  it('records changes of the effective price and of availability, not of other fields', async () => {
    const start = Date.now();
    await store.state.upsertProducts(P, [
      product('p1'),
      product('p2'),
      product('p3', { availability: 'out of stock' }),
    ]);
    // Nothing recorded for new products.
    expect(await store.stream.productChanges(P, { productIds: ['p1', 'p2', 'p3'], sinceMs: 0 })).toEqual([]);
    await store.state.upsertProducts(P, [
      product('p1', { salePrice: 15 }), // effective price 20 -> 15
      product('p2', { title: 'Renamed' }), // not a price or stock change
      product('p3', { availability: 'in stock' }), // back in stock
    ]);
    await store.state.upsertProducts(P, [product('p1', { salePrice: 15 })]); // unchanged
    const changes = await store.stream.productChanges(P, {
      productIds: ['p1', 'p2', 'p3'],
      sinceMs: start - 1000,
    });
    expect(changes.map(({ at: _, ...c }) => c)).toEqual([
      {
        productId: 'p1',
        oldPrice: 20,
        newPrice: 15,
        oldAvailability: 'in stock',
        newAvailability: 'in stock',
      },
      {
        productId: 'p3',
        oldPrice: 20,
        newPrice: 20,
        oldAvailability: 'out of stock',
        newAvailability: 'in stock',
      },
    ]);
    expect(changes[0]!.at).toBeGreaterThanOrEqual(start - 1000);
    expect(await store.stream.productChanges(P, { productIds: ['p2'], sinceMs: 0 })).toEqual([]);
    expect(await store.stream.productChanges(P, { productIds: ['p1'], sinceMs: Date.now() + DAY })).toEqual(
      [],
    );
  });

  it('reads catalogue rows with created dates and the arrivals after the first import', async () => {
    const rows = await store.stream.products(P, ['p1', 'p3', 'unknown']);
    expect(rows.map((r) => [r.productId, r.salePrice, r.availability])).toEqual([
      ['p1', 15, 'in stock'],
      ['p3', null, 'in stock'],
    ]);
    expect(rows[0]!.createdAt).toBeGreaterThan(NOW - DAY);

    await new Promise((r) => setTimeout(r, 20));
    await store.state.upsertProducts(P, [
      product('n1', { categoryPath: 'Toys', brand: 'Dune' }),
      product('n2', { categoryPath: 'Garden', brand: 'Cobalt' }),
    ]);
    const since = NOW - 30 * DAY;
    const all = await store.stream.newProducts(P, { sinceMs: since, afterFirstMs: 0, limit: 10 });
    // p1..p3 came with the first import: not arrivals.
    expect(all.map((p) => p.productId).sort()).toEqual(['n1', 'n2']);
    expect(
      (
        await store.stream.newProducts(P, {
          sinceMs: since,
          afterFirstMs: 0,
          categories: ['Toys'],
          limit: 10,
        })
      ).map((p) => p.productId),
    ).toEqual(['n1']);
    expect(
      (
        await store.stream.newProducts(P, {
          sinceMs: since,
          afterFirstMs: 0,
          categories: ['Toys'],
          brands: ['Cobalt'],
          limit: 10,
        })
      )
        .map((p) => p.productId)
        .sort(),
    ).toEqual(['n1', 'n2']);
    expect(await store.stream.newProducts(P, { sinceMs: since, afterFirstMs: DAY, limit: 10 })).toEqual([]);
    expect(
      await store.stream.newProducts(P, {
        sinceMs: since,
        afterFirstMs: 0,
        categories: [],
        brands: [],
        limit: 10,
      }),
    ).toEqual([]);
  });
});
