import { GA4_EVENT_ALIASES } from '@centric/contracts';
import { describe, expect, it } from 'vitest';
import { fromDataLayer, GA4_EVENTS, readDataLayer } from './data-layer';

describe('GA4 data layer', () => {
  it('knows the same GA4 names as the server (the bundle cannot import contracts)', () => {
    expect(GA4_EVENTS).toEqual(GA4_EVENT_ALIASES);
  });

  it('maps an e-commerce push to a track call under its GA4 name, without Tag Manager keys', () => {
    const items = [{ item_id: 'SKU-1', item_name: 'Mug', price: 9.5, quantity: 2 }];
    expect(
      fromDataLayer({
        event: 'add_to_cart',
        'gtm.uniqueEventId': 7,
        eventCallback: () => undefined,
        ecommerce: { currency: 'EUR', value: 19, items },
      }),
    ).toEqual({ event: 'add_to_cart', properties: { currency: 'EUR', value: 19, items } });
    expect(fromDataLayer({ event: 'search', search_term: 'mug' })).toEqual({
      event: 'search',
      properties: { search_term: 'mug' },
    });
  });

  it('reads gtag() calls (an arguments object) too', () => {
    function gtag(..._args: unknown[]) {
      // biome-ignore lint/complexity/noArguments: gtag pushes exactly this object
      return arguments;
    }
    expect(fromDataLayer(gtag('event', 'purchase', { transaction_id: 'T1', value: 30 }))).toEqual({
      event: 'purchase',
      properties: { transaction_id: 'T1', value: 30 },
    });
  });

  it('ignores what is not a GA4 e-commerce event', () => {
    for (const entry of [
      { event: 'gtm.js' },
      { ecommerce: null },
      { event: 'my_custom' },
      ['consent', 'default'],
      42,
    ])
      expect(fromDataLayer(entry)).toBeNull();
  });

  it('replays earlier pushes once, forwards later ones, and keeps the array working', () => {
    const seen: string[] = [];
    const owner: Record<string, unknown> = {
      dataLayer: [{ event: 'gtm.js' }, { event: 'view_item', ecommerce: { items: [] } }],
    };
    readDataLayer(owner, 'dataLayer', (event) => seen.push(event));
    readDataLayer(owner, 'dataLayer', (event) => seen.push(`again ${event}`));
    const layer = owner.dataLayer as unknown[];
    layer.push({ event: 'add_to_cart', ecommerce: { items: [{ item_id: 'A' }] } });
    expect(seen).toEqual(['view_item', 'add_to_cart']);
    expect(layer).toHaveLength(3);
  });
});
