// Browser test of the SDK's consent rules: with consent pending or denied nothing is written to
// cookies or localStorage (checked in the page and in the browser's cookie jar), pending events
// wait for the banner, consent changes are recorded, a withdrawal wipes what was stored, and
// cookieless mode counts visits with a server-made daily visitor id and builds no profile.
import type { StoredEvent } from '@centric/storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextOf, type SdkShop, type ShopWindow, startSdkShop, until } from '../test-support/sdk-shop';

let shop: SdkShop;

beforeAll(async () => {
  shop = await startSdkShop();
});

afterAll(async () => {
  await shop?.close();
});

describe('browser SDK consent in Chromium', () => {
  it('with consent pending writes nothing and holds events; granted sends them; withdrawn wipes', async () => {
    shop.pages.set('pending', { consent: 'pending' });
    const page = await shop.freshPage();
    const before = (await shop.events()).length;
    await shop.open(page, '/pending/');
    const anon = await page.evaluate(() => (window as unknown as ShopWindow).centric.anonymousId());
    await page.evaluate(() => (window as unknown as ShopWindow).centric.track('Wishlist Viewed'));
    await page.evaluate(() => (window as unknown as ShopWindow).centric.flush());
    await page.waitForTimeout(1500);
    expect(await shop.written(page)).toEqual({ cookie: '', keys: [], jar: [] });
    expect((await shop.events()).length).toBe(before);

    await page.evaluate(() => (window as unknown as ShopWindow).centric.setConsent('granted'));
    await page.evaluate(() => (window as unknown as ShopWindow).centric.flush());
    const events = await until(
      () => shop.events(anon),
      (es) => es.length >= 3,
      'events after the grant',
    );
    expect(events.map(shop.label)).toEqual(['page /pending/', 'Wishlist Viewed', 'Consent Updated']);
    expect(JSON.parse(events[2]!.properties!)).toEqual({ consent: 'granted', previous: 'pending' });
    const stored = await shop.written(page);
    expect(stored.keys).toEqual(expect.arrayContaining(['centric.aid', 'centric.consent']));
    expect(stored.jar).toEqual(['centric_aid']);

    // Withdrawn: recorded with the ids it withdraws, then everything stored is removed.
    await page.evaluate(() => (window as unknown as ShopWindow).centric.setConsent('denied'));
    await page.evaluate(() => (window as unknown as ShopWindow).centric.track('After Withdrawal'));
    await page.evaluate(() => (window as unknown as ShopWindow).centric.flush());
    const withdrawn = await until(
      () => shop.events(anon),
      (es) => es.length >= 4,
      'the withdrawal',
    );
    expect(JSON.parse(withdrawn[3]!.properties!)).toEqual({ consent: 'denied', previous: 'granted' });
    expect(await shop.written(page)).toEqual({ cookie: '', keys: [], jar: [] });
    await page.reload();
    await page.waitForFunction(
      () => typeof (window as unknown as ShopWindow).centric?.anonymousId === 'function',
    );
    expect(await page.evaluate(() => (window as unknown as ShopWindow).centric.anonymousId())).not.toBe(anon);
    expect(await shop.written(page)).toEqual({ cookie: '', keys: [], jar: [] });
    await page.waitForTimeout(1200);
    expect((await shop.events()).filter((e) => e.event === 'After Withdrawal')).toEqual([]);
    await page.close();
  });

  it('with consent denied writes and sends nothing; a denial from pending is recorded without ids', async () => {
    shop.pages.set('denied', { consent: 'denied' });
    const page = await shop.freshPage();
    const before = (await shop.events()).length;
    await shop.open(page, '/denied/');
    await page.evaluate(() => {
      (window as unknown as ShopWindow).centric.identify('user-denied', { email: 'd@example.com' });
      (window as unknown as ShopWindow).centric.track('Product Viewed', { product_id: 'SKU-3' });
    });
    await page.evaluate(() => (window as unknown as ShopWindow).centric.flush());
    await page.waitForTimeout(1500);
    expect(await shop.written(page)).toEqual({ cookie: '', keys: [], jar: [] });
    expect((await shop.events()).length).toBe(before);

    await shop.open(page, '/pending/');
    await page.evaluate(() => (window as unknown as ShopWindow).centric.track('Held Then Dropped'));
    await page.evaluate(() => (window as unknown as ShopWindow).centric.setConsent('denied'));
    await page.evaluate(() => (window as unknown as ShopWindow).centric.flush());
    const [consent] = await until(
      async () =>
        (await shop.events()).filter(
          (e) => e.event === 'Consent Updated' && e.anonymousId?.startsWith('cl_'),
        ),
      (es) => es.length === 1,
      'the recorded denial',
    );
    expect(JSON.parse(consent!.properties!)).toEqual({ consent: 'denied', previous: 'pending' });
    expect(contextOf(consent!).cookieless).toBe(true);
    expect((await shop.events()).filter((e) => e.event === 'Held Then Dropped')).toEqual([]);
    expect(await shop.written(page)).toEqual({ cookie: '', keys: [], jar: [] });
    await page.close();
  });

  it('cookieless mode counts visits with a server-made daily id, stores nothing and builds no profile', async () => {
    shop.pages.set('cookieless', { consent: 'pending', cookieless: true });
    const page = await shop.freshPage();
    await shop.open(page, '/cookieless/a');
    await page.evaluate(() => {
      (window as unknown as ShopWindow).centric.productViewed({ productId: 'SKU-4', price: 12 });
      (window as unknown as ShopWindow).centric.identify('user-cookieless', { email: 'c@example.com' });
    });
    await page.evaluate(() => (window as unknown as ShopWindow).centric.flush());
    await page.reload();
    await page.waitForFunction(
      () => typeof (window as unknown as ShopWindow).centric?.anonymousId === 'function',
    );
    await page.evaluate(() => (window as unknown as ShopWindow).centric.flush());
    const isOurs = (e: StoredEvent) => shop.urlOf(e)?.startsWith('/cookieless/') === true;
    const events = await until(
      async () => (await shop.events()).filter(isOurs),
      (es) => es.length >= 3,
      'cookieless events',
    );
    expect(events.map(shop.label)).toEqual(['page /cookieless/a', 'Product Viewed', 'page /cookieless/a']);
    const visitor = events[0]!.anonymousId!;
    expect(visitor).toMatch(/^cl_/);
    expect(events.every((e) => e.anonymousId === visitor && e.userId === null)).toBe(true);
    expect(events.every((e) => contextOf(e).cookieless === true)).toBe(true);
    expect(events.every((e) => contextOf(e).ip === undefined)).toBe(true); // no IP address stored
    expect((await shop.events('user-cookieless')).length).toBe(0);
    expect(await shop.written(page)).toEqual({ cookie: '', keys: [], jar: [] });

    // No identity links and no profile traits for the daily id, while a consenting visitor gets them.
    const { profiles } = shop.server.service.store;
    expect(await profiles.resolve(shop.server.project.id, `a:${visitor}`)).toBe(`a:${visitor}`);
    expect(await profiles.identities(shop.server.project.id, `a:${visitor}`)).not.toContain(
      'u:user-cookieless',
    );
    await shop.server.service.profiles.refreshTraits(shop.server.project.id, { full: true });
    expect(await profiles.traits(shop.server.project.id, `a:${visitor}`)).toBeNull();
    const consenting = (await shop.events()).find((e) => e.anonymousId && !e.anonymousId.startsWith('cl_'))!;
    expect(
      await profiles.traits(
        shop.server.project.id,
        await profiles.resolve(shop.server.project.id, `a:${consenting.anonymousId}`),
      ),
    ).not.toBeNull();

    // Granting consent later switches to a stored anonymous id.
    await page.evaluate(() => (window as unknown as ShopWindow).centric.setConsent('granted'));
    await page.evaluate(() => (window as unknown as ShopWindow).centric.flush());
    const anon = await page.evaluate(() => (window as unknown as ShopWindow).centric.anonymousId());
    const [granted] = await until(
      () => shop.events(anon),
      (es) => es.length >= 1,
      'the grant',
    );
    expect(granted).toMatchObject({ event: 'Consent Updated', anonymousId: anon });
    expect((await shop.written(page)).keys).toContain('centric.aid');
    await page.close();
  });
});
