// The shopping stream over real HTTP on a seeded shop: a price drop below the price a visitor saw
// ("was 20"), a restock of a product they saw sold out, a bought product absent except as its due
// replenishment, the loyalty card, paging with the cursor (every card once, no repeat when events
// arrive between pages), recommendation cards attributed to slot "stream", and the errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateShop, shopCatalogue } from './test-support/recommendation-shop';
import { startTestServer, type TestServer } from './test-support/test-server';

let server: TestServer;
const DAY = 86_400_000;
const NOW = Date.now();
const ago = (days: number, minutes = 0) => new Date(NOW - days * DAY + minutes * 60_000).toISOString();

interface Card {
  id: string;
  kind: string;
  title: string;
  reason: string;
  at: string | null;
  product?: { productId: string; price: number | null; previousPrice?: number };
  recommendationId?: string;
  loyalty?: { tier: string; nextTier?: string | null; toNextTier?: number | null; orders: number };
}
interface Page {
  visitor: string;
  cards: Card[];
  nextCursor: string | null;
}

async function call<T>(
  path: string,
  key: string | null = server.keys.writeKey,
): Promise<{ status: number; json: T }> {
  const res = await fetch(`${server.url}${path}`, {
    headers: key === null ? {} : { authorization: `Bearer ${key}` },
  });
  return { status: res.status, json: (await res.json()) as T };
}

async function batch(messages: readonly unknown[]): Promise<void> {
  for (let i = 0; i < messages.length; i += 500) {
    const res = await fetch(`${server.url}/v1/batch`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.keys.writeKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ batch: messages.slice(i, i + 500) }),
    });
    expect(res.status).toBe(200);
  }
}

const view = (anonymousId: string, productId: string, at: string, price?: number) => ({
  type: 'track',
  event: 'Product Viewed',
  anonymousId,
  timestamp: at,
  properties: { product_id: productId, ...(price === undefined ? {} : { price, currency: 'EUR' }) },
});

async function stream(visitor: string, { limit, cursor }: { limit?: number; cursor?: string } = {}) {
  const q = new URLSearchParams({ visitor });
  if (limit) q.set('limit', String(limit));
  if (cursor) q.set('cursor', cursor);
  const res = await call<Page>(`/v1/stream?${q}`);
  expect(res.status).toBe(200);
  return res.json;
}

async function wholeStream(visitor: string, limit: number): Promise<Card[]> {
  const cards: Card[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 100; pages++) {
    const page = await stream(visitor, { limit, ...(cursor ? { cursor } : {}) });
    cards.push(...page.cards);
    if (page.nextCursor === null) return cards;
    cursor = page.nextCursor;
  }
  throw new Error('the stream did not end');
}

const shop = generateShop({ now: NOW, visitors: 40 });

beforeAll(async () => {
  server = await startTestServer();
  // "2-3" costs 20 when the visitor sees it; "2-9" is sold out when they see it.
  const catalogue = shopCatalogue().map((p) => (p.productId === '2-3' ? { ...p, price: 20 } : p));
  await server.service.store.state.upsertProducts(server.project.id, catalogue);
  await batch(shop.messages);
  await batch([
    view('v-price', '2-3', ago(3), 20),
    view('v-price', '2-9', ago(3, 5), 40),
    view('v-price', '2-4', ago(2)),
    view('v-price', '2-5', ago(2, 3)),
    // The replenisher saw the coffee they buy and the garden product they bought once at 99.
    { ...view('x', '0-0', ago(1), 99), anonymousId: undefined, userId: shop.replenisher },
    { ...view('x', '4-2', ago(1, 1), 99), anonymousId: undefined, userId: shop.replenisher },
  ]);
  await server.recommendations.rebuild(server.project.id);
  // Then the shop lowers "2-3" to 15 and restocks "2-9".
  await server.service.store.state.upsertProducts(
    server.project.id,
    catalogue
      .filter((p) => p.productId === '2-3' || p.productId === '2-9')
      .map((p) => (p.productId === '2-3' ? { ...p, price: 15 } : { ...p, availability: 'in stock' })),
  );
});
afterAll(async () => {
  await server.stop();
});

