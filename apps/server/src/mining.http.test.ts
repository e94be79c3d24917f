// Pattern Explorer, associations and personas over real HTTP, on a small shop sent through the
// ingest API: 6 app customers who use coupons and buy toys three times, 6 web customers who
// search and buy two lamps once, 4 visitors who search lamps and leave a cart. Association
// figures are checked by hand; personas are made a segment and its members listed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { miningShop } from './test-support/mining-shop';
import { startTestServer, type TestServer } from './test-support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  const res = await fetch(`${server.url}/v1/batch`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.keys.writeKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ batch: miningShop() }),
  });
  expect(res.status).toBe(200);
  await server.service.store.state.upsertProducts(server.project.id, [
    {
      productId: 'lamp-1',
      title: 'Brass desk lamp',
      description: null,
      categoryPath: 'Lighting',
      brand: null,
      price: 80,
      salePrice: null,
      currency: 'EUR',
      availability: null,
      imageLink: null,
      link: null,
      attributes: null,
    },
  ]);
});
afterAll(async () => {
  await server.stop();
});

async function call<T = Record<string, unknown>>(
  method: string,
  path: string,
  body?: unknown,
  key = server.keys.secretKey,
) {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${key}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, json: (await res.json()) as T };
}

interface Association {
  antecedent: string[];
  consequent: string[];
  observed: number;
  expected: number;
  surpriseFactor: number;
  confidence: number;
  lift: number;
  support: number;
  direction: string;
  pValue: number;
  adjustedPValue: number;
}
interface AssociationReport {
  basketCount: number;
  associations: Association[];
  labels: Record<string, string>;
  hypothesisCount: number;
}
const find = (r: AssociationReport, a: string, b: string) =>
  r.associations.find((x) => x.antecedent[0] === a && x.consequent[0] === b)!;

describe('associations API', () => {
  it('answers products bought together with hand-checked expected counts and surprise factors', async () => {
    const { status, json } = await call<AssociationReport>(
      'GET',
      '/v1/query/associations?side=bought_together',
    );
    expect(status).toBe(200);
    // 24 orders: 18 of toy-1 alone, 6 of lamp-1 and lamp-2; expected 6 x 6 / 24 = 1.5.
    expect(json.basketCount).toBe(24);
    const lamps = find(json, 'lamp-1', 'lamp-2');
    expect(lamps).toMatchObject({
      observed: 6,
      expected: 1.5,
      surpriseFactor: 4,
      confidence: 1,
      lift: 4,
      support: 0.25,
      direction: 'more',
    });
    // Only one table is as extreme: 1 / C(24, 6).
    expect(lamps.pValue).toBeCloseTo(1 / 134_596, 12);
    expect(find(json, 'lamp-2', 'lamp-1').observed).toBe(6);
    expect(json.labels).toEqual({ 'lamp-1': 'Brass desk lamp' });
  });

  it('answers search term -> product viewed and entry channel -> category bought', async () => {
    const search = (await call<AssociationReport>('GET', '/v1/query/associations?side=search_to_product'))
      .json;
    // 10 sessions searched "lamp" (trimmed, lower case) and all viewed lamp-1: as expected.
    expect(search.basketCount).toBe(10);
    expect(find(search, 'lamp', 'lamp-1')).toMatchObject({
      observed: 10,
      expected: 10,
      surpriseFactor: 1,
      direction: 'as-expected',
    });
    expect(find(search, 'lamp', 'lamp-2')).toMatchObject({ observed: 6, expected: 6 });
    const channels = (
      await call<AssociationReport>('GET', '/v1/query/associations?side=channel_to_category&sort=surprise')
    ).json;
    // 18 direct (app) orders of toys: expected 18 x 18 / 24 = 13.5; 6 organic-search orders of
    // lighting: 6 x 6 / 24 = 1.5.
    expect(find(channels, 'direct', 'Toys')).toMatchObject({ observed: 18, expected: 13.5 });
    expect(find(channels, 'direct', 'Toys').surpriseFactor).toBeCloseTo(4 / 3, 12);
    expect(channels.associations[0]).toMatchObject({
      antecedent: ['organic_search'],
      consequent: ['Lighting'],
      surpriseFactor: 4,
    });
  });

  it('rejects bad parameters', async () => {
    expect((await call('GET', '/v1/query/associations?side=nonsense')).status).toBe(400);
    expect((await call('GET', '/v1/query/associations?minSupport=0')).status).toBe(400);
    expect((await call('GET', '/v1/query/associations', undefined, server.keys.writeKey)).status).toBe(403);
  });
});

