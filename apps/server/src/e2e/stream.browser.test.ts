// Browser test of the shopping stream preview in headless Chromium: a customer's 360 view shows
// their stream (a price drop below the price they saw, their replenishment, their loyalty tier,
// recommendations with reasons), scrolling the stream to its end loads the next page, "Load more"
// loads another, and the Recommendations page previews the stream of any visitor id.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, launchChromium, signIn } from '../test-support/chromium';
import { generateShop, shopCatalogue } from '../test-support/recommendation-shop';
import { startTestServer, type TestServer } from '../test-support/test-server';

let server: TestServer;
const DAY = 86_400_000;
const ago = (days: number, minutes = 0) => new Date(Date.now() - days * DAY + minutes * 60_000).toISOString();

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

/** Kim browses anonymously, signs in, buys tea every 10 days and saw "2-3" at 20 EUR. */
function kim() {
  const track = (event: string, at: string, properties: Record<string, unknown>) => ({
    type: 'track',
    event,
    anonymousId: 'dev-kim',
    userId: 'kim',
    timestamp: at,
    properties,
  });
  return [
    { type: 'identify', anonymousId: 'dev-kim', userId: 'kim', timestamp: ago(40) },
    ...[31, 21, 11].map((d) =>
      track('Order Completed', ago(d), {
        order_id: `kim-${d}`,
        revenue: 90,
        currency: 'EUR',
        products: [{ product_id: '1-4', price: 90, quantity: 1 }],
      }),
    ),
    track('Product Viewed', ago(2), { product_id: '2-3', price: 20, currency: 'EUR' }),
    track('Product Viewed', ago(2, 2), { product_id: '2-4' }),
    track('Product Viewed', ago(2, 4), { product_id: '2-5' }),
  ];
}

async function cardCount(page: Page): Promise<number> {
  return Number(await page.getByTestId('stream-panel').getByTestId('stream-feed').getAttribute('data-count'));
}

async function waitForCount(page: Page, atLeast: number): Promise<void> {
  await page.waitForFunction(
    (n) =>
      Number(
        document
          .querySelector('[data-testid="stream-panel"] [data-testid="stream-feed"]')
          ?.getAttribute('data-count'),
      ) >= n,
    atLeast,
    { timeout: 20_000 },
  );
}

beforeAll(async () => {
  // A dashboard built elsewhere (CENTRIC_DASHBOARD_DIR) is honoured; by default the one of npm test.
  const dashboardDir = process.env.CENTRIC_DASHBOARD_DIR;
  server = await startTestServer(dashboardDir ? { CENTRIC_DASHBOARD_DIR: dashboardDir } : {});
  const catalogue = shopCatalogue().map((p) => (p.productId === '2-3' ? { ...p, price: 20 } : p));
  await server.service.store.state.upsertProducts(server.project.id, catalogue);
  await batch(generateShop({ now: Date.now(), visitors: 30 }).messages);
  await batch(kim());
  await server.recommendations.rebuild(server.project.id);
  await server.service.store.state.upsertProducts(
    server.project.id,
    catalogue.filter((p) => p.productId === '2-3').map((p) => ({ ...p, price: 15 })),
  );
});
afterAll(async () => {
  await server.stop();
});

describe('shopping stream in Chromium', () => {
  it('shows a customer’s stream on the 360 view, loads more on scroll, and previews any visitor', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.context.newPage();
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      await signIn(page, server.url, server.keys.secretKey);

      await page.getByTestId('nav-customers').click();
      await page.getByTestId('customer-search').fill('kim');
      await page.getByTestId('customer-search-submit').click();
      await page.locator('[data-testid="customer-360"][data-state="ready"]').waitFor({ timeout: 20_000 });
      expect(await page.getByTestId('customer-360').getAttribute('data-profile-id')).toMatch(/^p_/);

      const panel = page.getByTestId('stream-panel');
      await panel.locator('[data-testid="stream-feed"][data-state="ready"]').waitFor({ timeout: 20_000 });
      expect(await cardCount(page)).toBe(12);
      const cards = panel.getByTestId('stream-card');
      const kinds = await cards.evaluateAll((items) => items.map((i) => i.getAttribute('data-kind')));
      expect(kinds.slice(0, 3).sort()).toEqual(['loyalty', 'price_drop', 'replenishment']);
      const drop = panel.locator('[data-testid="stream-card"][data-kind="price_drop"]');
      expect(await drop.getAttribute('data-product-id')).toBe('2-3');
      expect(await drop.getByTestId('stream-reason').textContent()).toBe(
        'Because you viewed Candles 3: was 20 EUR, now 15 EUR (-25%)',
      );
      expect(
        await panel.locator('[data-testid="stream-card"][data-kind="replenishment"]').textContent(),
      ).toContain('You buy this about every 10 days');
      expect(await panel.locator('[data-testid="stream-card"][data-kind="loyalty"]').textContent()).toContain(
        'Silver member',
      );
      const reasons = await panel
        .locator('[data-testid="stream-card"][data-kind="recommendation"] [data-testid="stream-reason"]')
        .allTextContents();
      expect(reasons.length).toBeGreaterThan(5);
      expect(reasons.every((r) => r.length > 0)).toBe(true);
      await panel.scrollIntoViewIfNeeded();
      await page.screenshot({ path: artifactPath('stream-customer-360.png'), fullPage: true });

      // Scrolling the stream to its end loads the next page.
      await panel.getByTestId('stream-scroll').evaluate((el) => {
        el.scrollTop = el.scrollHeight;
      });
      await waitForCount(page, 24);
      expect(await cardCount(page)).toBe(24);
      // And "Load more" another; no card twice.
      await panel.locator('[data-testid="stream-feed"][data-state="ready"]').waitFor({ timeout: 20_000 });
      await panel.getByTestId('stream-more').click();
      await waitForCount(page, 36);
      const ids = await cards.evaluateAll((items) => items.map((i) => i.getAttribute('data-card-id')));
      expect(new Set(ids).size).toBe(ids.length);
      await panel.getByTestId('stream-scroll').screenshot({ path: artifactPath('stream-scrolled.png') });

      // The Recommendations page previews the stream of any visitor.
      await page.getByTestId('nav-recommendations').click();
      await page.getByTestId('stream-preview-visitor').fill('anon-3');
      await page.getByTestId('stream-preview-run').click();
      const preview = page.getByTestId('stream-preview');
      await preview.locator('[data-testid="stream-feed"][data-state="ready"]').waitFor({ timeout: 20_000 });
      expect(await preview.getByTestId('stream-card').count()).toBe(12);
      await preview.scrollIntoViewIfNeeded();
      await page.screenshot({ path: artifactPath('stream-preview.png'), fullPage: true });
      expect(pageErrors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
