// Browser test of the tracking SDK: headless Chromium loads shop pages from a small HTTP server
// on another origin than Centric, with the script tag served by Centric's /sdk route, and the
// test reads what arrived in the store. Page views with single-page-app navigation arrive in
// order; GA4 dataLayer pushes and Segment snippet calls arrive; events that failed to send
// survive a reload and are stored exactly once; decide() and render() reach the decision API
// and the lazily loaded widgets. Consent and cookieless mode: sdk-consent.browser.test.ts.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath } from '../test-support/chromium';
import { type SdkShop, type ShopWindow, startSdkShop, until } from '../test-support/sdk-shop';

let shop: SdkShop;

// Segment's snippet as shops paste it, minus the line that loads Segment's library.
const SEGMENT_SNIPPET = `!function(){var analytics=window.analytics=window.analytics||[];if(!analytics.initialize)if(analytics.invoked)window.console&&console.error&&console.error("Segment snippet included twice.");else{analytics.invoked=!0;analytics.methods=["trackSubmit","trackClick","trackLink","trackForm","pageview","identify","reset","group","track","ready","alias","debug","page","once","off","on"];analytics.factory=function(e){return function(){var t=Array.prototype.slice.call(arguments);t.unshift(e);analytics.push(t);return analytics}};for(var e=0;e<analytics.methods.length;e++){var key=analytics.methods[e];analytics[key]=analytics.factory(key)}analytics.SNIPPET_VERSION="4.15.3";analytics.page();}}();`;

const pause = (page: Page) => page.waitForTimeout(20);

beforeAll(async () => {
  shop = await startSdkShop();
});

afterAll(async () => {
  await shop?.close();
});

