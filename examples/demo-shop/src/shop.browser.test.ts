// The demo shop in headless Chromium against a real Centric: a visitor accepts the consent
// banner, browses a category, searches (autosuggest shows), follows a recommendation, meets the
// dwell pop-in after its seconds (and not again once dismissed), adds to the basket (the
// free-shipping bar follows), pays after a declined card, and gets the confirmation. Centric's
// store shows the events in the order they happened; the home recommendations changed after the
// click; the bought product is no longer offered in any slot nor in the shopping stream. A
// second visitor who refuses consent leaves no cookie and no identifier in the browser's storage.
// Screenshots go to artifacts/.
import { fileURLToPath } from 'node:url';
import { artifactPath, launchChromium, startTestServer, type TestServer } from '@centric/server/test-support';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Catalogue } from './catalogue';
import { ensureSlots, ensureTriggers, importProductFeed, shopTriggers } from './centric-setup';
import { productFeedCsv } from './product-feed';
import { type RunningShop, startShop } from './shop-server';
import { BEST_SELLER, shopHistory, testCatalogue } from './test-support/shop-history';

const DEMO_FILE = fileURLToPath(new URL('../../../demo/data/products.csv.gz', import.meta.url));
const DWELL_SECONDS = 2;
/** Browser-side waits: pages talk to Centric, which shares two cores with other work. */
const WAIT = { timeout: 15_000, interval: 200 };

let centric: TestServer;
let shop: RunningShop;
let catalogue: Catalogue;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let page: Page;
/** The visitor's anonymous id, read from the SDK once consent is granted. */
let visitor: string;
let homeBefore: string[] = [];
let orderId = '';
/** Script errors and failed requests of the shop's pages: there should be none. */
const pageErrors: string[] = [];

interface StoredEvent {
  type: string;
  event: string | null;
  anonymousId: string | null;
  userId: string | null;
  productId: string | null;
  orderId: string | null;
  query: string | null;
  pagePath: string | null;
  properties: string | null;
  context: string | null;
}

interface Decision {
  recommendations: Record<string, { items: { productId: string }[] }>;
  messages: { kind: string; triggerId: string }[];
}

