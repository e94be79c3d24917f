import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { OrderRecord } from '../records';
import type { FormatParser, ParseOptions } from './format';
import { parseGenericOrdersCsv, parseGenericOrdersNdjson } from './orders-generic';

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/orders/${name}`, import.meta.url));
const base = { projectId: 'prj_1', now: Date.parse('2025-01-01T00:00:00Z') };

async function parseAll(parse: FormatParser<OrderRecord>, file: string, options: ParseOptions = base) {
  const records: { line: number; record: OrderRecord }[] = [];
  const errors: { line: number; error: string }[] = [];
  for await (const item of parse(file, options)) {
    if ('error' in item) errors.push(item);
    else records.push(item);
  }
  return { records, errors };
}

const A1001: OrderRecord = {
  orderId: 'A-1001',
  customerId: 'K-1',
  email: 'anna.schmidt@example.com',
  orderedAt: Date.parse('2024-03-05T14:03:00Z'),
  currency: 'EUR',
  status: 'completed',
  total: 1208.9,
  shipping: 0,
  tax: 193.02,
  discount: null,
  coupon: null,
  refundAmount: null,
  refundedAt: null,
  cancelledAt: null,
  channel: 'web',
  lines: [
    {
      productId: 'P-100',
      sku: 'HM-EICHE',
      name: 'Handmühle „Eiche“',
      category: 'Küche > Kaffee',
      brand: 'Mahlwerk',
      price: 1199,
      quantity: 1,
    },
    {
      productId: 'P-200',
      sku: 'FP-102',
      name: 'Filterpapier Größe 102',
      category: 'Küche > Kaffee',
      brand: 'Mahlwerk',
      price: 4.95,
      quantity: 2,
    },
  ],
};

describe('parseGenericOrdersCsv', () => {
  it('reads a German Windows-1252 file with ";" and decimal commas', async () => {
    const { records } = await parseAll(parseGenericOrdersCsv, fixture('generic-orders-de-cp1252.csv'));
    expect(records[0]).toEqual({ line: 2, record: A1001 });
    expect(records.map((r) => [r.record.orderId, r.record.status, r.record.channel])).toEqual([
      ['A-1001', 'completed', 'web'],
      ['A-1002', 'refunded', 'store'],
      ['A-1003', 'cancelled', 'web'],
      ['A-1004', 'partially_refunded', 'app'],
    ]);
    expect(records[2]?.record).toMatchObject({
      // No total: the sum of the lines; no status but a cancelled_at: cancelled.
      total: 54,
      cancelledAt: Date.parse('2024-03-08T08:00:00Z'),
      lines: [
        { productId: 'P-300', quantity: 2 },
        { productId: 'P-400', sku: null, brand: null, price: 3.5, quantity: 4 },
      ],
    });
    expect(records[3]?.record).toMatchObject({
      customerId: null,
      coupon: 'FRÜHLING5',
      discount: 5,
      refundAmount: 5,
      refundedAt: Date.parse('2024-03-15T09:30:00Z'),
    });
  });

  it('gives the same orders from a UTF-8 file with BOM, "," and decimal points', async () => {
    const german = await parseAll(parseGenericOrdersCsv, fixture('generic-orders-de-cp1252.csv'));
    const utf8 = await parseAll(parseGenericOrdersCsv, fixture('generic-orders-utf8-bom.csv'));
    expect(utf8.records).toEqual(german.records);
    expect(utf8.errors).toEqual(german.errors);
  });

  it('takes forced dialect options as the sniffer would have found them', async () => {
    const file = fixture('generic-orders-de-cp1252.csv');
    const sniffed = await parseAll(parseGenericOrdersCsv, file);
    const forced = await parseAll(parseGenericOrdersCsv, file, {
      ...base,
      encoding: 'windows-1252',
      delimiter: ';',
      decimal: ',',
    });
    expect(forced).toEqual(sniffed);
  });

  it('lists malformed, unpaid, split and id-less rows', async () => {
    const { errors } = await parseAll(parseGenericOrdersCsv, fixture('generic-orders-de-cp1252.csv'));
    expect(errors).toEqual([
      { line: 8, error: 'order A-1005: unit_price "zwölf" is not a number' },
      { line: 9, error: 'order A-1006: order status pending is not a sale' },
      { line: 10, error: 'lines of order A-1001 are not consecutive' },
      { line: 11, error: 'row has no order_id' },
    ]);
  });
});

describe('parseGenericOrdersNdjson', () => {
  it('reads the same orders as the CSV, one per line', async () => {
    const csv = await parseAll(parseGenericOrdersCsv, fixture('generic-orders-utf8-bom.csv'));
    const { records } = await parseAll(parseGenericOrdersNdjson, fixture('generic-orders.ndjson'));
    expect(records.slice(0, 4).map((r) => r.record)).toEqual(csv.records.map((r) => r.record));
    expect(records.map((r) => r.line)).toEqual([1, 2, 3, 4, 11]);
    // Numbers and numeric strings, epoch milliseconds, an item with only a SKU.
    expect(records[4]?.record).toMatchObject({
      orderId: '1009',
      orderedAt: 1710072000000,
      total: 9.9,
      lines: [{ productId: 'FP-102', sku: 'FP-102', price: 4.95, quantity: 2 }],
    });
  });

  it('lists bad lines, duplicates and non-objects with reasons', async () => {
    const { errors } = await parseAll(parseGenericOrdersNdjson, fixture('generic-orders.ndjson'));
    expect(errors.map((e) => e.line)).toEqual([5, 6, 7, 9, 10]);
    expect(errors[0]?.error).toBe('order A-1005: items[0].quantity "-1" is not a whole number above 0');
    expect(errors[1]?.error).toBe('order A-1006: order status pending is not a sale');
    expect(errors[2]?.error).toMatch(/^not valid JSON/);
    expect(errors[3]?.error).toBe('order A-1001 appears again (first at line 1)');
    expect(errors[4]?.error).toBe('line is not a JSON object');
  });
});
