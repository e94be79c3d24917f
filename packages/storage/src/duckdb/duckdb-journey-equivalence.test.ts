// The fast journey queries (one grouping per session or identity pair, step lists, bit masks,
// landing rows read back by row id) against their reference formulation
// (test-support/journey-reference-queries.ts) on a realistic generated shop: every summary and
// funnel answer must be exactly the same, for the whole range and ranges that cut sessions, for
// segments and listed profiles, for sessions and stitched profiles, with every breakdown.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { journeys } from '@centric/analyses';
import type { FunnelStep } from '@centric/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FunnelQuery, JourneyScope } from '../journey-store';
import { duckdbJourneyDialect } from '../sql/journey-dialect';
import { journeyData } from '../test-support/journey-data';
import { buildReferenceFunnelQuery, referenceSummary } from '../test-support/journey-reference-queries';
import { funnelFigures } from './duckdb-journey-store';
import { DuckDbStore } from './duckdb-store';

const dir = mkdtempSync(join(tmpdir(), 'centric-journey-equivalence-'));
const P = 'prj_eq';
const DAY = 86_400_000;
const START = Date.parse('2026-03-01T00:00:00Z');
let store: DuckDbStore;
const rules = {
  channels: { ...journeys.DEFAULT_CHANNEL_RULES, internalHosts: ['shop.example'] },
  pageTypes: journeys.DEFAULT_PAGE_TYPE_RULES,
};

beforeAll(async () => {
  store = await DuckDbStore.open({ file: join(dir, 'journeys.duckdb') });
  const data = journeyData({ projectId: P, start: START, days: 30, visitors: 400 });
  await store.events.append({ events: data.events, orderItems: [] });
  const values = [...data.links].map(
    ([identity, profile]) => `('${P}', '${identity}', '${profile}', TIMESTAMP '2026-03-01', 'test')`,
  );
  await store.journeys.db.execute(`INSERT INTO identity_links VALUES ${values.join(', ')}`);
  const members = [...data.members].map(
    ([profile, left]) =>
      `('${P}', 'seg', '${profile}', TIMESTAMP '2026-03-01', ${left ? "TIMESTAMP '2026-03-10'" : 'NULL'})`,
  );
  await store.journeys.db.execute(`INSERT INTO segment_memberships VALUES ${members.join(', ')}`);
  await store.state.upsertProducts(
    P,
    ['p-1', 'p-2', 'p-3'].map((productId) => ({
      productId,
      title: `Product ${productId}`,
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
    })),
  );
}, 60_000);
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const whole = { startMs: START - DAY, endMs: START + 32 * DAY };
/** Ranges cut at midnight, through sessions that cross it. */
const scopes: [string, JourneyScope][] = [
  ['the whole history', { projectId: P, range: whole }],
  [
    'a range cutting sessions',
    { projectId: P, range: { startMs: START + 3 * DAY, endMs: START + 17 * DAY } },
  ],
  ['a segment', { projectId: P, range: whole, segmentId: 'seg' }],
  [
    'listed profiles',
    { projectId: P, range: whole, profileIds: ['p_1', 'p_2', 'p_3', 'p_5', 'a:anon-4-0', 'u:user-9'] },
  ],
  ['a project without events', { projectId: 'prj_empty', range: whole }],
];

describe('journey summary: fast query = reference query', () => {
  it.each(scopes)('for %s', async (_, scope) => {
    for (const limit of [1, 3, 10, 70]) {
      const query = { ...scope, rules, limit };
      const fast = await store.journeys.summary(query);
      expect(fast).toEqual(await referenceSummary(store.journeys.db, query));
    }
  });

  it('finds what it should on this data', async () => {
    const s = await store.journeys.summary({ projectId: P, range: whole, rules, limit: 10 });
    // Every outcome and most channels occur; terms are trimmed and lower case.
    expect(new Set(s.sessions.map((r) => r.outcome))).toEqual(
      new Set(['order', 'cart_abandoned', 'bounce', 'browse']),
    );
    expect(new Set(s.sessions.map((r) => r.channel)).size).toBeGreaterThan(5);
    expect(s.searchTerms.map((t) => t.term)).toContain('mug');
    expect(s.products.some((p) => p.cartSessions > 0 && p.convertingSessions > 0)).toBe(true);
    expect(s.categories.map((c) => c.category)).not.toContain('');
  });
});

const step = (text: string, optional = false) => journeys.parseStep(text, { optional });
const FUNNELS: [string, FunnelStep[]][] = [
  [
    'named steps with an optional one',
    [step('Product Viewed'), step('Product Added', true), step('Checkout Started'), step('Order Completed')],
  ],
  ['a repeat order', [step('Order Completed'), step('Order Completed')]],
  [
    'page types and a category',
    [
      step('page:home'),
      step('category:Kitchen'),
      step('page:product'),
      step('page:cart', true),
      step('Order Completed'),
    ],
  ],
  ['a step at the same instant', [step('Product Added'), step('Cart Viewed')]],
  ['any event first', [step('*'), step('Products Searched'), step('Product Viewed')]],
  ['the journey phases', journeys.phaseSteps(journeys.DEFAULT_PHASE_MAPPING)],
  ['one step', [step('Product Viewed')]],
];

describe('funnel: fast query = reference query', () => {
  const cases = FUNNELS.flatMap(([name, steps]) =>
    (['session', 'profile'] as const).map((entity) => [`${name}, per ${entity}`, steps, entity] as const),
  );
  it.each(cases)('%s', async (_, steps, entity) => {
    for (const [, scope] of scopes)
      for (const breakdown of [undefined, 'marketing_channel', 'channel', 'category'] as const)
        for (const windowMs of (entity === 'session' ? [15 * 60_000, DAY] : [DAY, 30 * DAY]).slice(
          breakdown ? 1 : 0,
        )) {
          const query: FunnelQuery = { ...scope, rules, steps, windowMs, entity, breakdown };
          const fast = await store.journeys.funnel(query);
          const { sql, params } = buildReferenceFunnelQuery(query, duckdbJourneyDialect);
          const reference = funnelFigures(await store.journeys.db.query(sql, params), steps);
          expect(fast, JSON.stringify({ scope, breakdown, windowMs })).toEqual(reference);
        }
  });

  it('has entrants and conversions to compare', async () => {
    const f = await store.journeys.funnel({
      projectId: P,
      range: whole,
      rules,
      steps: FUNNELS[0]![1],
      windowMs: DAY,
      entity: 'session',
    });
    expect(f.groups[0]!.reached[0]).toBeGreaterThan(100);
    expect(f.groups[0]!.reached[3]).toBeGreaterThan(10);
    expect(f.groups[0]!.toConvert).not.toBeNull();
  });
});
