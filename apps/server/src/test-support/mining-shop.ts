// A small shop for the mining tests (HTTP and browser), as ingest messages dated relative to
// now: 6 app customers who use coupons and buy toys three times, 6 web customers who come from a
// search engine, search and buy two lamps once, 4 visitors who search lamps and leave a cart.
const DAY = 86_400_000;
const ago = (days: number, minutes = 0) => new Date(Date.now() - days * DAY + minutes * 60_000).toISOString();

function session(anonymousId: string, daysAgo: number, channel: string, steps: Record<string, unknown>[]) {
  return steps.map((step, i) => ({
    type: 'track',
    anonymousId,
    channel,
    timestamp: ago(daysAgo, i),
    ...step,
  }));
}

const home = (referrer?: string) => ({
  type: 'page',
  name: 'Home',
  context: { page: { path: '/', ...(referrer ? { referrer } : {}) } },
});
const viewed = (productId: string, category: string) => ({
  event: 'Product Viewed',
  properties: { product_id: productId, category },
});

/** The messages, each with a message id, for one POST /v1/batch. */
export function miningShop(): Record<string, unknown>[] {
  const batch: Record<string, unknown>[] = [];
  for (let c = 0; c < 6; c++) {
    for (const d of [20, 12, 4]) {
      batch.push(
        ...session(`app-${c}`, d, 'app', [
          home(),
          viewed('toy-1', 'Toys'),
          { event: 'Coupon Applied', properties: { coupon: 'SAVE10' } },
          {
            event: 'Order Completed',
            properties: {
              order_id: `app-${c}-${d}`,
              revenue: 30,
              coupon: 'SAVE10',
              products: [{ product_id: 'toy-1', category: 'Toys', price: 15, quantity: 2 }],
            },
          },
        ]),
      );
    }
  }
  for (let c = 0; c < 6; c++) {
    batch.push(
      ...session(`web-${c}`, 25, 'web', [
        home('https://www.google.com/'),
        { event: 'Products Searched', properties: { query: 'Lamp ' } },
        viewed('lamp-1', 'Lighting'),
        viewed('lamp-2', 'Lighting'),
        {
          event: 'Order Completed',
          properties: {
            order_id: `web-${c}`,
            revenue: 120,
            products: [
              { product_id: 'lamp-1', category: 'Lighting', price: 80 },
              { product_id: 'lamp-2', category: 'Lighting', price: 40 },
            ],
          },
        },
      ]),
    );
  }
  for (let c = 0; c < 4; c++) {
    batch.push(
      ...session(`browser-${c}`, 8, 'web', [
        home(),
        { event: 'Products Searched', properties: { query: 'lamp' } },
        viewed('lamp-1', 'Lighting'),
        { event: 'Product Added', properties: { product_id: 'lamp-1', price: 80 } },
        { event: 'Cart Viewed' },
      ]),
    );
  }
  return batch.map((m, i) => ({ ...m, messageId: `mining-${i}` }));
}
