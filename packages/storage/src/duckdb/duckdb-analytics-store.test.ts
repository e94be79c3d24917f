// The AnalyticsStore on a real DuckDB file with the hand-checked shop of customer-fixture.ts.
// Expected numbers are worked out by hand in the comments (activity window 60 days unless said).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerKpiQuery, RetentionQuery } from '../analytics-store';
import type { StoredEvent } from '../store';
import { customerFixture, customerFixtureStatements } from '../test-support/customer-fixture';
import { storedEvent } from '../test-support/event-factory';
import { DuckDbStore } from './duckdb-store';

const dir = mkdtempSync(join(tmpdir(), 'centric-analytics-'));
const P = 'prj_test';
let store: DuckDbStore;

beforeAll(async () => {
  store = await DuckDbStore.open({ file: join(dir, 'analytics.duckdb') });
  const fixture = customerFixture(P);
  await store.events.append({ events: fixture.events, orderItems: [] });
  await store.analytics.db.transaction(customerFixtureStatements(P, fixture));
  // Another project's orders must never leak in.
  await store.events.append({ events: customerFixture('prj_other').events, orderItems: [] });
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const ms = (day: string) => Date.parse(`${day}T00:00:00Z`);
const q1 = { startMs: ms('2026-01-01'), endMs: ms('2026-04-01') };
const kpis = (extra: Partial<CustomerKpiQuery> = {}) =>
  store.analytics.customerKpis({
    projectId: P,
    range: q1,
    period: 'month',
    activityWindowDays: 60,
    ...extra,
  });
const retention = (extra: Partial<RetentionQuery> = {}) =>
  store.analytics.retention({
    projectId: P,
    cohortBy: 'first_order',
    activity: 'order',
    period: 'month',
    range: { startMs: ms('2025-12-01'), endMs: ms('2026-04-01') },
    periods: 4,
    ...extra,
  });
const matrix = (r: Awaited<ReturnType<typeof retention>>) =>
  Object.fromEntries(
    r.cohorts.map((c) => [new Date(c.startMs).toISOString().slice(0, 7), [c.size, ...c.active]]),
  );

describe('DuckDbAnalyticsStore.customerKpis', () => {
  it('answers S, E, N, orders and revenue per month', async () => {
    const { periods } = await kpis();
    expect(periods.map((p) => [p.startMs, p.endMs])).toEqual([
      [ms('2026-01-01'), ms('2026-02-01')],
      [ms('2026-02-01'), ms('2026-03-01')],
      [ms('2026-03-01'), ms('2026-04-01')],
    ]);
    // January: S = A, B (December orders); E = A, B, C; N = C; A and C order, C twice.
    expect(periods[0]).toMatchObject({
      startCustomers: 2,
      endCustomers: 3,
      retainedCustomers: 2,
      newCustomers: 1,
      orderingCustomers: 2,
      returningCustomers: 1,
      repeatCustomers: 2,
      orders: 3,
      revenue: 150,
      returningCustomerRevenue: 50,
    });
    // February: S = A, B, C; B's last order (Dec 20) falls out of the 60-day window before
    // March 1, so E = A, C, D; N = D. E's order is cancelled: no customer, no revenue.
    expect(periods[1]).toMatchObject({
      startCustomers: 3,
      endCustomers: 3,
      retainedCustomers: 2,
      newCustomers: 1,
      orderingCustomers: 2,
      returningCustomers: 1,
      repeatCustomers: 1,
      orders: 2,
      revenue: 90,
      returningCustomerRevenue: 20,
    });
    // March: D's signed-in order joins the anonymous one (one profile): D is returning, not
    // new. F's order counts once, 200 minus a refund of 50.
    expect(periods[2]).toMatchObject({
      startCustomers: 3,
      endCustomers: 4,
      retainedCustomers: 3,
      newCustomers: 1,
      orderingCustomers: 3,
      returningCustomers: 2,
      repeatCustomers: 2,
      orders: 3,
      revenue: 205,
      returningCustomerRevenue: 55,
    });
  });

  it('answers the sessions, converting sessions and abandoned carts per month', async () => {
    const { periods } = await kpis();
    const sessions = periods.map((p) => [
      p.sessions,
      p.convertingSessions,
      p.cartSessions,
      p.abandonedCartSessions,
    ]);
    // Jan: a1 c1 c2 x1 x2; carts a1 c1 x1, x1 abandoned. Feb: c3 d1 e1 y1; e1's order is
    // cancelled (not converting) but was checked out (not abandoned); y1 abandoned. Mar: a2 d2 f1.
    expect(sessions).toEqual([
      [5, 3, 3, 1],
      [4, 2, 3, 1],
      [3, 3, 0, 0],
    ]);
  });

  it('answers one period for the whole range', async () => {
    const { periods } = await kpis({ period: null });
    // S = A, B at Jan 1; E = A, C, D, F at Apr 1; N = C, D, F; retained = A.
    expect(periods).toHaveLength(1);
    expect(periods[0]).toMatchObject({
      startCustomers: 2,
      endCustomers: 4,
      retainedCustomers: 1,
      newCustomers: 3,
      orders: 8,
      revenue: 445,
      sessions: 12,
    });
  });

  it('leaves out orders cancelled after the range, and refunds a refund without an amount in full', async () => {
    // E's order (Feb 20) is cancelled on Feb 21, after this range: still no sale.
    const early = await kpis({ period: null, range: { startMs: ms('2026-02-01'), endMs: ms('2026-02-21') } });
    expect(early.periods[0]).toMatchObject({ orders: 2, revenue: 90 });
    const at = Date.parse('2026-03-02T10:00:00Z');
    const one = (over: Partial<StoredEvent>) =>
      storedEvent({ projectId: 'prj_refund', userId: 'u', timestamp: at, ...over });
    await store.events.append({
      events: [
        one({ event: 'Order Completed', orderId: 'o1', revenue: 100 }),
        one({ event: 'Order Completed', orderId: 'o2', revenue: 40 }),
        one({ event: 'Order Refunded', orderId: 'o1', revenue: null }),
      ],
      orderItems: [],
    });
    const refunded = await store.analytics.customerKpis({
      projectId: 'prj_refund',
      range: q1,
      period: null,
      activityWindowDays: 365,
    });
    expect(refunded.periods[0]).toMatchObject({ orders: 2, revenue: 40 });
  });

  it('counts a customer active within the activity window only', async () => {
    // With 365 days B stays active all quarter.
    const { periods } = await kpis({ activityWindowDays: 365 });
    expect(periods.map((p) => [p.startCustomers, p.endCustomers, p.retainedCustomers])).toEqual([
      [2, 3, 2],
      [3, 4, 3],
      [4, 5, 4],
    ]);
  });

  it('filters by segment membership during each period', async () => {
    const { periods } = await kpis({ segmentId: 'vip' });
    // Members: Jan A; Feb A, C (Feb 5..25); Mar A, D (p_d from Mar 12).
    expect(
      periods.map((p) => [
        p.startCustomers,
        p.endCustomers,
        p.newCustomers,
        p.orderingCustomers,
        p.revenue,
        p.sessions,
      ]),
    ).toEqual([
      [1, 1, 0, 1, 50, 1],
      [2, 2, 0, 1, 20, 1],
      [2, 2, 0, 2, 55, 2],
    ]);
  });

  it('filters by lifecycle stage, through stitched identities', async () => {
    const { periods } = await kpis({ lifecycleStage: 'new' });
    // D (p_d) and F. Feb: D new and E-only; Mar: S = D, E = D, F, N = F.
    expect(
      periods.map((p) => [
        p.startCustomers,
        p.endCustomers,
        p.newCustomers,
        p.orderingCustomers,
        p.revenue,
        p.sessions,
        p.cartSessions,
      ]),
    ).toEqual([
      [0, 0, 0, 0, 0, 0, 0],
      [0, 1, 1, 1, 70, 1, 1],
      [1, 2, 1, 2, 175, 2, 0],
    ]);
    const both = await kpis({ lifecycleStage: 'new', segmentId: 'vip' });
    expect(both.periods.map((p) => p.orderingCustomers)).toEqual([0, 0, 1]);
  });

  it('clips weeks to the range and rejects a bad window', async () => {
    const { periods } = await kpis({
      period: 'week',
      range: { startMs: ms('2026-01-01'), endMs: ms('2026-01-15') },
    });
    // 2026-01-01 is a Thursday: Thu..Sun, then the week of Monday Jan 5, then Mon 12..Wed 14.
    expect(periods.map((p) => new Date(p.startMs).toISOString().slice(0, 10))).toEqual([
      '2026-01-01',
      '2026-01-05',
      '2026-01-12',
    ]);
    expect(periods.map((p) => p.newCustomers)).toEqual([0, 1, 0]);
    // Sessions c1, x1, x2 start in the week of Monday Jan 5.
    expect(periods.map((p) => p.sessions)).toEqual([0, 3, 0]);
    await expect(kpis({ activityWindowDays: 0 })).rejects.toThrow(/activity window/);
  });
});

describe('DuckDbAnalyticsStore.retention', () => {
  it('counts first-order cohorts and their active customers per month', async () => {
    // Dec: A, B (A orders again Jan, Mar); Jan: C (Feb); Feb: D, stitched (Mar); Mar: F.
    expect(matrix(await retention())).toEqual({
      '2025-12': [2, 2, 1, 0, 1],
      '2026-01': [1, 1, 1, 0, 0],
      '2026-02': [1, 1, 1, 0, 0],
      '2026-03': [1, 1, 0, 0, 0],
    });
  });

  it('counts first-visit cohorts with visits as activity', async () => {
    // Jan: C, X; Feb: D, E, Y (E's cancelled order is still a visit).
    expect(matrix(await retention({ cohortBy: 'first_visit', activity: 'visit' }))).toEqual({
      '2025-12': [2, 2, 1, 0, 1],
      '2026-01': [2, 2, 1, 0, 0],
      '2026-02': [3, 3, 1, 0, 0],
      '2026-03': [1, 1, 0, 0, 0],
    });
  });

  it('counts segment-entry cohorts, and restricts other cohorts to a segment', async () => {
    // A entered Dec 1; C Feb 5 (its January orders come before: not counted); D Mar 12.
    expect(matrix(await retention({ cohortBy: 'segment_entry', segmentId: 'vip' }))).toEqual({
      '2025-12': [1, 1, 1, 0, 1],
      '2026-02': [1, 1, 0, 0, 0],
      '2026-03': [1, 1, 0, 0, 0],
    });
    expect(matrix(await retention({ segmentId: 'vip' }))).toEqual({
      '2025-12': [1, 1, 1, 0, 1],
      '2026-01': [1, 1, 1, 0, 0],
      '2026-02': [1, 1, 1, 0, 0],
    });
    await expect(retention({ cohortBy: 'segment_entry' })).rejects.toThrow(/segment/);
  });

  it('uses ISO weeks and days, and keeps cohorts to the range', async () => {
    const weeks = await retention({
      period: 'week',
      range: { startMs: ms('2026-01-01'), endMs: ms('2026-02-01') },
      periods: 3,
    });
    // C's first order Mon Jan 5 2026, second Tue Jan 20 (offset 2).
    expect(
      weeks.cohorts.map((c) => [new Date(c.startMs).toISOString().slice(0, 10), c.size, ...c.active]),
    ).toEqual([['2026-01-05', 1, 1, 0, 1]]);
    const days = await retention({
      period: 'day',
      range: { startMs: ms('2026-03-15'), endMs: ms('2026-03-16') },
      periods: 2,
    });
    expect(days.cohorts).toEqual([{ startMs: ms('2026-03-15'), size: 1, active: [1, 0] }]);
  });
});
