// Browser test: in headless Chromium, sign in to the dashboard with the secret key and see the
// Overview numbers equal what this test ingested over HTTP (Segment and GA4 event names).
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

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

/** Three visitors: one buys via GA4 names, one via Segment names, one only browses. */
function shopTraffic() {
  return [
    {
      type: 'page',
      name: 'Home',
      anonymousId: 'anna',
      timestamp: minutesAgo(50),
      context: { page: { path: '/' } },
    },
    {
      type: 'track',
      event: 'view_item',
      anonymousId: 'anna',
      timestamp: minutesAgo(49),
      properties: { items: [{ item_id: 'SHOE-1', price: 89.9 }] },
    },
    {
      type: 'track',
      event: 'add_to_cart',
      anonymousId: 'anna',
      timestamp: minutesAgo(48),
      properties: { items: [{ item_id: 'SHOE-1', price: 89.9, quantity: 1 }] },
    },
    { type: 'track', event: 'begin_checkout', anonymousId: 'anna', timestamp: minutesAgo(47) },
    {
      type: 'track',
      event: 'purchase',
      anonymousId: 'anna',
      timestamp: minutesAgo(46),
      properties: {
        transaction_id: 'T-1',
        value: 89.9,
        currency: 'EUR',
        items: [{ item_id: 'SHOE-1', price: 89.9, quantity: 1 }],
      },
    },
    { type: 'page', name: 'Home', anonymousId: 'ben', timestamp: minutesAgo(30) },
    {
      type: 'track',
      event: 'Product Viewed',
      anonymousId: 'ben',
      timestamp: minutesAgo(29),
      properties: { product_id: 'BAG-2' },
    },
    {
      type: 'track',
      event: 'Order Completed',
      anonymousId: 'ben',
      timestamp: minutesAgo(28),
      properties: {
        order_id: 'T-2',
        revenue: 45.5,
        currency: 'EUR',
        products: [{ product_id: 'BAG-2', price: 45.5 }],
      },
    },
    { type: 'page', name: 'Home', anonymousId: 'cleo', timestamp: minutesAgo(10) },
    {
      type: 'track',
      event: 'search',
      anonymousId: 'cleo',
      timestamp: minutesAgo(9),
      properties: { search_term: 'rain jacket' },
    },
  ];
}

describe('dashboard Overview in Chromium', () => {
  it('shows the numbers that were ingested', async () => {
    const batch = shopTraffic();
    const res = await fetch(`${server.url}/v1/batch`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.keys.writeKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ batch }),
    });
    expect(await res.json()).toEqual({ success: true, accepted: batch.length, duplicates: 0 });

    const browser = await launchChromium();
    try {
      const page = await browser.context.newPage();
      await signIn(page, server.url, server.keys.secretKey);
      const value = async (id: string) =>
        Number(await page.getByTestId(`kpi-${id}`).locator('[data-value]').getAttribute('data-value'));
      const shown = {
        events: await value('events'),
        visitors: await value('visitors'),
        sessions: await value('sessions'),
        orders: await value('orders'),
        revenue: await value('revenue'),
        conversionRate: await value('conversion-rate'),
        averageOrderValue: await value('average-order-value'),
        chartTotal: Number(await page.getByTestId('events-per-day-chart').getAttribute('data-total')),
      };
      expect(shown).toEqual({
        events: 10,
        visitors: 3,
        sessions: 3,
        orders: 2,
        revenue: 135.4,
        conversionRate: 2 / 3,
        averageOrderValue: 67.7,
        chartTotal: 10,
      });
      await expect(page.getByTestId('kpi-revenue').textContent()).resolves.toContain('135.40');
      await page.screenshot({ path: artifactPath('overview.png'), fullPage: true });
    } finally {
      await browser.close();
    }
  });
});
