// Browser test: in headless Chromium, the Reports page lists a saved report, runs it now (the
// HTML as delivered, in a frame), and saves a new report from the form.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, launchChromium, signIn } from '../test-support/chromium';
import { seedReportShop } from '../test-support/report-fixture';
import { startTestServer, type TestServer } from '../test-support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ CENTRIC_REPORT_CHECK_SECONDS: '3600' });
  await seedReportShop(server.service.store, { projectId: server.project.id, nowMs: Date.now() });
  const res = await fetch(`${server.url}/v1/reports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.keys.secretKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      name: 'Weekly overview',
      analysis: 'overview',
      params: { window: 'last_7_days' },
      schedule: { every: 'week', weekday: 'monday', at: '06:00' },
      delivery: { file: { dir: 'weekly', format: 'html' } },
    }),
  });
  expect(res.status).toBe(201);
});
afterAll(async () => {
  await server?.stop();
});

describe('Reports page', () => {
  it('runs a saved report now and saves a new one', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.context.newPage();
      await signIn(page, server.url, server.keys.secretKey);
      await page.goto(`${server.url}/#/reports`);
      await page.locator('[data-testid="reports-page"][data-state="ready"]').waitFor({ timeout: 20_000 });
      const row = page.getByTestId('report-row');
      expect(await row.count()).toBe(1);
      expect(await row.first().textContent()).toContain('Every Monday at 06:00 UTC');

      await row.first().getByTestId('report-run').click();
      await page.locator('[data-testid="report-preview"][data-state="ready"]').waitFor({ timeout: 20_000 });
      const frame = page.frameLocator('[data-testid="report-html"]');
      expect(await frame.locator('h1').textContent()).toBe('Weekly overview');
      expect(await frame.locator('img').count()).toBe(1);
      expect(await page.getByTestId('report-table-csv').count()).toBe(2);
      await page.screenshot({ path: artifactPath('reports.png'), fullPage: true });

      await page.getByTestId('report-name').fill('Monthly KPIs');
      await page.getByTestId('report-analysis').selectOption('customer_kpis');
      await page.getByTestId('report-period').selectOption('month');
      await page.getByTestId('report-schedule').selectOption('month');
      await page.getByTestId('report-recipients').fill('cx@shop.example');
      await page.getByTestId('report-save').click();
      await page.locator('[data-testid="report-row"]').nth(1).waitFor({ timeout: 20_000 });
      expect(await page.getByTestId('report-row').nth(1).textContent()).toContain(
        'Monthly on day 1 at 06:00 UTC',
      );
    } finally {
      await browser.close();
    }
  });
});
