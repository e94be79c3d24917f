// Browser test: the widgets bundle as the server serves it (/sdk/centric-widgets.js) renders real
// decisions in headless Chromium on a shop page. The dwell pop-in appears after its seconds
// (not before, and not at all once Product Added fired), shows its coupon, closes on Escape and
// reports Trigger Shown / Dismissed, after which the server no longer offers it; the carousel's
// clicks carry the recommendation id; the social-proof badge and the free-shipping bar follow
// live counts and the cart; the exit-intent pop-in opens once when the pointer leaves the top.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DecideResponse, TriggerWire } from '@centric/contracts';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, launchChromium } from '../test-support/chromium';
import { generateShop } from '../test-support/recommendation-shop';
import { startTestServer, type TestServer } from '../test-support/test-server';

let server: TestServer;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let dwell: TriggerWire;
/** The shop: its own origin on 127.0.0.1 (another port than Centric's), as a real shop would be. */
let shop: Server;
let SHOP = '';

async function api<T>(method: string, path: string, body: unknown, key: string): Promise<T> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as T;
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

const decide = (visitor: string, page: Record<string, unknown>) =>
  api<DecideResponse>('POST', '/v1/decide', { visitor, page, slots: [] }, server.keys.writeKey);

/** A shop page: a product with a social-proof spot and a carousel slot, and a small host for the widgets. */
function shopPage(): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Candle 3</title></head><body>
<main style="font-family:sans-serif;padding:24px">
  <h1>Candle 3</h1><p>A hand-poured candle. <span data-centric-social-proof></span></p>
  <button id="add" type="button">Add to cart</button>
  <h2>More for you</h2>
  <div data-centric-slot="product_page" data-centric-currency="EUR"></div>
</main>
<script src="${server.url}/sdk/centric-widgets.js"></script>
<script>
  window.tracked = [];
  window.pending = [];
  const listeners = new Map();
  window.emit = (event, properties) => { for (const l of listeners.get(event) ?? []) l(properties); };
  // Links lead nowhere in this test: the widgets' own click handlers still run first.
  document.addEventListener('click', (e) => { if (e.target.closest('a')) e.preventDefault(); });
  window.start = (decision, visitor) => {
    window.renderedAt = Date.now();
    const host = {
      track(event, properties) {
        window.tracked.push({ event, properties, at: Date.now() });
        window.pending.push(fetch('${server.url}/v1/track', {
          method: 'POST',
          headers: { authorization: 'Bearer ${server.keys.writeKey}', 'content-type': 'application/json' },
          body: JSON.stringify({ type: 'track', event, anonymousId: visitor, properties }),
        }));
      },
      on(event, listener) {
        const set = listeners.get(event) ?? new Set();
        listeners.set(event, set.add(listener));
        return () => set.delete(listener);
      },
    };
    window.handle = window.CentricWidgets.renderDecision(decision, host);
  };
</script></body></html>`;
}

interface Tracked {
  event: string;
  properties: Record<string, unknown>;
  at: number;
}

async function openShop(decision: DecideResponse, visitor: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`${SHOP}/p/2-3`);
  await page.waitForFunction(() => 'CentricWidgets' in window, undefined, { timeout: 60_000 });
  await page.evaluate(([d, v]) => (window as unknown as { start(d: unknown, v: string): void }).start(d, v), [
    decision,
    visitor,
  ] as const);
  return page;
}

const tracked = (page: Page) => page.evaluate(() => (window as unknown as { tracked: Tracked[] }).tracked);
/** Waits until the page's reports reached the server (each answered after it is stored). */
const delivered = (page: Page) =>
  page.evaluate(() =>
    Promise.all((window as unknown as { pending: Promise<unknown>[] }).pending).then(() => true),
  );

beforeAll(async () => {
  server = await startTestServer();
  const data = generateShop({ now: Date.now(), visitors: 30 });
  await server.service.store.state.upsertProducts(server.project.id, data.products);
  for (let i = 0; i < data.messages.length; i += 500)
    await api('POST', '/v1/batch', { batch: data.messages.slice(i, i + 500) }, server.keys.writeKey);
  await server.recommendations.rebuild(server.project.id);
  await api(
    'POST',
    '/v1/track',
    {
      type: 'track',
      event: 'Order Completed',
      userId: 'buyer-1',
      properties: { order_id: 'w-1', revenue: 20, products: [{ product_id: '2-3', price: 20, quantity: 1 }] },
    },
    server.keys.writeKey,
  );
  const create = (body: Record<string, unknown>) =>
    api<TriggerWire>('POST', '/v1/triggers', body, server.keys.secretKey);
  dwell = await create({
    name: 'Stay a while',
    kind: 'dwell_popin',
    capping: { maxImpressions: 5, windowDays: 1 },
    content: { title: 'Still deciding?', body: 'Take 10% off this candle today.', couponCode: 'STAY10' },
    settings: { dwellSeconds: 2 },
  });
  await create({
    name: 'Also viewed',
    kind: 'carousel',
    content: { title: 'Customers also viewed' },
    settings: { slot: 'product_page' },
    targeting: { pageTypes: ['product'] },
  });
  await create({
    name: 'Popular',
    kind: 'social_proof',
    settings: { minCount: 1 },
    content: { body: '{count} bought this today' },
  });
  await create({
    name: 'Free shipping',
    kind: 'free_shipping_bar',
    content: { body: 'Add {remaining} for free shipping' },
    settings: { threshold: 50, currency: 'EUR' },
  });
  await create({
    name: 'Leaving?',
    kind: 'exit_intent',
    targeting: { pageTypes: ['cart'] },
    content: { title: 'Wait, your cart!', cta: { label: 'Check out now', url: '/checkout' } },
  });
  shop = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(shopPage());
  });
  await new Promise<void>((ok) => shop.listen(0, '127.0.0.1', ok));
  SHOP = `http://127.0.0.1:${(shop.address() as AddressInfo).port}`;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  if (shop) await new Promise((ok) => shop.close(ok));
  await server.stop();
});

