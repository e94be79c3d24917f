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
