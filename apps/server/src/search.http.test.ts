// Personalised search over real HTTP: a catalogue imported through the import route (the index
// follows the engine's catalogue), typo tolerance with "did you mean", the re-rank for a visitor
// who viewed textiles, autosuggest with past queries, every served search stored as a
// `Products Searched` event, the no-results report over those and over searches the shop tracks
// itself (Segment and GA4 names), and the 4xx answers for bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchShopCsv, viewsOf } from './test-support/search-shop';
import { startTestServer, type TestServer } from './test-support/test-server';

let server: TestServer;

async function call<T = Record<string, unknown>>(
  method: string,
  path: string,
  { body, key = server.keys.writeKey, type }: { body?: unknown; key?: string | null; type?: string } = {},
): Promise<{ status: number; json: T }> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      ...(key === null ? {} : { authorization: `Bearer ${key}` }),
      ...(body === undefined ? {} : { 'content-type': type ?? 'application/json' }),
    },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, json: (text ? JSON.parse(text) : null) as T };
}

async function batch(messages: readonly unknown[]): Promise<void> {
  const res = await call('POST', '/v1/batch', { body: { batch: messages } });
  expect(res.status).toBe(200);
}

interface Searched {
  searchId: string;
  query: string;
  corrected: string | null;
  total: number;
  items: {
    productId: string;
    title: string;
    category: string;
    brand: string | null;
    price: number | null;
    link: string | null;
    inStock: boolean;
    score: number;
  }[];
}
interface Suggested {
  query: string;
  suggestions: { text: string; kind: string; productId?: string; category?: string }[];
}
interface ErrorAnswer {
  error: { code: string; message: string; details?: { field: string; reason: string }[] };
}

const search = (params: string, key?: string) =>
  call<Searched>('GET', `/v1/search?${params}`, key ? { key } : {});
const ids = (s: Searched) => s.items.map((i) => i.productId);

beforeAll(async () => {
  server = await startTestServer();
  const before = await search('q=heart&log=false');
  expect(before.json.total).toBe(0);
  const imported = await call('POST', '/v1/import/products?format=csv', {
    body: searchShopCsv(),
    type: 'text/csv',
    key: server.keys.secretKey,
  });
  expect(imported.status).toBe(200);
  // The engine re-reads a changed catalogue on its refresh; search follows the engine's catalogue.
  await server.recommendations.refresh();
  await batch(viewsOf('v-textiles', ['t2', 't2'], Date.now()));
  await server.search.ready(server.project.id);
});
afterAll(async () => {
  await server.stop();
});

describe('GET /v1/search', () => {
  it('indexes the imported catalogue and answers with the write key', async () => {
    const res = await search('q=Heart&limit=10');
    expect(res.status).toBe(200);
    expect(res.json.searchId).toMatch(/^srch_/);
    expect(res.json.query).toBe('heart');
    expect(res.json.corrected).toBeNull();
    // Title matches of equal strength tie by id; the two-word-longer title and the
    // description-only match ("hearts" on a tea towel) follow.
    expect(ids(res.json)).toEqual(['c1', 't1', 't3', 'c3', 'k3']);
    expect(res.json.total).toBe(5);
    expect(res.json.items[0]).toEqual({
      productId: 'c1',
      title: 'Heart scented candle',
      category: 'Home > Candles',
      brand: 'Lumo',
      price: 12,
      imageLink: null,
      link: 'https://shop.example/p/c1',
      inStock: true,
      score: 1,
    });
  });

  it('tolerates typos and says what was meant', async () => {
    const hert = await search('q=hert');
    expect(hert.json.corrected).toBe('heart');
    expect(ids(hert.json).slice(0, 3)).toEqual(['c1', 't1', 't3']);
    const candel = await search('q=candel');
    expect(candel.json.corrected).toBe('candle');
    expect(ids(candel.json)).toEqual(expect.arrayContaining(['c1', 'c2', 'c3', 'c4']));
    // The rose candle is out of stock: it follows the comparable candles in stock.
    const rose = candel.json.items.find((i) => i.productId === 'c4')!;
    expect(rose.inStock).toBe(false);
    expect(candel.json.items.at(-1)!.productId).toBe('c4');
  });

  it('re-ranks comparable matches for a visitor who viewed textiles', async () => {
    const personal = await search('q=heart&visitor=v-textiles');
    expect(ids(personal.json)).toEqual(['t1', 't3', 'c1', 'c3', 'k3']);
    // Only the order of comparable matches changed: the weak description match stays last.
    const anonymous = await search('q=heart&visitor=never-seen');
    expect(ids(anonymous.json)).toEqual(['c1', 't1', 't3', 'c3', 'k3']);
  });

  it('filters by category and pages', async () => {
    const home = await search('q=heart&category=Home%20%3E%20Textiles');
    expect(ids(home.json)).toEqual(['t1', 't3']);
    const page = await search('q=heart&limit=2&offset=1');
    expect(ids(page.json)).toEqual(['t1', 't3']);
    expect(page.json.total).toBe(5);
  });

  it('stores every served search as a Products Searched event for the visitor', async () => {
    const served = await search('q=  Garden   Lantern &visitor=v-logged');
    await search('q=lantern&visitor=v-logged&log=false');
    await server.search.flushLog();
    const events = await call<{ events: { event: string; query: string; properties: string }[] }>(
      'GET',
      '/v1/events?visitor=v-logged',
      { key: server.keys.secretKey },
    );
    const searches = events.json.events.filter((e) => e.event === 'Products Searched');
    expect(searches).toHaveLength(1);
    expect(searches[0]!.query).toBe('garden lantern');
    expect(JSON.parse(searches[0]!.properties)).toEqual({
      results_count: 1,
      search_id: served.json.searchId,
      source: 'centric_search',
    });
  });

  it('answers 4xx with what is wrong and where', async () => {
    const missing = await call<ErrorAnswer>('GET', '/v1/search');
    expect(missing.status).toBe(400);
    expect(missing.json.error.code).toBe('invalid_query');
    expect(missing.json.error.details?.[0]?.reason).toMatch(/required property 'q'/);
    const long = await search(`q=${'a'.repeat(201)}`);
    expect(long.status).toBe(400);
    expect((long.json as unknown as ErrorAnswer).error.message).toMatch(
      /querystring\/q must NOT have more than 200/,
    );
    const blank = await search('q=%20%2B%20');
    expect(blank.status).toBe(400);
    expect((blank.json as unknown as ErrorAnswer).error.message).toBe(
      'q must contain at least one letter or digit',
    );
    expect((await search('q=heart&limit=0')).status).toBe(400);
    expect((await call('GET', '/v1/search?q=heart', { key: null })).status).toBe(401);
    expect((await call('GET', '/v1/search?q=heart', { key: 'pk_unknown' })).status).toBe(401);
  });
});

