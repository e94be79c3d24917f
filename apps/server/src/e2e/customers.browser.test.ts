// Browser test of the customer pages in headless Chromium, on data ingested over HTTP (GA4 and
// Segment event names): the Customer 360 view joins a visitor's anonymous history to their orders
// after an identify, the merge can be undone from the page, the segment builder counts members live,
// the retention heatmap shows one row per first-order month, KPIs show their definitions, and a
// customer can be exported and erased.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, launchChromium, signIn } from '../test-support/chromium';
import { startTestServer, type TestServer } from '../test-support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
});

const DAY_MS = 86_400_000;
const at = (days: number, minutes = 0) => new Date(Date.now() - days * DAY_MS - minutes * 60_000);
const ago = (days: number, minutes = 0) => at(days, minutes).toISOString();

/** When each buyer ordered first: the cohorts of the retention heatmap are their months. */
const FIRST_ORDER_DAYS = { ada: 100, bob: 70, cy: 20 };

function order(id: string, who: { userId?: string; anonymousId?: string }, days: number, revenue: number) {
  return {
    type: 'track',
    event: 'Order Completed',
    ...who,
    timestamp: ago(days),
    properties: {
      order_id: id,
      revenue,
      currency: 'EUR',
      products: [{ product_id: 'SHOE-1', price: revenue }],
    },
  };
}

/**
 * Ada browses anonymously, identifies (anonymous id → user id) and orders three times as a user;
 * Bob orders twice without signing in (GA4 names); Cy orders once; Dee only browses.
 */
function shopHistory() {
  return [
    {
      type: 'page',
      name: 'Home',
      anonymousId: 'anon-ada',
      timestamp: ago(100, 30),
      context: { page: { path: '/' } },
    },
    {
      type: 'track',
      event: 'view_item',
      anonymousId: 'anon-ada',
      timestamp: ago(100, 29),
      properties: { items: [{ item_id: 'SHOE-1', price: 89.9 }] },
    },
    { type: 'identify', anonymousId: 'anon-ada', userId: 'user-ada', timestamp: ago(100, 28) },
    order('A-1', { userId: 'user-ada' }, FIRST_ORDER_DAYS.ada, 89.9),
    order('A-2', { userId: 'user-ada' }, 40, 45),
    { ...order('A-3', { userId: 'user-ada' }, 5, 30), channel: 'app' },
    { type: 'page', name: 'Home', anonymousId: 'anon-bob', timestamp: ago(FIRST_ORDER_DAYS.bob, 5) },
    {
      type: 'track',
      event: 'purchase',
      anonymousId: 'anon-bob',
      timestamp: ago(FIRST_ORDER_DAYS.bob),
      properties: {
        transaction_id: 'B-1',
        value: 120,
        currency: 'EUR',
        items: [{ item_id: 'BAG-2', price: 120 }],
      },
    },
    {
      type: 'track',
      event: 'purchase',
      anonymousId: 'anon-bob',
      timestamp: ago(10),
      properties: {
        transaction_id: 'B-2',
        value: 60,
        currency: 'EUR',
        items: [{ item_id: 'BAG-2', price: 60 }],
      },
    },
    { type: 'page', name: 'Home', anonymousId: 'anon-cy', timestamp: ago(FIRST_ORDER_DAYS.cy, 3) },
    order('C-1', { anonymousId: 'anon-cy' }, FIRST_ORDER_DAYS.cy, 25),
    { type: 'page', name: 'Home', anonymousId: 'anon-dee', timestamp: ago(3) },
  ];
}

async function api(method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${server.keys.secretKey}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(res.status, `${method} ${path}`).toBeLessThan(300);
  return res.json();
}

async function openCustomer(page: Page, identifier: string): Promise<void> {
  await page.getByTestId('customer-search').fill(identifier);
  await page.getByTestId('customer-search-submit').click();
  await page.locator('[data-testid="customer-360"][data-state="ready"]').waitFor({ timeout: 20_000 });
}