describe('browser SDK in Chromium', () => {
  it('serves the script with CORS and caching headers', async () => {
    const res = await fetch(`${shop.server.url}/sdk/centric.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('cache-control')).toMatch(/max-age=\d+/);
    const etag = res.headers.get('etag')!;
    expect((await res.text()).length).toBeGreaterThan(1000);
    const again = await fetch(`${shop.server.url}/sdk/centric.js`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect((await fetch(`${shop.server.url}/sdk/centric.esm.js`)).status).toBe(200);
  });

  it('tracks page views of a single-page app in order, de-duplicated, with e-commerce events', async () => {
    shop.pages.set('spa', {});
    const page = await shop.freshPage();
    await shop.open(page, '/spa/home');
    const anon = await page.evaluate(() => (window as unknown as ShopWindow).centric.anonymousId());
    const step = async (action: () => unknown) => {
      await page.evaluate(action);
      await pause(page);
    };
    await pause(page);
    await step(() => history.pushState({}, '', '/spa/category'));
    await step(() => history.pushState({}, '', '/spa/product?id=1'));
    await step(() =>
      (window as unknown as ShopWindow).centric.productViewed({
        productId: 'SKU-1',
        title: 'Mug',
        price: 9.5,
        category: 'Kitchen',
      }),
    );
    await step(() => history.replaceState({}, '', location.href)); // same page: no view
    await step(() => {
      location.hash = '#reviews'; // an anchor: no view
    });
    const back = () =>
      new Promise((resolve) => {
        addEventListener('popstate', resolve, { once: true });
        history.back();
      });
    await step(back); // back to /spa/product?id=1: already counted
    await step(back); // back to /spa/category: a view
    await step(() =>
      (window as unknown as ShopWindow).centric.productAdded({ product_id: 'SKU-1', price: 9.5 }, 2),
    );
    await step(() => {
      location.hash = '#/cart'; // a hash route: a view
    });
    await page.evaluate(() => (window as unknown as ShopWindow).centric.flush());

    const expected = [
      'page /spa/home',
      'page /spa/category',
      'page /spa/product?id=1',
      'Product Viewed',
      'page /spa/category',
      'Product Added',
      'page /spa/category#/cart',
    ];
    const events = await until(
      () => shop.events(anon),
      (es) => es.length >= expected.length,
      'SPA events',
    );
    expect(events.map(shop.label)).toEqual(expected);
    expect(events[1]!.referrer).toBe(`${shop.url}/spa/home`);
    expect(events[3]).toMatchObject({ productId: 'SKU-1', category: 'Kitchen' });
    expect(events[5]).toMatchObject({ productId: 'SKU-1', quantity: 2 });
    expect(new Set(events.map((e) => e.sessionId)).size).toBe(1);
    // With consent (the default) the visitor's id is kept for the next visit.
    const stored = await shop.written(page);
    expect(stored.keys).toContain('centric.aid');
    expect(stored.cookie).toContain(`centric_aid=${anon}`);
    await page.close();
  });

  it('picks up a GA4 dataLayer and Segment snippet calls, queued before it loaded and made after', async () => {
    shop.pages.set('droplayer', {
      before: `window.dataLayer = [{ event: 'gtm.js' }, { event: 'view_item', ecommerce: { currency: 'EUR', items: [{ item_id: 'SKU-2', item_name: 'Lantern', price: 5 }] } }];
${SEGMENT_SNIPPET}
analytics.track('Newsletter Subscribed', { list: 'weekly' });
(window.centric = window.centric || []).push(['track', 'Queued For Centric']);`,
    });
    const page = await shop.freshPage();
    await shop.open(page, '/droplayer/');
    const anon = await page.evaluate(() => (window as unknown as ShopWindow).centric.anonymousId());
    await pause(page);
    await page.evaluate(() => {
      (window as unknown as ShopWindow).heard = [];
      (window as unknown as ShopWindow).centric.on('Product Added', (properties) =>
        (window as unknown as ShopWindow).heard.push(properties.currency),
      );
      (window as unknown as ShopWindow).dataLayer.push({
        event: 'add_to_cart',
        ecommerce: { currency: 'EUR', value: 10, items: [{ item_id: 'SKU-2', price: 5, quantity: 2 }] },
      });
    });
    await pause(page);
    await page.evaluate(() =>
      (window as unknown as ShopWindow).analytics.identify!('user-7', { email: 'u7@example.com' }),
    );
    await pause(page);
    await page.evaluate(() =>
      (window as unknown as ShopWindow).analytics.track!('Coupon Applied', { coupon: 'SPRING' }),
    );
    await page.evaluate(() => (window as unknown as ShopWindow).centric.flush());

    const events = await until(
      () => shop.events(anon),
      (es) => es.length >= 7,
      'drop-in events',
    );
    expect(events.map(shop.label).sort()).toEqual(
      [
        'page /droplayer/',
        'Product Viewed',
        'Newsletter Subscribed',
        'Queued For Centric',
        'Product Added',
        'identify',
        'Coupon Applied',
      ].sort(),
    );
    // Later calls keep their order after the replayed ones.
    expect(events.slice(4).map(shop.label)).toEqual(['Product Added', 'identify', 'Coupon Applied']);
    const byName = (name: string) => events.find((e) => e.event === name)!;
    expect(byName('Product Viewed')).toMatchObject({ productId: 'SKU-2', currency: 'EUR' });
    expect(byName('Product Added')).toMatchObject({ productId: 'SKU-2', quantity: 2, value: 10 });
    expect(JSON.parse(byName('Product Added').properties!).products).toEqual([
      { product_id: 'SKU-2', price: 5, quantity: 2, position: 0 },
    ]);
    expect(byName('Coupon Applied').userId).toBe('user-7');
    expect(await page.evaluate(() => (window as unknown as ShopWindow).heard)).toEqual(['EUR']);
    // Segment's own queue is left intact for Segment's library.
    expect(
      await page.evaluate(() => ((window as unknown as ShopWindow).analytics as unknown as unknown[]).length),
    ).toBeGreaterThanOrEqual(4);
    // The identify linked the visitor to the user.
    const profiles = shop.server.service.store.profiles;
    expect(await profiles.resolve(shop.server.project.id, `a:${anon}`)).toBe(
      await profiles.resolve(shop.server.project.id, 'u:user-7'),
    );
    await page.close();
  });

  it('asks /v1/decide for the visitor and renders the answer with the lazily loaded widgets', async () => {
    shop.pages.set('decide', {});
    const page = await shop.freshPage();
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    await shop.open(page, '/decide/');
    expect(scripts).toEqual(['/sdk/centric.js']);
    const result = await page.evaluate(async () => {
      const { centric } = window as unknown as ShopWindow;
      const decision = await centric.decide({ page: { type: 'home' }, slots: ['home'] });
      const rendered = await centric.render(decision);
      const again = await centric.render(decision);
      rendered.destroy();
      again.destroy();
      return {
        decisionId: decision.decisionId,
        slots: Object.keys(decision.recommendations),
        widgets: typeof (window as unknown as { CentricWidgets?: unknown }).CentricWidgets,
      };
    });
    expect(result.decisionId).toEqual(expect.any(String));
    expect(result.slots).toEqual(['home']);
    expect(result.widgets).toBe('object');
    // The widgets bundle is fetched once, on the first render.
    expect(scripts).toEqual(['/sdk/centric.js', '/sdk/centric-widgets.js']);
    await page.close();
  });

  it('keeps events that failed to send across a reload and stores each exactly once', async () => {
    shop.pages.set('retry', {});
    const page = await shop.freshPage();
    await shop.open(page, '/retry/');
    const anon = await page.evaluate(() => (window as unknown as ShopWindow).centric.anonymousId());
    await page.evaluate(() => (window as unknown as ShopWindow).centric.flush());
    await until(
      () => shop.events(anon),
      (es) => es.length === 1,
      'the first page view',
    );

    // 1. The server stores the batch but its answer is lost: the SDK retries the same ids.
    let lostAnswers = 0;
    await page.route(`${shop.server.url}/v1/batch`, async (route) => {
      await route.fetch();
      lostAnswers++;
      await route.abort('connectionreset');
    });
    await page.evaluate(() => (window as unknown as ShopWindow).centric.track('Answer Lost', { n: 1 }));
    await page.evaluate(() => (window as unknown as ShopWindow).centric.flush());
    await until(
      async () => lostAnswers,
      (n) => n >= 2,
      'a retried request',
    );
    await page.unroute(`${shop.server.url}/v1/batch`);

    // 2. The network is down: nothing arrives; the events wait in localStorage.
    await shop.browser.context.setOffline(true);
    await page.evaluate(() => (window as unknown as ShopWindow).centric.track('Sent Offline', { n: 2 }));
    await page.evaluate(() => (window as unknown as ShopWindow).centric.flush());
    const queued = await page.evaluate(() =>
      (JSON.parse(localStorage.getItem('centric.queue') ?? '[]') as { event?: string }[]).map((m) => m.event),
    );
    expect(queued).toEqual(['Answer Lost', 'Sent Offline']);
    expect((await shop.events(anon)).map(shop.label)).toEqual(['page /retry/', 'Answer Lost']);
    await page.screenshot({ path: artifactPath('sdk-retry-offline.png') });

    // 3. Back online, the page is reloaded: the new page sends the stored queue (checked on the
    //    wire; a beacon of the unloading page, if the browser sends one, is refused), and the
    //    event the server already had is not stored again.
    await shop.browser.context.setOffline(false);
    let resentFromStore = false;
    await page.route(`${shop.server.url}/v1/batch`, async (route) => {
      const request = route.request();
      if (request.resourceType() !== 'fetch') return route.abort();
      if (request.postData()?.includes('Sent Offline')) resentFromStore = true;
      return route.continue();
    });
    await page.reload();
    await page.waitForFunction(
      () => typeof (window as unknown as ShopWindow).centric?.anonymousId === 'function',
    );
    expect(await page.evaluate(() => (window as unknown as ShopWindow).centric.anonymousId())).toBe(anon);
    await page.evaluate(() => (window as unknown as ShopWindow).centric.flush());
    const events = await until(
      () => shop.events(anon),
      (es) => es.some((e) => e.event === 'Sent Offline') && es.filter((e) => e.type === 'page').length === 2,
      'the stored events after the reload',
    );
    await page.waitForTimeout(1500); // any late duplicate would show up now
    const final = await shop.events(anon);
    expect(final.map(shop.label)).toEqual(['page /retry/', 'Answer Lost', 'Sent Offline', 'page /retry/']);
    expect(new Set(final.map((e) => e.messageId)).size).toBe(final.length);
    expect(events.length).toBe(final.length);
    expect(await page.evaluate(() => localStorage.getItem('centric.queue'))).toBeNull();
    expect(resentFromStore).toBe(true);
    await page.unroute(`${shop.server.url}/v1/batch`);
    await page.close();
  });
});
