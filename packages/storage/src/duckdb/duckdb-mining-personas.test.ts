// Persona figures and persona runs on a real DuckDB file: a hand-checked customer (stitched
// across devices, a coupon order and a coupon session, categories, channels, device, rhythm),
// runs saved and replaced, persona segments evaluated in the store and in memory alike, and
// GDPR erasure reaching persona members.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { segments } from '@centric/analyses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderItem, storedEvent } from '../test-support/event-factory';
import { DuckDbStore } from './duckdb-store';

const dir = mkdtempSync(join(tmpdir(), 'centric-personas-'));
const P = 'prj_persona';
const DAY = 86_400_000;
const HOUR = 3_600_000;
const START = Date.parse('2026-02-02T00:00:00Z');
const RANGE = { startMs: START, endMs: START + 20 * DAY };
const at = (day: number, hours: number) => START + day * DAY + hours * HOUR;
let store: DuckDbStore;

beforeAll(async () => {
  store = await DuckDbStore.open({ file: join(dir, 'personas.duckdb') });
  const alice = { projectId: P, anonymousId: 'a1', userId: null };
  const aliceIn = { projectId: P, anonymousId: null, userId: 'alice' };
  const events = [
    // Session 1: web, on a phone; an order with a coupon code, 2 Kitchen + 1 Garden items.
    storedEvent({
      ...alice,
      sessionId: 's1',
      type: 'page',
      event: 'Home',
      timestamp: at(1, 10),
      context: '{"device":{"type":"mobile"}}',
    }),
    storedEvent({
      ...alice,
      sessionId: 's1',
      event: 'Order Completed',
      orderId: 'o1',
      revenue: 50,
      properties: '{"coupon":"SPRING"}',
      timestamp: at(1, 10.1),
    }),
    // Session 2: app, desktop user agent; a Coupon Applied before the order.
    storedEvent({
      ...aliceIn,
      sessionId: 's2',
      channel: 'app',
      type: 'page',
      event: 'Home',
      timestamp: at(5, 12),
      context: '{"userAgent":"Mozilla/5.0 (Windows NT 10.0; Win64)"}',
    }),
    storedEvent({
      ...aliceIn,
      sessionId: 's2',
      channel: 'app',
      event: 'Coupon Applied',
      timestamp: at(5, 12.05),
    }),
    storedEvent({
      ...aliceIn,
      sessionId: 's2',
      channel: 'app',
      event: 'Order Completed',
      orderId: 'o2',
      revenue: 30,
      timestamp: at(5, 12.1),
    }),
    // Session 3: web, nothing bought.
    storedEvent({ ...aliceIn, sessionId: 's3', type: 'page', event: 'Home', timestamp: at(11, 12) }),
    // Carl: one order, one session; Bob's only order was cancelled, so he is no customer.
    storedEvent({
      projectId: P,
      anonymousId: 'carl',
      sessionId: 's4',
      event: 'Order Completed',
      orderId: 'o4',
      revenue: 10,
      timestamp: at(2, 9),
    }),
    storedEvent({
      projectId: P,
      anonymousId: 'bob',
      sessionId: 's5',
      event: 'Order Completed',
      orderId: 'o3',
      revenue: 99,
      timestamp: at(3, 9),
    }),
    storedEvent({
      projectId: P,
      anonymousId: 'bob',
      sessionId: 's5',
      event: 'Order Cancelled',
      orderId: 'o3',
      timestamp: at(3, 10),
    }),
  ];
  const items = [
    orderItem({
      projectId: P,
      orderId: 'o1',
      productId: 'k1',
      category: 'Kitchen',
      quantity: 2,
      position: 0,
    }),
    orderItem({ projectId: P, orderId: 'o1', productId: 'g1', category: 'Garden', quantity: 1, position: 1 }),
    orderItem({ projectId: P, orderId: 'o2', productId: 'k2', category: 'Kitchen', quantity: 1 }),
    orderItem({ projectId: P, orderId: 'o4', productId: 'k2', category: 'Kitchen', quantity: 1 }),
    orderItem({ projectId: P, orderId: 'o3', productId: 'k2', category: 'Kitchen', quantity: 1 }),
  ];
  await store.events.append({ events, orderItems: items });
  await store.analytics.db.transaction(
    ['a:a1', 'u:alice'].map((identity) => ({
      sql: `INSERT INTO identity_links VALUES ('${P}', '${identity}', 'p_alice', now()::TIMESTAMP, 'identify')`,
    })),
  );
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('DuckDbMiningStore.personaCustomers', () => {
  it('answers the hand-checked figures of each customer', async () => {
    const customers = await store.mining.personaCustomers({ projectId: P, range: RANGE });
    expect(customers.map((c) => c.profileId)).toEqual(['a:carl', 'p_alice']);
    const alice = customers[1]!;
    expect(alice).toMatchObject({
      orders: 2,
      revenue: 80,
      items: 4,
      sessions: 3,
      channelSessions: { web: 2, app: 1 },
      categoryItems: { Kitchen: 3, Garden: 1 },
      // Session 1 says mobile, session 2 a desktop browser, session 3 nothing.
      mobileSessions: 1,
      // o1 carries a coupon code, o2's session applied one.
      couponOrders: 2,
    });
    // Gaps between session starts: 4 days 2 hours, then 6 days; the median is their mean.
    expect(alice.visitIntervalDays).toBeCloseTo((4 + 2 / 24 + 6) / 2, 6);
    // Last order on day 5 at 12:06; the range ends on day 20.
    expect(alice.recencyDays).toBeCloseTo(20 - (5 + 12.1 / 24), 6);
    expect(customers[0]).toMatchObject({
      orders: 1,
      revenue: 10,
      sessions: 1,
      couponOrders: 0,
      mobileSessions: null,
    });
    expect(customers[0]!.visitIntervalDays).toBeNull();
  });
});

describe('persona runs', () => {
  const summary = (name: string) => JSON.stringify({ name, description: `${name}.` });

  it('saves a run, lists it, and replaces it unless a segment was made of it', async () => {
    await store.mining.savePersonaRun(P, {
      runId: 'r1',
      createdAt: at(20, 0),
      personas: [
        { personaId: 'per_r1_0', name: 'Big', summary: summary('Big'), profileIds: ['p_alice', 'a:carl'] },
        { personaId: 'per_r1_1', name: 'Small', summary: summary('Small'), profileIds: ['a:bob'] },
      ],
    });
    const listed = await store.mining.listPersonas(P);
    expect(listed.map((p) => [p.personaId, p.size, p.segmentId])).toEqual([
      ['per_r1_0', 2, null],
      ['per_r1_1', 1, null],
    ]);
    expect(JSON.parse(listed[0]!.summary)).toEqual({ name: 'Big', description: 'Big.' });
    await store.mining.linkPersonaSegment(P, 'per_r1_0', 'seg_x');
    await store.mining.savePersonaRun(P, {
      runId: 'r2',
      createdAt: at(20, 1),
      personas: [{ personaId: 'per_r2_0', name: 'All', summary: summary('All'), profileIds: ['p_alice'] }],
    });
    expect((await store.mining.listPersonas(P)).map((p) => p.personaId)).toEqual(['per_r2_0']);
    expect((await store.mining.getPersona(P, 'per_r1_0'))?.segmentId).toBe('seg_x');
    expect(await store.mining.getPersona(P, 'per_r1_1')).toBeNull();
    expect((await store.mining.listPersonas(P, { runId: 'r1' })).map((p) => p.personaId)).toEqual([
      'per_r1_0',
    ]);
  });

  it('makes persona segments that the store and memory evaluate alike', async () => {
    const rule = 'personas contains "per_r1_0"';
    const ast = segments.parseSegment(rule);
    const members = await store.segments.members(P, { ast, now: RANGE.endMs, limit: 10 });
    expect(members.profileIds).toEqual(['a:carl', 'p_alice']);
    const none = await store.segments.members(P, {
      ast: segments.parseSegment('personas is null'),
      now: RANGE.endMs,
    });
    expect(none.profileIds).not.toContain('p_alice');
    expect(none.profileIds).toContain('a:bob');
    const visitor = (personas: string[] | undefined) => ({
      traits: {
        firstSeen: null,
        lastSeen: null,
        events: 1,
        sessions: 1,
        channels: [],
        orders: 1,
        revenue: 10,
        averageOrderValue: 10,
        firstOrderAt: null,
        lastOrderAt: null,
        rfmRecency: null,
        rfmFrequency: null,
        rfmMonetary: null,
        rfmSegment: null,
        lifecycleStage: null,
        historicClv: null,
        predictedClv: null,
        churnProbability: null,
        expectedPurchases52w: null,
        ...(personas ? { personas } : {}),
      },
      events: [],
      now: RANGE.endMs,
    });
    expect(segments.evaluateSegment(ast, visitor(['per_r2_0', 'per_r1_0']))).toBe(true);
    expect(segments.evaluateSegment(ast, visitor(['per_r2_0']))).toBe(false);
    expect(segments.evaluateSegment(segments.parseSegment('personas is null'), visitor([]))).toBe(true);
    expect(segments.evaluateSegment(segments.parseSegment('personas is null'), visitor(undefined))).toBe(
      true,
    );
  });

  it('erases a customer from persona members (GDPR)', async () => {
    const report = await store.profiles.eraseProfile(P, 'p_alice');
    expect(report.deleted.persona_members).toBe(2);
    expect(Object.values(report.remaining).every((n) => n === 0)).toBe(true);
  });
});