describe('customer pages in Chromium', () => {
  it('shows the 360 view, undoes a merge, counts a segment live and draws the retention heatmap', async () => {
    const batch = shopHistory();
    const res = await fetch(`${server.url}/v1/batch`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.keys.writeKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ batch }),
    });
    expect(await res.json()).toEqual({ success: true, accepted: batch.length, duplicates: 0 });
    await api('POST', '/v1/profiles/refresh', { full: true });

    const browser = await launchChromium();
    try {
      const page = await browser.context.newPage();
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      await signIn(page, server.url, server.keys.secretKey);

      // Customers: the list, then the 360 view found by the user id.
      await page.getByTestId('nav-customers').click();
      await page.locator('[data-testid="customer-row"]').first().waitFor({ timeout: 20_000 });
      expect(await page.locator('[data-testid="customer-row"]').count()).toBe(3);
      await page.screenshot({ path: artifactPath('customers.png'), fullPage: true });
      await openCustomer(page, 'user-ada');
      const view = page.getByTestId('customer-360');
      expect(await view.getAttribute('data-profile-id')).toMatch(/^p_/);
      expect(page.url()).toContain('#/customers/user-ada');
      const kinds = () =>
        page
          .locator('[data-testid="customer-identity"]')
          .evaluateAll((items) => items.map((item) => item.getAttribute('data-kind')));
      expect((await kinds()).sort()).toEqual(['anonymous', 'user']);
      // The anonymous pre-login history and the orders are in one timeline.
      const timeline = page.getByTestId('customer-timeline');
      expect(await timeline.locator('[data-testid="timeline-event"][data-type="page"]').count()).toBe(1);
      expect(
        await timeline.locator('[data-testid="timeline-event"][data-event="Product Viewed"]').count(),
      ).toBe(1);
      expect(
        await timeline.locator('[data-testid="timeline-event"][data-event="Order Completed"]').count(),
      ).toBe(3);
      expect(await timeline.locator('[data-testid="timeline-event"][data-channel="app"]').count()).toBe(1);
      expect(
        await page.getByTestId('customer-orders').locator('[data-testid="customer-order"]').count(),
      ).toBe(3);
      expect(await page.getByTestId('customer-trait-orders').getAttribute('data-value')).toBe('3');
      expect(Number(await page.getByTestId('customer-trait-revenue').getAttribute('data-value'))).toBeCloseTo(
        164.9,
      );
      const merge = page.locator('[data-testid="customer-merge"][data-reason="identify"]');
      const mergeId = await merge.getAttribute('data-merge-id');
      expect(mergeId).toBeTruthy();
      await page.screenshot({ path: artifactPath('customer-360.png'), fullPage: true });

      // Export downloads the customer's data as JSON.
      const download = page.waitForEvent('download', { timeout: 20_000 });
      await page.getByTestId('customer-export').click();
      expect((await download).suggestedFilename()).toMatch(/^customer-p_.*\.json$/);

      // Undo the identify merge: the anonymous device leaves the customer.
      await page.getByTestId(`merge-undo-${mergeId}`).click();
      await page
        .locator('[data-testid="customer-identity"][data-kind="anonymous"]')
        .waitFor({ state: 'detached', timeout: 20_000 });
      await page.locator('[data-testid="customer-360"][data-state="ready"]').waitFor();
      expect(await kinds()).toEqual(['user']);
      expect(
        await page
          .locator(`[data-testid="customer-merge"][data-merge-id="${mergeId}"]`)
          .getAttribute('data-undone'),
      ).toBe('true');
      expect(await page.getByTestId('customer-timeline').locator('[data-type="page"]').count()).toBe(0);
      await page.screenshot({ path: artifactPath('customer-360-unmerged.png'), fullPage: true });

      // Segments: a bad rule points at its error; a good one counts Ada and Bob (two orders or more).
      await page.getByTestId('nav-segments').click();
      const rule = page.getByTestId('segment-rule');
      await rule.fill('count(event = "Order Completed") >=');
      await page.getByTestId('segment-error').waitFor({ timeout: 20_000 });
      expect(await page.getByTestId('segment-error').getAttribute('data-column')).toBe('36');
      await page.screenshot({ path: artifactPath('segment-error.png'), fullPage: true });
      await rule.fill('count(event = "Order Completed") >= 2');
      const live = page.locator('[data-testid="segment-live-count"][data-state="ready"]');
      await live.waitFor({ timeout: 20_000 });
      expect(await live.getAttribute('data-count')).toBe('2');
      await page.getByTestId('segment-name').fill('Repeat buyers');
      await page.getByTestId('segment-save').click();
      await page.locator('[data-testid="segment-row"]').first().waitFor({ timeout: 20_000 });
      expect(await page.locator('[data-testid="segment-row"]').count()).toBe(1);
      await page.screenshot({ path: artifactPath('segment-builder.png'), fullPage: true });
      await api('POST', '/v1/segments/refresh');

      // Cohorts: one row per month in which a customer ordered first.
      const months = (days: number[]) => new Set(days.map((d) => at(d).toISOString().slice(0, 7))).size;
      await page.getByTestId('nav-cohorts').click();
      const heatmap = page.getByTestId('retention-heatmap');
      await heatmap.locator('canvas').first().waitFor({ timeout: 20_000 });
      expect(Number(await heatmap.getAttribute('data-cohorts'))).toBe(
        months(Object.values(FIRST_ORDER_DAYS)),
      );
      expect(await page.getByTestId('cohort-by').inputValue()).toBe('first_order');
      // Compared with the segment of repeat buyers: Ada's and Bob's cohorts only.
      await page.getByTestId('cohort-compare').selectOption({ label: 'Repeat buyers' });
      const compared = page.getByTestId('retention-heatmap-compare');
      await compared.locator('canvas').first().waitFor({ timeout: 20_000 });
      expect(Number(await compared.getAttribute('data-cohorts'))).toBe(
        months([FIRST_ORDER_DAYS.ada, FIRST_ORDER_DAYS.bob]),
      );
      await page.getByTestId('retention-heatmap-difference').locator('canvas').first().waitFor();
      await page.screenshot({ path: artifactPath('retention-heatmap.png'), fullPage: true });

      // Customer KPIs with their definitions.
      await page.getByTestId('nav-customer-kpis').click();
      await page.getByTestId('customer-kpis').waitFor({ timeout: 20_000 });
      expect(await page.getByTestId('kpi-def-retentionRate').textContent()).toContain('(E − N) / S');
      await page.screenshot({ path: artifactPath('customer-kpis.png'), fullPage: true });

      // GDPR erasure of Cy, confirmed, with a verified report.
      await page.getByTestId('nav-customers').click();
      await openCustomer(page, 'anon-cy');
      await page.getByTestId('customer-erase').click();
      await page.getByTestId('erase-confirm').click();
      const report = page.getByTestId('erase-report');
      await report.waitFor({ timeout: 20_000 });
      expect(await report.getAttribute('data-verified')).toBe('true');
      await page.screenshot({ path: artifactPath('customer-erased.png'), fullPage: true });

      expect(pageErrors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
