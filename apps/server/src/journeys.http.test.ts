// The journey API over real HTTP: hand-checked figures for five small sessions stored through
// the server's store, two periods side by side, a funnel against its previous period, the
// journey-phase funnel under a stored mapping, errors, and the OpenAPI description.

import type { StoredEvent } from '@centric/storage';
import { blankEvent } from '@centric/storage/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './test-support/test-server';

let server: TestServer;
let seq = 0;
const MIN = 60_000;

function event(e: Partial<StoredEvent> & { event: string; timestamp: number }): StoredEvent {
  return blankEvent({ projectId: server.project.id, messageId: `m-${++seq}`, ...e });
}

/** One visit: its events a minute apart from `start`, the first carrying the landing tags. */
function visit(
  id: string,
  start: string,
  names: string[],
  landing: Partial<Omit<StoredEvent, 'event' | 'timestamp'>> = {},
): StoredEvent[] {
  return names.map((name, i) =>
    event({
      event: name,
      type: name === 'Home' ? 'page' : 'track',
      pagePath: name === 'Home' ? '/' : name.startsWith('Product') ? '/products/p1' : null,
      productId: name.startsWith('Product') ? 'p1' : null,
      category: name === 'Product Viewed' ? 'Mugs' : null,
      orderId: name === 'Order Completed' ? `o-${id}` : null,
      anonymousId: `v-${id}`,
      sessionId: `s-${id}`,
      timestamp: Date.parse(`${start}:00Z`) + i * MIN,
      ...(i === 0 ? landing : {}),
    }),
  );
}

beforeAll(async () => {
  server = await startTestServer();
  await server.service.store.events.append({
    events: [
      // 2026-03-09 .. 2026-03-15
      ...visit('1', '2026-03-10T10:00', ['Home', 'Product Viewed', 'Product Added', 'Order Completed'], {
        utmSource: 'newsletter',
        utmMedium: 'email',
      }),
      ...visit('2', '2026-03-11T10:00', ['Home', 'Product Viewed'], { referrer: 'https://www.google.com/' }),
      ...visit('3', '2026-03-12T10:00', ['Product Viewed']),
      // The week before.
      ...visit('4', '2026-03-03T10:00', ['Home', 'Product Viewed', 'Product Added']),
      ...visit('5', '2026-03-04T10:00', ['Home', 'Product Viewed', 'Product Added', 'Order Completed']),
    ],
    orderItems: [],
  });
});
afterAll(async () => {
  await server.stop();
});

