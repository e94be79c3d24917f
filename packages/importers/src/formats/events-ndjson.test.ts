import { fileURLToPath } from 'node:url';
import type { StoredEvent } from '@centric/storage';
import { describe, expect, it } from 'vitest';
import { parseEventsNdjson } from './events-ndjson';

const file = fileURLToPath(new URL('../../fixtures/events/events.ndjson', import.meta.url));
const now = Date.parse('2025-01-01T00:00:00Z');

async function parseAll() {
  const records: { line: number; record: StoredEvent }[] = [];
  const errors: { line: number; error: string }[] = [];
  for await (const item of parseEventsNdjson(file, { projectId: 'prj_1', now })) {
    if ('error' in item) errors.push(item);
    else records.push(item);
  }
  return { records, errors };
}

describe('parseEventsNdjson', () => {
  it('stores a GA4 purchase as the HTTP API would: Order Completed with typed columns', async () => {
    const { records } = await parseAll();
    const purchase = records.find((r) => r.line === 4)?.record;
    expect(purchase).toEqual({
      projectId: 'prj_1',
      messageId: expect.stringMatching(/^ndjson:[\w-]{32}$/),
      type: 'track',
      event: 'Order Completed',
      anonymousId: 'a-5b1c',
      userId: 'cust-881',
      previousId: null,
      sessionId: null,
      channel: 'web',
      timestamp: Date.parse('2024-03-05T14:03:11Z'),
      receivedAt: now,
      productId: null,
      orderId: '#1001',
      revenue: 57.2,
      value: 57.2,
      currency: 'EUR',
      quantity: null,
      query: null,
      category: null,
      utmSource: null,
      utmMedium: null,
      utmCampaign: null,
      utmTerm: null,
      utmContent: null,
      pagePath: null,
      referrer: null,
      properties: JSON.stringify({
        tax: 9.13,
        shipping: 4.9,
        products: [
          { product_id: 'TS-RED-M', name: 'T-Shirt Organic', price: 19.9, quantity: 2, position: 0 },
          { product_id: 'MUG-01', name: 'Tasse Morgenmuffel', price: 12.5, quantity: 1, position: 1 },
        ],
      }),
      context: null,
      traits: null,
    });
  });

  it('maps GA4 names, keeps own messageIds and reads pages, identifies and app screens', async () => {
    const { records } = await parseAll();
    expect(records.map((r) => [r.line, r.record.type, r.record.event, r.record.channel])).toEqual([
      [1, 'page', 'Home', 'web'],
      [2, 'track', 'Product Viewed', 'web'],
      [3, 'track', 'Product Added', 'web'],
      [4, 'track', 'Order Completed', 'web'],
      [5, 'track', 'Order Completed', 'web'],
      [6, 'identify', null, 'web'],
      [11, 'track', 'Product Viewed', 'web'],
      [12, 'track', 'Products Searched', 'web'],
      [13, 'track', 'Product Clicked', 'web'],
      [17, 'screen', 'Warenkorb', 'app'],
    ]);
    const byLine = new Map(records.map((r) => [r.line, r.record]));
    expect(byLine.get(1)).toMatchObject({
      messageId: 'web-7f3a-0001',
      utmSource: 'newsletter',
      utmCampaign: 'fruehling',
      pagePath: '/',
    });
    expect(byLine.get(2)).toMatchObject({
      productId: 'TS-RED-M',
      category: 'Bekleidung/Shirts',
      quantity: 1,
    });
    expect(byLine.get(5)).toMatchObject({ messageId: 'srv-order-1002', orderId: '#1002', revenue: 89 });
    expect(byLine.get(6)?.traits).toBe('{"email":"anna.schmidt@example.com","firstName":"Anna"}');
  });

  it('derives the same messageId for the same line, so a re-run or a repeated line stores it once', async () => {
    const first = await parseAll();
    const again = await parseAll();
    expect(again.records.map((r) => r.record.messageId)).toEqual(
      first.records.map((r) => r.record.messageId),
    );
    const byLine = new Map(first.records.map((r) => [r.line, r.record]));
    expect(byLine.get(11)?.messageId).toBe(byLine.get(2)?.messageId);
    expect(byLine.get(3)?.messageId).not.toBe(byLine.get(2)?.messageId);
    expect(new Set(first.records.map((r) => r.record.sessionId))).toEqual(new Set([null]));
  });

  it('corrects clock skew only against the archived receivedAt, never against the import time', async () => {
    const { records } = await parseAll();
    const byLine = new Map(records.map((r) => [r.line, r.record]));
    // timestamp + (receivedAt - sentAt) = 09:00:00 + (09:00:02 - 09:00:05)
    expect(byLine.get(12)?.timestamp).toBe(Date.parse('2024-03-07T08:59:57Z'));
    // sentAt without receivedAt: the timestamp as written.
    expect(byLine.get(13)?.timestamp).toBe(Date.parse('2024-03-07T09:00:30Z'));
    expect(byLine.get(17)?.timestamp).toBe(Date.parse('2024-03-07T18:12:45Z'));
  });

  it('lists bad lines with the first problem as "field: message"', async () => {
    const { errors } = await parseAll();
    expect(errors.map((e) => e.line)).toEqual([7, 8, 9, 10, 14, 15]);
    expect(errors[0]?.error).toBe('event is required for track messages');
    expect(errors[1]?.error).toMatch(/^not valid JSON/);
    expect(errors[2]?.error).toBe('timestamp: imported events need a timestamp (or originalTimestamp)');
    expect(errors[3]?.error).toBe('timestamp 2099-01-01T00:00:00Z lies more than 168 h in the future');
    expect(errors[4]?.error).toBe('channel must be one of web, app, store, service, email');
    expect(errors[5]?.error).toBe('anonymousId is required unless userId is given');
  });
});
