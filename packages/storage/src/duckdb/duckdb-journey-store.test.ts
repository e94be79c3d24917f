// The JourneyStore on a real DuckDB file with the six hand-checked sessions of
// journey-fixture.ts; expected numbers are worked out in the comments. The channel SQL is
// checked against the in-memory classifier of @centric/analyses case by case.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { journeys } from '@centric/analyses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FunnelQuery, PathQuery } from '../journey-store';
import { duckdbJourneyDialect } from '../sql/journey-dialect';
import { landingChannelsSql } from '../sql/journey-rules';
import { journeyFixture } from '../test-support/journey-fixture';
import { DuckDbStore } from './duckdb-store';

const dir = mkdtempSync(join(tmpdir(), 'centric-journeys-'));
const P = 'prj_test';
let store: DuckDbStore;
const range = { startMs: Date.parse('2026-03-01T00:00:00Z'), endMs: Date.parse('2026-03-06T00:00:00Z') };
const rules = { channels: journeys.DEFAULT_CHANNEL_RULES, pageTypes: journeys.DEFAULT_PAGE_TYPE_RULES };
const MIN = 60_000;

beforeAll(async () => {
  store = await DuckDbStore.open({ file: join(dir, 'journeys.duckdb') });
  await store.events.append({ events: journeyFixture(P), orderItems: [] });
  // Another project's sessions must never leak in.
  await store.events.append({ events: journeyFixture('prj_other'), orderItems: [] });
  await store.state.upsertProducts(P, [
    {
      productId: 'p1',
      title: 'Mug',
      description: null,
      categoryPath: 'Kitchen',
      brand: null,
      price: 10,
      salePrice: null,
      currency: 'EUR',
      availability: null,
      imageLink: null,
      link: null,
      attributes: null,
    },
  ]);
  await store.journeys.db.execute(`INSERT INTO segment_memberships VALUES
    ('${P}', 'seg', 'a:a2', TIMESTAMP '2026-03-01', NULL),
    ('${P}', 'seg', 'a:a3', TIMESTAMP '2026-03-01', TIMESTAMP '2026-03-02')`);
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('channel SQL', () => {
  it('classifies like the in-memory rules', async () => {
    const cases = [
      [null, null, null, null],
      ['newsletter', 'email', 'march', null],
      ['google', 'cpc', null, 'https://www.google.co.uk/'],
      ['facebook', 'CPC ', null, null],
      [null, 'paid', null, 'https://l.instagram.com/x'],
      ['pinterest', null, null, null],
      ['google', 'organic', null, null],
      [null, null, null, 'https://www.google.de/search?q=x'],
      [null, null, null, 'https://t.co/abc'],
      [null, null, null, 'https://www.awin1.com/c'],
      [null, null, null, 'https://www.craftsblog.co.uk/gift-ideas'],
      ['flyer', 'qr', null, null],
      [null, null, 'spring', null],
      [null, null, null, 'https://googleblog.example.com/'],
      [null, null, null, 'https://shop.example/cart'],
      [null, null, null, "https://o'hara.example/"],
    ] as const;
    const d = duckdbJourneyDialect;
    let valueIndex = 0;
    const channels = { ...rules.channels, internalHosts: ['shop.example'] };
    // NULL is '' in landings, as the landing CTE gives them.
    const values = cases.map((c) => `(${c.map((v) => d.literal(v ?? '')).join(', ')}, ${valueIndex++})`);
    const sql = `SELECT t.i AS i, ch.channel AS channel
      FROM (VALUES ${values.join(', ')}) t(source, medium, campaign, referrer, i)
      JOIN (${landingChannelsSql(d, channels, `(VALUES ${values.join(', ')}) v(source, medium, campaign, referrer, i)`)}) ch
        ON ch.source = t.source AND ch.medium = t.medium AND ch.campaign = t.campaign AND ch.referrer = t.referrer
      ORDER BY t.i`;
    const rows = await store.journeys.db.query(sql);
    expect(rows.map((r) => r.channel)).toEqual(
      cases.map(([utmSource, utmMedium, utmCampaign, referrer]) =>
        journeys.classifyMarketingChannel({ utmSource, utmMedium, utmCampaign, referrer }, channels),
      ),
    );
  });
});

describe('DuckDbJourneyStore.summary', () => {
  it('counts sessions by entry channel, landing page and outcome', async () => {
    const s = await store.journeys.summary({ projectId: P, range, rules, limit: 10 });
    // s4's order was cancelled: its cart counts as abandoned. The identify event is no step.
    expect(s.sessions).toEqual([
      { channel: 'direct', entryPageType: 'home', outcome: 'cart_abandoned', sessions: 1 },
      { channel: 'email', entryPageType: 'home', outcome: 'order', sessions: 1 },
      { channel: 'organic_search', entryPageType: 'product', outcome: 'cart_abandoned', sessions: 1 },
      { channel: 'paid_search', entryPageType: 'home', outcome: 'browse', sessions: 1 },
      { channel: 'referral', entryPageType: 'home', outcome: 'order', sessions: 1 },
      { channel: 'social', entryPageType: 'home', outcome: 'bounce', sessions: 1 },
    ]);
  });

  it('lists search terms, viewed products and categories with carts and conversions', async () => {
    const s = await store.journeys.summary({ projectId: P, range, rules, limit: 10 });
    expect(s.searchTerms).toEqual([{ term: 'mug', searches: 2, sessions: 2, convertingSessions: 1 }]);
    // p1: viewed twice in s1, once in s5 and s6; added in s1 and s6, both ordered.
    expect(s.products).toEqual([
      { productId: 'p1', title: 'Mug', views: 4, sessions: 3, cartSessions: 2, convertingSessions: 2 },
      { productId: 'p2', title: null, views: 2, sessions: 2, cartSessions: 2, convertingSessions: 0 },
    ]);
    // Product Added is no view; the list view of Garden is.
    expect(s.categories).toEqual([
      { category: 'Kitchen', views: 4, sessions: 3, convertingSessions: 2 },
      { category: 'Garden', views: 3, sessions: 2, convertingSessions: 0 },
    ]);
    const top = await store.journeys.summary({ projectId: P, range, rules, limit: 1 });
    expect(top.products.map((p) => p.productId)).toEqual(['p1']);
  });

  it('keeps only current members of a segment, or listed profiles', async () => {
    // a3 left the segment: only a2's session stays.
    const seg = await store.journeys.summary({ projectId: P, range, rules, limit: 10, segmentId: 'seg' });
    expect(seg.sessions).toEqual([
      { channel: 'organic_search', entryPageType: 'product', outcome: 'cart_abandoned', sessions: 1 },
    ]);
    const u4 = await store.journeys.summary({ projectId: P, range, rules, limit: 10, profileIds: ['u:u4'] });
    expect(u4.sessions.map((r) => r.channel)).toEqual(['direct', 'referral']);
  });
});

const paths = (q: Partial<PathQuery>) =>
  store.journeys.paths({
    projectId: P,
    range,
    rules,
    groupBy: 'event',
    depth: 3,
    collapseRepeats: true,
    ...q,
  });
const rows = (f: Awaited<ReturnType<typeof paths>>) =>
  f.transitions.map((t) => [t.depth, t.step, t.next, t.sessions]);

describe('DuckDbJourneyStore.paths', () => {
  it('counts step-to-step transitions of the first steps, repeats collapsed', async () => {
    const f = await paths({});
    expect(f.sessions).toBe(6);
    expect(rows(f)).toEqual([
      [1, 'Home', 'Products Searched', 2],
      [1, 'Home', null, 1],
      [1, 'Home', 'Product List Viewed', 1],
      [1, 'Home', 'Product Viewed', 1],
      [1, 'Product Viewed', 'Product Added', 1],
      [2, 'Products Searched', 'Product Viewed', 2],
      [2, 'Product Added', null, 1],
      [2, 'Product List Viewed', 'Product Viewed', 1],
      [2, 'Product Viewed', 'Product Added', 1],
      [3, 'Product Viewed', 'Product Added', 2],
      [3, 'Product Added', 'Order Completed', 1],
      [3, 'Product Viewed', null, 1],
    ]);
    // s1 viewed p1 twice in a row: without collapsing, its third step leads to a second view.
    const raw = await paths({ collapseRepeats: false });
    expect(rows(raw).filter((r) => r[0] === 3)).toContainEqual([3, 'Product Viewed', 'Product Viewed', 1]);
  });

  it('starts paths at a chosen step', async () => {
    const f = await paths({ startAt: 'Product Viewed', depth: 2 });
    expect(f.sessions).toBe(5);
    expect(rows(f)).toEqual([
      [1, 'Product Viewed', 'Product Added', 4],
      [1, 'Product Viewed', null, 1],
      [2, 'Product Added', 'Order Completed', 3],
      [2, 'Product Added', null, 1],
    ]);
  });

  it('ends paths at a chosen step, counted back from it', async () => {
    const f = await paths({ endAt: 'Product Added', depth: 2 });
    expect(f.sessions).toBe(4);
    expect(rows(f)).toEqual([
      [1, 'Product Added', 'Product Viewed', 4],
      [2, 'Product Viewed', null, 1],
      [2, 'Product Viewed', 'Home', 1],
      [2, 'Product Viewed', 'Product List Viewed', 1],
      [2, 'Product Viewed', 'Products Searched', 1],
    ]);
  });

  it('groups by page type and by category (page type where there is none)', async () => {
    const byPage = await paths({ groupBy: 'page_type', depth: 4, profileIds: ['a:a1'] });
    // Home, search, three product-page events, then the order confirmation.
    expect(rows(byPage)).toEqual([
      [1, 'home', 'search', 1],
      [2, 'search', 'product', 1],
      [3, 'product', 'confirmation', 1],
      [4, 'confirmation', null, 1],
    ]);
    const byCategory = await paths({ groupBy: 'category', profileIds: ['u:u4'] });
    expect(rows(byCategory)).toEqual([
      [1, 'page:home', 'Garden', 1],
      [1, 'page:home', 'Kitchen', 1],
      [2, 'Garden', 'page:confirmation', 1],
      [2, 'Kitchen', 'page:confirmation', 1],
      [3, 'page:confirmation', null, 2],
    ]);
  });
});

const step = (text: string) => journeys.parseStep(text);
const funnel = (q: Partial<FunnelQuery> & { steps: FunnelQuery['steps'] }) =>
  store.journeys.funnel({ projectId: P, range, rules, windowMs: 60 * MIN, entity: 'session', ...q });
const SESSION_STEPS = [
  'Home',
  'Products Searched?',
  'Product Viewed',
  'Product Added',
  'Order Completed',
].map(step);

describe('DuckDbJourneyStore.funnel', () => {
  it('walks ordered steps with an optional one, with time-to-convert', async () => {
    const f = await funnel({ steps: SESSION_STEPS });
    expect(f.groups).toHaveLength(1);
    const all = f.groups[0]!;
    // Home: s1 s3 s4 s5 s6; searched: s1 s5; viewed: s1 s4 s5 s6; added: s1 s4 s6; ordered: s1 s4 s6.
    expect(all.reached).toEqual([5, 2, 4, 3, 3]);
    // Orders 10, 20 and 30 minutes after Home.
    expect(all.toConvert).toEqual({
      p25: 15 * MIN,
      median: 20 * MIN,
      p75: 25 * MIN,
      p90: 28 * MIN,
      mean: 20 * MIN,
    });
    // Home -> Product Viewed: 2, 2, 2, 1 minutes (the optional search does not move the chain).
    expect(all.fromPrevious[2]).toEqual({
      p25: 1.75 * MIN,
      median: 2 * MIN,
      p75: 2 * MIN,
      p90: 2 * MIN,
      mean: 1.75 * MIN,
    });
    expect(all.fromPrevious[1]?.median).toBe(MIN);
    expect(all.fromPrevious[0]).toBeNull();
  });

  it('drops conversions outside the window', async () => {
    const f = await funnel({ steps: SESSION_STEPS, windowMs: 15 * MIN });
    expect(f.groups[0]!.reached).toEqual([5, 2, 4, 3, 1]);
  });

  it('breaks down by entry marketing channel and by device channel', async () => {
    const byChannel = await funnel({ steps: SESSION_STEPS, breakdown: 'marketing_channel' });
    expect(byChannel.groups.map((g) => [g.value, g.reached[0], g.reached[4]])).toEqual([
      [null, 5, 3],
      ['direct', 1, 1],
      ['email', 1, 1],
      ['paid_search', 1, 0],
      ['referral', 1, 1],
      ['social', 1, 0],
    ]);
    const byDevice = await funnel({ steps: SESSION_STEPS, breakdown: 'channel' });
    expect(byDevice.groups.map((g) => [g.value, g.reached])).toEqual([
      [null, [5, 2, 4, 3, 3]],
      ['app', [1, 0, 1, 1, 1]],
      ['web', [4, 2, 3, 2, 2]],
    ]);
  });

  it('follows profiles across sessions; a repeat order is a second order', async () => {
    const f = await funnel({
      steps: [step('Order Completed'), step('Order Completed')],
      entity: 'profile',
      windowMs: 7 * 86_400_000,
    });
    // a1 and u4 ordered; only u4 again (s6, 44 h 10 min after o4).
    expect(f.groups[0]!.reached).toEqual([2, 1]);
    expect(f.groups[0]!.toConvert?.median).toBe((44 * 60 + 10) * MIN);
  });

  it('follows stitched identities as one customer', async () => {
    const steps = [step('Products Searched'), step('Order Completed')];
    const week = { entity: 'profile' as const, windowMs: 7 * 86_400_000 };
    // a1 and a5 searched; only a1 ordered after.
    expect((await funnel({ steps, ...week })).groups[0]!.reached).toEqual([2, 1]);
    // a5 turns out to be u4, who ordered two days later.
    await store.journeys.db.execute(`INSERT INTO identity_links VALUES
      ('${P}', 'a:a5', 'p_45', TIMESTAMP '2026-03-05', 'test'), ('${P}', 'u:u4', 'p_45', TIMESTAMP '2026-03-05', 'test')`);
    try {
      expect((await funnel({ steps, ...week })).groups[0]!.reached).toEqual([2, 2]);
    } finally {
      await store.journeys.db.execute(`DELETE FROM identity_links WHERE project_id = '${P}'`);
    }
  });

  it('answers the default journey-phase funnel per profile', async () => {
    const f = await funnel({
      steps: journeys.phaseSteps(journeys.DEFAULT_PHASE_MAPPING),
      entity: 'profile',
      windowMs: 90 * 86_400_000,
    });
    // Awareness: 5 profiles; discovery: a1, u4, a5; consideration: the same; intent and
    // purchase: a1, u4; experience: nobody; loyalty: u4's second order.
    expect(f.groups[0]!.reached).toEqual([5, 3, 3, 2, 2, 0, 1]);
  });

  it('keeps an empty total when nobody enters', async () => {
    const f = await funnel({ steps: [step('Nothing Happened')], breakdown: 'category' });
    expect(f.groups).toEqual([{ value: null, reached: [0], fromPrevious: [null], toConvert: null }]);
  });
});
