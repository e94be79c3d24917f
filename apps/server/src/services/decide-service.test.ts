// The decision service on a real DuckDB store: what a server knows after a restart comes from the
// store (a visitor's dismissal, under their anonymous or user id, the last day's buyers, segment
// members under every identity of their profile), and what arrives afterwards through the
// ingest pipeline's afterStore hook counts at once; the refresh picks up triggers another server
// saved.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { segments } from '@centric/analyses';
import type { DecideRequest } from '@centric/contracts';
import { withDefaults } from '@centric/core';
import { IngestPipeline } from '@centric/ingest';
import { DuckDbStore } from '@centric/storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shopCatalogue } from '../test-support/recommendation-shop';
import { DecideService } from './decide-service';
import { IdentityLinker } from './identity-linker';
import { RecommendationService } from './recommendation-service';

const HOUR = 3_600_000;
const now = Date.now();
let dir: string;
let store: DuckDbStore;
let projectId: string;
let dwellId: string;
let proofId: string;
let memberOnlyId: string;

const productPage = (visitor: string, productId = '2-3'): DecideRequest => ({
  visitor,
  page: { url: `/p/${productId}`, type: 'product', productId },
});
let n = 0;
const message = (
  who: { anonymousId?: string; userId?: string },
  event: string,
  properties: Record<string, unknown>,
  at = now - HOUR,
) => ({
  type: 'track',
  event,
  ...who,
  messageId: `svc-${++n}`,
  timestamp: new Date(at).toISOString(),
  properties,
});

/** A fresh server's services over the store, the way server.ts wires them. */
function services() {
  const recommendations = new RecommendationService(store);
  const decide = new DecideService(store, recommendations);
  const linker = new IdentityLinker(store);
  const pipeline = new IngestPipeline(store.events, {
    afterStore: async (projectId, events) => {
      await linker.afterStore(projectId, events);
      await recommendations.afterStore(projectId, events);
      await decide.afterStore(projectId, events);
    },
  });
  return { recommendations, decide, pipeline };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'centric-decide-'));
  store = await DuckDbStore.open({ file: join(dir, 'store.duckdb') });
  projectId = (await store.state.createProject({ name: 'Shop' })).project.id;
  await store.state.upsertProducts(projectId, shopCatalogue());
  const create = async (input: Parameters<typeof withDefaults>[0]) =>
    (await store.triggers.create(projectId, withDefaults(input))).triggerId;
  dwellId = await create({
    name: 'Stay',
    kind: 'dwell_popin',
    capping: { maxImpressions: 5, windowDays: 7 },
    content: { title: 'Stay' },
    settings: { dwellSeconds: 10 },
  });
  proofId = await create({ name: 'Proof', kind: 'social_proof', settings: { minCount: 2 } });
  const segment = await store.segments.create(projectId, {
    name: 'Carts',
    rule: 'exists(event = "Product Added") within 7 days',
  });
  memberOnlyId = await create({
    name: 'Members',
    kind: 'exit_intent',
    targeting: { segments: [segment.segmentId] },
    content: { title: 'For you' },
  });

  // What an earlier server stored: a dismissal made while logged in, two buyers of 2-3 in the
  // last day (and one 30 hours ago), a cart add by a customer who browses anonymously too.
  const { pipeline } = services();
  await pipeline.start();
  const result = await pipeline.ingest({
    projectId,
    messages: [
      message({ anonymousId: 'anon-d', userId: 'user-d' }, 'Trigger Dismissed', {
        trigger_id: dwellId,
        kind: 'dwell_popin',
        decision_id: 'dec_1',
      }),
      ...['b1', 'b2'].map((b) =>
        message({ userId: b }, 'Order Completed', { order_id: `o-${b}`, products: [{ product_id: '2-3' }] }),
      ),
      message(
        { userId: 'b3' },
        'Order Completed',
        { order_id: 'o-b3', products: [{ product_id: '2-4' }] },
        now - 30 * HOUR,
      ),
      message({ userId: 'b4' }, 'Order Completed', { order_id: 'o-b4', products: [{ product_id: '2-4' }] }),
      message({ anonymousId: 'anon-m', userId: 'user-m' }, 'Product Added', { product_id: '1-1' }),
    ],
  });
  expect(result.ok).toBe(true);
  await pipeline.stop();
  await store.segments.refreshMemberships(projectId, { now, parse: segments.parseSegment });
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const triggerIds = (d: { messages: { triggerId: string }[] }) => d.messages.map((m) => m.triggerId).sort();

describe('DecideService', () => {
  it('starts from what the store holds: dismissals under any identity, buyers of the last day, segment members', async () => {
    const { decide, recommendations } = services();
    await decide.start([projectId]);
    try {
      expect(triggerIds(await decide.decide(projectId, productPage('anon-d')))).toEqual([proofId]);
      expect(triggerIds(await decide.decide(projectId, productPage('user-d')))).toEqual([proofId]);
      expect(triggerIds(await decide.decide(projectId, productPage('someone')))).toEqual(
        [dwellId, proofId].sort(),
      );
      const proof = (await decide.decide(projectId, productPage('someone'))).messages.find(
        (m) => m.triggerId === proofId,
      );
      expect(proof?.content.count).toBe(2);
      // 2-4 has one buyer within the day: below the minimum.
      expect(triggerIds(await decide.decide(projectId, productPage('someone', '2-4')))).toEqual([dwellId]);
      const cart = { url: '/cart', type: 'cart' } as const;
      expect(triggerIds(await decide.decide(projectId, { visitor: 'anon-m', page: cart }))).toEqual([
        memberOnlyId,
      ]);
      expect(triggerIds(await decide.decide(projectId, { visitor: 'user-m', page: cart }))).toEqual([
        memberOnlyId,
      ]);
      expect(triggerIds(await decide.decide(projectId, { visitor: 'anon-x', page: cart }))).toEqual([]);
    } finally {
      await decide.stop();
      await recommendations.stop();
    }
  });

  it('counts what arrives through the pipeline at once, and refreshes triggers saved elsewhere', async () => {
    const { decide, recommendations, pipeline } = services();
    await pipeline.start();
    await decide.start([projectId]);
    try {
      await pipeline.ingest({
        projectId,
        messages: [
          message(
            { userId: 'b5' },
            'Order Completed',
            { order_id: 'o-b5', products: [{ product_id: '2-4' }] },
            now,
          ),
          message(
            { anonymousId: 'live-v' },
            'Trigger Dismissed',
            { trigger_id: dwellId, kind: 'dwell_popin' },
            now,
          ),
        ],
      });
      expect(triggerIds(await decide.decide(projectId, productPage('someone', '2-4')))).toEqual(
        [dwellId, proofId].sort(),
      );
      expect(triggerIds(await decide.decide(projectId, productPage('live-v', '2-4')))).toEqual([proofId]);

      // Another server pauses the dwell pop-in: this one follows on its refresh.
      const dwell = (await store.triggers.get(projectId, dwellId))!;
      await store.triggers.update(projectId, dwellId, { ...dwell, active: false });
      expect(triggerIds(await decide.decide(projectId, productPage('someone', '1-5')))).toEqual([dwellId]);
      await decide.refresh();
      expect(triggerIds(await decide.decide(projectId, productPage('someone', '1-5')))).toEqual([]);
    } finally {
      await decide.stop();
      await recommendations.stop();
      await pipeline.stop();
    }
  });
});