describe('GET /v1/stream', () => {
  it('shows a price drop below the price the visitor saw, and the restock of what they saw sold out', async () => {
    const page = await stream('v-price', { limit: 50 });
    expect(page.visitor).toBe('v-price');
    const drop = page.cards.find((c) => c.kind === 'price_drop');
    expect(drop).toMatchObject({
      id: 'price_drop:2-3',
      title: 'Candles 3 is now 15 EUR',
      reason: 'Because you viewed Candles 3: was 20 EUR, now 15 EUR (-25%)',
      product: { productId: '2-3', price: 15, previousPrice: 20 },
    });
    expect(Date.parse(drop!.at!)).toBeGreaterThan(NOW - 60_000);
    expect(page.cards.find((c) => c.kind === 'back_in_stock')).toMatchObject({
      id: 'back_in_stock:2-9',
      reason: 'Back in stock since you viewed Candles 9',
    });
    // The viewed products without a lower price are no price drops.
    expect(page.cards.filter((c) => c.kind === 'price_drop')).toHaveLength(1);
    // Specific news first, then recommendations mixed in, each with its reason.
    expect(
      page.cards
        .slice(0, 2)
        .map((c) => c.kind)
        .sort(),
    ).toEqual(['back_in_stock', 'price_drop']);
    const recs = page.cards.filter((c) => c.kind === 'recommendation');
    expect(recs.length).toBeGreaterThan(10);
    expect(recs.every((c) => c.reason.length > 0 && c.recommendationId?.startsWith('rec_'))).toBe(true);
    expect(recs.some((c) => /^Because you viewed Candles \d$/.test(c.reason))).toBe(true);
    expect(new Set(page.cards.map((c) => c.product?.productId ?? c.id)).size).toBe(page.cards.length);
  });

  it('never shows a bought product except as its due replenishment, and shows the loyalty standing', async () => {
    const cards = await wholeStream(shop.replenisher, 50);
    const coffee = cards.filter((c) => c.product?.productId === shop.replenished);
    expect(coffee).toHaveLength(1);
    expect(coffee[0]).toMatchObject({
      kind: 'replenishment',
      reason: 'You buy this about every 15 days; your last one was 15 days ago',
    });
    expect(cards.filter((c) => c.product?.productId === '4-2')).toEqual([]);
    expect(cards.filter((c) => c.kind === 'price_drop')).toEqual([]);
    expect(cards.find((c) => c.kind === 'loyalty')).toMatchObject({
      title: 'Bronze member',
      reason: 'You have spent 66 EUR in 4 orders; 184 EUR more to reach Silver',
      loyalty: { tier: 'bronze', nextTier: 'silver', toNextTier: 184, orders: 4 },
    });
    // The same list through every channel: the customers' other purchases stay out as well.
    for (const [customer, bought] of shop.bought) {
      const theirs = await stream(customer, { limit: 50 });
      const shown = theirs.cards.filter((c) => c.kind !== 'replenishment').map((c) => c.product?.productId);
      expect(shown.filter((id) => id !== undefined && bought.has(id))).toEqual([]);
    }
  });

  it('pages with the cursor: every card exactly once, in the order of the whole stream', async () => {
    const whole = await wholeStream('v-price', 50);
    expect(whole.length).toBeGreaterThan(40);
    const paged = await wholeStream('v-price', 7);
    expect(paged.map((c) => c.id)).toEqual(whole.map((c) => c.id));
  });

  it('does not repeat page 1 on page 2 when events arrive in between', async () => {
    const first = await stream('anon-3', { limit: 10 });
    expect(first.nextCursor).not.toBeNull();
    const shownFirst = first.cards.map((c) => c.product?.productId ?? c.id);
    const recommended = first.cards.find((c) => c.kind === 'recommendation')!.product!.productId;
    // The visitor views a product of page 1 at a higher price than it has now (a price drop now).
    await batch([view('anon-3', recommended, ago(0, -1), 999)]);
    const second = await stream('anon-3', { limit: 10, cursor: first.nextCursor! });
    expect(second.cards).toHaveLength(10);
    expect(second.cards.filter((c) => shownFirst.includes(c.product?.productId ?? c.id))).toEqual([]);
  });

  it('logs recommendation cards as impressions of slot "stream"', async () => {
    await server.recommendations.flushImpressions();
    const res = await call<{ rows: { slot: string; impressions: number }[] }>(
      '/v1/query/recommendations/attribution',
      server.keys.secretKey,
    );
    const row = res.json.rows.find((r) => r.slot === 'stream');
    expect(row?.impressions).toBeGreaterThan(5);
  });

  it('previews without logging, and answers errors that say what is wrong', async () => {
    const preview = await call<Page>(
      '/v1/stream?visitor=v-price&preview=true&limit=50',
      server.keys.secretKey,
    );
    const recs = preview.json.cards.filter((c) => c.kind === 'recommendation');
    expect(recs.length).toBeGreaterThan(0);
    expect(recs.every((c) => c.recommendationId === 'preview')).toBe(true);

    expect((await call('/v1/stream?visitor=v-price', null)).status).toBe(401);
    expect((await call('/v1/stream')).status).toBe(400);
    expect((await call('/v1/stream?visitor=v-price&limit=500')).status).toBe(400);
    const bad = await call<{ error: { code: string; message: string } }>(
      '/v1/stream?visitor=v-price&cursor=nope!',
    );
    expect(bad).toMatchObject({ status: 400, json: { error: { code: 'invalid_query' } } });
    expect(bad.json.error.message).toMatch(/^cursor: cursor is not a stream cursor/);
    const page = await stream('v-price', { limit: 3 });
    const other = await call<{ error: { message: string } }>(
      `/v1/stream?visitor=anon-1&cursor=${encodeURIComponent(page.nextCursor!)}`,
    );
    expect(other.status).toBe(400);
    expect(other.json.error.message).toMatch(/another visitor/);
    expect((await call('/v1/stream?visitor=p_nobody')).status).toBe(404);
  });
});
