import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from './limits';
import { normaliseMessage } from './normalise';
import { validateMessage } from './validate-message';

const receivedAt = Date.parse('2026-05-04T12:00:00Z');

function normalise(message: Record<string, unknown>) {
  const r = validateMessage(message, { index: 0, receivedAt, batchSentAt: null, limits: DEFAULT_LIMITS });
  if (!('ok' in r)) throw new Error(JSON.stringify(r.errors));
  return normaliseMessage(r.ok, { projectId: 'prj_1', receivedAt, messageId: 'm-1' });
}

describe('normaliseMessage', () => {
  it('maps a GA4 purchase with items[] onto Order Completed with typed columns and order items', () => {
    const n = normalise({
      type: 'track',
      event: 'purchase',
      anonymousId: 'a-1',
      timestamp: '2026-05-04T11:59:00Z',
      properties: {
        transaction_id: 'T-1001',
        value: 84.5,
        currency: 'eur',
        coupon: 'SPRING',
        items: [
          {
            item_id: 'SKU-1',
            item_name: 'Trail shoe',
            item_brand: 'Acme',
            item_category: 'Shoes',
            item_category2: 'Trail',
            price: 59.5,
            quantity: 1,
          },
          { item_id: 'SKU-2', item_name: 'Socks', price: 12.5, quantity: 2 },
        ],
      },
    });
    expect(n.event).toMatchObject({
      event: 'Order Completed',
      orderId: 'T-1001',
      revenue: 84.5,
      value: 84.5,
      currency: 'EUR',
      timestamp: Date.parse('2026-05-04T11:59:00Z'),
    });
    expect(JSON.parse(n.event.properties ?? '{}')).toEqual({
      coupon: 'SPRING',
      products: [
        {
          product_id: 'SKU-1',
          name: 'Trail shoe',
          brand: 'Acme',
          category: 'Shoes/Trail',
          price: 59.5,
          quantity: 1,
          position: 0,
        },
        { product_id: 'SKU-2', name: 'Socks', price: 12.5, quantity: 2, position: 1 },
      ],
    });
    expect(n.orderItems.map((i) => [i.orderId, i.productId, i.category, i.price, i.quantity])).toEqual([
      ['T-1001', 'SKU-1', 'Shoes/Trail', 59.5, 1],
      ['T-1001', 'SKU-2', null, 12.5, 2],
    ]);
  });

  it('maps a single-item GA4 view_item to Product Viewed with its product, and search terms to query', () => {
    const viewed = normalise({
      type: 'track',
      event: 'view_item',
      userId: 'u-1',
      properties: { items: [{ item_id: 'SKU-9', item_category: 'Bags' }] },
    });
    expect(viewed.event).toMatchObject({
      event: 'Product Viewed',
      productId: 'SKU-9',
      category: 'Bags',
      userId: 'u-1',
      anonymousId: null,
    });
    expect(viewed.visitorKey).toBe('u-1');
    const searched = normalise({
      type: 'track',
      event: 'search',
      anonymousId: 'a',
      properties: { search_term: 'rain jacket' },
    });
    expect(searched.event).toMatchObject({
      event: 'Products Searched',
      query: 'rain jacket',
      properties: null,
    });
  });

  it('keeps Segment names, pulls UTM fields from context.campaign or the page URL, and page fields', () => {
    const n = normalise({
      type: 'page',
      name: 'Home',
      anonymousId: 'a',
      context: {
        page: {
          path: '/',
          referrer: 'https://www.google.com/',
          url: 'https://shop.example/?utm_source=news&utm_medium=email&utm_campaign=may',
        },
      },
    });
    expect(n.event).toMatchObject({
      type: 'page',
      event: 'Home',
      pagePath: '/',
      referrer: 'https://www.google.com/',
      utmSource: 'news',
      utmMedium: 'email',
      utmCampaign: 'may',
    });
    expect(n.campaign).toBe('news|email|may');
    const t = normalise({
      type: 'track',
      event: 'Product Added',
      anonymousId: 'a',
      context: { campaign: { source: 'google', medium: 'cpc', name: 'x' } },
      properties: { product_id: 42, price: 3, quantity: '2' },
    });
    expect(t.event).toMatchObject({
      event: 'Product Added',
      productId: '42',
      quantity: 2,
      utmSource: 'google',
      utmCampaign: 'x',
    });
    expect(JSON.parse(t.event.properties ?? '{}')).toEqual({ price: 3 });
  });
});
