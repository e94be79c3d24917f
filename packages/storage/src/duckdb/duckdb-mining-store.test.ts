// The MiningStore on a real DuckDB file with the seeded shop of test-support/mining-data.ts:
// session sequences equal those worked out from the raw events, and the Pattern Explorer gives
// the same report on them; co-occurrence counts equal the pure pair miner on the same baskets
// and on a hand-checked shop; persona figures and persona runs, and persona segments.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { associations, journeys, patterns } from '@centric/analyses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssociationSide, PatternVocabulary, SessionSequence } from '../mining-store';
import type { StoredEvent } from '../store';
import { orderItem, storedEvent } from '../test-support/event-factory';
import { miningFixture } from '../test-support/mining-data';
import { DuckDbStore } from './duckdb-store';

const dir = mkdtempSync(join(tmpdir(), 'centric-mining-'));
const P = 'prj_mining';
const HAND = 'prj_hand';
const START = Date.parse('2026-01-05T00:00:00Z');
const RANGE = { startMs: START, endMs: START + 61 * 86_400_000 };
const fixture = miningFixture({ projectId: P, start: START });
const rules = { channels: journeys.channelRulesFor(), pageTypes: journeys.DEFAULT_PAGE_TYPE_RULES };
let store: DuckDbStore;

