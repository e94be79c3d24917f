// Customer 360 over real HTTP: a visitor's anonymous history joins the customer after login,
// the e-mail rule links the hashed address, merges are audited and can be undone, traits are
// computed, and GDPR export and erasure work by any identifier.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './test-support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
});

const ago = (days: number, minutes = 0) =>
  new Date(Date.now() - days * 86_400_000 - minutes * 60_000).toISOString();

async function call<T = Record<string, unknown>>(
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: T }> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${server.keys.secretKey}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, json: (await res.json()) as T };
}

async function ingest(batch: unknown[]): Promise<void> {
  const res = await fetch(`${server.url}/v1/batch`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.keys.writeKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ batch }),
  });
  expect(res.status).toBe(200);
}

interface View {
  profileId: string;
  identities: { key: string; kind: string; value: string }[];
  traits: {
    orders: number;
    revenue: number;
    lifecycleStage: string | null;
    rfmSegment: string | null;
  } | null;
  orders: { orderId: string }[];
  timeline: { event: string | null; channel: string }[];
  merges: { mergeId: string; reason: string; mergedProfile: string }[];
}

describe('customer 360', () => {
  it('joins the anonymous history to the customer at login and finds them by any identifier', async () => {
    await ingest([
      { type: 'page', name: 'Home', anonymousId: 'anon-ada', timestamp: ago(40, 30) },
      {
        type: 'track',
        event: 'view_item',
        anonymousId: 'anon-ada',
        timestamp: ago(40, 29),
        properties: { items: [{ item_id: 'SKU-1' }] },
      },
      {
        type: 'identify',
        anonymousId: 'anon-ada',
        userId: 'cust-ada',
        timestamp: ago(40, 28),
        traits: { email: 'Ada@Example.com', store_card: 'SC-77' },
      },
      {
        type: 'track',
        event: 'purchase',
        userId: 'cust-ada',
        timestamp: ago(40, 27),
        properties: { transaction_id: 'A-1', value: 80, currency: 'EUR' },
      },
      {
        type: 'track',
        event: 'Order Completed',
        userId: 'cust-ada',
        channel: 'store',
        timestamp: ago(5),
        properties: { order_id: 'A-2', revenue: 20, currency: 'EUR' },
      },
      { type: 'page', name: 'Home', anonymousId: 'someone-else', timestamp: ago(3) },
    ]);
    await call('POST', '/v1/profiles/refresh', { full: true });
    const byUser = await call<View>('GET', '/v1/customers/cust-ada');
    expect(byUser.status).toBe(200);
    const view = byUser.json;
    expect(view.profileId).toMatch(/^p_/);
    expect(view.identities.map((i) => i.kind).sort()).toEqual(['anonymous', 'email', 'external', 'user']);
    expect(view.timeline.map((e) => e.event)).toEqual([
      'Order Completed',
      'Order Completed',
      null,
      'Product Viewed',
      'Home',
    ]);
    expect(view.timeline.map((e) => e.channel)).toContain('store');
    expect(view.orders.map((o) => o.orderId)).toEqual(['A-2', 'A-1']);
    expect(view.traits).toMatchObject({ orders: 2, revenue: 100 });
    expect(view.traits?.lifecycleStage).not.toBeNull();
    expect(view.merges.map((m) => m.reason).sort()).toEqual(['identify', 'rule:email', 'rule:store_card']);
    for (const id of ['ada@example.com', 'anon-ada', view.profileId, 'a:anon-ada']) {
      expect((await call<View>('GET', `/v1/customers/${encodeURIComponent(id)}`)).json.profileId).toBe(
        view.profileId,
      );
    }
    expect((await call('GET', '/v1/customers/nobody')).status).toBe(404);
    const list = await call<{ customers: { profileId: string }[] }>('GET', '/v1/customers?sort=revenue');
    expect(list.json.customers[0]?.profileId).toBe(view.profileId);
  });

  it('undoes a merge: the anonymous device becomes its own profile again', async () => {
    const view = (await call<View>('GET', '/v1/customers/cust-ada')).json;
    const identify = view.merges.find((m) => m.reason === 'identify')!;
    const undone = await call('POST', `/v1/merges/${identify.mergeId}/undo`);
    expect(undone.status).toBe(200);
    const after = (await call<View>('GET', '/v1/customers/cust-ada')).json;
    expect(after.identities.map((i) => i.kind)).not.toContain('anonymous');
    expect((await call<View>('GET', '/v1/customers/anon-ada')).json.profileId).toBe('a:anon-ada');
    expect((await call('POST', `/v1/merges/${identify.mergeId}/undo`)).status).toBe(409);
    const trail = await call<{ merges: { mergeId: string; undoneAt: string | null }[] }>('GET', '/v1/merges');
    expect(trail.json.merges.find((m) => m.mergeId === identify.mergeId)?.undoneAt).not.toBeNull();
  });

  it('exports everything about a customer and erases them so that no query returns them', async () => {
    const exported = await call<{ events: unknown[]; identities: string[] }>(
      'GET',
      '/v1/customers/ada@example.com/export',
    );
    expect(exported.json.events.length).toBe(3);
    const before = (await call<{ events: number }>('GET', '/v1/query/overview?from=2000-01-01')).json.events;
    const erased = await call<{
      verified: boolean;
      deleted: Record<string, number>;
      remaining: Record<string, number>;
    }>('DELETE', '/v1/customers/cust-ada');
    expect(erased.json.verified).toBe(true);
    expect(erased.json.deleted.events).toBe(3);
    expect(Object.values(erased.json.remaining).every((n) => n === 0)).toBe(true);
    expect((await call<{ events: number }>('GET', '/v1/query/overview?from=2000-01-01')).json.events).toBe(
      before - 3,
    );
    expect((await call('GET', '/v1/customers/cust-ada')).status).toBe(404);
    expect((await call('GET', '/v1/customers/ada@example.com')).status).toBe(404);
  });
});
