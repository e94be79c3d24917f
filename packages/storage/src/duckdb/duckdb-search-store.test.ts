// The search store on a real DuckDB file: the no-results report groups queries by their
// normalised form, counts only searches whose results count (results_count, or results) was 0,
// counts a customer's anonymous and logged-in searches as one visitor, keeps to the range, and
// the popular queries leave out what found nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedEvent } from '../test-support/event-factory';
import { DuckDbStore } from './duckdb-store';

const DAY = 86_400_000;
const NOW = Date.parse('2026-03-20T12:00:00Z');
const P = 'prj_search';
const dir = mkdtempSync(join(tmpdir(), 'centric-searchstore-'));
let store: DuckDbStore;

const searched = (
  query: string,
  properties: Record<string, unknown> | null,
  {
    anon = 'a1',
    user = null,
    daysAgo = 1,
  }: { anon?: string | null; user?: string | null; daysAgo?: number } = {},
) =>
  storedEvent({
    projectId: P,
    event: 'Products Searched',
    anonymousId: anon,
    userId: user,
    query,
    timestamp: NOW - daysAgo * DAY,
    properties: properties === null ? null : JSON.stringify(properties),
  });

beforeAll(async () => {
  store = await DuckDbStore.open({ file: join(dir, 'search.duckdb') });
  await store.events.append({
    events: [
      // "red zebra" found nothing three times, by two people (a1 anonymously and logged in as u1).
      searched('Red  Zebra', { results_count: 0 }, { anon: 'a1', daysAgo: 3 }),
      searched(
        ' red zebra ',
        { results_count: 0, source: 'centric_search' },
        { anon: 'a1', user: 'u1', daysAgo: 2 },
      ),
      searched('red zebra', { results: 0 }, { anon: 'a2', daysAgo: 1 }),
      // "unicorn" once, sent as a string count.
      searched('unicorn', { results_count: '0' }, { anon: 'a3', daysAgo: 1 }),
      // Found things, or sent no count: not in the report, but searches.
      searched('heart', { results_count: 12 }, { anon: 'a3', daysAgo: 1 }),
      searched('Heart', { results_count: 4 }, { anon: 'a4', daysAgo: 1 }),
      searched('heart', null, { anon: 'a5', daysAgo: 1 }),
      searched('candle', null, { anon: 'a5', daysAgo: 1 }),
      // Outside the range.
      searched('old query', { results_count: 0 }, { daysAgo: 40 }),
      // Another event with a query, and an empty query: not searches.
      storedEvent({ projectId: P, event: 'Product List Viewed', query: 'lamp', timestamp: NOW - DAY }),
      searched('   ', { results_count: 0 }),
    ],
    orderItems: [],
  });
  await store.profiles.link(P, { identities: ['a:a1', 'u:u1'], reason: 'login', at: NOW - 2 * DAY });
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const range = { startMs: NOW - 30 * DAY, endMs: NOW + DAY };

describe('DuckDbSearchStore.noResults', () => {
  it('counts no-result searches per normalised query, with visitors and last time', async () => {
    const report = await store.search.noResults(P, { range, limit: 100 });
    expect(report.searches).toBe(8);
    expect(report.noResultSearches).toBe(4);
    expect(report.rows).toEqual([
      { query: 'red zebra', searches: 3, visitors: 2, lastSeen: NOW - DAY },
      { query: 'unicorn', searches: 1, visitors: 1, lastSeen: NOW - DAY },
    ]);
  });

  it('keeps to the range and the limit', async () => {
    const older = await store.search.noResults(P, {
      range: { startMs: NOW - 60 * DAY, endMs: NOW - 30 * DAY },
      limit: 10,
    });
    expect(older).toEqual({
      searches: 1,
      noResultSearches: 1,
      rows: [{ query: 'old query', searches: 1, visitors: 1, lastSeen: NOW - 40 * DAY }],
    });
    const top = await store.search.noResults(P, { range, limit: 1 });
    expect(top.rows.map((r) => r.query)).toEqual(['red zebra']);
    expect(await store.search.noResults('other', { range, limit: 10 })).toEqual({
      searches: 0,
      noResultSearches: 0,
      rows: [],
    });
  });
});

describe('DuckDbSearchStore.popularQueries', () => {
  it('ranks queries that found something (or sent no count) by searches', async () => {
    expect(await store.search.popularQueries(P, { sinceMs: NOW - 30 * DAY, limit: 10 })).toEqual([
      { query: 'heart', searches: 3 },
      { query: 'candle', searches: 1 },
    ]);
  });
});
