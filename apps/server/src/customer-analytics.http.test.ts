// The cohort and customer-KPI API over real HTTP: hand-checked figures for a small shop stored
// through the server's store (identities linked by the profile store, a cancelled order, a
// segment), the comparison of two matrices, errors, and the OpenAPI description.

import type { DuckDbStore, StoredEvent } from '@centric/storage';
import { blankEvent } from '@centric/storage/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './test-support/test-server';

let server: TestServer;
let segmentId: string;
let seq = 0;

const at = (day: string) => Date.parse(`${day}T12:00:00Z`);
function event(e: Partial<StoredEvent> & { event: string; timestamp: number }): StoredEvent {
  return blankEvent({ projectId: server.project.id, messageId: `m-${++seq}`, ...e });
}
const order = (who: Partial<StoredEvent>, day: string, sessionId: string, orderId: string, revenue: number) =>
  event({
    ...who,
    event: 'Order Completed',
    timestamp: at(day),
    sessionId,
    orderId,
    revenue,
    currency: 'EUR',
  });

beforeAll(async () => {
  server = await startTestServer();
  const store = server.service.store;
  const u = (id: string) => ({ userId: id, anonymousId: `a-${id}` });
  await store.events.append({
    events: [
      event({ ...u('u1'), event: 'Product Added', timestamp: at('2025-01-10') - 60_000, sessionId: 's1' }),
      order(u('u1'), '2025-01-10', 's1', 'o1', 100),
      order(u('u2'), '2025-01-20', 's3', 'o3', 40),
      order(u('u1'), '2025-02-10', 's2', 'o2', 50),
      // The same person, first anonymous, then signed in: linked below.
      order({ anonymousId: 'anon-3' }, '2025-02-05', 's4', 'o4', 30),
      order({ userId: 'u3' }, '2025-03-05', 's5', 'o5', 60),
      order(u('u4'), '2025-03-10', 's6', 'o6', 80),
      event({ ...u('u4'), event: 'Order Cancelled', timestamp: at('2025-03-11'), orderId: 'o6' }),
      event({ anonymousId: 'anon-5', event: 'Product Added', timestamp: at('2025-03-12'), sessionId: 's7' }),
    ],
    orderItems: [],
  });
  await store.profiles.link(server.project.id, {
    identities: ['a:anon-3', 'u:u3'],
    reason: 'test',
    at: at('2025-03-05'),
  });
  segmentId = (await store.segments.create(server.project.id, { name: 'loyal', rule: 'orders >= 2' }))
    .segmentId;
  // The membership history is written by the segment refresh; here by hand, for u1 only.
  await (store as DuckDbStore).analytics.db.execute(
    `INSERT INTO segment_memberships VALUES ($p, $s, 'u:u1', TIMESTAMP '2025-01-01', NULL)`,
    { p: server.project.id, s: segmentId },
  );
});
afterAll(async () => {
  await server.stop();
});

async function get<T = Record<string, unknown>>(path: string): Promise<{ status: number; json: T }> {
  const res = await fetch(`${server.url}${path}`, {
    headers: { authorization: `Bearer ${server.keys.secretKey}` },
  });
  return { status: res.status, json: (await res.json()) as T };
}

interface Kpis {
  period: string | null;
  periods: Record<string, number | string | null>[];
  definitions: Record<string, string>;
}
interface Matrix {
  cohorts: { cohort: string; size: number; rates: (number | null)[] }[];
  average: (number | null)[];
}
interface Retention {
  matrix: Matrix;
  comparison: {
    labels: { a: string; b: string };
    matrix: Matrix;
    average: { difference: (number | null)[] };
  } | null;
}

