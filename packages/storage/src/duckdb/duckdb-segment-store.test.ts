// The segment store on a real DuckDB file, and the promise the segment language makes: the
// store's batch members equal the profiles the in-memory evaluator accepts, fed each profile's
// events and traits, for rules that use every construct of the language.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { segments } from '@centric/analyses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProfileTraits } from '../profile-store';
import type { StoredEvent } from '../store';
import { storedEvent } from '../test-support/event-factory';
import { segmentFixture } from '../test-support/segment-data';
import { DuckDbDatabase } from './duckdb-database';
import { DuckDbEventStore } from './duckdb-event-store';
import { DuckDbProfileStore } from './duckdb-profile-store';
import { DuckDbSegmentStore } from './duckdb-segment-store';

const DAY = 86_400_000;
const NOW = Date.parse('2026-03-20T12:00:00Z');
const PROJECT = 'prj_seg';

const RULES = [
  'cart_value > 100 and session.orders = 0',
  'count(event = "Product Viewed" and category = "Shoes") within 7 days >= 3',
  'orders >= 2 and last_order > 90 days ago',
  'lifecycle_stage in ("at risk", "lapsed") or rfm_segment = "Champions"',
  'sum(revenue of event = "Order Completed") within 30 days > 200',
  'exists(event = "Coupon Applied" and channel = "app") within 14 days',
  'not (orders = 0 or channels contains "store") and predicted_clv is not null and churn_probability < 0.5',
  'count(event = "add_to_cart") in session >= 2 and session.events > 5 and session.revenue = 0',
  'count_distinct(product_id of event = "Product Viewed") >= 8 or avg(price of event = "Product Added") >= 60 or max(quantity) > 2 and session.cart_value < 0',
  'count(properties.color = "red" and properties.size >= 44 and page_path contains "/p/") > 2 or min(revenue of event = "Order Completed") < 15',
  'first_seen > 300 days ago and last_seen within 7 days and rfm_segment != "Lost" and lifecycle_stage not in ("new")',
  'events > 20 and sessions >= 3 and revenue > 0 and average_order_value >= 100 or rfm_recency is null and rfm_monetary >= 4',
  'count(not category = "Shoes" and type = "track") within 48 hours = 0 and exists() and not session.orders >= 1',
  'sum(revenue of event = "purchase" and currency = "EUR") in session >= 100 or count(query contains "hat") within 60 days >= 2',
];

const dir = mkdtempSync(join(tmpdir(), 'centric-segments-'));
let db: DuckDbDatabase;
let store: DuckDbSegmentStore;
const fixture = segmentFixture({ projectId: PROJECT, now: NOW });

beforeAll(async () => {
  db = await DuckDbDatabase.open({ file: join(dir, 'segments.duckdb'), threads: 2 });
  store = new DuckDbSegmentStore(db);
  const other = [
    storedEvent({
      projectId: 'prj_other',
      anonymousId: 'anon-x',
      event: 'Coupon Applied',
      timestamp: NOW - DAY,
    }),
  ];
  await new DuckDbEventStore(db).append({ events: [...fixture.events, ...other], orderItems: [] });
  for (const [identity, profileId] of fixture.links)
    await db.execute(
      `INSERT INTO identity_links VALUES ($p, $identity, $profileId, make_timestamp(CAST($at AS BIGINT) * 1000), 'identify')`,
      { p: PROJECT, identity, profileId, at: NOW - 200 * DAY },
    );
  await new DuckDbProfileStore(db).upsertTraits(PROJECT, fixture.traits);
});