describe('GET /v1/search/suggest', () => {
  it('suggests past queries, categories and products for a typo being typed', async () => {
    await search('q=heart');
    await search('q=heart%20cushion');
    await server.search.flushLog();
    await server.search.ready(server.project.id);
    const res = await call<Suggested>('GET', '/v1/search/suggest?q=hert&visitor=v-textiles');
    expect(res.status).toBe(200);
    expect(res.json.query).toBe('hert');
    const kinds = res.json.suggestions.map((s) => [s.kind, s.text]);
    expect(kinds.slice(0, 2)).toEqual([
      ['term', 'heart'],
      ['term', 'heart cushion'],
    ]);
    // Products follow, the visitor's textiles first.
    const products = res.json.suggestions.filter((s) => s.kind === 'product');
    expect(products.map((s) => s.productId)).toEqual(['t1', 't3', 'c1', 'c3']);
    expect(products[0]).toEqual({ text: 'Heart cushion cover', kind: 'product', productId: 't1' });
    const categories = await call<Suggested>('GET', '/v1/search/suggest?q=textil&limit=3');
    expect(categories.json.suggestions.map((s) => s.category ?? s.productId)).toEqual([
      'Home > Textiles',
      'Kitchen > Textiles',
    ]);
    expect((await call('GET', '/v1/search/suggest?q=hert&limit=21')).status).toBe(400);
  });
});

describe('GET /v1/search/no-results', () => {
  it('reports the queries that found nothing, tracked by the server and by the shop', async () => {
    await search('q=zebra%20lamp&visitor=v-1');
    await search('q=Zebra%20Lamp&visitor=v-2');
    const now = new Date().toISOString();
    await batch([
      // The shop's own search, through the SDK (Segment name) and a GA4 data layer.
      {
        type: 'track',
        event: 'Products Searched',
        anonymousId: 'v-3',
        timestamp: now,
        properties: { query: 'Unicorn  mug', results_count: 0 },
      },
      {
        type: 'track',
        event: 'search',
        anonymousId: 'v-3',
        timestamp: now,
        properties: { search_term: 'velvet sofa', results: 0 },
      },
      // Found something, or said nothing about results: not a gap.
      {
        type: 'track',
        event: 'search',
        anonymousId: 'v-4',
        timestamp: now,
        properties: { search_term: 'mug' },
      },
    ]);
    await server.search.flushLog();
    const report = await call<{
      from: string;
      to: string;
      searches: number;
      noResultSearches: number;
      rows: { query: string; searches: number; visitors: number; lastSeen: string }[];
    }>('GET', '/v1/search/no-results', { key: server.keys.secretKey });
    expect(report.status).toBe(200);
    expect(report.json.rows.map((r) => [r.query, r.searches, r.visitors])).toEqual([
      ['zebra lamp', 2, 2],
      ['unicorn mug', 1, 1],
      ['velvet sofa', 1, 1],
    ]);
    expect(Date.parse(report.json.rows[0]!.lastSeen)).toBeGreaterThan(Date.now() - 60_000);
    expect(report.json.noResultSearches).toBe(4);
    // The twelve searches served above with log on, and the shop's three.
    expect(report.json.searches).toBe(15);
    expect(report.json.to).toBe(now.slice(0, 10));

    const forbidden = await call<ErrorAnswer>('GET', '/v1/search/no-results');
    expect(forbidden.status).toBe(403);
    const badDay = await call<ErrorAnswer>('GET', '/v1/search/no-results?from=2026-13-01', {
      key: server.keys.secretKey,
    });
    expect(badDay.status).toBe(400);
  });
});

describe('the index follows the catalogue', () => {
  it('finds a product imported after start once the engine has re-read the catalogue', async () => {
    expect((await search('q=lantern&log=false')).json.total).toBe(1);
    const csv = 'id,title,category,brand,price,availability\ng3,Heart lantern,Garden,Ferro,19,in stock\n';
    const imported = await call('POST', '/v1/import/products?format=csv', {
      body: csv,
      type: 'text/csv',
      key: server.keys.secretKey,
    });
    expect(imported.status).toBe(200);
    await server.recommendations.refresh();
    await server.search.ready(server.project.id);
    const after = await search('q=lantern&log=false');
    expect(ids(after.json).sort()).toEqual(['g1', 'g3']);
  });
});