async function call<T = Record<string, unknown>>(
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<{ status: number; json: T }> {
  const res = await fetch(`${server.url}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      authorization: `Bearer ${server.keys.secretKey}`,
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  return { status: res.status, json: (await res.json()) as T };
}

const WEEK = 'from=2026-03-09&to=2026-03-15';
type Json = Record<string, unknown>;
type Rows = Record<string, unknown>[];

describe('GET /v1/query/journeys', () => {
  it('answers entry channels and outcomes, beside the week before', async () => {
    const { status, json } = await call<{ summary: Json; comparison: { from: string; summary: Json } }>(
      `/v1/query/journeys?${WEEK}&compareFrom=2026-03-02&compareTo=2026-03-08`,
    );
    expect(status).toBe(200);
    expect(json.summary).toMatchObject({ sessions: 3, convertingSessions: 1, conversionRate: 33.33 });
    const channels = (json.summary.channels as Rows).map((c) => [c.channel, c.sessions, c.conversionRate]);
    expect(channels).toEqual([
      ['direct', 1, 0],
      ['email', 1, 100],
      ['organic_search', 1, 0],
    ]);
    expect((json.summary.outcomes as Rows).map((o) => [o.outcome, o.sessions])).toEqual([
      ['order', 1],
      ['cart_abandoned', 0],
      ['bounce', 1],
      ['browse', 1],
    ]);
    expect((json.summary.products as Rows)[0]).toMatchObject({ productId: 'p1', views: 3, cartRate: 33.33 });
    expect(json.comparison.from).toBe('2026-03-02');
    expect((json.comparison.summary.outcomes as Rows).map((o) => o.sessions)).toEqual([1, 1, 0, 0]);
  });
});

describe('GET /v1/query/paths', () => {
  it('answers Sankey nodes and links with percentages', async () => {
    const { status, json } = await call<{ sankey: { sessions: number; nodes: Rows; links: Rows } }>(
      `/v1/query/paths?${WEEK}&groupBy=page_type&depth=3`,
    );
    expect(status).toBe(200);
    expect(json.sankey.sessions).toBe(3);
    expect(json.sankey.nodes.map((n) => [n.id, n.label, n.sessions, n.share])).toEqual([
      ['1|home', 'Home', 2, 66.67],
      ['1|product', 'Product', 1, 33.33],
      ['2|product', 'Product', 2, 66.67],
      ['3|product', 'Product', 1, 33.33],
    ]);
    expect(json.sankey.links.map((l) => [l.source, l.target, l.sessions, l.ofNode])).toEqual([
      ['1|home', '2|product', 2, 100],
      ['2|product', '3|product', 1, 50],
    ]);
  });

  it('ends paths at a step, and compares with another period', async () => {
    const { json } = await call<{
      direction: string;
      sankey: { nodes: Rows };
      comparison: { sankey: { sessions: number } };
    }>(`/v1/query/paths?${WEEK}&endAt=Product%20Added&compareFrom=2026-03-02&compareTo=2026-03-08`);
    expect(json.direction).toBe('backward');
    expect(json.sankey.nodes.map((n) => n.id)).toEqual(['3|Home', '4|Product Viewed', '5|Product Added']);
    expect(json.comparison.sankey.sessions).toBe(2);
  });
});

describe('/v1/query/funnel', () => {
  it('answers an ad-hoc funnel with an optional step, against the previous period', async () => {
    const { status, json } = await call<Json & { steps: Rows; previous: Json }>(
      `/v1/query/funnel?${WEEK}&steps=${encodeURIComponent('Product Viewed,Cart Viewed?,Product Added,Order Completed')}&comparePrevious=true`,
    );
    expect(status).toBe(200);
    expect(json).toMatchObject({ entrants: 3, converted: 1, conversionRate: 33.33, window: '1d' });
    expect(json.steps.map((s) => [s.label, s.optional, s.reached, s.conversionFromPrevious])).toEqual([
      ['Product Viewed', false, 3, 100],
      ['Cart Viewed', true, 0, 0],
      ['Product Added', false, 1, 33.33],
      ['Order Completed', false, 1, 100],
    ]);
    // Product Viewed at minute 1, the order at minute 3.
    expect(json.timeToConvert).toMatchObject({ median: 2 * MIN });
    expect(json.previousRange).toEqual({ from: '2026-03-02', to: '2026-03-08' });
    expect(json.previous).toMatchObject({
      entrants: 2,
      converted: 1,
      conversionRate: 50,
      conversionRateChange: -16.67,
    });
  });

  it('takes the steps in a JSON body, with a breakdown', async () => {
    const { status, json } = await call<{ breakdown: { groups: Rows } }>('/v1/query/funnel', {
      method: 'POST',
      body: {
        from: '2026-03-09',
        to: '2026-03-15',
        steps: [{ match: 'Product Viewed', label: 'Viewed' }, 'Order Completed'],
        breakdown: 'marketing_channel',
      },
    });
    expect(status).toBe(200);
    expect(json.breakdown.groups.map((g) => [g.value, g.entrants, g.converted])).toEqual([
      ['direct', 1, 0],
      ['email', 1, 1],
      ['organic_search', 1, 0],
    ]);
  });

  it('refuses steps it cannot read', async () => {
    const bad = await call<{ error: { code: string; message: string } }>('/v1/query/funnel?steps=Viewed%3F');
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toMatch(/first step/);
    expect((await call('/v1/query/funnel?steps=A&window=7w')).status).toBe(400);
    expect((await call('/v1/query/funnel?steps=A&segment=seg_nope')).status).toBe(404);
    expect((await fetch(`${server.url}/v1/query/funnel?steps=A`)).status).toBe(401);
  });
});

describe('journey phases', () => {
  it('answers the default phase funnel per customer, then a stored mapping', async () => {
    const before = await call<Json & { steps: Rows; customMapping: boolean }>(
      `/v1/query/journey-phases?${WEEK}`,
    );
    expect(before.status).toBe(200);
    expect(before.json.customMapping).toBe(false);
    // Three visitors; nobody searched or browsed a list: discovery is empty, and the chain stops.
    expect(before.json.steps.map((s) => s.reached)).toEqual([3, 0, 0, 0, 0, 0, 0]);

    const settings = await call<{ phases: { phase: string; match: string[] }[] }>('/v1/settings/journeys');
    const phases = settings.json.phases.map((p) =>
      p.phase === 'discovery' ? { ...p, match: ['page:home', 'Products Searched'] } : p,
    );
    const put = await call('/v1/settings/journeys', { method: 'PUT', body: { phases } });
    expect(put.status).toBe(200);
    const after = await call<Json & { steps: Rows; mapping: Rows }>(`/v1/query/journey-phases?${WEEK}`);
    // Discovery now: visitors 1 and 2 landed on the home page; both viewed a product; 1 bought.
    expect(after.json.steps.map((s) => s.reached)).toEqual([3, 2, 2, 1, 1, 0, 0]);
    expect(after.json.customMapping).toBe(true);

    const bad = await call('/v1/settings/journeys', { method: 'PUT', body: { phases: phases.slice(1) } });
    expect(bad.status).toBe(400);
    await call('/v1/settings/journeys', { method: 'PUT', body: { phases: null } });
    expect((await call<{ customMapping: boolean }>('/v1/settings/journeys')).json.customMapping).toBe(false);
  });

  it('is described in the OpenAPI document', async () => {
    const res = await fetch(`${server.url}/docs/json`);
    const doc = (await res.json()) as { paths: Record<string, unknown> };
    for (const path of [
      '/v1/query/journeys',
      '/v1/query/paths',
      '/v1/query/funnel',
      '/v1/query/journey-phases',
    ])
      expect(Object.keys(doc.paths)).toContain(path);
  });
});
