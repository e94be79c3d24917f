// Browser test of the Pattern Explorer, Associations and Personas pages in headless Chromium, on
// a small shop ingested over HTTP: patterns list with the separating ones highlighted, the
// lamp pair bought together four times as often as chance (its row and the chart), and a
// persona discovered and saved as a segment from its card.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, launchChromium, signIn } from '../test-support/chromium';
import { miningShop } from '../test-support/mining-shop';
import { startTestServer, type TestServer } from '../test-support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  const res = await fetch(`${server.url}/v1/batch`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.keys.writeKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ batch: miningShop() }),
  });
  expect(res.status).toBe(200);
});
afterAll(async () => {
  await server.stop();
});

describe('mining pages in Chromium', () => {
  it('shows patterns, associations with their surprise, and makes a persona a segment', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.context.newPage();
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      await signIn(page, server.url, server.keys.secretKey);

      // Pattern Explorer: page-type patterns; "cart" sessions never convert, so it separates.
      await page.getByTestId('nav-patterns').click();
      await page.locator('[data-testid="patterns-page"][data-state="ready"]').waitFor({ timeout: 20_000 });
      expect(await page.getByTestId('pattern-row').count()).toBeGreaterThan(3);
      const cart = page.locator('[data-testid="pattern-row"][data-items="cart"]');
      expect(await cart.getAttribute('data-separating')).toBe('true');
      expect(
        await page.getByTestId('kpi-pattern-sessions').locator('.kpi-value').getAttribute('data-value'),
      ).toBe('28');
      await page.screenshot({ path: artifactPath('patterns.png'), fullPage: true });

      // Associations: the lamps go together 4x as often as chance; the chart draws the bars.
      await page.getByTestId('nav-associations').click();
      await page
        .locator('[data-testid="associations-page"][data-state="ready"]')
        .waitFor({ timeout: 20_000 });
      const rows = page.getByTestId('association-row');
      expect(await rows.count()).toBeGreaterThan(0);
      expect(await rows.first().getAttribute('data-surprise')).toBe('4');
      expect(await rows.first().getAttribute('data-direction')).toBe('more');
      expect(Number(await page.getByTestId('association-chart').getAttribute('data-bars'))).toBeGreaterThan(
        0,
      );
      await page.getByTestId('association-side').selectOption('channel_to_category');
      await page
        .locator('[data-testid="associations-page"][data-state="ready"]')
        .waitFor({ timeout: 20_000 });
      await page
        .locator('[data-testid="association-row"][data-surprise="4"]')
        .first()
        .waitFor({ timeout: 20_000 });
      await page.screenshot({ path: artifactPath('associations.png'), fullPage: true });

      // Personas: none yet; discover two, save the first as a segment.
      await page.getByTestId('nav-personas').click();
      await page.getByTestId('personas-empty').waitFor({ timeout: 20_000 });
      await page.getByTestId('persona-k').selectOption('2');
      await page.getByTestId('persona-discover').click();
      await page.getByTestId('persona-card').nth(1).waitFor({ timeout: 20_000 });
      expect(await page.getByTestId('persona-card').count()).toBe(2);
      const first = page.getByTestId('persona-card').first();
      expect(await first.getAttribute('data-size')).toBe('6');
      expect(await first.getByTestId('persona-description').textContent()).toMatch(/\(.+ vs .+\)/);
      await first.getByTestId('persona-make-segment').click();
      await first.getByTestId('persona-segment').waitFor({ timeout: 20_000 });
      expect(await first.getByTestId('persona-segment').textContent()).toMatch(/Persona: .+: 6 profiles/);
      await page.screenshot({ path: artifactPath('personas.png'), fullPage: true });
      expect(pageErrors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
