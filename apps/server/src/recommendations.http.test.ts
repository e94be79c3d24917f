// Recommendations over real HTTP: serving with the write key (the shop page's call), the answer's
// shape and recommendation id, slots and the live preview with the secret key, and the attribution
// report after a click and an order that carry the recommendation back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateShop } from './test-support/recommendation-shop';
import { startTestServer, type TestServer } from './test-support/test-server';

let server: TestServer;

async function call<T = Record<string, unknown>>(
  method: string,
  path: string,
  { body, key = server.keys.secretKey }: { body?: unknown; key?: string | null } = {},
): Promise<{ status: number; json: T }> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      ...(key === null ? {} : { authorization: `Bearer ${key}` }),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, json: (text ? JSON.parse(text) : null) as T };
}

async function batch(messages: readonly unknown[]): Promise<void> {
  for (let i = 0; i < messages.length; i += 500) {
    const res = await call('POST', '/v1/batch', {
      body: { batch: messages.slice(i, i + 500) },
      key: server.keys.writeKey,
    });
    expect(res.status).toBe(200);
  }
}

interface Served {
  recommendationId: string;
  slot: string;
  algorithm: string;
  items: {
    productId: string;
    title: string;
    price: number | null;
    category: string;
    link: string | null;
    reason: string;
    score: number;
  }[];
}

beforeAll(async () => {
  server = await startTestServer();
  const shop = generateShop({ now: Date.now(), visitors: 40 });
  await server.service.store.state.upsertProducts(server.project.id, shop.products);
  await batch(shop.messages);
  await server.recommendations.rebuild(server.project.id);
});
afterAll(async () => {
  await server.stop();
});

describe('GET /v1/recommendations', () => {
  it('serves a slot with the write key and a recommendation id', async () => {
    const res = await call<Served>(
      'GET',
      '/v1/recommendations?slot=product_page&visitor=web-1&product=2-3&limit=5',
      {
        key: server.keys.writeKey,
      },
    );
    expect(res.status).toBe(200);
    expect(res.json.recommendationId).toMatch(/^rec_/);
    expect(res.json.slot).toBe('product_page');
    expect(res.json.algorithm).toBe('also_viewed+trending');
    expect(res.json.items).toHaveLength(5);
    expect(res.json.items[0]).toMatchObject({
      category: 'Home > Candles',
      reason: 'viewed_together',
      link: expect.stringMatching(/^https:\/\/shop\.example\/p\//),
    });
    expect(res.json.items.map((i) => i.productId)).not.toContain('2-3');
  });

  it('answers 401 without a key, 400 without a slot and 404 for an unknown slot', async () => {
    expect((await call('GET', '/v1/recommendations?slot=home', { key: null })).status).toBe(401);
    expect((await call('GET', '/v1/recommendations', { key: server.keys.writeKey })).status).toBe(400);
    const missing = await call<{ error: { code: string; details: { slots: string[] } } }>(
      'GET',
      '/v1/recommendations?slot=nowhere',
      { key: server.keys.writeKey },
    );
    expect(missing.status).toBe(404);
    expect(missing.json.error.details.slots).toEqual(['home', 'product_page', 'cart', 'email']);
  });
});

describe('slots and preview', () => {
  it('lists the default slots, saves a slot with rules and deletes it', async () => {
    const list = await call<{ slots: { slotId: string }[] }>('GET', '/v1/recommendations/slots');
    expect(list.json.slots.map((s) => s.slotId)).toEqual(['home', 'product_page', 'cart', 'email']);
    const rules = {
      filters: { categories: ['Toys'], maxPrice: 50 },
      maxPerCategory: 2,
      pins: [{ productId: '5-1', position: 0 }],
    };
    const saved = await call('PUT', '/v1/recommendations/slots/toy_corner', {
      body: { name: 'Toy corner', algorithm: 'trending', limit: 3, rules },
    });
    expect(saved).toMatchObject({ status: 200, json: { slotId: 'toy_corner', rules } });
    const served = await call<Served>('GET', '/v1/recommendations?slot=toy_corner', {
      key: server.keys.writeKey,
    });
    expect(served.json.items.map((i) => i.reason)[0]).toBe('pinned');
    expect(served.json.items.every((i) => i.category === 'Toys' && (i.price ?? 0) <= 50)).toBe(true);
    expect(served.json.items.length).toBeLessThanOrEqual(2);

    expect(
      (
        await call('PUT', '/v1/recommendations/slots/Bad%20Id', {
          body: { name: 'x', algorithm: 'auto', limit: 3, rules: {} },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await call('PUT', '/v1/recommendations/slots/x', {
          body: { name: 'x', algorithm: 'magic', limit: 3, rules: {} },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await call('PUT', '/v1/recommendations/slots/x', {
          key: server.keys.writeKey,
          body: { name: 'x', algorithm: 'auto', limit: 3, rules: {} },
        })
      ).status,
    ).toBe(403);
    expect((await call('DELETE', '/v1/recommendations/slots/toy_corner')).status).toBe(204);
    expect((await call('DELETE', '/v1/recommendations/slots/toy_corner')).status).toBe(404);
  });

  it('previews an unsaved configuration without logging an impression', async () => {
    const preview = await call<Served>('POST', '/v1/recommendations/preview', {
      body: { slot: { name: 'Draft', algorithm: 'alternatives', limit: 4, rules: {} }, product: '3-9' },
    });
    expect(preview.status).toBe(200);
    expect(preview.json.recommendationId).toBe('preview');
    expect(
      preview.json.items.every((i) => i.category === 'Home > Textiles' && i.reason === 'alternative'),
    ).toBe(true);
  });
});

describe('attribution report', () => {
  it('attributes the click and the order to the slot and algorithm', async () => {
    const served = await call<Served>('GET', '/v1/recommendations?slot=home&visitor=buyer-9', {
      key: server.keys.writeKey,
    });
    await server.recommendations.flushImpressions();
    const item = served.json.items[2]!;
    const at = new Date().toISOString();
    await batch([
      {
        type: 'track',
        event: 'select_item',
        anonymousId: 'buyer-9',
        timestamp: at,
        properties: { items: [{ item_id: item.productId }], recommendation_id: served.json.recommendationId },
      },
      {
        type: 'track',
        event: 'Order Completed',
        anonymousId: 'buyer-9',
        timestamp: at,
        properties: {
          order_id: 'o-http',
          revenue: 30,
          products: [{ product_id: item.productId, price: 15, quantity: 2 }],
        },
      },
    ]);
    const report = await call<{ windowDays: number; rows: Record<string, unknown>[] }>(
      'GET',
      '/v1/query/recommendations/attribution',
    );
    expect(report.status).toBe(200);
    const row = report.json.rows.find((r) => r.slot === 'home' && r.algorithm === served.json.algorithm);
    expect(row).toEqual({
      slot: 'home',
      algorithm: 'trending',
      impressions: 1,
      clicks: 1,
      ctr: 1,
      orders: 1,
      revenue: 30,
    });
    const noKey = await call('GET', '/v1/query/recommendations/attribution', { key: server.keys.writeKey });
    expect(noKey.status).toBe(403);
  });
});
