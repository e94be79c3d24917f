import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { OrderRecord } from '../records';
import { packedItems, parseWooCommerceOrders } from './orders-woocommerce';

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/orders/${name}`, import.meta.url));
const options = { projectId: 'prj_1', now: Date.parse('2025-01-01T00:00:00Z') };

async function parseAll(file: string) {
  const records: (OrderRecord & { line: number })[] = [];
  const errors: { line: number; error: string }[] = [];
  for await (const item of parseWooCommerceOrders(file, options)) {
    if ('error' in item) errors.push(item);
    else records.push({ ...item.record, line: item.line });
  }
  return { records, errors };
}

describe('parseWooCommerceOrders', () => {
  it('reads one order per row with its packed line items and coupons', async () => {
    const { records } = await parseAll(fixture('woocommerce-orders.csv'));
    expect(records.map((r) => [r.orderId, r.line, r.status])).toEqual([
      ['4810', 2, 'completed'],
      ['4811', 3, 'completed'],
      ['4812', 4, 'partially_refunded'],
      ['4813', 5, 'refunded'],
      ['4814', 6, 'cancelled'],
    ]);
    expect(records[0]).toEqual({
      line: 2,
      orderId: '4810',
      // customer_id 0: a guest order, tied to its customer by the billing email.
      customerId: null,
      email: 'lena.meier@example.de',
      orderedAt: Date.parse('2024-03-05T14:03:11Z'),
      currency: 'EUR',
      status: 'completed',
      total: 30.73,
      shipping: 4.9,
      tax: 4.29,
      discount: 2.87,
      coupon: 'willkommen10',
      refundAmount: null,
      refundedAt: null,
      cancelledAt: null,
      channel: 'web',
      lines: [
        {
          productId: 'ESP-CUP',
          sku: 'ESP-CUP',
          name: 'Espresso-Tasse "Klassik"',
          category: null,
          brand: null,
          price: 7.9,
          quantity: 2,
        },
        {
          // The ';' inside the name does not split the item.
          productId: 'BEAN-500',
          sku: 'BEAN-500',
          name: 'Kaffeebohnen Hausmischung; 500 g',
          category: null,
          brand: null,
          price: 12.9,
          quantity: 1,
        },
      ],
    });
  });

  it('uses product_id without a SKU, and refunded_total and refunds for refunds', async () => {
    const { records } = await parseAll(fixture('woocommerce-orders.csv'));
    const byId = new Map(records.map((r) => [r.orderId, r]));
    expect(byId.get('4811')).toMatchObject({
      customerId: '17',
      lines: [{ productId: '312', sku: null, price: 19 }],
    });
    expect(byId.get('4812')).toMatchObject({
      status: 'partially_refunded',
      refundAmount: 12,
      refundedAt: Date.parse('2024-03-09T11:15:00Z'),
      lines: [{ productId: 'ESP-MINI' }, { productId: 'DESCALE', price: 6, quantity: 2 }],
    });
    expect(byId.get('4813')).toMatchObject({ status: 'refunded', refundAmount: 30.7 });
    expect(byId.get('4814')).toMatchObject({ status: 'cancelled', cancelledAt: null });
  });

  it('rejects unpaid orders, bad dates, bad items and repeated orders with reasons', async () => {
    const { errors } = await parseAll(fixture('woocommerce-orders.csv'));
    expect(errors).toEqual([
      { line: 7, error: 'order 4815: order status pending is not a sale' },
      { line: 8, error: 'order 4816: order status failed is not a sale' },
      { line: 9, error: 'order 4817: order_date "2024-02-30 13:00:00" is not a date' },
      { line: 10, error: 'order 4818: line item quantity is empty' },
      { line: 11, error: 'order 4810 appears again (first at line 2)' },
    ]);
  });

  it('splits packed columns only where a key follows', () => {
    expect(packedItems('code:a|amount:1.00;code:b|amount:2.00')).toEqual([
      { code: 'a', amount: '1.00' },
      { code: 'b', amount: '2.00' },
    ]);
    expect(packedItems('id:1|name:Rot|Blau; XL|sku:X|meta:Größe=XL')).toEqual([
      { id: '1', name: 'Rot|Blau; XL', sku: 'X', meta: 'Größe=XL' },
    ]);
    expect(packedItems(null)).toEqual([]);
  });
});