async function api<T>(
  method: string,
  path: string,
  { body, key }: { body?: unknown; key?: string } = {},
): Promise<T> {
  const res = await fetch(`${centric.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${key ?? centric.keys.secretKey}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = (await res.json()) as T;
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** Polls until `check` answers a value that is not undefined. */
async function eventually<T>(
  check: () => Promise<T | undefined>,
  what: string,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 400));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

/** The visitor's stored events, oldest first. */
async function eventsOf(id: string): Promise<StoredEvent[]> {
  const { events } = await api<{ events: StoredEvent[] }>(
    'GET',
    `/v1/events?limit=1000&visitor=${encodeURIComponent(id)}`,
  );
  return events.reverse();
}

const nameOf = (e: StoredEvent) => (e.type === 'page' ? `page:${e.event}` : (e.event ?? e.type));

function decide(id: string, pageInfo: Record<string, unknown>, slots: string[]): Promise<Decision> {
  return api<Decision>('POST', '/v1/decide', {
    key: centric.keys.writeKey,
    body: { visitor: id, page: { url: `${shop.url}/`, ...pageInfo }, slots },
  });
}

async function slotIds(p: Page, slot: string): Promise<string[]> {
  const cards = p.locator(`[data-centric-slot="${slot}"] .centric-card a`);
  await cards.first().waitFor({ timeout: 20_000 });
  return cards.evaluateAll((links) => links.map((a) => a.getAttribute('data-product-id') ?? ''));
}

beforeAll(async () => {
  centric = await startTestServer();
  catalogue = testCatalogue(Catalogue.load(DEMO_FILE));
  shop = await startShop({ catalogue, centricUrl: centric.url, writeKey: centric.keys.writeKey, port: 0 });
  const admin = { url: centric.url, key: centric.keys.secretKey };
  // What `npm run demo-shop` does: the feed, the slots and the triggers (a short dwell here).
  const feed = await importProductFeed(admin, productFeedCsv(catalogue, shop.url));
  expect(feed.rejected).toEqual([]);
  await ensureSlots(admin);
  await ensureTriggers(admin, shopTriggers({ dwellSeconds: DWELL_SECONDS, socialProofMinCount: 2 }));
  const history = shopHistory(catalogue, { now: Date.now() });
  for (let i = 0; i < history.length; i += 500)
    await api('POST', '/v1/batch', {
      key: centric.keys.writeKey,
      body: { batch: history.slice(i, i + 500) },
    });
  await centric.recommendations.rebuild(centric.project.id);
  browser = await launchChromium();
  page = await browser.context.newPage();
  page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      pageErrors.push(`${page.url()}: console ${message.type()}: ${message.text()}`);
  });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await shop?.close();
  await centric?.stop();
});

describe('a visitor who accepts personalisation', () => {
  it('accepts the consent banner and sees recommendations on the home page', async () => {
    await page.goto(shop.url);
    await page.getByTestId('consent-banner').waitFor();
    await page.screenshot({ path: artifactPath('demo-shop-consent.png') });
    await page.getByTestId('consent-accept').click();
    await page.getByTestId('consent-banner').waitFor({ state: 'hidden' });
    visitor = await page.evaluate(() =>
      (window as unknown as { centric: { anonymousId(): string } }).centric.anonymousId(),
    );
    expect(visitor).toMatch(/\S{8,}/);
    homeBefore = await slotIds(page, 'home');
    expect(homeBefore.length).toBeGreaterThan(0);
    await page.screenshot({ path: artifactPath('demo-shop-home.png'), fullPage: true });
  });

  it('browses a category and searches with autosuggest', async () => {
    await page.locator('.category-menu a').first().click();
    await page.getByTestId('category-products').locator('a').first().waitFor();
    await page.waitForLoadState('load');
    await page.getByTestId('search-input').pressSequentially('heart', { delay: 60 });
    const options = page.getByTestId('search-suggestions').locator('[role="option"]');
    await options.first().waitFor({ timeout: 15_000 });
    expect(await options.count()).toBeGreaterThan(0);
    expect((await options.allTextContents()).join(' ').toLowerCase()).toContain('heart');
    await page.screenshot({ path: artifactPath('demo-shop-autosuggest.png') });
    await page.getByTestId('search-input').press('Enter');
    await page.waitForURL(/\/search\?q=heart/);
    const results = page.getByTestId('search-results').locator('a[data-product-id]');
    await results.first().waitFor({ timeout: 15_000 });
    expect((await results.allTextContents()).some((t) => /heart/i.test(t))).toBe(true);
    await page.screenshot({ path: artifactPath('demo-shop-search.png') });
    await results.first().click();
    await page.waitForURL(/\/p\//);
    await page.getByTestId('product-title').waitFor();
  });

  it('follows a recommendation, after which the home recommendations change', async () => {
    const productPage = page.url();
    // The home list as it stands before the click (the same on a second look).
    const before = await eventually(async () => {
      await page.goto(shop.url);
      const first = await slotIds(page, 'home');
      await page.reload();
      return (await slotIds(page, 'home')).join() === first.join() ? first : undefined;
    }, 'the home recommendations to be the same on two looks');

    await page.goto(productPage);
    const recommended = await slotIds(page, 'product_page');
    expect(recommended.length).toBeGreaterThan(0);
    await page.locator('[data-centric-slot="product_page"] .centric-card a').first().click();
    await page.waitForURL(new RegExp(`/p/${encodeURIComponent(recommended[0]!)}$`));
    await page.getByTestId('product-title').waitFor();
    const after = await eventually(async () => {
      await page.goto(shop.url);
      const now = await slotIds(page, 'home');
      return now.join() !== before.join() ? now : undefined;
    }, 'the home recommendations to change after the click');
    expect(after).not.toEqual(before);
    expect(after).not.toEqual(homeBefore);
  });

  it('shows the dwell pop-in after its seconds, with social proof, and not again once dismissed', async () => {
    const started = Date.now();
    await page.goto(`${shop.url}/p/${BEST_SELLER}`);
    await expect
      .poll(() => page.getByTestId('social-proof').textContent(), WAIT)
      .toContain('3 people bought this in the last 24 hours');
    const popin = page.locator('.centric-popin[data-kind="dwell_popin"]');
    await popin.waitFor({ timeout: 20_000 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(DWELL_SECONDS * 1000);
    await expect.poll(() => popin.textContent(), WAIT).toContain('THISTLE10');
    await page.screenshot({ path: artifactPath('demo-shop-dwell-popin.png') });
    await popin.locator('.centric-popin-close').click();
    await expect.poll(() => popin.count(), WAIT).toBe(0);
    await page.evaluate(() => (window as unknown as { centric: { flush(): Promise<void> } }).centric.flush());
    await eventually(
      async () => ((await eventsOf(visitor)).some((e) => e.event === 'Trigger Dismissed') ? true : undefined),
      'the dismissal to be stored',
    );
    await eventually(async () => {
      const decision = await decide(visitor, { type: 'product', productId: BEST_SELLER }, []);
      return decision.messages.some((m) => m.kind === 'dwell_popin') ? undefined : true;
    }, 'Centric to stop offering the dismissed pop-in');
    await page.reload();
    await page.getByTestId('product-title').waitFor();
    await page.waitForTimeout((DWELL_SECONDS + 3) * 1000);
    await expect.poll(() => popin.count(), WAIT).toBe(0);
  });

  it('adds to the basket, where the free-shipping bar shows what is left', async () => {
    await page.locator('#quantity').fill('2');
    await page.getByTestId('add-to-cart').click();
    await expect.poll(() => page.locator('[data-cart-count]').textContent(), WAIT).toBe('2');
    await page.getByTestId('view-cart').click();
    await page.waitForURL(/\/cart$/);
    const price = catalogue.get(BEST_SELLER)!.price;
    const remaining = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' }).format(
      25 - 2 * price,
    );
    await expect
      .poll(() => page.locator('#centric-free-shipping-bar').textContent(), WAIT)
      .toContain(remaining);
    await expect
      .poll(() => page.getByTestId('cart-lines').textContent(), WAIT)
      .toContain(catalogue.get(BEST_SELLER)!.title);
    await page.screenshot({ path: artifactPath('demo-shop-cart.png'), fullPage: true });
    // Ten of them pass the threshold: the bar (a new decision, updated in place) says so; back to two.
    const quantity = page.locator(`[data-qty="${BEST_SELLER}"]`);
    await quantity.fill('10');
    await quantity.dispatchEvent('change');
    await expect
      .poll(() => page.locator('#centric-free-shipping-bar').textContent(), WAIT)
      .toContain('free shipping');
    await expect.poll(() => page.locator('[data-cart-shipping]').textContent(), WAIT).toBe('Free');
    await quantity.fill('2');
    await quantity.dispatchEvent('change');
    await expect
      .poll(() => page.locator('#centric-free-shipping-bar').textContent(), WAIT)
      .toContain(remaining);
    await expect.poll(() => page.locator('[data-cart-count]').textContent(), WAIT).toBe('2');
  });

  it('checks out as a guest: a declined card is explained, a good card buys', async () => {
    // Before buying, Centric offers the best seller (to a newcomer at least).
    const before = await decide('newcomer', { type: 'home' }, ['home', 'product_page', 'cart']);
    expect(Object.values(before.recommendations).flatMap((r) => r.items.map((i) => i.productId))).toContain(
      BEST_SELLER,
    );

    await page.getByTestId('go-to-checkout').click();
    await page.waitForURL(/\/checkout$/);
    await page.getByTestId('checkout-guest').check();
    await page.locator('[id="email"]').fill('guest@example.com');
    await page.locator('[id="address.name"]').fill('Grace Hopper');
    await page.locator('[id="address.line1"]').fill('1 Navy Yard');
    await page.locator('[id="address.city"]').fill('York');
    await page.locator('[id="address.postcode"]').fill('YO1 7HH');
    await page.getByTestId('pay-card').check();
    await page.locator('[id="card.number"]').fill('4000 0000 0000 0002');
    await page.locator('[id="card.expiry"]').fill('12/30');
    await page.locator('[id="card.cvc"]').fill('123');
    await page.getByTestId('place-order').click();
    await expect.poll(() => page.locator('[data-error-summary]').textContent(), WAIT).toContain('declined');
    await page.screenshot({ path: artifactPath('demo-shop-card-declined.png'), fullPage: true });
    await page.locator('[id="card.number"]').fill('4242 4242 4242 4242');
    await page.getByTestId('place-order').click();
    await page.waitForURL(/\/order\/ORD-/);
    orderId = (await page.getByTestId('order-id').textContent()) ?? '';
    expect(orderId).toMatch(/^ORD-[0-9A-F]{10}$/);
    await expect.poll(() => page.locator('[data-cart-count]').textContent(), WAIT).toBe('0');
    await page.screenshot({ path: artifactPath('demo-shop-confirmation.png'), fullPage: true });
  });

  it('leaves its events in Centric in the order they happened', async () => {
    const events = await eventually(async () => {
      const list = await eventsOf(visitor);
      return list.some((e) => e.event === 'Order Completed') ? list : undefined;
    }, 'Order Completed to be stored');
    const names = events.map(nameOf);
    const expected = [
      'page:Home',
      'Consent Updated',
      'Product List Viewed',
      'Products Searched',
      'Product Viewed',
      'Product Clicked',
      'Product Viewed',
      'Trigger Shown',
      'Trigger Dismissed',
      'Product Added',
      'Cart Viewed',
      'Checkout Started',
      'Payment Info Entered',
      'Order Completed',
    ];
    // In order, as a subsequence (page views and impressions come in between).
    let at = 0;
    for (const name of names) if (name === expected[at]) at++;
    expect({ matched: expected.slice(0, at), names }).toMatchObject({ matched: expected });

    const search = events.find((e) => e.event === 'Products Searched')!;
    expect(search.query).toBe('heart');
    expect(JSON.parse(search.properties ?? '{}')).toMatchObject({ source: 'centric_search' });
    // The carousel click carries its recommendation id back (attribution).
    const clicks = events
      .filter((e) => e.event === 'Product Clicked')
      .map((e) => JSON.parse(e.properties ?? '{}'));
    expect(clicks.map((c) => c.list_id ?? c.slot)).toEqual(['search', 'product_page']);
    expect(clicks[1].recommendation_id).toMatch(/^rec_/);
    const order = events.find((e) => e.event === 'Order Completed')!;
    expect(order.orderId).toBe(orderId);
    expect(JSON.parse(order.properties ?? '{}').products).toEqual([
      expect.objectContaining({ product_id: BEST_SELLER, quantity: 2 }),
    ]);
  });

  it('no longer offers the bought product in any slot nor in the shopping stream', async () => {
    const slots = ['home', 'product_page', 'cart'];
    const neighbour = catalogue.productsIn(catalogue.get(BEST_SELLER)!.categorySlug)[0]!.id;
    await eventually(async () => {
      const [home, product] = await Promise.all([
        decide(visitor, { type: 'home' }, slots),
        decide(visitor, { type: 'product', productId: neighbour }, slots),
      ]);
      const offered = [home, product].flatMap((d) =>
        Object.values(d.recommendations).flatMap((r) => r.items.map((i) => i.productId)),
      );
      return offered.length > 0 && !offered.includes(BEST_SELLER) ? true : undefined;
    }, 'the bought product to leave every slot');
    // A newcomer is still offered it: the buyer's purchase is what removed it.
    const newcomer = await decide('newcomer-2', { type: 'home' }, slots);
    expect(Object.values(newcomer.recommendations).flatMap((r) => r.items.map((i) => i.productId))).toContain(
      BEST_SELLER,
    );

    const stream = await api<{ cards: { kind: string; product?: { productId: string } }[] }>(
      'GET',
      `/v1/stream?visitor=${encodeURIComponent(visitor)}&limit=50`,
      { key: centric.keys.writeKey },
    );
    expect(stream.cards.length).toBeGreaterThan(0);
    expect(
      stream.cards.filter((c) => c.product?.productId === BEST_SELLER && c.kind !== 'replenishment'),
    ).toEqual([]);

    await page.goto(`${shop.url}/account`);
    const cards = page.getByTestId('stream').locator('.stream-card');
    await cards.first().waitFor({ timeout: 20_000 });
    const shown = await cards.evaluateAll((list) =>
      list.map((c) => ({
        kind: c.getAttribute('data-card-kind'),
        product: c.getAttribute('data-product-id'),
      })),
    );
    expect(shown.filter((c) => c.product === BEST_SELLER && c.kind !== 'replenishment')).toEqual([]);
    await page.screenshot({ path: artifactPath('demo-shop-account-stream.png'), fullPage: true });
    // Infinite scroll: reaching the end of the first page loads the next one.
    const firstPage = await api<{ nextCursor: string | null }>(
      'GET',
      `/v1/stream?visitor=${encodeURIComponent(visitor)}&limit=8`,
      { key: centric.keys.writeKey },
    );
    expect(firstPage.nextCursor).not.toBeNull();
    expect(shown).toHaveLength(8);
    await page.locator('[data-stream-sentinel]').scrollIntoViewIfNeeded();
    await expect.poll(() => cards.count(), WAIT).toBeGreaterThan(8);
  });

  it('signs in on the account page, which identifies the visitor', async () => {
    await page.locator('#signin-email').fill('grace@example.com');
    await page.locator('#signin-name').fill('Grace');
    await page.getByTestId('sign-in-submit').click();
    await expect.poll(() => page.locator('[data-account-greeting]').textContent(), WAIT).toBe('Grace');
    const identify = await eventually(
      async () => (await eventsOf(visitor)).find((e) => e.type === 'identify'),
      'the identify call to be stored',
    );
    expect(identify.userId).toMatch(/^cust-[0-9a-f]{16}$/);
    expect(identify.anonymousId).toBe(visitor);
  });

  it('ran every page without a script error', () => {
    // The declined card is answered 402 on purpose; the browser logs that response.
    expect(pageErrors.filter((e) => !/status of 402/.test(e))).toEqual([]);
  });
});

describe('a visitor who refuses personalisation', () => {
  it('browses, searches and fills a basket without any identifier written in the browser', async () => {
    const other = await launchChromium();
    try {
      const p = await other.context.newPage();
      await p.goto(shop.url);
      await p.getByTestId('consent-refuse').click();
      await p.goto(`${shop.url}/p/${BEST_SELLER}`);
      await p.getByTestId('add-to-cart').click();
      await expect.poll(() => p.locator('[data-cart-count]').textContent(), WAIT).toBe('1');
      await p.goto(`${shop.url}/search?q=candle`);
      await p.getByTestId('search-results').locator('a').first().waitFor({ timeout: 15_000 });
      await p.goto(`${shop.url}/cart`);
      await p.getByTestId('cart-lines').locator('tr[data-line]').first().waitFor();

      expect(await other.context.cookies()).toEqual([]);
      const storage = await p.evaluate(() => ({
        local: Object.fromEntries(Object.entries(localStorage)),
        session: Object.fromEntries(Object.entries(sessionStorage)),
      }));
      // The refusal itself and the basket (product ids and quantities) - nothing about the visitor.
      expect(Object.keys(storage.local).sort()).toEqual(['shop.cart', 'shop.consent']);
      expect(storage.local['shop.consent']).toBe('denied');
      expect(JSON.parse(storage.local['shop.cart']!)).toEqual([
        expect.objectContaining({ productId: BEST_SELLER, quantity: 1 }),
      ]);
      expect(storage.session).toEqual({});
      await p.screenshot({ path: artifactPath('demo-shop-consent-refused.png'), fullPage: true });

      // The visit is still counted, cookieless: by a server-side hash nobody stored.
      await p.evaluate(() => (window as unknown as { centric: { flush(): Promise<void> } }).centric.flush());
      const counted = await eventually(async () => {
        const { events } = await api<{ events: StoredEvent[] }>('GET', '/v1/events?limit=200');
        return events.find((e) => e.pagePath === '/cart' && (e.context ?? '').includes('"cookieless":true'));
      }, 'a cookieless page view');
      expect(JSON.stringify(storage)).not.toContain(counted.anonymousId ?? 'no id');

      // A guest checkout with PayPal (approved in the simulated window) still writes nothing.
      await p.getByTestId('go-to-checkout').click();
      await p.waitForURL(/\/checkout$/);
      await p.locator('[id="email"]').fill('anonymous@example.com');
      await p.locator('[id="address.name"]').fill('Ann Onymous');
      await p.locator('[id="address.line1"]').fill('2 Quiet Lane');
      await p.locator('[id="address.city"]').fill('Bath');
      await p.locator('[id="address.postcode"]').fill('BA1 1AA');
      await p.getByTestId('pay-paypal').check();
      await p.getByTestId('place-order').click();
      await p.getByTestId('paypal-approve').click();
      await p.waitForURL(/\/order\/ORD-/);
      await expect.poll(() => p.getByTestId('confirmation').textContent(), WAIT).toContain('PayPal');
      expect(await other.context.cookies()).toEqual([]);
      expect(await p.evaluate(() => Object.keys(localStorage))).toEqual(['shop.consent']);
    } finally {
      await other.close();
    }
  });
});