const productPage = () => ({
  url: `${SHOP}/p/2-3`,
  type: 'product',
  productId: '2-3',
  cartValue: 35.5,
  currency: 'EUR',
});

describe('widgets in Chromium', () => {
  it('shows the dwell pop-in after its seconds with the coupon, tracks everything, and the server stops offering it once dismissed', async () => {
    const visitor = 'widget-visitor-1';
    const decision = await decide(visitor, productPage());
    expect(decision.messages.map((m) => m.kind).sort()).toEqual([
      'carousel',
      'dwell_popin',
      'free_shipping_bar',
      'social_proof',
    ]);
    const page = await openShop(decision, visitor);
    try {
      // Load-time widgets at once: carousel, badge, bar.
      const cards = page.locator('[data-centric-slot="product_page"] .centric-card');
      expect(await cards.count()).toBe(decision.recommendations.product_page!.items.length);
      await expect(page.locator('.centric-carousel-title').textContent()).resolves.toBe(
        'Customers also viewed',
      );
      await expect(page.locator('[data-centric-social-proof]').textContent()).resolves.toBe(
        '1 bought this today',
      );
      const bar = page.locator('#centric-free-shipping-bar .centric-shipping-bar-text');
      await expect(bar.textContent()).resolves.toBe('Add €14.50 for free shipping');

      // Not before its time.
      await page.waitForTimeout(1000);
      expect(await page.locator('[role="dialog"]').count()).toBe(0);
      const dialog = page.locator('[role="dialog"]');
      await dialog.waitFor({ timeout: 5000 });
      const reports = await tracked(page);
      const renderedAt = await page.evaluate(() => (window as unknown as { renderedAt: number }).renderedAt);
      const shown = reports.find((r) => r.event === 'Trigger Shown' && r.properties.kind === 'dwell_popin');
      expect(shown?.properties).toEqual({
        trigger_id: dwell.triggerId,
        kind: 'dwell_popin',
        decision_id: decision.decisionId,
      });
      expect(shown!.at - renderedAt).toBeGreaterThanOrEqual(1900);
      await expect(dialog.getAttribute('aria-modal')).resolves.toBe('true');
      await expect(dialog.locator('h2').textContent()).resolves.toBe('Still deciding?');
      await expect(dialog.locator('code').textContent()).resolves.toBe('STAY10');
      // The close button has the focus, so Escape and Enter work at once.
      await expect(page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).resolves.toBe(
        'Close',
      );

      // The cart changes: the bar follows.
      await page.evaluate(() =>
        (window as unknown as { emit(e: string, p: unknown): void }).emit('Product Added', {
          cart_value: 45,
        }),
      );
      await expect.poll(() => bar.textContent()).toBe('Add €5.00 for free shipping');
      await page.screenshot({ path: artifactPath('widgets-dwell-popin.png'), fullPage: true });

      await dialog.locator('button', { hasText: 'Copy code' }).click();
      await page.keyboard.press('Escape');
      expect(await page.locator('[role="dialog"]').count()).toBe(0);
      // A carousel click is a Product Clicked with the list's recommendation id.
      await cards.first().locator('a').click();
      const all = await tracked(page);
      const byEvent = (event: string) => all.filter((r) => r.event === event).map((r) => r.properties);
      expect(byEvent('Trigger Dismissed')).toEqual([
        { trigger_id: dwell.triggerId, kind: 'dwell_popin', decision_id: decision.decisionId },
      ]);
      expect(byEvent('Trigger Clicked')).toEqual(
        expect.arrayContaining([
          {
            trigger_id: dwell.triggerId,
            kind: 'dwell_popin',
            decision_id: decision.decisionId,
            action: 'copy_code',
          },
          expect.objectContaining({ kind: 'carousel', decision_id: decision.decisionId }),
        ]),
      );
      expect(byEvent('Product Clicked')).toEqual([
        expect.objectContaining({
          recommendation_id: decision.recommendations.product_page!.recommendationId,
          product_id: decision.recommendations.product_page!.items[0]!.productId,
          slot: 'product_page',
        }),
      ]);
      // One impression per trigger shown.
      expect(
        byEvent('Trigger Shown')
          .map((p) => p.kind)
          .sort(),
      ).toEqual(['carousel', 'dwell_popin', 'free_shipping_bar', 'social_proof']);

      await delivered(page);
      const next = await decide(visitor, productPage());
      expect(next.messages.map((m) => m.kind)).not.toContain('dwell_popin');
      expect(next.messages.map((m) => m.kind)).toContain('carousel');
    } finally {
      await page.close();
    }
  });

  it('does not show the dwell pop-in when Product Added comes first, not even after a re-render', async () => {
    const visitor = 'widget-visitor-2';
    const page = await openShop(await decide(visitor, productPage()), visitor);
    try {
      await page.waitForTimeout(500);
      await page.evaluate(() =>
        (window as unknown as { emit(e: string, p: unknown): void }).emit('Product Added', {}),
      );
      // The shop decides again after the cart changed: the cancelled pop-in does not start over.
      const again = await decide(visitor, productPage());
      expect(again.messages.map((m) => m.kind)).toContain('dwell_popin');
      await page.evaluate(
        ([d, v]) => (window as unknown as { start(d: unknown, v: string): void }).start(d, v),
        [again, visitor] as const,
      );
      await page.waitForTimeout(2500);
      expect(await page.locator('[role="dialog"]').count()).toBe(0);
      const shown = (await tracked(page))
        .filter((r) => r.event === 'Trigger Shown')
        .map((r) => r.properties.kind);
      expect(shown).not.toContain('dwell_popin');
    } finally {
      await page.close();
    }
  });

  it('opens the exit-intent pop-in once when the pointer leaves the top of the window', async () => {
    const visitor = 'widget-visitor-3';
    const decision = await decide(visitor, {
      url: `${SHOP}/cart`,
      type: 'cart',
      cartValue: 60,
      currency: 'EUR',
    });
    expect(decision.messages.map((m) => m.kind).sort()).toEqual(['exit_intent', 'free_shipping_bar']);
    const page = await openShop(decision, visitor);
    try {
      await expect(page.locator('.centric-shipping-bar-text').textContent()).resolves.toBe(
        'You get free shipping!',
      );
      const leave = () =>
        page.evaluate(() =>
          document.dispatchEvent(
            new MouseEvent('mouseout', { clientY: -2, relatedTarget: null, bubbles: true }),
          ),
        );
      // Moving within the page is no exit.
      await page.mouse.move(300, 300);
      await page.mouse.move(300, 10);
      expect(await page.locator('[role="dialog"]').count()).toBe(0);
      await leave();
      const dialog = page.locator('[role="dialog"]');
      await dialog.waitFor({ timeout: 2000 });
      await expect(dialog.locator('a').getAttribute('href')).resolves.toBe('/checkout');
      await page.screenshot({ path: artifactPath('widgets-exit-intent.png') });
      await dialog.getByRole('button', { name: 'Close' }).click();
      await leave();
      expect(await page.locator('[role="dialog"]').count()).toBe(0);
      const reports = (await tracked(page))
        .filter((r) => r.properties.kind === 'exit_intent')
        .map((r) => r.event);
      expect(reports).toEqual(['Trigger Shown', 'Trigger Dismissed']);
    } finally {
      await page.close();
    }
  });
});