afterAll(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Each profile with its events and traits, resolved the way the store resolves them. */
function profilesInMemory(): Map<string, { events: StoredEvent[]; traits: ProfileTraits | null }> {
  const profiles = new Map<string, { events: StoredEvent[]; traits: ProfileTraits | null }>();
  const entry = (id: string) => {
    const known = profiles.get(id);
    if (known) return known;
    const made = { events: [] as StoredEvent[], traits: null as ProfileTraits | null };
    profiles.set(id, made);
    return made;
  };
  for (const e of fixture.events) {
    const id =
      (e.userId && fixture.links.get(`u:${e.userId}`)) ??
      fixture.links.get(`a:${e.anonymousId}`) ??
      (e.userId ? `u:${e.userId}` : `a:${e.anonymousId}`);
    entry(id).events.push(e);
  }
  for (const t of fixture.traits) entry(t.profileId).traits = t;
  return profiles;
}

describe('segment members: in the store = in memory', () => {
  const profiles = profilesInMemory();

  it('has a realistic data set: hundreds of profiles, thousands of events, linked and traited', () => {
    expect(profiles.size).toBeGreaterThan(300);
    expect(fixture.events.length).toBeGreaterThan(2000);
    expect(fixture.links.size).toBeGreaterThan(50);
    expect(fixture.events.some((e) => e.timestamp > NOW)).toBe(true);
  });

  for (const rule of RULES) {
    it(rule, async () => {
      const ast = segments.parseSegment(rule);
      const inMemory = [...profiles]
        .filter(([, p]) => segments.evaluateSegment(ast, { traits: p.traits, events: p.events, now: NOW }))
        .map(([id]) => id)
        .sort();
      const fromStore = await store.members(PROJECT, { ast, now: NOW });
      expect(fromStore.profileIds).toEqual(inMemory);
      expect(fromStore.count).toBe(inMemory.length);
      // A rule nobody or everybody meets would prove little.
      expect(inMemory.length).toBeGreaterThan(0);
      expect(inMemory.length).toBeLessThan(profiles.size);
    });
  }
});

describe('DuckDbSegmentStore', () => {
  it('creates, lists, updates and removes segments of one project', async () => {
    const a = await store.create('prj_crud', { name: 'Repeat buyers', rule: 'orders >= 2', at: NOW });
    const b = await store.create('prj_crud', { name: 'Cart', rule: 'cart_value > 100', at: NOW + 1 });
    expect(a.segmentId).toMatch(/^seg_/);
    expect(await store.get('prj_crud', a.segmentId)).toEqual(a);
    expect(await store.get('prj_other', a.segmentId)).toBeNull();
    expect((await store.list('prj_crud')).map((s) => s.name)).toEqual(['Repeat buyers', 'Cart']);
    const changed = await store.update('prj_crud', a.segmentId, { rule: 'orders >= 3', at: NOW + 5 });
    expect(changed).toEqual({ ...a, rule: 'orders >= 3', updatedAt: NOW + 5 });
    expect(await store.get('prj_crud', a.segmentId)).toEqual(changed);
    expect(await store.update('prj_crud', 'seg_none', { name: 'x' })).toBeNull();
    expect(await store.remove('prj_crud', b.segmentId)).toBe(true);
    expect(await store.remove('prj_crud', b.segmentId)).toBe(false);
    expect((await store.list('prj_crud')).map((s) => s.segmentId)).toEqual([a.segmentId]);
  });

  it('answers the count and the first members up to a limit, sorted', async () => {
    const ast = segments.parseSegment('orders >= 1');
    const all = await store.members(PROJECT, { ast, now: NOW });
    const some = await store.members(PROJECT, { ast, now: NOW, limit: 5 });
    expect(some).toEqual({ count: all.count, profileIds: all.profileIds.slice(0, 5) });
    expect(await store.members(PROJECT, { ast, now: NOW, limit: 0 })).toEqual({
      count: all.count,
      profileIds: [],
    });
    expect(await store.members('prj_empty', { ast, now: NOW })).toEqual({ count: 0, profileIds: [] });
  });

  it('records who entered and who left a segment on each refresh', async () => {
    const project = 'prj_refresh';
    const events = ['a', 'b', 'c'].map((v, i) =>
      storedEvent({ projectId: project, anonymousId: v, event: 'Coupon Applied', timestamp: NOW - i * DAY }),
    );
    await new DuckDbEventStore(db).append({ events, orderItems: [] });
    const couponUsers = await store.create(project, { name: 'Coupon', rule: 'within 2 days' });
    await store.update(project, couponUsers.segmentId, {
      rule: 'exists(event = "Coupon Applied") within 2 days',
    });
    await store.create(project, { name: 'Broken', rule: 'orders >' });
    const parse = segments.parseSegment;

    const first = await store.refreshMemberships(project, { now: NOW, parse });
    expect(first.entered).toBe(2);
    expect(first.left).toBe(0);
    expect(first.failed).toHaveLength(1);
    expect(await store.currentMembers(project, couponUsers.segmentId)).toEqual(['a:a', 'a:b']);

    expect(await store.refreshMemberships(project, { now: NOW, parse })).toMatchObject({
      entered: 0,
      left: 0,
    });
    const later = await store.refreshMemberships(project, { now: NOW + DAY + 1, parse });
    expect(later).toMatchObject({ entered: 0, left: 1 });
    expect(await store.currentMembers(project, couponUsers.segmentId)).toEqual(['a:a']);
    const history = await db.query(
      `SELECT profile_id, epoch_ms(entered_at) AS entered, epoch_ms(left_at) AS left_ms FROM segment_memberships
       WHERE segment_id = $s ORDER BY profile_id`,
      { s: couponUsers.segmentId },
    );
    expect(history).toEqual([
      { profile_id: 'a:a', entered: NOW, left_ms: null },
      { profile_id: 'a:b', entered: NOW, left_ms: NOW + DAY + 1 },
    ]);
  });
});