const sql = (text: string) => text.replace(/'/g, "''");

beforeAll(async () => {
  store = await DuckDbStore.open({ file: join(dir, 'mining.duckdb') });
  await store.events.append({ events: fixture.events, orderItems: fixture.orderItems });
  // Another project must never leak in.
  const other = miningFixture({ projectId: 'prj_other', start: START, visitors: 30, seed: 3 });
  await store.events.append({ events: other.events, orderItems: other.orderItems });
  await store.analytics.db.transaction(
    [...fixture.links].map(([identity, profile]) => ({
      sql: `INSERT INTO identity_links VALUES ('${P}', '${sql(identity)}', '${sql(profile)}', now()::TIMESTAMP, 'identify')`,
    })),
  );
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The action of an event under a vocabulary, worked out in JS from the rules of the SQL. */
function actionOf(e: StoredEvent, vocabulary: PatternVocabulary): string | null {
  if (e.event === 'Order Completed' || e.event === 'Order Cancelled' || e.event === 'Order Refunded')
    return null;
  if (vocabulary === 'event') return e.event;
  if (vocabulary === 'category') return e.category;
  const pageType = journeys.classifyPageType(e);
  return pageType === 'other' ? null : pageType;
}

function expectedSequences(vocabulary: PatternVocabulary): patterns.Session[] {
  const cancelled = new Set(
    fixture.events.filter((e) => e.event === 'Order Cancelled').map((e) => e.orderId),
  );
  const bySession = new Map<string, StoredEvent[]>();
  for (const e of fixture.events) bySession.set(e.sessionId!, [...(bySession.get(e.sessionId!) ?? []), e]);
  const sessions: patterns.Session[] = [];
  for (const [sessionId, list] of bySession) {
    list.sort((a, b) => a.timestamp - b.timestamp || (a.messageId < b.messageId ? -1 : 1));
    const items: string[] = [];
    for (const e of list) {
      const item = actionOf(e, vocabulary);
      if (item !== null && item !== items[items.length - 1]) items.push(item);
    }
    if (items.length === 0) continue;
    const converted = list.some((e) => e.event === 'Order Completed' && !cancelled.has(e.orderId));
    sessions.push({ sessionId, items, converted });
  }
  return sessions;
}

const key = (items: readonly string[], converted: boolean) => `${items.join(' > ')} | ${converted}`;
const expand = (rows: SessionSequence[]): patterns.Session[] =>
  rows.flatMap((r, i) =>
    Array.from({ length: r.sessions }, (_, k) => ({
      sessionId: `${i}-${k}`,
      items: r.items,
      converted: r.converted,
    })),
  );
const byItems = (report: patterns.SessionPatternReport) =>
  [...report.patterns].sort((a, b) => (a.items.join('>') < b.items.join('>') ? -1 : 1));

describe('DuckDbMiningStore.sessionSequences', () => {
  for (const vocabulary of ['event', 'page_type', 'category'] as const) {
    it(`groups the sessions' ${vocabulary} sequences as the raw events say`, async () => {
      const rows = await store.mining.sessionSequences({ projectId: P, range: RANGE, vocabulary, rules });
      const expected = new Map<string, number>();
      for (const s of expectedSequences(vocabulary))
        expected.set(key(s.items, s.converted), (expected.get(key(s.items, s.converted)) ?? 0) + 1);
      expect(new Map(rows.map((r) => [key(r.items, r.converted), r.sessions]))).toEqual(expected);
      expect(rows.length).toBeLessThan(expand(rows).length);
    });
  }

  it('gives the Pattern Explorer the same report as the sessions themselves', async () => {
    const rows = await store.mining.sessionSequences({
      projectId: P,
      range: RANGE,
      vocabulary: 'page_type',
      rules,
    });
    const options = { minSupport: 0.05, maxLength: 4 };
    const fromStore = patterns.exploreSessionPatterns(expand(rows), options);
    const direct = patterns.exploreSessionPatterns(expectedSequences('page_type'), options);
    expect(fromStore.sessionCount).toBe(direct.sessionCount);
    expect(fromStore.convertedCount).toBe(direct.convertedCount);
    expect(byItems(fromStore)).toEqual(byItems(direct));
    expect(fromStore.patterns.length).toBeGreaterThan(10);
    // Checkout separates converting from abandoning sessions.
    expect(fromStore.separating.some((p) => p.items.includes('checkout') && p.supportDifference > 0)).toBe(
      true,
    );
  });

  it('keeps runs when asked, cuts long sessions and filters by segment', async () => {
    const all = await store.mining.sessionSequences({
      projectId: P,
      range: RANGE,
      vocabulary: 'event',
      collapseRepeats: false,
    });
    expect(all.some((r) => r.items.join(',').includes('Product Viewed,Product Viewed'))).toBe(true);
    const short = await store.mining.sessionSequences({
      projectId: P,
      range: RANGE,
      vocabulary: 'event',
      maxItems: 2,
    });
    expect(Math.max(...short.map((r) => r.items.length))).toBe(2);
    const segment = await store.segments.create(P, { name: 'Linked', rule: 'orders >= 0' });
    // A linked customer: the sessions of both their anonymous and their user id count.
    const [, profileId] = [...fixture.links][0]!;
    const identities = [...fixture.links]
      .filter(([, p]) => p === profileId)
      .map(([identity]) => identity.slice(2));
    await store.analytics.db.execute(
      `INSERT INTO segment_memberships VALUES ('${P}', '${segment.segmentId}', '${profileId}', now()::TIMESTAMP, NULL)`,
    );
    const members = await store.mining.sessionSequences({
      projectId: P,
      range: RANGE,
      vocabulary: 'event',
      segmentId: segment.segmentId,
    });
    const theirs = new Set(
      fixture.events
        .filter((e) => identities.includes(e.anonymousId ?? '') || identities.includes(e.userId ?? ''))
        .map((e) => e.sessionId),
    );
    expect(theirs.size).toBeGreaterThan(0);
    expect(members.reduce((s, r) => s + r.sessions, 0)).toBe(theirs.size);
  });
});

describe('DuckDbMiningStore.cooccurrence', () => {
  const sides: AssociationSide[] = [
    'bought_together',
    'viewed_together',
    'search_to_product',
    'channel_to_category',
    'segment_to_product',
  ];
  beforeAll(async () => {
    // Two segments with current members (one who left again), for segment -> product.
    const champions = await store.segments.create(P, { name: 'Champions', rule: 'orders >= 3' });
    const app = await store.segments.create(P, { name: 'App users', rule: 'channels contains "app"' });
    const profiles = [...new Set(fixture.links.values())];
    const member = (segmentId: string, profileId: string, left = 'NULL') =>
      `INSERT INTO segment_memberships VALUES ('${P}', '${segmentId}', '${profileId}', now()::TIMESTAMP, ${left})`;
    await store.analytics.db.transaction([
      ...profiles.slice(0, 25).map((id) => ({ sql: member(champions.segmentId, id) })),
      ...profiles.slice(15, 50).map((id) => ({ sql: member(app.segmentId, id) })),
      ...Array.from({ length: 30 }, (_, v) => ({ sql: member(app.segmentId, `a:m-anon-${v}`) })),
      { sql: member(champions.segmentId, profiles[40]!, 'now()::TIMESTAMP') },
    ]);
  });

  // Low and higher minimum counts: values are pruned on their row counts before their baskets
  // are counted, and a value viewed again and again in few baskets must still fall out.
  for (const [side, minCount] of sides.flatMap((side) => [2, 6, 15].map((m) => [side, m] as const))) {
    it(`counts ${side} pairs as the pure miner does on the same baskets (min count ${minCount})`, async () => {
      const counts = await store.mining.cooccurrence({
        projectId: P,
        side,
        range: RANGE,
        rules,
        minSupport: { count: minCount },
      });
      const baskets = await store.mining.baskets({ projectId: P, side, range: RANGE, rules });
      expect(counts.basketCount).toBe(baskets.length);
      const pure = associations.pairAssociations(baskets, {
        minSupport: { count: minCount },
        minSideCount: minCount,
      });
      const expected = pure.associations
        .filter((a) => !counts.symmetric || a.from < a.to)
        .map((a) => [a.from, a.to, a.observedCount, a.antecedentCount, a.consequentCount].join('|'))
        .sort();
      const got = counts.pairs
        .map((p) => [p.from, p.to, p.observed, p.fromCount, p.toCount].join('|'))
        .sort();
      expect(got).toEqual(expected);
      if (minCount === 2) expect(got.length).toBeGreaterThan(0);
      expect(counts.truncated).toBe(false);
    });
  }

  it('counts bought-together baskets from the raw orders, cancelled ones left out', async () => {
    const cancelled = new Set(
      fixture.events.filter((e) => e.event === 'Order Cancelled').map((e) => e.orderId),
    );
    const orders = new Map<string, Set<string>>();
    for (const item of fixture.orderItems) {
      if (cancelled.has(item.orderId)) continue;
      orders.set(item.orderId, (orders.get(item.orderId) ?? new Set()).add(item.productId));
    }
    const counts = await store.mining.cooccurrence({
      projectId: P,
      side: 'bought_together',
      range: RANGE,
      minSupport: { count: 1 },
    });
    expect(counts.basketCount).toBe(orders.size);
    const [top] = counts.pairs;
    const both = [...orders.values()].filter((o) => o.has(top!.from) && o.has(top!.to)).length;
    expect(top!.observed).toBe(both);
  });

  it('answers a hand-checked shop and flags a cut list', async () => {
    // Orders: AB, ABC, A, C, BC -> N 5; A 3, B 3, C 3; AB 2, BC 2, AC 1.
    const orders = [['A', 'B'], ['A', 'B', 'C'], ['A'], ['C'], ['B', 'C']];
    const at = START + 86_400_000;
    await store.events.append({
      events: orders.map((_, i) =>
        storedEvent({
          projectId: HAND,
          event: 'Order Completed',
          orderId: `h${i}`,
          timestamp: at,
          sessionId: `hs${i}`,
        }),
      ),
      orderItems: orders.flatMap((items, i) =>
        items.map((productId, position) =>
          orderItem({ projectId: HAND, orderId: `h${i}`, productId, position, timestamp: at }),
        ),
      ),
    });
    const counts = await store.mining.cooccurrence({
      projectId: HAND,
      side: 'bought_together',
      range: RANGE,
      minSupport: { count: 1 },
    });
    expect(counts).toMatchObject({
      basketCount: 5,
      minCount: 1,
      symmetric: true,
      fromValues: 3,
      toValues: 3,
      truncated: false,
    });
    // A share: ceil(0.4 x 5) = 2 baskets.
    const shared = await store.mining.cooccurrence({
      projectId: HAND,
      side: 'bought_together',
      range: RANGE,
      minSupport: 0.4,
    });
    expect(shared.minCount).toBe(2);
    expect(shared.pairs.map((p) => `${p.from}${p.to}`)).toEqual(['AB', 'BC']);
    expect(counts.pairs).toEqual([
      { from: 'A', to: 'B', observed: 2, fromCount: 3, toCount: 3 },
      { from: 'B', to: 'C', observed: 2, fromCount: 3, toCount: 3 },
      { from: 'A', to: 'C', observed: 1, fromCount: 3, toCount: 3 },
    ]);
    const cut = await store.mining.cooccurrence({
      projectId: HAND,
      side: 'bought_together',
      range: RANGE,
      minSupport: { count: 1 },
      limit: 2,
    });
    expect(cut.pairs).toHaveLength(2);
    expect(cut.truncated).toBe(true);
    const none = await store.mining.cooccurrence({
      projectId: HAND,
      side: 'viewed_together',
      range: RANGE,
      minSupport: { count: 1 },
    });
    expect(none).toMatchObject({ basketCount: 0, pairs: [] });
  });
});