describe('patterns API', () => {
  it('mines page-type patterns with their conversion and separation', async () => {
    const { status, json } = await call<{
      sessionCount: number;
      convertedCount: number;
      patterns: { items: string[]; support: number; conversionRate: number; separating: boolean }[];
      separating: { items: string[]; supportDifference: number }[];
      actions: { item: string; sessions: number }[];
    }>('GET', '/v1/query/patterns?vocabulary=page_type&minSupport=0.1&maxLength=3');
    expect(status).toBe(200);
    expect(json).toMatchObject({ sessionCount: 28, convertedCount: 24 });
    const cart = json.patterns.find((p) => p.items.join('>') === 'cart')!;
    expect(cart).toMatchObject({ support: 4, conversionRate: 0 });
    expect(json.patterns.find((p) => p.items.join('>') === 'home>product')!.support).toBe(28);
    expect(json.separating.map((p) => p.items.join('>'))).toContain('cart');
    expect(json.actions[0]).toEqual({ item: 'home', sessions: 28 });
  });

  it('rejects an unknown segment and a bad vocabulary', async () => {
    expect((await call('GET', '/v1/query/patterns?segment=seg_nope')).status).toBe(404);
    expect((await call('GET', '/v1/query/patterns?vocabulary=words')).status).toBe(400);
  });
});

describe('personas API', () => {
  it('discovers personas, makes one a segment, and keeps it across discoveries', async () => {
    const before = await call<{ runId: string | null; personas: unknown[] }>('GET', '/v1/personas');
    expect(before.json).toMatchObject({ runId: null, personas: [] });
    const found = await call<{
      k: number;
      customerCount: number;
      personas: { personaId: string; name: string; description: string; size: number; revenue: number }[];
    }>('POST', '/v1/personas/discover', { kMin: 2, kMax: 4 });
    expect(found.status).toBe(200);
    expect(found.json.customerCount).toBe(12);
    expect(found.json.k).toBe(2);
    expect(found.json.personas.map((p) => p.size)).toEqual([6, 6]);
    // The app customers: 3 orders of 30 each; described by what differs (orders, recency, app ...).
    const coupon = found.json.personas.find((p) => p.revenue === 6 * 3 * 30)!;
    expect(coupon.description).toMatch(/orders 1\.5x as often|coupon use|on app|ordered recently/);
    expect((await call<{ personas: unknown[] }>('GET', '/v1/personas')).json.personas).toHaveLength(2);

    const made = await call<{ segment: { segmentId: string; rule: string }; members: number }>(
      'POST',
      `/v1/personas/${coupon.personaId}/segment`,
    );
    expect(made.status).toBe(200);
    expect(made.json.members).toBe(6);
    expect(made.json.segment.rule).toContain(`personas contains "${coupon.personaId}"`);
    const members = await call<{ count: number; profileIds: string[] }>(
      'GET',
      `/v1/segments/${made.json.segment.segmentId}/members`,
    );
    expect(members.json.profileIds.every((id) => id.startsWith('a:app-'))).toBe(true);
    const again = await call<{ segment: { segmentId: string } }>(
      'POST',
      `/v1/personas/${coupon.personaId}/segment`,
    );
    expect(again.json.segment.segmentId).toBe(made.json.segment.segmentId);

    // A new discovery replaces the draft personas; the segment keeps its members.
    await call('POST', '/v1/personas/discover', {});
    expect((await call('GET', `/v1/segments/${made.json.segment.segmentId}/members`)).json).toMatchObject({
      count: 6,
    });
    expect((await call('POST', '/v1/personas/per_nope_1/segment')).status).toBe(404);
  });
});
