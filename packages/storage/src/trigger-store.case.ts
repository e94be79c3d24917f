// Conformance suite of the TriggerStore: every backend runs it (see
// duckdb/duckdb-trigger-store.test.ts). Configurations round-trip as saved; interactions and
// performance come from the Trigger events the widgets send; segment members are found under
// every identity of their profile.
import { segments } from '@centric/analyses';
import type { TriggerDefinition } from '@centric/contracts';
import { describe, expect, it } from 'vitest';
import type { Store } from './store';
import { storedEvent } from './test-support/event-factory';

const NOW = Date.parse('2026-03-20T12:00:00Z');
const HOUR = 3_600_000;

const dwell: TriggerDefinition = {
  name: 'Stay a while',
  kind: 'dwell_popin',
  active: true,
  priority: 2,
  targeting: { pageTypes: ['product'], urlPatterns: ['/p/*'], categories: ['Home'], segments: ['seg_1'] },
  capping: { maxImpressions: 1, windowDays: 7 },
  content: { title: '10% off', couponCode: 'STAY10', cta: { label: 'Shop', url: '/sale' } },
  settings: { dwellSeconds: 20 },
};

export function runTriggerStoreSuite({ newStore }: { newStore: () => Promise<Store> }): void {
  describe('TriggerStore', () => {
    it('creates, lists, replaces and removes triggers per project', async () => {
      const store = await newStore();
      try {
        const p = 'prj_trg';
        const saved = await store.triggers.create(p, { ...dwell, at: NOW });
        expect(saved).toEqual({ ...dwell, triggerId: saved.triggerId, createdAt: NOW, updatedAt: NOW });
        expect(saved.triggerId).toMatch(/^trg_/);
        const bar = await store.triggers.create(p, {
          name: 'Free shipping',
          kind: 'free_shipping_bar',
          active: false,
          priority: 0,
          targeting: {},
          capping: { maxImpressions: null, windowDays: 1 },
          content: { body: '{remaining} to free shipping' },
          settings: { threshold: 49.5, currency: 'EUR' },
          at: NOW + 1,
        });
        expect(await store.triggers.list(p)).toEqual([saved, bar]);
        expect(await store.triggers.list('prj_other')).toEqual([]);
        expect(await store.triggers.get(p, bar.triggerId)).toEqual(bar);

        const replaced = await store.triggers.update(p, saved.triggerId, {
          ...dwell,
          active: false,
          settings: { dwellSeconds: 45 },
          at: NOW + 2,
        });
        expect(replaced).toMatchObject({
          active: false,
          settings: { dwellSeconds: 45 },
          createdAt: NOW,
          updatedAt: NOW + 2,
        });
        expect(await store.triggers.get(p, saved.triggerId)).toEqual(replaced);
        expect(await store.triggers.update('prj_other', saved.triggerId, dwell)).toBeNull();

        expect(await store.triggers.remove(p, saved.triggerId)).toBe(true);
        expect(await store.triggers.remove(p, saved.triggerId)).toBe(false);
        expect(await store.triggers.get(p, saved.triggerId)).toBeNull();
      } finally {
        await store.close();
      }
    });

    it('reads interactions and performance from the trigger events', async () => {
      const store = await newStore();
      try {
        const p = 'prj_trg_events';
        const report = (event: string, who: string, triggerId: string, at: number, kind = 'dwell_popin') =>
          storedEvent({
            projectId: p,
            event,
            anonymousId: who,
            timestamp: at,
            properties: JSON.stringify({ trigger_id: triggerId, kind, decision_id: 'dec_1' }),
          });
        await store.events.append({
          events: [
            report('Trigger Shown', 'v1', 'trg_a', NOW - 30 * HOUR),
            report('Trigger Shown', 'v1', 'trg_a', NOW - 3 * HOUR),
            report('Trigger Clicked', 'v1', 'trg_a', NOW - 3 * HOUR + 5000),
            report('Trigger Shown', 'v2', 'trg_a', NOW - 2 * HOUR),
            report('Trigger Dismissed', 'v2', 'trg_a', NOW - 2 * HOUR + 5000),
            report('Trigger Shown', 'v2', 'trg_b', NOW - HOUR, 'social_proof'),
            // Not a trigger event, and a trigger event without its id: neither counts.
            storedEvent({ projectId: p, event: 'Product Viewed', timestamp: NOW - HOUR }),
            storedEvent({ projectId: p, event: 'Trigger Shown', timestamp: NOW - HOUR, properties: '{}' }),
          ],
          orderItems: [],
        });

        const recent = await store.triggers.interactions(p, { sinceMs: NOW - 24 * HOUR, limit: 100 });
        expect(recent.map((r) => [r.anonymousId, r.triggerId, r.kind])).toEqual([
          ['v1', 'trg_a', 'shown'],
          ['v1', 'trg_a', 'clicked'],
          ['v2', 'trg_a', 'shown'],
          ['v2', 'trg_a', 'dismissed'],
          ['v2', 'trg_b', 'shown'],
        ]);
        expect(recent[0]).toMatchObject({ userId: null, at: NOW - 3 * HOUR, messageId: expect.any(String) });
        // The limit keeps the most recent ones.
        const last = await store.triggers.interactions(p, { sinceMs: 0, limit: 2 });
        expect(last.map((r) => r.kind)).toEqual(['dismissed', 'shown']);

        const perf = await store.triggers.performance(p, {
          range: { startMs: NOW - 24 * HOUR, endMs: NOW },
        });
        expect(perf).toEqual([
          { triggerId: 'trg_a', kind: 'dwell_popin', shown: 2, clicked: 1, dismissed: 1, visitors: 2 },
          { triggerId: 'trg_b', kind: 'social_proof', shown: 1, clicked: 0, dismissed: 0, visitors: 1 },
        ]);
      } finally {
        await store.close();
      }
    });

    it('finds segment members under every identity of their profile', async () => {
      const store = await newStore();
      try {
        const p = 'prj_trg_segments';
        await store.profiles.link(p, {
          identities: ['a:anon-1', 'u:42'],
          reason: 'identify',
          at: NOW - HOUR,
        });
        const added = (anonymousId: string, userId: string | null) =>
          storedEvent({ projectId: p, event: 'Product Added', anonymousId, userId, timestamp: NOW - HOUR });
        await store.events.append({
          events: [
            added('anon-1', '42'),
            added('anon-7', null),
            storedEvent({ projectId: p, anonymousId: 'anon-8' }),
          ],
          orderItems: [],
        });
        const carts = await store.segments.create(p, {
          name: 'Carts',
          rule: 'exists(event = "Product Added") within 1 days',
        });
        const other = await store.segments.create(p, { name: 'Buyers', rule: 'orders >= 1' });
        await store.segments.refreshMemberships(p, { now: NOW, parse: segments.parseSegment });
        const members = await store.triggers.segmentMemberIdentities(p, [carts.segmentId, other.segmentId]);
        const identities = members.filter((m) => m.segmentId === carts.segmentId).map((m) => m.identity);
        expect(identities).toEqual(expect.arrayContaining(['a:anon-1', 'u:42', 'a:anon-7']));
        expect(identities).not.toContain('a:anon-8');
        expect(members.filter((m) => m.segmentId === other.segmentId)).toEqual([]);
        expect(await store.triggers.segmentMemberIdentities(p, [])).toEqual([]);
      } finally {
        await store.close();
      }
    });
  });
}
