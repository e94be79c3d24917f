// Browser test of the Journeys and Funnels pages in headless Chromium, on three visits ingested
// over HTTP: entry channels from UTM tags and referrers, the paths Sankey with its group-by
// switch and a comparison with the period before, the journey-phase funnel, and the funnel
// builder run with its default steps and again without one of them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, launchChromium, signIn } from '../test-support/chromium';
import { startTestServer, type TestServer } from '../test-support/test-server';

let server: TestServer;
const ago = (minutes: number) => new Date(Date.now() - 2 * 86_400_000 - minutes * 60_000).toISOString();

/** Three visitors two days ago: newsletter buyer, Google searcher, a direct one-page visit. */
function visits() {
  const viewed = (anonymousId: string, minutes: number) => ({
    type: 'track',
    event: 'Product Viewed',
    anonymousId,
    timestamp: ago(minutes),
    properties: { product_id: 'MUG-1', category: 'Mugs', price: 12 },
    context: { page: { path: '/products/MUG-1' } },
  });
  return [
    {
      type: 'page',
      name: 'Home',
      anonymousId: 'v1',
      timestamp: ago(50),
      context: { page: { path: '/' }, campaign: { source: 'newsletter', medium: 'email', name: 'march' } },
    },
    viewed('v1', 49),
    {
      type: 'track',
      event: 'Product Added',
      anonymousId: 'v1',
      timestamp: ago(48),
      properties: { product_id: 'MUG-1', price: 12, quantity: 1 },
      context: { page: { path: '/products/MUG-1' } },
    },
    {
      type: 'track',
      event: 'Order Completed',
      anonymousId: 'v1',
      timestamp: ago(45),
      properties: {
        order_id: 'O-1',
        revenue: 12,
        currency: 'EUR',
        products: [{ product_id: 'MUG-1', price: 12 }],
      },
    },
    {
      type: 'page',
      name: 'Home',
      anonymousId: 'v2',
      timestamp: ago(40),
      context: { page: { path: '/', referrer: 'https://www.google.com/' } },
    },
    {
      type: 'track',
      event: 'Products Searched',
      anonymousId: 'v2',
      timestamp: ago(39),
      properties: { query: 'mug' },
      context: { page: { path: '/search' } },
    },
    viewed('v2', 38),
    viewed('v3', 30),
  ];
}

beforeAll(async () => {
  server = await startTestServer();
  const res = await fetch(`${server.url}/v1/batch`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.keys.writeKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ batch: visits() }),
  });
  expect(res.status).toBe(200);
});
afterAll(async () => {
  await server.stop();
});

describe('journey pages in Chromium', () => {
  it('shows entry channels, the paths Sankey, the phase funnel and a built funnel', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.context.newPage();
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      await signIn(page, server.url, server.keys.secretKey);

      await page.getByTestId('nav-journeys').click();
      await page.locator('[data-testid="journeys-page"][data-state="ready"]').waitFor({ timeout: 20_000 });
      expect(await page.getByTestId('journeys-summary').getAttribute('data-sessions')).toBe('3');
      const channels = page.getByTestId('journeys-channels').locator('tbody tr');
      expect(await channels.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key')))).toEqual([
        'direct',
        'email',
        'organic_search',
      ]);
      const sankey = page.getByTestId('paths-sankey');
      await sankey.waitFor({ timeout: 20_000 });
      expect(await sankey.getAttribute('data-sessions')).toBe('3');
      // Page types: home, product | product, search | product | confirmation.
      expect(await sankey.getAttribute('data-nodes')).toBe('6');
      // Event names tell the product view from the cart add in the third step: one more node.
      await page.getByTestId('paths-group-by').selectOption('event');
      await page.locator('[data-testid="paths-sankey"][data-nodes="7"]').waitFor({ timeout: 20_000 });
      await page.getByTestId('journeys-compare').selectOption('previous');
      await page.getByTestId('paths-sankey-compare').waitFor({ timeout: 20_000 });
      expect(await page.getByTestId('paths-sankey-compare').getAttribute('data-sessions')).toBe('0');
      await page.screenshot({ path: artifactPath('journeys.png'), fullPage: true });

      await page.getByTestId('nav-funnels').click();
      const phases = page.getByTestId('phase-funnel');
      await phases.waitFor({ timeout: 20_000 });
      expect(await phases.getAttribute('data-steps')).toBe('7');
      // Three visitors aware; the Google visitor searched (discovery) and viewed (consideration).
      expect(await phases.getAttribute('data-reached')).toBe('3,1,1,0,0,0,0');
      const funnel = page.getByTestId('funnel-chart');
      await funnel.waitFor({ timeout: 20_000 });
      expect(await funnel.getAttribute('data-reached')).toBe('3,1,0,0');
      await page.getByRole('button', { name: 'Remove step 3' }).click();
      await page.getByTestId('funnel-run').click();
      await page.locator('[data-testid="funnel-chart"][data-reached="3,1,1"]').waitFor({ timeout: 20_000 });
      await page.screenshot({ path: artifactPath('funnels.png'), fullPage: true });
      expect(pageErrors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
