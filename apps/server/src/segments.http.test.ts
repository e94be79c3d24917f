// Segments over real HTTP: the builder's live count of a rule, saved segments and their members,
// rules that do not parse answered with their line and column, secret-key auth, OpenAPI docs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './test-support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
  const added = (anonymousId: string, price: number, m: number) => ({
    type: 'track',
    event: 'add_to_cart',
    anonymousId,
    timestamp: minutesAgo(m),
    properties: { product_id: 'SKU-1', price, quantity: 2 },
  });
  const res = await fetch(`${server.url}/v1/batch`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.keys.writeKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      batch: [
        added('seg-ana', 60, 10),
        added('seg-ben', 80, 10),
        {
          type: 'track',
          event: 'Order Completed',
          anonymousId: 'seg-ben',
          timestamp: minutesAgo(5),
          properties: { order_id: 'o-1', revenue: 160 },
        },
        added('seg-cleo', 20, 10),
      ],
    }),
  });
  expect(res.status).toBe(200);
});
afterAll(async () => {
  await server.stop();
});

async function call<T = Record<string, unknown>>(
  method: string,
  path: string,
  body?: unknown,
  key = server.keys.secretKey,
): Promise<{ status: number; json: T }> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${key}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, json: (text ? JSON.parse(text) : null) as T };
}

interface SegmentWire {
  segmentId: string;
  name: string;
  rule: string;
  createdAt: string;
  updatedAt: string;
}
interface ErrorWire {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

const CART_RULE = 'cart_value > 100 and session.orders = 0';

describe('segments API', () => {
  it('previews the live member count of a rule with a sample of members', async () => {
    const ana = await server.service.store.profiles.resolve(server.project.id, 'a:seg-ana');
    const preview = await call('POST', '/v1/segments/preview', { rule: CART_RULE });
    expect(preview).toEqual({ status: 200, json: { count: 1, sample: [ana] } });
    const all = await call<{ count: number; sample: string[] }>('POST', '/v1/segments/preview', {
      rule: 'exists(event = "Product Added") within 1 days',
      sample: 2,
    });
    expect(all.json.count).toBe(3);
    expect(all.json.sample).toHaveLength(2);
  });

  it('answers a rule that does not parse with 400 invalid_query, its line, column and what was expected', async () => {
    const bad = await call<ErrorWire>('POST', '/v1/segments/preview', {
      rule: 'orders >= 2 and\nlast_order > 90 ago',
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toEqual({
      code: 'invalid_query',
      message: 'invalid rule: line 2, column 17: expected a unit: minutes, hours, days or weeks, found "ago"',
      details: { line: 2, column: 17, offset: 32, expected: 'a unit: minutes, hours, days or weeks' },
    });
    const saved = await call<ErrorWire>('POST', '/v1/segments', { name: 'Typo', rule: 'cart_valeu > 100' });
    expect(saved.status).toBe(400);
    expect(saved.json.error.message).toContain('did you mean cart_value?');
    expect((await call('GET', '/v1/segments')).json).toEqual({ segments: [] });
  });

  it('saves, reads, changes and deletes segments, and lists their members', async () => {
    const created = await call<SegmentWire>('POST', '/v1/segments', { name: 'Full carts', rule: CART_RULE });
    expect(created.status).toBe(201);
    const id = created.json.segmentId;
    expect(id).toMatch(/^seg_/);
    expect((await call('GET', '/v1/segments')).json).toEqual({ segments: [created.json] });
    expect((await call('GET', `/v1/segments/${id}`)).json).toEqual(created.json);

    const members = await call<{ count: number; profileIds: string[] }>(
      'GET',
      `/v1/segments/${id}/members?limit=5`,
    );
    expect(members.json.count).toBe(1);

    const renamed = await call<SegmentWire>('PUT', `/v1/segments/${id}`, { name: 'Big carts' });
    expect(renamed.json).toMatchObject({ segmentId: id, name: 'Big carts', rule: CART_RULE });
    expect((await call<ErrorWire>('PUT', `/v1/segments/${id}`, { rule: 'cart_value >' })).status).toBe(400);
    expect((await call<ErrorWire>('PUT', `/v1/segments/${id}`, {})).status).toBe(400);
    await call('PUT', `/v1/segments/${id}`, { rule: 'cart_value > 50' });
    const wider = await call<{ count: number; profileIds: string[] }>('GET', `/v1/segments/${id}/members`);
    expect(wider.json.count).toBe(2);

    expect(await call('POST', '/v1/segments/refresh', {})).toEqual({
      status: 200,
      json: { entered: 2, left: 0, failed: [] },
    });

    expect((await call('DELETE', `/v1/segments/${id}`)).status).toBe(204);
    const gone = await call<ErrorWire>('GET', `/v1/segments/${id}`);
    expect(gone.status).toBe(404);
    expect(gone.json.error.code).toBe('not_found');
    expect((await call('GET', `/v1/segments/${id}/members`)).status).toBe(404);
    expect((await call('DELETE', `/v1/segments/${id}`)).status).toBe(404);
  });

  it('needs the secret key, and documents the routes', async () => {
    expect((await call('GET', '/v1/segments', undefined, server.keys.writeKey)).status).toBe(403);
    expect((await call('POST', '/v1/segments/preview', { rule: 'orders > 1' }, 'sk_nope')).status).toBe(401);
    const doc = await call<{ paths: Record<string, Record<string, unknown>> }>('GET', '/docs/json');
    expect(Object.keys(doc.json.paths['/v1/segments/{id}'] ?? {}).sort()).toEqual(['delete', 'get', 'put']);
    expect(doc.json.paths['/v1/segments/preview']?.post).toBeDefined();
    expect(doc.json.paths['/v1/segments/{id}/members']?.get).toBeDefined();
  });
});
