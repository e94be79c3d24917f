// Conformance suite of the ProfileStore: every backend runs it (see duckdb/duckdb-store.test.ts).
import { describe, expect, it } from 'vitest';
import type { ProfileTraits } from './profile-store';
import type { Store } from './store';
import { orderItem, storedEvent } from './test-support/event-factory';

const t0 = Date.parse('2026-02-01T10:00:00Z');
const minute = 60_000;

export function runProfileStoreSuite({ newStore }: { newStore: () => Promise<Store> }): void {
  describe('ProfileStore', () => {
    it('stitches identities into one profile, records each merge, and undoes a merge', async () => {
      const store = await newStore();
      const p = 'prj_id';
      try {
        expect(await store.profiles.resolve(p, 'a:anon-1')).toBe('a:anon-1');
        const first = await store.profiles.link(p, {
          identities: ['a:anon-1', 'u:42'],
          reason: 'identify',
          at: t0,
        });
        expect(first).toMatch(/^p_/);
        expect(await store.profiles.resolve(p, 'a:anon-1')).toBe(first);
        expect(await store.profiles.identities(p, first)).toEqual(['a:anon-1', 'u:42']);
        // A second device of the same customer, then their hashed e-mail from the CRM.
        expect(
          await store.profiles.link(p, {
            identities: ['a:anon-2', 'u:42'],
            reason: 'login',
            at: t0 + minute,
          }),
        ).toBe(first);
        const other = await store.profiles.link(p, {
          identities: ['u:crm-7', 'u:email:abc'],
          reason: 'import',
          at: t0 + 2 * minute,
        });
        expect(other).not.toBe(first);
        expect(
          await store.profiles.link(p, {
            identities: ['u:42', 'u:email:abc'],
            reason: 'rule:email',
            at: t0 + 3 * minute,
          }),
        ).toBe(first);
        expect(await store.profiles.identities(p, first)).toEqual([
          'a:anon-1',
          'a:anon-2',
          'u:42',
          'u:crm-7',
          'u:email:abc',
        ]);
        const merges = await store.profiles.merges(p, { profileId: first, limit: 10 });
        expect(merges.map((m) => [m.reason, m.mergedProfile, m.movedIdentities])).toEqual([
          ['rule:email', other, ['u:crm-7', 'u:email:abc']],
          ['login', 'a:anon-2', ['a:anon-2']],
          ['identify', 'a:anon-1', ['a:anon-1']],
        ]);
        const undone = await store.profiles.unmerge(p, merges[0]!.mergeId, t0 + 4 * minute);
        expect(undone.undoneAt).toBe(t0 + 4 * minute);
        expect(await store.profiles.resolve(p, 'u:crm-7')).toBe(other);
        expect(await store.profiles.identities(p, first)).toEqual(['a:anon-1', 'a:anon-2', 'u:42']);
        await store.profiles.unmerge(p, merges[1]!.mergeId, t0 + 5 * minute);
        expect(await store.profiles.resolve(p, 'a:anon-2')).toBe('a:anon-2');
        await expect(store.profiles.unmerge(p, merges[1]!.mergeId, t0)).rejects.toThrow(/already undone/);
        expect(await store.profiles.resolve('prj_other', 'a:anon-1')).toBe('a:anon-1');
      } finally {
        await store.close();
      }
    });

    it('counts a visitor’s anonymous history with the customer once linked', async () => {
      const store = await newStore();
      const p = 'prj_act';
      try {
        await store.events.append({
          events: [
            storedEvent({ projectId: p, anonymousId: 'v1', sessionId: 's1', timestamp: t0 }),
            storedEvent({
              projectId: p,
              anonymousId: 'v1',
              userId: 'c1',
              sessionId: 's1',
              event: 'Order Completed',
              orderId: 'o1',
              revenue: 40,
              timestamp: t0 + minute,
            }),
            storedEvent({
              projectId: p,
              anonymousId: null,
              userId: 'c1',
              sessionId: 's2',
              channel: 'store',
              event: 'Order Completed',
              orderId: 'o2',
              revenue: 60,
              timestamp: t0 + 86_400_000,
            }),
            storedEvent({ projectId: p, anonymousId: 'v9', sessionId: 's9', timestamp: t0 }),
          ],
          orderItems: [],
        });
        const before = await store.profiles.activity(p, {});
        // Before the link the anonymous page view and the customer's orders are two profiles.
        expect(before.find((a) => a.profileId === 'a:v1')?.events).toBe(1);
        const profile = await store.profiles.link(p, {
          identities: ['a:v1', 'u:c1'],
          reason: 'identify',
          at: t0,
        });
        const [activity] = await store.profiles.activity(p, { profileIds: [profile] });
        expect(activity).toEqual({
          profileId: profile,
          firstSeen: t0,
          lastSeen: t0 + 86_400_000,
          events: 3,
          sessions: 2,
          channels: ['store', 'web'],
        });
        expect(
          (await store.profiles.orders(p, { until: t0 + 2 * 86_400_000 })).map((o) => [
            o.profileId,
            o.orderId,
            o.revenue,
          ]),
        ).toEqual([
          [profile, 'o1', 40],
          [profile, 'o2', 60],
        ]);
        expect(await store.profiles.touchedSince(p, 0)).toEqual(['a:v9', profile].sort());
      } finally {
        await store.close();
      }
    });

    it('stores computed traits', async () => {
      const store = await newStore();
      try {
        const traits: ProfileTraits = {
          profileId: 'p_x',
          firstSeen: t0,
          lastSeen: t0 + minute,
          events: 3,
          sessions: 2,
          channels: ['app', 'web'],
          orders: 2,
          revenue: 100,
          averageOrderValue: 50,
          firstOrderAt: t0,
          lastOrderAt: t0 + minute,
          rfmRecency: 5,
          rfmFrequency: 3,
          rfmMonetary: 4,
          rfmSegment: 'Loyal',
          lifecycleStage: 'active',
          historicClv: 100,
          predictedClv: 80.5,
          churnProbability: 0.2,
          expectedPurchases52w: 1.7,
          refreshedAt: t0 + 2 * minute,
        };
        await store.profiles.upsertTraits('prj_t', [traits]);
        await store.profiles.upsertTraits('prj_t', [{ ...traits, orders: 3 }]);
        expect(await store.profiles.traits('prj_t', 'p_x')).toEqual({ ...traits, orders: 3 });
        expect(await store.profiles.traits('prj_t', 'p_y')).toBeNull();
      } finally {
        await store.close();
      }
    });

    it('exports everything about a customer and erases it so that no table holds an identifier', async () => {
      const store = await newStore();
      const p = 'prj_gdpr';
      try {
        await store.events.append({
          events: [
            storedEvent({
              projectId: p,
              messageId: 'g1',
              anonymousId: 'dev-1',
              sessionId: 's1',
              timestamp: t0,
            }),
            storedEvent({
              projectId: p,
              messageId: 'g2',
              anonymousId: 'dev-1',
              userId: 'cust-1',
              sessionId: 's1',
              event: 'Order Completed',
              orderId: 'ord-1',
              revenue: 20,
              timestamp: t0 + minute,
            }),
            storedEvent({
              projectId: p,
              messageId: 'g3',
              anonymousId: 'someone-else',
              sessionId: 's3',
              timestamp: t0,
            }),
          ],
          orderItems: [orderItem({ projectId: p, orderId: 'ord-1', messageId: 'g2', productId: 'sku-1' })],
        });
        await store.state.upsertCustomers(p, [
          {
            customerId: 'cust-1',
            emailHash: 'hash-1',
            email: null,
            firstName: 'Ada',
            lastName: 'L',
            createdAt: t0,
            attributes: null,
          },
        ]);
        const profile = await store.profiles.link(p, {
          identities: ['a:dev-1', 'u:cust-1', 'u:email:hash-1'],
          reason: 'identify',
          at: t0,
        });
        const exported = await store.profiles.exportProfile(p, profile);
        expect(exported.identities).toEqual(['a:dev-1', 'u:cust-1', 'u:email:hash-1']);
        expect(exported.events.map((e) => e.message_id)).toEqual(['g1', 'g2']);
        expect(exported.orderItems.map((i) => i.product_id)).toEqual(['sku-1']);
        expect(exported.customers.map((c) => c.first_name)).toEqual(['Ada']);
        expect(exported.merges.length).toBe(2);

        const report = await store.profiles.eraseProfile(p, profile);
        expect(report.deleted).toMatchObject({ events: 2, order_items: 1, customers: 1, identity_links: 3 });
        expect(Object.values(report.remaining).every((n) => n === 0)).toBe(true);
        expect(Object.keys(report.remaining)).toEqual(
          expect.arrayContaining(['events', 'order_items', 'customers', 'identity_links', 'profile_merges']),
        );
        expect(await store.events.countEvents(p)).toBe(1);
        expect(await store.profiles.resolve(p, 'u:cust-1')).toBe('u:cust-1');
      } finally {
        await store.close();
      }
    });
  });
}
