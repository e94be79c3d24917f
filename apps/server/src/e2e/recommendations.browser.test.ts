// Browser test: in headless Chromium, the Recommendations page lists the default slots, saves a
// slot's rules, previews it for a visitor, and shows the attribution of a served list that was
// clicked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, launchChromium, signIn } from '../test-support/chromium';
import { generateShop } from '../test-support/recommendation-shop';
import { startTestServer, type TestServer } from '../test-support/test-server';

let server: TestServer;

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

beforeAll(async () => {
  server = await startTestServer();
  const shop = generateShop({ now: Date.now(), visitors: 30 });
  await server.service.store.state.upsertProducts(server.project.id, shop.products);
  await batch(shop.messages);
  await server.recommendations.rebuild(server.project.id);
  const served = (await (
    await fetch(`${server.url}/v1/recommendations?slot=home&visitor=browser-1`, {
      headers: { authorization: `Bearer ${server.keys.writeKey}` },
    })
  ).json()) as { recommendationId: string; items: { productId: string }[] };
  await server.recommendations.flushImpressions();
  await batch([
    {
      type: 'track',
      event: 'Product Clicked',
      anonymousId: 'browser-1',
      timestamp: new Date().toISOString(),
      properties: { product_id: served.items[0]!.productId, recommendation_id: served.recommendationId },
    },
  ]);
});
afterAll(async () => {
  await server.stop();
});

describe('dashboard Recommendations in Chromium', () => {
  it('shows slots, saves rules, previews and attributes', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.context.newPage();
      await signIn(page, server.url, server.keys.secretKey);
      await page.goto(`${server.url}/#/recommendations`);
      await page
        .locator('[data-testid="recommendations-page"][data-state="ready"]')
        .waitFor({ timeout: 20_000 });
      await expect(page.getByTestId('slot-row').count()).resolves.toBe(4);

      await page.locator('[data-testid="slot-row"][data-slot-id="home"] button').click();
      await page.getByTestId('slot-categories').fill('Home');
      await page.getByTestId('slot-maxPerCategory').fill('2');
      await page.getByTestId('slot-save').click();
      await page.getByText('Saved “Home page: picked for you”.').waitFor();
      // The list is fetched again after the save: wait for the row to show the new rules.
      await page
        .locator('[data-testid="slot-row"][data-slot-id="home"]', { hasText: 'in Home · ≤ 2 per category' })
        .waitFor({ timeout: 10_000 });

      await page.getByTestId('preview-visitor').fill('anon-2');
      await page.getByTestId('preview-run').click();
      await page.getByTestId('preview-table').waitFor();
      const categories = await page.locator('[data-testid="preview-item"] td:nth-child(3)').allTextContents();
      expect(categories.length).toBeGreaterThan(0);
      for (const c of categories) expect(c.startsWith('Home > ')).toBe(true);

      const row = page.locator('[data-testid="attribution-table"] tr[data-slot="home"]');
      await row.waitFor({ timeout: 20_000 });
      const cells = await row.locator('td').allTextContents();
      expect(cells.slice(1, 4)).toEqual(['trending', '1', '1']);
      await page.screenshot({ path: artifactPath('recommendations.png'), fullPage: true });
    } finally {
      await browser.close();
    }
  });
});
