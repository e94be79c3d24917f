// Browser test: in headless Chromium, the Search page suggests while a misspelt query is typed,
// searches as a visitor who viewed textiles (their products first, "did you mean" offered), and
// shows the content gap report of searches that found nothing, with its CSV download.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, launchChromium, signIn } from '../test-support/chromium';
import { searchShopCsv, viewsOf } from '../test-support/search-shop';
import { startTestServer, type TestServer } from '../test-support/test-server';

let server: TestServer;

async function get(path: string): Promise<number> {
  const res = await fetch(`${server.url}${path}`, {
    headers: { authorization: `Bearer ${server.keys.writeKey}` },
  });
  await res.arrayBuffer();
  return res.status;
}

beforeAll(async () => {
  server = await startTestServer();
  const imported = await fetch(`${server.url}/v1/import/products?format=csv`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.keys.secretKey}`, 'content-type': 'text/csv' },
    body: searchShopCsv(),
  });
  expect(imported.status).toBe(200);
  await server.recommendations.refresh();
  await server.search.ready(server.project.id);
  const res = await server.service.pipeline.ingest({
    projectId: server.project.id,
    messages: viewsOf('v-textiles', ['t2', 't2'], Date.now()),
  });
  expect(res.ok).toBe(true);
  // Shoppers' searches: two that found something (offered as suggestions), two that found nothing.
  for (const q of ['heart', 'heart', 'zebra lamp', 'Zebra  Lamp'])
    expect(await get(`/v1/search?q=${encodeURIComponent(q)}&visitor=shopper-${q.length}`)).toBe(200);
  await server.search.flushLog();
  await server.search.ready(server.project.id);
});
afterAll(async () => {
  await server.stop();
});

describe('dashboard Search in Chromium', () => {
  it('suggests while typing, searches for a visitor and shows the content gap', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.context.newPage();
      await signIn(page, server.url, server.keys.secretKey);
      await page.goto(`${server.url}/#/search`);
      await page.getByTestId('search-page').waitFor({ timeout: 20_000 });

      await page.getByTestId('search-visitor').fill('v-textiles');
      await page.getByTestId('search-query').pressSequentially('hert', { delay: 40 });
      const suggestion = page.getByTestId('search-suggestion');
      await suggestion.first().waitFor({ timeout: 10_000 });
      const texts = await suggestion.allTextContents();
      expect(texts[0]).toBe('searchheart');
      // The visitor's textiles lead the products.
      expect(texts.slice(1, 3)).toEqual(['productHeart cushion cover', 'productHeart throw blanket']);
      await page.screenshot({ path: artifactPath('search-suggest.png'), fullPage: true });

      await page.getByTestId('search-run').click();
      await page.getByTestId('search-table').waitFor();
      await expect(page.getByTestId('search-summary').textContent()).resolves.toContain(
        '5 results for “hert” · did you mean heart?',
      );
      const hits = await page
        .getByTestId('search-hit')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-product-id')));
      expect(hits).toEqual(['t1', 't3', 'c1', 'c3', 'k3']);

      // A suggested past query runs as it is.
      await page.getByTestId('search-query').fill('hea');
      await page.locator('[data-testid="search-suggestion"][data-kind="term"]').first().click();
      // The previous answer stays on screen until the new one arrives.
      await expect
        .poll(() => page.getByTestId('search-summary').textContent(), { timeout: 10_000 })
        .toMatch(/^5 results for “heart”$/);

      const row = page.locator('[data-testid="no-results-row"][data-query="zebra lamp"]');
      await row.waitFor({ timeout: 20_000 });
      expect((await row.locator('td').allTextContents()).slice(0, 3)).toEqual(['zebra lamp', '2', '2']);
      await expect(page.getByTestId('no-results-summary').textContent()).resolves.toContain(
        '2 of 4 searches found nothing',
      );
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('no-results-csv').click(),
      ]);
      const csv = readFileSync((await download.path())!, 'utf8');
      expect(csv.split('\r\n').slice(0, 2)).toEqual([
        'query,searches,visitors,last_seen',
        expect.stringMatching(/^zebra lamp,2,2,/),
      ]);
      await page.screenshot({ path: artifactPath('search.png'), fullPage: true });
    } finally {
      await browser.close();
    }
  });
});
