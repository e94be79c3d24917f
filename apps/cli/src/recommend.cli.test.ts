// `centric recommend` and `centric stream` as a user runs them: through a running server (a seeded
// shop, paging with the printed cursor) and on a store the CLI opens itself (a catalogue imported
// twice, so a price drop below the price the visitor saw shows up in the stream).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestServer, type TestServer } from '@centric/server/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateShop, shopCatalogue } from '../../server/src/test-support/recommendation-shop';
import { type CliResult, runCentric } from './test-support/run-centric';

const tmp = mkdtempSync(join(tmpdir(), 'centric-recommend-cli-'));
let server: TestServer;

async function centric(dataDir: string, args: string[]): Promise<CliResult> {
  return runCentric(['--data', dataDir, ...args]);
}

interface StreamPage {
  visitor: string;
  cards: { id: string; kind: string; reason: string; product?: { productId: string } }[];
  nextCursor: string | null;
}

beforeAll(async () => {
  server = await startTestServer();
  const shop = generateShop({ now: Date.now(), visitors: 30 });
  await server.service.store.state.upsertProducts(server.project.id, shopCatalogue());
  const res = await server.service.pipeline.ingest({ projectId: server.project.id, messages: shop.messages });
  expect(res.ok).toBe(true);
  await server.recommendations.rebuild(server.project.id);
});
afterAll(async () => {
  await server.stop();
  rmSync(tmp, { recursive: true, force: true });
});

describe('through a running server', () => {
  it('shows a slot with reasons and pages through a stream with the printed cursor', async () => {
    const slot = await centric(server.dataDir, [
      'recommend',
      '--slot',
      'product_page',
      '--visitor',
      'anon-1',
      '--product',
      '2-3',
      '--limit',
      '5',
      '--json',
    ]);
    expect(slot.code, slot.stderr).toBe(0);
    const answer = JSON.parse(slot.stdout) as {
      slot: string;
      recommendationId: string;
      items: { productId: string }[];
    };
    expect(answer).toMatchObject({ slot: 'product_page', recommendationId: 'preview' });
    expect(answer.items).toHaveLength(5);
    expect(answer.items.map((i) => i.productId)).not.toContain('2-3');
    const text = await centric(server.dataDir, ['recommend', '--slot', 'home', '--visitor', 'anon-1']);
    expect(text.stdout).toMatch(/^slot home · \S+ · 8 items\n {2}1\. /);

    const first = await centric(server.dataDir, [
      'stream',
      '--visitor',
      'cust-coffee',
      '--limit',
      '3',
      '--json',
    ]);
    expect(first.code, first.stderr).toBe(0);
    const page1 = JSON.parse(first.stdout) as StreamPage;
    expect(page1.cards.map((c) => c.kind)).toContain('replenishment');
    expect(page1.cards).toHaveLength(3);
    const second = await centric(server.dataDir, [
      'stream',
      '--visitor',
      'cust-coffee',
      '--limit',
      '3',
      '--cursor',
      page1.nextCursor!,
      '--json',
    ]);
    const page2 = JSON.parse(second.stdout) as StreamPage;
    expect(page2.cards).toHaveLength(3);
    expect(page2.cards.filter((c) => page1.cards.some((d) => d.id === c.id))).toEqual([]);

    const readable = await centric(server.dataDir, ['stream', '--visitor', 'cust-coffee', '--limit', '2']);
    expect(readable.stdout).toContain('replenishment  Time to restock Coffee 0?');
    expect(readable.stdout).toContain('You buy this about every 15 days');
    expect(readable.stdout).toMatch(/next page: centric stream --visitor "cust-coffee" --cursor \S+\n$/);

    const unknown = await centric(server.dataDir, ['recommend', '--slot', 'nowhere']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^centric: no recommendation slot "nowhere"/);
    const bad = await centric(server.dataDir, ['stream', '--visitor', 'x', '--cursor', 'nope!']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^centric: cursor: cursor is not a stream cursor/);
  });
});

describe('on a store the CLI opens itself', () => {
  it('imports a catalogue, ingests a view at 20 EUR, re-imports at 15 EUR and shows the price drop', async () => {
    const data = join(tmp, 'local');
    const products = (price: string) =>
      [
        'id,title,product_type,brand,price,availability,link',
        `MUG-1,Blue mug,Kitchen > Mugs,Acme,${price},in stock,https://shop.example/p/mug-1`,
        'MUG-2,Red mug,Kitchen > Mugs,Acme,12.00 EUR,in stock,https://shop.example/p/mug-2',
        'TEA-1,Green tea,Kitchen > Tea,Borealis,6.50 EUR,in stock,https://shop.example/p/tea-1',
      ].join('\n');
    writeFileSync(join(tmp, 'products-20.csv'), `${products('20.00 EUR')}\n`);
    writeFileSync(join(tmp, 'products-15.csv'), `${products('15.00 EUR')}\n`);
    const at = (minutes: number) => new Date(Date.now() - 86_400_000 + minutes * 60_000).toISOString();
    const events = [
      { event: 'Product Viewed', product: 'MUG-1', price: 20, minutes: 0, who: 'dev-1' },
      { event: 'Product Viewed', product: 'MUG-2', price: 12, minutes: 1, who: 'dev-1' },
      { event: 'Product Viewed', product: 'MUG-1', price: 20, minutes: 2, who: 'dev-2' },
      { event: 'Product Viewed', product: 'TEA-1', price: 6.5, minutes: 3, who: 'dev-2' },
    ].map((e, i) => ({
      type: 'track',
      event: e.event,
      anonymousId: e.who,
      messageId: `v-${i}`,
      timestamp: at(e.minutes),
      properties: { product_id: e.product, price: e.price, currency: 'EUR' },
    }));
    writeFileSync(join(tmp, 'views.ndjson'), `${events.map((e) => JSON.stringify(e)).join('\n')}\n`);

    expect((await centric(data, ['import', 'products', join(tmp, 'products-20.csv'), '--json'])).code).toBe(
      0,
    );
    expect((await centric(data, ['ingest', join(tmp, 'views.ndjson'), '--json'])).code).toBe(0);
    expect((await centric(data, ['import', 'products', join(tmp, 'products-15.csv'), '--json'])).code).toBe(
      0,
    );

    const page = await centric(data, ['stream', '--visitor', 'dev-1', '--json']);
    expect(page.code, page.stderr).toBe(0);
    const cards = (JSON.parse(page.stdout) as StreamPage).cards;
    expect(cards[0]).toMatchObject({
      id: 'price_drop:MUG-1',
      reason: 'Because you viewed Blue mug: was 20 EUR, now 15 EUR (-25%)',
    });
    // The red mug was viewed at its current price: no card; the tea is what dev-2 also viewed.
    expect(cards.map((c) => c.id)).toEqual(['price_drop:MUG-1', 'recommendation:TEA-1']);

    const slot = await centric(data, ['recommend', '--slot', 'product_page', '--product', 'MUG-1', '--json']);
    expect(slot.code, slot.stderr).toBe(0);
    // Both other products were viewed together with the mug once; the page's own product is left out.
    const items = (JSON.parse(slot.stdout) as { items: { productId: string; reason: string }[] }).items;
    expect(items.map((i) => i.productId).sort()).toEqual(['MUG-2', 'TEA-1']);
    expect(items.every((i) => i.reason === 'viewed_together')).toBe(true);
  });
});
