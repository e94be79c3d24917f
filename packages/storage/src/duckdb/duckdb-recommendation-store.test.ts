// The recommendation store on a real DuckDB file: slots saved and replaced, the model inputs
// (recent sessions' clicks, order baskets without cancelled orders, identity links) and the
// attribution of served lists to clicks (by recommendation id) and orders (same profile, window).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderItem, storedEvent } from '../test-support/event-factory';
import { DuckDbStore } from './duckdb-store';

const DAY = 86_400_000;
const NOW = Date.parse('2026-03-20T12:00:00Z');
const P = 'prj_rec';
const dir = mkdtempSync(join(tmpdir(), 'centric-recstore-'));
let store: DuckDbStore;

const at = (daysAgo: number, minutes = 0) => NOW - daysAgo * DAY + minutes * 60_000;

beforeAll(async () => {
  store = await DuckDbStore.open({ file: join(dir, 'rec.duckdb') });
  const view = (anon: string, session: string, product: string, t: number, extra = {}) =>
    storedEvent({
      projectId: P,
      anonymousId: anon,
      sessionId: session,
      productId: product,
      timestamp: t,
      ...extra,
    });
  const order = (
    id: string,
    who: { anonymousId?: string; userId?: string },
    products: [string, number][],
    t: number,
  ) => ({
    event: storedEvent({
      projectId: P,
      messageId: `order-${id}`,
      event: 'Order Completed',
      anonymousId: who.anonymousId ?? null,
      userId: who.userId ?? null,
      sessionId: null,
      orderId: id,
      timestamp: t,
    }),
    items: products.map(([productId, price], position) =>
      orderItem({
        projectId: P,
        orderId: id,
        messageId: `order-${id}`,
        position,
        productId,
        price,
        quantity: 2,
        timestamp: t,
      }),
    ),
  });
  const served = storedEvent({
    projectId: P,
    event: 'Recommendation Viewed',
    anonymousId: 'ann',
    sessionId: 's-ann',
    timestamp: at(1),
    properties: JSON.stringify({
      recommendation_id: 'rec_1',
      slot: 'home',
      algorithm: 'trending',
      product_ids: ['p1', 'p2'],
    }),
  });
  const orders = [
    order(
      'o1',
      { anonymousId: 'ann' },
      [
        ['p1', 10],
        ['p9', 99],
      ],
      at(1, 30),
    ),
    order('o2', { userId: 'bob' }, [['p2', 5]], at(3)),
    order('o3', { userId: 'bob' }, [['p3', 5]], at(2)),
    // Outside the 7-day window after the impression: not attributed.
    order('o4', { anonymousId: 'ann' }, [['p2', 7]], at(-9)),
  ];
  await store.events.append({
    events: [
      view('ann', 's-ann', 'p1', at(1, -5)),
      view('ann', 's-ann', 'p2', at(1, -4), { event: 'Product Added' }),
      view('old', 's-old', 'p1', at(40)),
      served,
      // A click carrying the list's id, sent twice (Product Clicked and Product Viewed): one click.
      view('ann', 's-ann', 'p1', at(1, 5), { properties: JSON.stringify({ recommendation_id: 'rec_1' }) }),
      view('ann', 's-ann', 'p1', at(1, 5), {
        event: 'Product Clicked',
        properties: JSON.stringify({ recommendation_id: 'rec_1' }),
      }),
      ...orders.map((o) => o.event),
      storedEvent({
        projectId: P,
        event: 'Order Cancelled',
        userId: 'bob',
        orderId: 'o3',
        timestamp: at(2, 10),
      }),
    ],
    orderItems: orders.flatMap((o) => o.items),
  });
  await store.profiles.link(P, { identities: ['a:ann', 'u:ann@shop'], reason: 'test', at: at(5) });
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('DuckDbRecommendationStore', () => {
  it('saves, replaces, lists and removes slots', async () => {
    const rules = { filters: { inStock: true, maxPrice: 20 }, maxPerCategory: 2 };
    await store.recommendations.saveSlot(P, {
      slotId: 'home',
      name: 'Home',
      algorithm: 'auto',
      limit: 8,
      rules,
      at: 1,
    });
    await store.recommendations.saveSlot(P, {
      slotId: 'cart',
      name: 'Cart',
      algorithm: 'bundle',
      limit: 4,
      rules: {},
      at: 2,
    });
    await store.recommendations.saveSlot(P, {
      slotId: 'home',
      name: 'Home 2',
      algorithm: 'trending',
      limit: 6,
      rules,
      at: 3,
    });
    expect(await store.recommendations.listSlots(P)).toEqual([
      { slotId: 'home', name: 'Home 2', algorithm: 'trending', limit: 6, rules, updatedAt: 3 },
      { slotId: 'cart', name: 'Cart', algorithm: 'bundle', limit: 4, rules: {}, updatedAt: 2 },
    ]);
    expect(await store.recommendations.removeSlot(P, 'cart')).toBe(true);
    expect(await store.recommendations.removeSlot(P, 'cart')).toBe(false);
    expect(await store.recommendations.listSlots('other')).toEqual([]);
  });

  it('reads the clicks of recent sessions and the baskets of orders not cancelled', async () => {
    const clicks = await store.recommendations.sessionClicks(P, { sinceMs: at(30), maxSessions: 10 });
    expect(clicks.map((c) => [c.sessionId, c.identity, c.productId, c.kind])).toEqual([
      ['s-ann', 'a:ann', 'p1', 'view'],
      ['s-ann', 'a:ann', 'p2', 'cart'],
      ['s-ann', 'a:ann', 'p1', 'view'],
      ['s-ann', 'a:ann', 'p1', 'view'],
    ]);
    const baskets = await store.recommendations.orderBaskets(P, { sinceMs: at(30), limit: 10 });
    expect(baskets.map((b) => [b.orderId, b.identity, b.productIds])).toEqual([
      ['o2', 'u:bob', ['p2']],
      ['o1', 'a:ann', ['p1', 'p9']],
      ['o4', 'a:ann', ['p2']],
    ]);
    const latest = await store.recommendations.orderBaskets(P, { sinceMs: at(30), limit: 1 });
    expect(latest.map((b) => b.orderId)).toEqual(['o4']);
  });

  it('reads identity links, all or those of given identities', async () => {
    const all = await store.recommendations.identityLinks(P, { limit: 100 });
    expect(all.map((l) => l.identity).sort()).toEqual(['a:ann', 'u:ann@shop']);
    const some = await store.recommendations.identityLinks(P, {
      identities: ['a:ann', 'a:nobody'],
      limit: 100,
    });
    expect(new Set(some.map((l) => l.profileId)).size).toBe(1);
    expect(some).toHaveLength(2);
    expect(await store.recommendations.identityLinks(P, { identities: ['a:nobody'], limit: 100 })).toEqual(
      [],
    );
  });

  it('attributes clicks by recommendation id and orders of the same profile within the window', async () => {
    const rows = await store.recommendations.attribution(P, {
      range: { startMs: at(7), endMs: NOW + DAY },
      windowMs: 7 * DAY,
    });
    // o1 holds p1 (recommended, 2 x 10) and p9 (not): only p1's revenue counts.
    expect(rows).toEqual([
      { slot: 'home', algorithm: 'trending', impressions: 1, clicks: 1, orders: 1, revenue: 20 },
    ]);
  });

  it('tells when the catalogue changed', async () => {
    const before = await store.recommendations.catalogueVersion(P);
    await store.state.upsertProducts(P, [
      {
        productId: 'p1',
        title: 'P1',
        description: null,
        categoryPath: 'Home',
        brand: null,
        price: 10,
        salePrice: null,
        currency: 'EUR',
        availability: 'in stock',
        imageLink: null,
        link: null,
        attributes: null,
      },
    ]);
    expect(await store.recommendations.catalogueVersion(P)).not.toBe(before);
  });
});
