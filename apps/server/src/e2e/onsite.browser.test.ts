// Browser test: in headless Chromium, the On-site page lists triggers with the impressions,
// clicks, dismissals and CTR of their Trigger events, creates a free-shipping bar with its
// kind's fields, shows the server's complaint about a carousel without a slot, pauses a trigger
// and edits a dwell pop-in's seconds — each change checked through the API.
import type { TriggerWire } from '@centric/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, launchChromium, signIn } from '../test-support/chromium';
import { startTestServer, type TestServer } from '../test-support/test-server';

let server: TestServer;
let dwell: TriggerWire;

async function api<T>(method: string, path: string, body?: unknown, key = server.keys.secretKey): Promise<T> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${key}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = (await res.json()) as T;
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

const triggerNamed = async (name: string) =>
  (await api<{ triggers: TriggerWire[] }>('GET', '/v1/triggers')).triggers.find((t) => t.name === name);

beforeAll(async () => {
  server = await startTestServer();
  await api('POST', '/v1/segments', {
    name: 'Cart adders',
    rule: 'exists(event = "Product Added") within 7 days',
  });
  dwell = await api<TriggerWire>('POST', '/v1/triggers', {
    name: 'Stay a while',
    kind: 'dwell_popin',
    content: { title: 'Still deciding?', couponCode: 'STAY10' },
    settings: { dwellSeconds: 20 },
  });
  const report = (visitor: string, event: string) => ({
    type: 'track',
    event,
    anonymousId: visitor,
    properties: { trigger_id: dwell.triggerId, kind: 'dwell_popin', decision_id: 'dec_x' },
  });
  await api(
    'POST',
    '/v1/batch',
    {
      batch: [
        report('v1', 'Trigger Shown'),
        report('v1', 'Trigger Clicked'),
        report('v2', 'Trigger Shown'),
        report('v2', 'Trigger Dismissed'),
      ],
    },
    server.keys.writeKey,
  );
});
afterAll(async () => {
  await server.stop();
});

describe('dashboard On-site in Chromium', () => {
  it('lists triggers with their performance, creates, pauses and edits them', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.context.newPage();
      await signIn(page, server.url, server.keys.secretKey);
      await page.goto(`${server.url}/#/onsite`);
      await page.locator('[data-testid="onsite-page"][data-state="ready"]').waitFor({ timeout: 20_000 });
      const dwellRow = page.locator(`[data-testid="trigger-row"][data-trigger-id="${dwell.triggerId}"]`);
      const cells = await dwellRow.locator('td').allTextContents();
      expect(cells[1]).toBe('Dwell pop-in');
      expect(cells[3]).toBe('product pages');
      expect(cells[4]).toBe('≤ 1 per 1 day');
      expect(cells.slice(5)).toEqual(['2', '1', '1', '50.00%']);

      // A new free-shipping bar: the kind's own fields appear, the dwell seconds go.
      await page.getByTestId('trigger-new').click();
      await expect(page.getByTestId('trigger-dwellSeconds').count()).resolves.toBe(1);
      await page.getByTestId('trigger-kind').selectOption('free_shipping_bar');
      await expect(page.getByTestId('trigger-dwellSeconds').count()).resolves.toBe(0);
      await page.getByTestId('trigger-name').fill('Free shipping from 50');
      await page.getByTestId('trigger-threshold').fill('50');
      await page.getByTestId('trigger-currency').fill('EUR');
      await page.getByTestId('trigger-body').fill('Only {remaining} to free shipping');
      await page.getByTestId('trigger-page-cart').check();
      await page.getByTestId('trigger-maxImpressions').fill('');
      await page.getByTestId('trigger-segments').getByRole('checkbox', { name: 'Cart adders' }).check();
      await expect
        .poll(() => page.getByTestId('trigger-sketch').textContent())
        .toContain('Only 15.00 EUR to free shipping');
      await page.getByTestId('trigger-save').click();
      await page.getByText('Saved “Free shipping from 50”.').waitFor();
      const bar = await triggerNamed('Free shipping from 50');
      expect(bar).toMatchObject({
        kind: 'free_shipping_bar',
        active: true,
        targeting: { pageTypes: ['cart'], segments: [expect.stringMatching(/^seg_/)] },
        capping: { maxImpressions: null, windowDays: 1 },
        content: { body: 'Only {remaining} to free shipping' },
        settings: { threshold: 50, currency: 'EUR' },
      });
      await page.locator(`[data-testid="trigger-row"][data-trigger-id="${bar!.triggerId}"]`).waitFor();

      // The server's answer names what a carousel lacks.
      await page.getByTestId('trigger-new').click();
      await page.getByTestId('trigger-kind').selectOption('carousel');
      await page.getByTestId('trigger-name').fill('Nowhere');
      await page.getByTestId('trigger-save').click();
      await expect(page.getByTestId('trigger-save-error').textContent()).resolves.toContain(
        'a carousel needs settings.slot',
      );

      // Pause the dwell pop-in from the list.
      await dwellRow.getByTestId('trigger-toggle').click();
      await dwellRow.getByTestId('trigger-status').filter({ hasText: 'Paused' }).waitFor();
      expect((await triggerNamed('Stay a while'))?.active).toBe(false);

      // Edit its seconds.
      await dwellRow.getByRole('button', { name: 'Stay a while' }).click();
      await expect(page.getByTestId('trigger-dwellSeconds').inputValue()).resolves.toBe('20');
      await page.getByTestId('trigger-dwellSeconds').fill('30');
      await page.getByTestId('trigger-save').click();
      await page.getByText('Saved “Stay a while”.').waitFor();
      expect(await triggerNamed('Stay a while')).toMatchObject({
        active: false,
        settings: { dwellSeconds: 30 },
        content: { title: 'Still deciding?', couponCode: 'STAY10' },
      });
      await page.screenshot({ path: artifactPath('onsite.png'), fullPage: true });
    } finally {
      await browser.close();
    }
  });
});
