// The shared conformance suite: every backend runs it (see duckdb/duckdb-store.test.ts) and
// must give the same answers. Named *.case.ts, not *.test.ts, because it only defines tests.
import { describe, expect, it } from 'vitest';
import type { Store } from './store';
import { orderItem, storedEvent } from './test-support/event-factory';

const DAY = 86_400_000;
const march = (day: number, hour = 10) =>
  Date.parse(`2026-03-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00Z`);
const marchRange = { startMs: march(1, 0), endMs: march(31, 0) + DAY };

export function runStoreSuite({ newStore }: { newStore: () => Promise<Store> }): void {
  describe('StateStore', () => {
    it('creates projects with a public write key and a secret key, and resolves them', async () => {
      const store = await newStore();
      try {
        const { project, keys } = await store.state.createProject({ name: 'Shop A' });
        expect(keys.writeKey).toMatch(/^wk_/);
        expect(keys.secretKey).toMatch(/^sk_/);
        expect(await store.state.resolveKey(keys.writeKey)).toEqual({ projectId: project.id, kind: 'write' });
        expect(await store.state.resolveKey(keys.secretKey)).toEqual({
          projectId: project.id,
          kind: 'secret',
        });
        expect(await store.state.resolveKey('sk_unknown')).toBeNull();
        expect(await store.state.projectKeys(project.id)).toEqual(keys);
        expect((await store.state.listProjects()).map((p) => p.name)).toEqual(['Shop A']);
        expect((await store.state.getProject(project.id))?.name).toBe('Shop A');
      } finally {
        await store.close();
      }
    });
  });

  describe('catalogue and customers', () => {
    const product = (productId: string, price: number) => ({
      productId,
      title: `Product ${productId}`,
      description: null,
      categoryPath: 'Home > Candles',
      brand: 'Acme',
      price,
      salePrice: null,
      currency: 'EUR',
      availability: 'in_stock',
      imageLink: null,
      link: null,
      attributes: '{"color":"red"}',
    });

    it('inserts new products, updates changed ones and counts unchanged ones', async () => {
      const store = await newStore();
      try {
        expect(await store.state.upsertProducts('prj_a', [product('p1', 10), product('p2', 20)])).toEqual({
          inserted: 2,
          updated: 0,
          unchanged: 0,
        });
        expect(
          await store.state.upsertProducts('prj_a', [product('p1', 10), product('p2', 25), product('p3', 5)]),
        ).toEqual({
          inserted: 1,
          updated: 1,
          unchanged: 1,
        });
        expect(await store.state.countProducts('prj_a')).toBe(3);
        expect(await store.state.countProducts('prj_b')).toBe(0);
        const [first] = await store.state.listProducts({ projectId: 'prj_a', limit: 1 });
        expect(first).toEqual(product('p1', 10));
        expect(
          (await store.state.listProducts({ projectId: 'prj_a', limit: 5, offset: 1 })).map((p) => p.price),
        ).toEqual([25, 5]);
      } finally {
        await store.close();
      }
    });

    it('upserts customers and keeps per-project settings with an e-mail hash key', async () => {
      const store = await newStore();
      try {
        const { project } = await store.state.createProject({ name: 'Shop' });
        const settings = await store.state.projectSettings(project.id);
        expect(settings.keepEmails).toBe(false);
        expect(settings.emailHashKey.length).toBeGreaterThan(20);
        expect(await store.state.updateProjectSettings(project.id, { keepEmails: true })).toEqual({
          ...settings,
          keepEmails: true,
        });
        const demo = {
          loadedAt: '2026-11-22T07:00:00.000Z',
          shiftWeeks: 780,
          orders: 3,
          simulatedEvents: 40,
        };
        await store.state.updateProjectSettings(project.id, { demo });
        expect(await store.state.projectSettings(project.id)).toEqual({
          ...settings,
          keepEmails: true,
          demo,
        });
        const c = {
          customerId: 'c1',
          emailHash: 'h',
          email: null,
          firstName: 'Anna',
          lastName: 'Berg',
          createdAt: march(1),
          attributes: null,
        };
        expect(await store.state.upsertCustomers(project.id, [c, { ...c, customerId: 'c2' }])).toEqual({
          inserted: 2,
          updated: 0,
          unchanged: 0,
        });
        expect(
          await store.state.upsertCustomers(project.id, [c, { ...c, customerId: 'c2', lastName: 'Borg' }]),
        ).toEqual({ inserted: 0, updated: 1, unchanged: 1 });
        expect(await store.state.countCustomers(project.id)).toBe(2);
      } finally {
        await store.close();
      }
    });
  });

  describe('EventStore', () => {
    it('appends events atomically: a batch with one bad row stores nothing', async () => {
      const store = await newStore();
      try {
        const projectId = 'prj_a';
        await store.events.append({ events: [storedEvent({ projectId })], orderItems: [] });
        const bad = storedEvent({ projectId, channel: null as unknown as 'web' });
        await expect(
          store.events.append({ events: [storedEvent({ projectId }), bad], orderItems: [] }),
        ).rejects.toThrow();
        expect(await store.events.countEvents(projectId)).toBe(1);
      } finally {
        await store.close();
      }
    });

    it('keeps projects apart: no query returns another project’s rows', async () => {
      const store = await newStore();
      try {
        await store.events.append({
          events: [
            storedEvent({ projectId: 'prj_a', anonymousId: 'x' }),
            storedEvent({ projectId: 'prj_b', anonymousId: 'x' }),
            storedEvent({ projectId: 'prj_b', anonymousId: 'y' }),
          ],
          orderItems: [],
        });
        expect(await store.events.countEvents('prj_a')).toBe(1);
        expect(await store.events.countEvents('prj_b')).toBe(2);
        expect(
          (await store.events.listEvents({ projectId: 'prj_a', limit: 10 })).every(
            (e) => e.projectId === 'prj_a',
          ),
        ).toBe(true);
        expect((await store.events.overview({ projectId: 'prj_a', range: marchRange })).visitors).toBe(1);
        expect((await store.events.listEvents({ projectId: 'prj_b', limit: 10, visitor: 'x' })).length).toBe(
          1,
        );
      } finally {
        await store.close();
      }
    });

    it('round-trips every column', async () => {
      const store = await newStore();
      try {
        const e = storedEvent({
          projectId: 'prj_a',
          event: 'Order Completed',
          userId: 'u-1',
          orderId: 'o-1',
          revenue: 59.9,
          value: 59.9,
          currency: 'EUR',
          quantity: 2,
          query: 'shoes',
          category: 'Shoes/Running',
          utmSource: 'google',
          utmMedium: 'cpc',
          utmCampaign: 'spring',
          utmTerm: 'running shoes',
          utmContent: 'ad-1',
          pagePath: '/checkout',
          referrer: 'https://www.google.com/',
          properties: '{"coupon":"SPRING10"}',
          context: '{"locale":"de-DE"}',
          traits: null,
          channel: 'app',
        });
        await store.events.append({
          events: [e],
          orderItems: [orderItem({ projectId: 'prj_a', orderId: 'o-1' })],
        });
        const [back] = await store.events.listEvents({ projectId: 'prj_a', limit: 1 });
        expect(back).toEqual(e);
      } finally {
        await store.close();
      }
    });

    it('answers the overview: visitors, sessions, orders once per order id, revenue, per-day counts', async () => {
      const store = await newStore();
      try {
        const projectId = 'prj_a';
        const ev = (o: Parameters<typeof storedEvent>[0]) => storedEvent(o);
        await store.events.append({
          events: [
            ev({ projectId, anonymousId: 'a', sessionId: 'sa', timestamp: march(2) }),
            ev({
              projectId,
              anonymousId: 'a',
              sessionId: 'sa',
              event: 'Order Completed',
              orderId: 'o1',
              revenue: 100,
              currency: 'EUR',
              timestamp: march(2, 11),
            }),
            // The same order sent again under another messageId must not count twice.
            ev({
              projectId,
              anonymousId: 'a',
              sessionId: 'sa',
              event: 'Order Completed',
              orderId: 'o1',
              revenue: 100,
              currency: 'EUR',
              timestamp: march(2, 11),
            }),
            ev({ projectId, anonymousId: 'b', sessionId: 'sb', timestamp: march(3) }),
            ev({
              projectId,
              anonymousId: null,
              userId: 'u',
              sessionId: 'sc',
              event: 'Order Completed',
              orderId: 'o2',
              revenue: 50,
              currency: 'EUR',
              timestamp: march(3),
            }),
            ev({ projectId, anonymousId: 'c', sessionId: 'sd', timestamp: march(3) }),
            ev({
              projectId,
              anonymousId: 'late',
              sessionId: 'se',
              timestamp: Date.parse('2026-04-01T00:00:00Z'),
            }),
          ],
          orderItems: [],
        });
        const o = await store.events.overview({ projectId, range: marchRange });
        expect(o).toEqual({
          events: 6,
          visitors: 4,
          sessions: 4,
          orders: 2,
          revenue: 150,
          currency: 'EUR',
          convertingSessions: 2,
          eventsPerDay: [
            { day: '2026-03-02', events: 3 },
            { day: '2026-03-03', events: 3 },
          ],
        });
      } finally {
        await store.close();
      }
    });

    it('appends only new message ids, with the order items of the new events only', async () => {
      const store = await newStore();
      try {
        const projectId = 'prj_imp';
        const order = storedEvent({
          projectId,
          messageId: 'imp:order:1',
          event: 'Order Completed',
          orderId: '1',
          revenue: 30,
          sessionId: null,
        });
        const items = [
          orderItem({ projectId, orderId: '1', messageId: 'imp:order:1', productId: 'a' }),
          orderItem({ projectId, orderId: '1', messageId: 'imp:order:1', productId: 'b', position: 1 }),
        ];
        const view = storedEvent({ projectId, messageId: 'imp:view:1', sessionId: null });
        expect(await store.events.appendNew({ events: [order, view, view], orderItems: items })).toEqual({
          inserted: 2,
          duplicates: 1,
          duplicateIds: [],
        });
        const again = await store.events.appendNew({ events: [order, view], orderItems: items });
        expect({ ...again, duplicateIds: again.duplicateIds.sort() }).toEqual({
          inserted: 0,
          duplicates: 2,
          duplicateIds: ['imp:order:1', 'imp:view:1'],
        });
        expect(await store.events.countEvents(projectId)).toBe(2);
        // The same message id in another project is another event.
        expect(
          await store.events.appendNew({ events: [{ ...view, projectId: 'prj_other' }], orderItems: [] }),
        ).toMatchObject({ inserted: 1, duplicates: 0 });
      } finally {
        await store.close();
      }
    });

    it('sessionises imported history by the session rule', async () => {
      const store = await newStore();
      try {
        const projectId = 'prj_hist';
        const t0 = Date.parse('2025-01-10T10:00:00Z');
        const at = (min: number) => t0 + min * 60_000;
        const ev = (messageId: string, min: number, extra: Parameters<typeof storedEvent>[0] | object = {}) =>
          storedEvent({
            projectId,
            messageId,
            anonymousId: 'h1',
            sessionId: null,
            timestamp: at(min),
            ...extra,
          });
        await store.events.appendNew({
          events: [
            ev('a', 0),
            ev('b', 20),
            ev('c', 49), // 29 minutes later: same session
            ev('d', 80), // 31 minutes later: new session
            ev('e', 85, { utmSource: 'news', utmMedium: 'email', utmCampaign: 'jan' }), // new campaign: new session
            ev('f', 90),
            ev('g', 5, { anonymousId: 'h2' }),
          ],
          orderItems: [],
        });
        expect(await store.events.assignSessions({ projectId, timeoutMs: 30 * 60_000 })).toBe(7);
        const events = await store.events.listEvents({ projectId, limit: 10 });
        const session = (id: string) => events.find((e) => e.messageId === id)?.sessionId;
        expect(session('a')).toBe(session('b'));
        expect(session('b')).toBe(session('c'));
        expect(session('d')).not.toBe(session('c'));
        expect(session('e')).not.toBe(session('d'));
        expect(session('f')).toBe(session('e'));
        expect(new Set(events.map((e) => e.sessionId)).size).toBe(4);
        expect(await store.events.assignSessions({ projectId, timeoutMs: 30 * 60_000 })).toBe(0);
      } finally {
        await store.close();
      }
    });

    it('does not count Centric’s own recommendation impressions as customer behaviour', async () => {
      const store = await newStore();
      try {
        const projectId = 'prj_sys';
        await store.events.append({
          events: [
            storedEvent({ projectId, anonymousId: 'real', sessionId: 'r1', timestamp: march(5) }),
            storedEvent({
              projectId,
              anonymousId: 'centric:no-visitor',
              sessionId: 'x1',
              event: 'Recommendation Viewed',
              timestamp: march(5),
            }),
          ],
          orderItems: [],
        });
        expect(await store.events.overview({ projectId, range: marchRange })).toMatchObject({
          events: 1,
          visitors: 1,
          sessions: 1,
          eventsPerDay: [{ day: '2026-03-05', events: 1 }],
        });
        expect((await store.profiles.activity(projectId, {})).map((a) => a.profileId)).toEqual(['a:real']);
      } finally {
        await store.close();
      }
    });

    it('does not count cancelled orders in the overview', async () => {
      const store = await newStore();
      try {
        const projectId = 'prj_c';
        await store.events.append({
          events: [
            storedEvent({
              projectId,
              event: 'Order Completed',
              orderId: 'k1',
              revenue: 10,
              timestamp: march(5),
            }),
            storedEvent({
              projectId,
              event: 'Order Completed',
              orderId: 'k2',
              revenue: 20,
              timestamp: march(5),
            }),
            storedEvent({
              projectId,
              event: 'Order Cancelled',
              orderId: 'k2',
              timestamp: Date.parse('2026-04-02T00:00:00Z'),
            }),
          ],
          orderItems: [],
        });
        expect(await store.events.overview({ projectId, range: marchRange })).toMatchObject({
          orders: 1,
          revenue: 10,
        });
      } finally {
        await store.close();
      }
    });

    it('lists recent message ids and the latest session per visitor', async () => {
      const store = await newStore();
      try {
        const now = Date.now();
        await store.events.append({
          events: [
            storedEvent({
              projectId: 'prj_a',
              messageId: 'old',
              anonymousId: 'v',
              sessionId: 's1',
              timestamp: now - 3 * DAY,
              receivedAt: now - 3 * DAY,
            }),
            storedEvent({
              projectId: 'prj_a',
              messageId: 'new1',
              anonymousId: 'v',
              sessionId: 's2',
              timestamp: now - 60_000,
              receivedAt: now - 60_000,
              utmSource: 'google',
              utmMedium: 'cpc',
              utmCampaign: 'x',
            }),
            storedEvent({
              projectId: 'prj_a',
              messageId: 'new2',
              anonymousId: 'v',
              sessionId: 's2',
              timestamp: now - 30_000,
              receivedAt: now - 30_000,
            }),
          ],
          orderItems: [],
        });
        const ids = await store.events.recentMessageIds({ sinceMs: now - DAY, limit: 10 });
        expect(ids.map((i) => i.messageId).sort()).toEqual(['new1', 'new2']);
        const sessions = await store.events.recentSessions({ sinceMs: now - 30 * 60_000 });
        expect(sessions).toEqual([
          {
            projectId: 'prj_a',
            visitorKey: 'v',
            sessionId: 's2',
            startedAt: now - 60_000,
            lastEventAt: now - 30_000,
            campaign: 'google|cpc|x',
          },
        ]);
      } finally {
        await store.close();
      }
    });
  });
}