describe('GET /v1/query/kpis', () => {
  it('answers the customer KPIs per month with their definitions', async () => {
    const { status, json } = await get<Kpis>('/v1/query/kpis?from=2025-01-01&to=2025-03-31&period=month');
    expect(status).toBe(200);
    const pick = (keys: string[]) => json.periods.map((p) => keys.map((k) => p[k]));
    expect(
      pick(['from', 'to', 'startCustomers', 'endCustomers', 'newCustomers', 'retentionRate', 'churnRate']),
    ).toEqual([
      ['2025-01-01', '2025-01-31', 0, 2, 2, null, null],
      ['2025-02-01', '2025-02-28', 2, 3, 1, 100, 0],
      // u4's only order is cancelled; the signed-in order of the linked visitor is not new.
      ['2025-03-01', '2025-03-31', 3, 3, 0, 100, 0],
    ]);
    expect(
      pick([
        'returningCustomers',
        'returningCustomerRevenue',
        'repurchaseRate',
        'averageOrderValue',
        'revenue',
      ]),
    ).toEqual([
      [0, 0, 0, 70, 140],
      [1, 50, 50, 40, 80],
      [1, 60, 100, 60, 60],
    ]);
    // March: s5 converts, s6's order is cancelled, s7 leaves its cart.
    expect(pick(['sessions', 'conversionRate', 'cartAbandonmentRate'])).toEqual([
      [2, 100, 0],
      [2, 100, null],
      [3, 33.33, 100],
    ]);
    expect(json.period).toBe('month');
    expect(json.definitions.retentionRate).toContain('(E − N) / S × 100');
    expect(json.definitions.activeCustomer).toContain('365 days');
  });

  it('filters by segment and lifecycle stage and takes the activity window', async () => {
    const seg = await get<Kpis>(`/v1/query/kpis?from=2025-02-01&to=2025-02-28&segment=${segmentId}`);
    expect(seg.json.periods.map((p) => [p.orderingCustomers, p.revenue, p.sessions])).toEqual([[1, 50, 1]]);
    const stage = await get<Kpis>('/v1/query/kpis?from=2025-02-01&to=2025-02-28&lifecycleStage=lapsed');
    expect(stage.json.periods[0]).toMatchObject({ orderingCustomers: 0, sessions: 0 });
    // A 30-day window: active on March 1 = u1 (Feb 10) and the linked visitor (Feb 5); on
    // April 1 only the latter (Mar 5).
    const short = await get<Kpis>('/v1/query/kpis?from=2025-03-01&to=2025-03-31&activityWindow=30');
    expect(short.json.periods[0]).toMatchObject({
      startCustomers: 2,
      endCustomers: 1,
      retentionRate: 50,
      churnRate: 50,
    });
    expect(short.json.definitions.activeCustomer).toContain('30 days');
  });

  it('refuses bad queries and unknown segments', async () => {
    expect((await get('/v1/query/kpis?period=year')).status).toBe(400);
    expect((await get('/v1/query/kpis?from=2025-03-01&to=2025-01-01')).status).toBe(400);
    expect((await get('/v1/query/kpis?segment=seg_nope')).status).toBe(404);
    expect((await fetch(`${server.url}/v1/query/kpis`)).status).toBe(401);
  });
});

describe('GET /v1/query/retention', () => {
  it('answers the monthly first-order matrix, compared with a segment', async () => {
    const { status, json } = await get<Retention>(
      `/v1/query/retention?cohort=first_order&period=month&from=2025-01-01&to=2025-03-31&periods=3&compareSegment=${segmentId}`,
    );
    expect(status).toBe(200);
    expect(json.matrix.cohorts.map((c) => [c.cohort, c.size, ...c.rates])).toEqual([
      ['2025-01', 2, 100, 50, 0],
      ['2025-02', 1, 100, 100, 0],
      ['2025-03', 0, null, null, null],
    ]);
    expect(json.matrix.average).toEqual([100, 66.67, 0]);
    expect(json.comparison!.labels).toEqual({ a: 'all customers', b: `segment ${segmentId}` });
    expect(json.comparison!.matrix.cohorts[0]).toMatchObject({
      cohort: '2025-01',
      size: 1,
      rates: [100, 100, 0],
    });
    expect(json.comparison!.average.difference).toEqual([0, 33.33, 0]);
  });

  it('refuses segment-entry cohorts without a segment', async () => {
    const r = await get<{ error: { code: string } }>('/v1/query/retention?cohort=segment_entry');
    expect([r.status, r.json.error.code]).toEqual([400, 'invalid_query']);
  });

  it('describes both routes in the OpenAPI document', async () => {
    const { json } = await get<{ paths: Record<string, unknown> }>('/docs/json');
    expect(Object.keys(json.paths)).toEqual(
      expect.arrayContaining(['/v1/query/kpis', '/v1/query/retention']),
    );
  });
});
