// A shop for browser tests of the SDK: a real Centric server, a tiny HTTP server on 127.0.0.1
// (another origin than Centric, as a shop is) whose pages carry Centric's script tag, a
// Chromium, and readers of what arrived in the store and of what the page wrote to storage.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Centric } from '@centric/sdk';
import type { StoredEvent } from '@centric/storage';
import type { Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { startTestServer, type TestServer } from './test-server';

/** What the test pages hold: the SDK's global, a GA4 data layer and Segment's snippet. */
export interface ShopWindow {
  centric: Centric;
  dataLayer: unknown[];
  analytics: Record<string, (...args: unknown[]) => unknown>;
  heard: unknown[];
}

export interface ShopPage {
  consent?: 'pending' | 'granted' | 'denied';
  cookieless?: boolean;
  /** A script that runs before the SDK's tag (a data layer, Segment's snippet). */
  before?: string;
  sdk?: boolean;
}

export interface SdkShop {
  server: TestServer;
  url: string;
  browser: Awaited<ReturnType<typeof launchChromium>>;
  /** Pages by the first path segment: `/<name>/anything` serves pages.get(name). */
  pages: Map<string, ShopPage>;
  /** Stored events (of one visitor: anonymous or user id), oldest first. */
  events(visitor?: string): Promise<StoredEvent[]>;
  /** A new tab with empty cookies and localStorage on the shop's origin. */
  freshPage(): Promise<Page>;
  /** Opens a shop path and waits for the SDK. */
  open(page: Page, path: string): Promise<void>;
  /** What the page has written: document.cookie, localStorage keys, the browser's cookie jar. */
  written(page: Page): Promise<{ cookie: string; keys: string[]; jar: string[] }>;
  /** The event's page URL without the shop's origin. */
  urlOf(event: StoredEvent): string | undefined;
  /** `page /path`, the track event's name, or the message type: for readable assertions. */
  label(event: StoredEvent): string;
  close(): Promise<void>;
}

export const contextOf = (e: StoredEvent) => JSON.parse(e.context ?? '{}') as Record<string, unknown>;

export async function until<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  what: string,
): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function startSdkShop(): Promise<SdkShop> {
  const server = await startTestServer();
  const pages = new Map<string, ShopPage>([['blank', { sdk: false }]]);
  const html = (name: string, spec: ShopPage) => {
    const attributes = [
      `src="${server.url}/sdk/centric.js"`,
      `data-write-key="${server.keys.writeKey}"`,
      spec.consent ? `data-consent="${spec.consent}"` : '',
      spec.cookieless ? 'data-cookieless="true"' : '',
    ].join(' ');
    return `<!doctype html><html><head><meta charset="utf-8"><title>${name}</title>
${spec.before ? `<script>${spec.before}</script>` : ''}
${spec.sdk === false ? '' : `<script ${attributes}></script>`}
</head><body><h1>Shop: ${name}</h1></body></html>`;
  };
  const http = createServer((request, response) => {
    const name = (request.url ?? '/').split(/[/?#]/)[1] ?? '';
    const spec = pages.get(name);
    if (!spec) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    response.end(html(name, spec));
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const browser = await launchChromium();
  const urlOf = (e: StoredEvent) => (contextOf(e) as { page?: { url?: string } }).page?.url?.replace(url, '');

  return {
    server,
    url,
    browser,
    pages,
    async events(visitor) {
      const events = await server.service.store.events.listEvents({
        projectId: server.project.id,
        limit: 100_000,
        ...(visitor ? { visitor } : {}),
      });
      return events.sort((a, b) => a.timestamp - b.timestamp);
    },
    async freshPage() {
      await browser.context.clearCookies();
      const page = await browser.context.newPage();
      await page.goto(`${url}/blank/`);
      await page.evaluate(() => localStorage.clear());
      return page;
    },
    async open(page, path) {
      await page.goto(`${url}${path}`);
      await page.waitForFunction(
        () => typeof (window as unknown as ShopWindow).centric?.anonymousId === 'function',
      );
    },
    async written(page) {
      const inPage = await page.evaluate(() => ({
        cookie: document.cookie,
        keys: Object.keys(localStorage),
      }));
      return { ...inPage, jar: (await browser.context.cookies()).map((c) => c.name) };
    },
    urlOf,
    label: (e) => (e.type === 'page' ? `page ${urlOf(e)}` : e.type === 'track' ? (e.event ?? '') : e.type),
    async close() {
      await browser.close();
      await new Promise((resolve) => http.close(resolve));
      await server.stop();
    },
  };
}
