import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { OrderRecord } from '../records';
import type { FormatParser } from './format';
import { parseShopifyOrders } from './orders-shopify';

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/orders/${name}`, import.meta.url));
const options = { projectId: 'prj_1', now: Date.parse('2025-01-01T00:00:00Z') };

async function parseAll(parse: FormatParser<OrderRecord>, file: string) {
  const records: (OrderRecord & { line: number })[] = [];
  const errors: { line: number; error: string }[] = [];
  for await (const item of parse(file, options)) {
    if ('error' in item) errors.push(item);
    else records.push({ ...item.record, line: item.line });
  }
  return { records, errors };
}

describe('parseShopifyOrders', () => {
  it('folds consecutive line-item rows into orders with their order fields', async () => {
    const { records } = await parseAll(parseShopifyOrders, fixture('shopify-orders.csv'));
    expect(records.map((r) => [r.orderId, r.line, r.status, r.lines.length])).toEqual([
      ['#1001', 2, 'completed', 2],
      ['#1002', 4, 'refunded', 1],
      ['#1003', 5, 'partially_refunded', 3],
      ['#1004', 8, 'cancelled', 1],
      ['#1007', 12, 'completed', 2],
    ]);
    expect(records[0]).toEqual({
      line: 2,
      orderId: '#1001',
      customerId: null,
      email: 'anna.schmidt@example.com',
      orderedAt: Date.parse('2024-03-05T13:03:11Z'),
      currency: 'EUR',
      status: 'completed',
      total: 57.2,
      shipping: 4.9,
      tax: 9.13,
      discount: null,
      coupon: null,
      refundAmount: null,
      refundedAt: null,
      cancelledAt: null,
      channel: 'web',
      lines: [
        {
          productId: 'TS-RED-M',
          sku: 'TS-RED-M',
          name: 'T-Shirt Organic - Rot / M',
          category: null,
          brand: 'Nordfaser',
          price: 19.9,
          quantity: 2,
        },
        {
          productId: 'MUG-01',
          sku: 'MUG-01',
          name: 'Tasse "Morgenmuffel", weiß',
          category: null,
          brand: 'Kaffeeklatsch',
          price: 12.5,
          quantity: 1,
        },
      ],
    });
  });

  it('reads refunds, discounts, SKU-less lines, cancellations and POS orders', async () => {
    const { records } = await parseAll(parseShopifyOrders, fixture('shopify-orders.csv'));
    const byId = new Map(records.map((r) => [r.orderId, r]));
    expect(byId.get('#1002')).toMatchObject({
      status: 'refunded',
      refundAmount: 89,
      coupon: 'FREESHIP',
      discount: 4.9,
    });
    const partial = byId.get('#1003');
    expect(partial).toMatchObject({
      status: 'partially_refunded',
      refundAmount: 12.5,
      coupon: 'SPRING10',
      discount: 5,
      total: 101.4,
      // 23:30 at +0200 is still March in Berlin, 21:30 UTC.
      orderedAt: Date.parse('2024-03-31T21:30:00Z'),
    });
    // No SKU: the line's name stands in as the product id.
    expect(partial?.lines[1]).toEqual({
      productId: 'Geschenkkarte 10 €',
      sku: null,
      name: 'Geschenkkarte 10 €',
      category: null,
      brand: 'Kaffeeklatsch',
      price: 10,
      quantity: 3,
    });
    expect(byId.get('#1004')).toMatchObject({
      status: 'cancelled',
      cancelledAt: Date.parse('2024-04-02T16:45:12Z'),
      refundAmount: null,
    });
    expect(byId.get('#1007')).toMatchObject({ channel: 'store', email: null, customerId: null });
  });

  it('lists bad rows with their reasons and keeps going', async () => {
    const { errors } = await parseAll(parseShopifyOrders, fixture('shopify-orders.csv'));
    expect(errors).toEqual([
      { line: 10, error: 'order #1005: Lineitem quantity "zwei" is not a whole number above 0' },
      { line: 11, error: 'order #1006: order status pending is not a sale' },
      { line: 14, error: 'lines of order #1001 are not consecutive' },
      { line: 15, error: 'row has neither Name nor Id' },
    ]);
  });

  it('refuses a file that is not a Shopify export once, not row by row', async () => {
    const { records, errors } = await parseAll(parseShopifyOrders, fixture('woocommerce-orders.csv'));
    expect(records).toEqual([]);
    expect(errors).toEqual([
      {
        line: 1,
        error:
          'not a Shopify orders export: the header lacks the columns "name" or "id", "created at", "financial status", "lineitem quantity", "lineitem sku" or "lineitem name"',
      },
    ]);
  });
});
